import { parseAsBoolean, parseAsNativeArrayOf, parseAsString, parseAsStringLiteral } from "nuqs/server";
import { followUpStatuses } from "@/db/enums";

export const boardGroups = ["none", "priorityArea", "organisation", "meeting", "owner"] as const;
export type BoardGroup = (typeof boardGroups)[number];

/** "organisationId=all" lifts the board's default (the viewer's own organisation and its sub-units). */
export const ALL_ORGANISATIONS = "all";

/**
 * The board's filters as they sit in the URL. The names and shapes are the JSON API's
 * (status repeated), so the same query string also fetches the CSV export.
 */
export const boardSearchParams = {
  q: parseAsString,
  priorityAreaId: parseAsString,
  organisationId: parseAsString,
  /** false: the organisation's own follow-ups, not its sub-units' (default: with them). */
  subUnits: parseAsBoolean,
  meetingId: parseAsString,
  seriesId: parseAsString,
  ownerUserId: parseAsString,
  status: parseAsNativeArrayOf(parseAsStringLiteral(followUpStatuses)),
  dueFrom: parseAsString,
  dueTo: parseAsString,
  completedFrom: parseAsString,
  completedTo: parseAsString,
  overdue: parseAsBoolean,
  group: parseAsStringLiteral(boardGroups),
};
