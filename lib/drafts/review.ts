/**
 * The review of a meeting draft, as a pure model: what the reader pre-fills from the draft
 * (reviewOf, the review form's values), which candidate follow-ups sit under which agenda item
 * (followUpsByItem), whether a due date is still the approximate one read from the text
 * (isApproximate), what the summary becomes (summaryOf), the text cut by its evidence (segments)
 * and what the person accepts, mapped to the meeting form's values (acceptedOf). Unit-tested; the
 * review form in components/meetings/draft-review.tsx is its view.
 */
import type { Evidence, MeetingDraft } from "@/lib/drafts/extract";
import type { OrganisationOption } from "@/lib/organisations/tree";
import type { DraftAgendaItem, DraftFollowUp } from "@/lib/validation/meeting-drafts";
import type { MeetingInput } from "@/lib/validation/meetings";

export type Option = { id: string; name: string };

export type ReviewFollowUp = {
  on: boolean;
  title: string;
  priorityAreaId: string;
  ownerOrganisationId: string;
  dueOn: string;
  /** The due date as read from words like "before the summer" (approximate), or "" when it was read exactly or not at all. */
  approximateDueOn: string;
  /** The index of the agenda item (in `agendaItems`) it was agreed under, or null. */
  agendaItem: number | null;
};
export type ReviewAgendaItem = { on: boolean; title: string; priorityAreaId: string };

/** The review form's values (react-hook-form): every list an array of objects, for useFieldArray. */
export type Review = {
  title: string;
  heldOn: string;
  format: string;
  location: string;
  seriesId: string;
  seriesNumber: string;
  hostOrganisationId: string;
  participantCount: string;
  coChairs: { text: string; on: boolean }[];
  participants: { organisationId: string; on: boolean }[];
  areas: { areaId: string; on: boolean }[];
  relatedEvents: { title: string; date: string; on: boolean }[];
  agendaItems: ReviewAgendaItem[];
  followUps: ReviewFollowUp[];
};

export type Confidence = "high" | "medium" | "low";
export const confidenceOf = (c: number): Confidence => (c >= 0.8 ? "high" : c >= 0.6 ? "medium" : "low");

/** "Jean-Luc Lemahieu (UNODC Director for …)": how the meeting form keeps a co-chair. */
export function coChairText(c: MeetingDraft["coChairs"][number], organisations: OrganisationOption[]) {
  const org = organisations.find((o) => o.id === c.organisationId);
  const role = [org?.acronym ?? org?.name, c.title].filter(Boolean).join(" ");
  return role ? `${c.name} (${role})` : c.name;
}

/**
 * The review's starting values. Candidates of a press release start unticked (each is a guess to
 * confirm); those under a numbered agenda item of minutes start ticked, as the actions agreed there.
 */
export function reviewOf(draft: MeetingDraft, organisations: OrganisationOption[], areas: Option[], fallbackOrganisationId: string): Review {
  const firstArea = draft.priorityAreaIds[0] ?? areas[0]?.id ?? "";
  const owner = draft.hostOrganisationId ?? fallbackOrganisationId;
  const itemOf = new Map<number, number>();
  draft.agendaItems.forEach((item, i) => item.followUpCandidateIndexes.forEach((n) => itemOf.set(n, i)));
  return {
    title: draft.title ?? "",
    heldOn: draft.heldOn ?? "",
    format: draft.format ?? "",
    location: draft.location ?? "",
    seriesId: draft.seriesId ?? "",
    seriesNumber: draft.seriesNumber ? String(draft.seriesNumber) : "",
    hostOrganisationId: draft.hostOrganisationId ?? "",
    participantCount: draft.participantCount ? String(draft.participantCount) : "",
    coChairs: draft.coChairs.map((c) => ({ text: coChairText(c, organisations), on: true })),
    participants: draft.participantOrganisationIds.map((organisationId) => ({ organisationId, on: true })),
    areas: draft.priorityAreaIds.map((areaId) => ({ areaId, on: true })),
    relatedEvents: draft.relatedEvents.map((e) => ({ title: e.title, date: e.date ?? "", on: true })),
    agendaItems: draft.agendaItems.map((a) => ({ on: true, title: a.title.slice(0, 300), priorityAreaId: a.priorityAreaId ?? "" })),
    followUps: draft.followUpCandidates.map((f, n) => ({
      on: itemOf.has(n),
      title: f.text.length > 300 ? f.text.slice(0, 300) : f.text,
      priorityAreaId: f.priorityAreaId ?? firstArea,
      ownerOrganisationId: f.ownerOrganisationId ?? owner,
      dueOn: f.dueOn ?? "",
      approximateDueOn: f.dueApproximate && f.dueOn ? f.dueOn : "",
      agendaItem: itemOf.get(n) ?? null,
    })),
  };
}

/** Still the approximate date read from the text (a date the person typed or chose is theirs). */
export const isApproximate = (f: Pick<ReviewFollowUp, "dueOn" | "approximateDueOn">) => !!f.approximateDueOn && f.dueOn === f.approximateDueOn;

/** The candidates' indexes under each agenda item, in order, and those under none. */
export function followUpsByItem(review: Pick<Review, "agendaItems" | "followUps">): { items: number[][]; loose: number[] } {
  const items = review.agendaItems.map((): number[] => []);
  const loose: number[] = [];
  review.followUps.forEach((f, i) => {
    const under = f.agendaItem === null ? undefined : items[f.agendaItem];
    if (under) under.push(i);
    else loose.push(i);
  });
  return { items, loose };
}

/** "2021-12" (a month) or "2022-02-15" (a day): the related event's date as the reader's language writes it. */
export function eventDate(d: string, locale: string) {
  const tag = locale === "fr" ? "fr-FR" : "en-GB";
  if (/^\d{4}-\d{2}-\d{2}$/.test(d)) return new Date(`${d}T00:00:00Z`).toLocaleDateString(tag, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
  if (/^\d{4}-\d{2}$/.test(d)) return new Date(`${d}-01T00:00:00Z`).toLocaleDateString(tag, { month: "short", year: "numeric", timeZone: "UTC" });
  return d;
}

/** The words the summary adds under the text, in the reader's language. */
export type SummaryWords = { participants: string; relatedEvents: string; locale: string };
const englishSummary: SummaryWords = { participants: "Participants", relatedEvents: "Related events", locale: "en" };

/** The pasted text becomes the summary; what the meeting has no field for is added under it. */
export function summaryOf(text: string, review: Pick<Review, "participantCount" | "relatedEvents">, words: SummaryWords = englishSummary): string {
  const extra: string[] = [];
  if (review.participantCount.trim()) extra.push(`**${words.participants}:** ${review.participantCount.trim()}`);
  const events = review.relatedEvents.filter((e) => e.on && e.title.trim());
  if (events.length) {
    extra.push(`**${words.relatedEvents}:**\n\n${events.map((e) => `- ${e.title.trim()}${e.date ? ` (${eventDate(e.date, words.locale)})` : ""}`).join("\n")}`);
  }
  return [text.trim(), ...extra].join("\n\n");
}

/** A field's evidence: `field` names the kind of field (its label comes from the catalogue), `name` the organisation or area. */
export type MarkField = "title" | "heldOn" | "seriesId" | "format" | "location" | "hostOrganisationId" | "participantCount" | "coChair" | "organisation" | "priorityArea" | "relatedEvent" | "followUp" | "agendaItem";
export type Mark = Evidence & { key: string; field: MarkField; name?: string };

/** The text cut at every evidence boundary; each piece knows which fields it supports. */
export function segments(text: string, marks: Mark[]) {
  const cuts = new Set([0, text.length]);
  for (const m of marks) {
    cuts.add(m.start);
    cuts.add(m.end);
  }
  const points = [...cuts].filter((c) => c >= 0 && c <= text.length).sort((a, b) => a - b);
  const out: { start: number; end: number; marks: Mark[] }[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i] as number;
    const end = points[i + 1] as number;
    out.push({ start, end, marks: marks.filter((m) => m.start <= start && end <= m.end) });
  }
  return out;
}

/** What the person accepts: the meeting form's values, the follow-ups to create with it, and the agenda items they go under. */
export type Accepted = { values: Partial<MeetingInput>; followUps: DraftFollowUp[]; agendaItems: DraftAgendaItem[] };

/**
 * What the person accepts from a review. Agenda items left out (or with no title) are not created;
 * a ticked follow-up under one of them is created without an item. `agendaItem` is the index in
 * the accepted `agendaItems`.
 */
export function acceptedOf(review: Review, text: string, words?: SummaryWords): Accepted {
  const kept = new Map<number, number>();
  const agendaItems: DraftAgendaItem[] = [];
  review.agendaItems.forEach((a, i) => {
    if (!a.on || !a.title.trim()) return;
    kept.set(i, agendaItems.length);
    agendaItems.push({ title: a.title.trim(), priorityAreaId: a.priorityAreaId || null });
  });
  return {
    values: {
      title: review.title.trim(),
      heldOn: review.heldOn,
      ...(review.format ? { format: review.format as MeetingInput["format"] } : {}),
      location: review.location.trim(),
      seriesId: review.seriesId || null,
      seriesNumber: /^\d+$/.test(review.seriesNumber.trim()) ? Number(review.seriesNumber.trim()) : null,
      ...(review.hostOrganisationId ? { hostOrganisationId: review.hostOrganisationId } : {}),
      coChairs: review.coChairs.filter((c) => c.on && c.text.trim()).map((c) => c.text.trim()),
      participantOrganisationIds: review.participants.filter((p) => p.on).map((p) => p.organisationId),
      priorityAreaIds: review.areas.filter((a) => a.on).map((a) => a.areaId),
      summary: summaryOf(text, review, words),
    },
    followUps: review.followUps
      .filter((f) => f.on && f.title.trim())
      .map((f) => {
        const item = f.agendaItem === null ? undefined : kept.get(f.agendaItem);
        return {
          title: f.title.trim(),
          priorityAreaId: f.priorityAreaId,
          ownerOrganisationId: f.ownerOrganisationId,
          dueOn: f.dueOn || null,
          ...(item === undefined ? {} : { agendaItem: item }),
        };
      }),
    agendaItems,
  };
}

/** Every field's evidence in the text, with the organisation's or area's name as the lists write it. */
export function marksOf(e: MeetingDraft["evidence"], orgById: ReadonlyMap<string, Pick<OrganisationOption, "name" | "acronym">>, areaById: ReadonlyMap<string, Option>): Mark[] {
  const one = (key: string, field: MarkField, ev: Evidence | null): Mark[] => (ev ? [{ ...ev, key, field }] : []);
  return [
    ...one("title", "title", e.title),
    ...one("heldOn", "heldOn", e.heldOn),
    ...one("seriesId", "seriesId", e.seriesId),
    ...one("format", "format", e.format),
    ...one("location", "location", e.location),
    ...one("hostOrganisationId", "hostOrganisationId", e.hostOrganisationId),
    ...one("participantCount", "participantCount", e.participantCount),
    ...e.coChairs.map((ev, i): Mark => ({ ...ev, key: `coChairs.${i}`, field: "coChair" })),
    ...e.participantOrganisationIds.map((ev): Mark => ({ ...ev, key: `participants.${ev.id}`, field: "organisation", name: orgById.get(ev.id)?.acronym ?? orgById.get(ev.id)?.name ?? "" })),
    ...e.priorityAreaIds.map((ev): Mark => ({ ...ev, key: `areas.${ev.id}`, field: "priorityArea", name: areaById.get(ev.id)?.name ?? "" })),
    ...e.relatedEvents.map((ev, i): Mark => ({ ...ev, key: `relatedEvents.${i}`, field: "relatedEvent" })),
    ...(e.agendaItems ?? []).map((ev, i): Mark => ({ ...ev, key: `agendaItems.${i}`, field: "agendaItem" })),
    ...e.followUpCandidates.map((ev, i): Mark => ({ ...ev, key: `followUps.${i}`, field: "followUp" })),
  ];
}
