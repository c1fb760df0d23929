import "server-only";
import { createLoader } from "nuqs/server";
import type { Viewer } from "@/lib/policy";
import { localizedFieldErrors } from "@/lib/i18n/errors";
import { readerLocale } from "@/lib/i18n/locale";
import { safeParseInput } from "@/lib/validation/common";
import { type FollowUpFilters, followUpFilters } from "@/lib/validation/follow-ups";
import { ALL_ORGANISATIONS, boardSearchParams } from "@/components/board/search-params";

type SearchParams = Record<string, string | string[] | undefined>;
const load = createLoader(boardSearchParams);

/**
 * The URL's filters for the board and the table, checked with the API's own schema. No
 * organisation in the URL means the viewer's own (with its sub-units); "all" lifts that.
 * A bad value is dropped with a message in the reader's language, never a 500.
 */
export function resolveFilters(viewer: Viewer, searchParams: SearchParams) {
  const v = load(searchParams);
  const raw = {
    q: v.q ?? undefined,
    priorityAreaId: v.priorityAreaId ?? undefined,
    organisationId: v.organisationId === ALL_ORGANISATIONS ? undefined : (v.organisationId ?? viewer.organisationId),
    subUnits: v.subUnits === false && v.organisationId && v.organisationId !== ALL_ORGANISATIONS ? "false" : undefined,
    meetingId: v.meetingId ?? undefined,
    seriesId: v.seriesId ?? undefined,
    ownerUserId: v.ownerUserId ?? undefined,
    status: v.status.length ? v.status : undefined,
    dueFrom: v.dueFrom ?? undefined,
    dueTo: v.dueTo ?? undefined,
    completedFrom: v.completedFrom ?? undefined,
    completedTo: v.completedTo ?? undefined,
    overdue: v.overdue ? "true" : undefined,
  };
  const parsed = safeParseInput(followUpFilters, raw);
  if (parsed.success) return { filters: parsed.data, group: v.group ?? "none", problems: {} as Record<string, string> };
  // Said in the reader's language (the page shows them).
  const problems = localizedFieldErrors(parsed.error, readerLocale(viewer));
  const kept = Object.fromEntries(Object.entries(raw).filter(([k]) => !(k in problems)));
  const retry = safeParseInput(followUpFilters, kept);
  return { filters: retry.success ? retry.data : ({ organisationId: viewer.organisationId } as FollowUpFilters), group: v.group ?? "none", problems };
}

/** The query string of the JSON API (and CSV export) for these filters. */
export function apiQuery(filters: FollowUpFilters, extra: Record<string, string> = {}) {
  const q = new URLSearchParams();
  for (const [k, value] of Object.entries(filters)) {
    if (value === undefined || k === "cursor" || k === "limit") continue;
    for (const one of Array.isArray(value) ? value : [value]) q.append(k, String(one));
  }
  for (const [k, value] of Object.entries(extra)) q.set(k, value);
  return q.toString();
}
