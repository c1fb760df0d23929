import { z } from "zod";
import { vm } from "@/lib/i18n/validation";
import { meetingFormats, visibilities } from "@/db/enums";
import { agendaItemsInput } from "./agenda-items";
import { csvSep, id, isoDate, requiredText, text, version } from "./common";
import { limits } from "./limits";

// The fields once, without defaults: a default inside .partial() would still fill in, and a
// patch would overwrite what the user did not touch.
const meetingFields = z.object({
  title: requiredText("Title", limits.title),
  seriesId: id("Series").nullable().optional(),
  seriesNumber: z
    .number({ error: vm("mustBeNumber", { label: "Number in the series" }) })
    .int({ error: vm("wholeNumber", { label: "Number in the series" }) })
    .min(1, { error: vm("atLeast", { label: "Number in the series", min: "1" }) })
    .max(10000, { error: vm("atMost", { label: "Number in the series", max: "10000" }) })
    .nullable()
    .optional(),
  heldOn: isoDate("Date"),
  format: z.enum(meetingFormats, { error: vm("meetingFormat") }),
  location: text("Location", limits.meetingLocation).trim(),
  hostOrganisationId: id("Host organisation").nullable().optional(),
  coChairs: z.array(requiredText("Co-chair", 200), { error: vm("coChairsList") }).max(10, { error: vm("atMostCoChairs", { max: 10 }) }),
  participantOrganisationIds: z
    .array(id("Participating organisation"), { error: vm("mustBeList", { label: "Participating organisations" }) })
    .max(500, { error: vm("atMostParticipants", { max: 500 }) }),
  priorityAreaIds: z
    .array(id("Priority area"), { error: vm("mustBeList", { label: "Priority areas" }) })
    .max(100, { error: vm("atMostPriorityAreas", { max: 100 }) }),
  reviewedMeetingIds: z
    .array(id("Reviewed meeting"), { error: vm("mustBeList", { label: "Reviewed meetings" }) })
    .max(50, { error: vm("atMostReviewed", { max: 50 }) }),
  summary: text("Summary", limits.meetingSummary),
  visibility: z.enum(visibilities, { error: vm("visibility") }),
  /** People @mentioned in the summary (the minutes): each must be able to see the meeting, and is notified once. */
  mentionedUserIds: z.array(id("Mentioned person"), { error: vm("mentionedList") }).max(20, { error: vm("mentionAtMost", { max: 20 }) }).optional(),
});
const f = meetingFields.shape;

/** The meeting form; the same schema checks the form in the browser and the request on the server. */
export const meetingInput = meetingFields.extend({
  location: f.location.default(""),
  coChairs: f.coChairs.default([]),
  participantOrganisationIds: f.participantOrganisationIds.default([]),
  priorityAreaIds: f.priorityAreaIds.default([]),
  reviewedMeetingIds: f.reviewedMeetingIds.default([]),
  summary: f.summary.default(""),
  visibility: f.visibility.default("internal"),
});
export type MeetingInput = z.input<typeof meetingInput>;
export type MeetingValues = z.output<typeof meetingInput>;

/** A change to a meeting: any of the fields, plus the version it was based on. */
export const meetingPatch = meetingFields
  .partial()
  // The agenda, in order, with each item's outcomes: replaces the whole agenda when given.
  .extend({ version, agendaItems: agendaItemsInput.optional() })
  .refine((v) => Object.keys(v).some((k) => k !== "version"), { error: vm("changeOneField"), path: ["_"] });

export const meetingFilters = z.object({
  q: text("Search", 200).trim().optional(),
  seriesId: id("Series").optional(),
  year: z.coerce
    .number({ error: vm("mustBeNumber", { label: "Year" }) })
    .int({ error: vm("wholeNumber", { label: "Year" }) })
    .min(1900, { error: vm("yearFrom", { label: "Year", min: "1900" }) })
    .max(2999, { error: vm("yearTo", { label: "Year", max: "2999" }) })
    .optional(),
  priorityAreaId: id("Priority area").optional(),
  organisationId: id("Organisation").optional(),
  cursor: text("Cursor", 200).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});
export type MeetingFilters = z.infer<typeof meetingFilters>;

/** The briefing's audience: `wide` leaves restricted meetings' follow-ups out, for sharing beyond the participants. */
export const briefingOptions = z.object({
  audience: z.enum(["all", "wide"], { error: vm("audience") }).optional(),
  /** The CSV's separator (the Markdown ignores it). */
  sep: csvSep.optional(),
});

const oneOrMany = <T extends z.ZodType>(item: T) => z.union([item.transform((v) => [v]), z.array(item)]);

/**
 * The people a meeting not yet saved could mention (GET /api/v1/meetings/mentionable): those who will
 * see it as the form now stands. A query string repeats participantOrganisationIds once per organisation.
 */
export const proposedMentionableQuery = z.object({
  q: z.string().max(100, { error: vm("searchAtMost", { max: 100 }) }).optional(),
  visibility: f.visibility.default("internal"),
  hostOrganisationId: id("Host organisation").optional(),
  participantOrganisationIds: oneOrMany(id("Participating organisation")).pipe(f.participantOrganisationIds).default([]),
});
