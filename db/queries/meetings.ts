import "server-only";
import { and, asc, desc, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { meetingParticipants, meetingPriorityAreas, meetingReviews, meetingSeries, meetings, organisations, watchers } from "@/db/schema";
import { forbidden, invalid } from "@/lib/errors";
import { vm } from "@/lib/i18n/validation";
import { can, type Viewer } from "@/lib/policy";
import type { MeetingFilters, MeetingValues, meetingPatch } from "@/lib/validation/meetings";
import type { z } from "zod";
import { recordChanges, recordEvent, staleVersion } from "./activity";
import { meetingEvent } from "./webhook-events";
import { writeAgendaItems } from "./agenda-items";
import { decodeCursor, encodeCursor, likePattern, literalRegex } from "./paging";
import { checkReferences } from "./reference";
import { meetingChanged, meetingMentioned } from "./user-notifications";
import { getMeeting, meetingColumns, reviewedIds, visibleMeetingSql } from "./meeting-rows";

export * from "./meeting-rows";

export async function listMeetings(db: Db, viewer: Viewer, filters: MeetingFilters) {
  const limit = filters.limit ?? 50;
  const conditions: (SQL | undefined)[] = [visibleMeetingSql(viewer)];
  if (filters.q) {
    const p = likePattern(filters.q);
    conditions.push(or(sql`${meetings.title} ilike ${p}`, sql`${meetings.summary} ilike ${p}`, sql`${meetings.location} ilike ${p}`));
  }
  if (filters.seriesId) conditions.push(eq(meetings.seriesId, filters.seriesId));
  if (filters.year) conditions.push(sql`${meetings.heldOn} >= ${`${filters.year}-01-01`}::date and ${meetings.heldOn} < ${`${filters.year + 1}-01-01`}::date`);
  if (filters.priorityAreaId)
    conditions.push(sql`exists (select 1 from ${meetingPriorityAreas} ma where ma.meeting_id = ${meetings.id} and ma.priority_area_id = ${filters.priorityAreaId})`);
  if (filters.organisationId)
    conditions.push(
      or(
        eq(meetings.hostOrganisationId, filters.organisationId),
        sql`exists (select 1 from ${meetingParticipants} mp where mp.meeting_id = ${meetings.id} and mp.organisation_id = ${filters.organisationId})`,
      ),
    );
  // A search ranks the title's whole words first ("16th" finds the 16th meeting before the 17th,
  // whose summary mentions the 16th): 0 the title starts with the words, 1 has them as words,
  // 2 contains them, 3 only the summary or place does. Then the newest first, as without a search.
  const word = filters.q ? literalRegex(filters.q) : "";
  const rank = filters.q
    ? sql<number>`(case when ${meetings.title} ~* ${`^${word}\\M`} then 0 when ${meetings.title} ~* ${`\\m${word}\\M`} then 1 when ${meetings.title} ilike ${likePattern(filters.q)} then 2 else 3 end)`
    : sql<number>`0::int`;
  if (filters.cursor) {
    if (filters.q) {
      const [r, heldOn, id] = decodeCursor(filters.cursor, ["rank", "date", "uuid"]);
      conditions.push(sql`(${rank} > ${Number(r)} or (${rank} = ${Number(r)} and (${meetings.heldOn}, ${meetings.id}) < (${heldOn}::date, ${id}::uuid)))`);
    } else {
      const [heldOn, id] = decodeCursor(filters.cursor, ["date", "uuid"]);
      conditions.push(sql`(${meetings.heldOn}, ${meetings.id}) < (${heldOn}::date, ${id}::uuid)`);
    }
  }
  const rows = await db
    .select({ ...meetingColumns, reviewedMeetingIds: reviewedIds(viewer), seriesName: meetingSeries.name, hostAcronym: organisations.acronym, hostName: organisations.name, rank })
    .from(meetings)
    .leftJoin(meetingSeries, eq(meetingSeries.id, meetings.seriesId))
    .leftJoin(organisations, eq(organisations.id, meetings.hostOrganisationId))
    .where(and(...conditions))
    .orderBy(...(filters.q ? [asc(rank)] : []), desc(meetings.heldOn), desc(meetings.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit).map(({ rank: _rank, ...m }) => m);
  const last = rows.length > limit ? rows[limit - 1] : undefined;
  return { items: page, nextCursor: last ? encodeCursor(filters.q ? [String(last.rank), last.heldOn, last.id] : [last.heldOn, last.id]) : null };
}

/** The meetings to choose from in a filter (the most recent first), or the chosen one: names and dates only. */
export async function listMeetingOptions(db: Db, viewer: Viewer, only?: { id: string }) {
  return db
    .select({ id: meetings.id, title: meetings.title, heldOn: meetings.heldOn })
    .from(meetings)
    .where(and(visibleMeetingSql(viewer), only ? eq(meetings.id, only.id) : undefined))
    .orderBy(desc(meetings.heldOn), desc(meetings.id))
    .limit(only ? 1 : 200);
}

function withHost(participants: string[], host: string | null | undefined) {
  return [...new Set([...(host ? [host] : []), ...participants])];
}

function checkVisibleToCreator(viewer: Viewer, visibility: string, participants: string[]) {
  if (visibility === "restricted" && viewer.role !== "admin" && !participants.some((id) => viewer.relatedOrganisationIds.has(id))) {
    throw invalid("meeting", {
      participantOrganisationIds: vm("restrictedOwnOrganisation"),
    });
  }
}

export async function createMeeting(db: Db, viewer: Viewer, input: MeetingValues) {
  if (!can(viewer, "meeting:create")) throw forbidden("meeting");
  const participants = withHost(input.participantOrganisationIds, input.hostOrganisationId);
  checkVisibleToCreator(viewer, input.visibility, participants);
  return db.transaction(async (tx) => {
    await checkReferences(tx, [
      { field: "seriesId", kind: "series", ids: [input.seriesId] },
      { field: "hostOrganisationId", kind: "organisation", ids: [input.hostOrganisationId] },
      { field: "participantOrganisationIds", kind: "organisation", ids: input.participantOrganisationIds },
      { field: "priorityAreaIds", kind: "priorityArea", ids: input.priorityAreaIds },
    ]);
    const { participantOrganisationIds: _p, priorityAreaIds, reviewedMeetingIds, mentionedUserIds, ...values } = input;
    const [row] = await tx
      .insert(meetings)
      .values({ ...values, seriesId: values.seriesId ?? null, seriesNumber: values.seriesNumber ?? null, createdById: viewer.id })
      .returning({ id: meetings.id });
    if (!row) throw new Error("insert returned nothing");
    if (participants.length) await tx.insert(meetingParticipants).values(participants.map((organisationId) => ({ meetingId: row.id, organisationId })));
    const areas = [...new Set(priorityAreaIds)];
    if (areas.length) await tx.insert(meetingPriorityAreas).values(areas.map((priorityAreaId) => ({ meetingId: row.id, priorityAreaId })));
    await setReviews(tx, viewer, row.id, reviewedMeetingIds);
    await recordEvent(tx, viewer.id, "meeting", row.id, "created", { title: input.title });
    await tx.insert(watchers).values({ userId: viewer.id, meetingId: row.id }).onConflictDoNothing();
    await meetingChanged(tx, row.id);
    if (mentionedUserIds?.length) await meetingMentioned(tx, viewer, row.id, mentionedUserIds, "");
    const created = await getMeeting(tx, viewer, row.id);
    await meetingEvent(tx, "meeting.created", created);
    return created;
  });
}

export async function updateMeeting(db: Db, viewer: Viewer, id: string, patch: z.infer<typeof meetingPatch>) {
  return db.transaction(async (tx) => {
    const current = await getMeeting(tx, viewer, id);
    if (!can(viewer, "meeting:edit", { meeting: current })) throw forbidden("meeting", vm("meetingEditWho"));
    if (current.version !== patch.version) throw await staleVersion(tx, "meeting", current);
    const { version, participantOrganisationIds, priorityAreaIds, reviewedMeetingIds, agendaItems, mentionedUserIds, ...fields } = patch;
    const host = fields.hostOrganisationId !== undefined ? fields.hostOrganisationId : current.hostOrganisationId;
    const participants = participantOrganisationIds !== undefined || fields.hostOrganisationId !== undefined
      ? withHost(participantOrganisationIds ?? current.participantOrganisationIds, host)
      : undefined;
    checkVisibleToCreator(viewer, fields.visibility ?? current.visibility, participants ?? current.participantOrganisationIds);
    // Records already chosen stay valid even if archived since; new choices must be active.
    await checkReferences(tx, [
      { field: "seriesId", kind: "series", ids: [fields.seriesId], allowArchived: current.seriesId ? [current.seriesId] : [] },
      { field: "hostOrganisationId", kind: "organisation", ids: [fields.hostOrganisationId], allowArchived: current.hostOrganisationId ? [current.hostOrganisationId] : [] },
      { field: "participantOrganisationIds", kind: "organisation", ids: participants ?? [], allowArchived: current.participantOrganisationIds },
      { field: "priorityAreaIds", kind: "priorityArea", ids: priorityAreaIds ?? [], allowArchived: current.priorityAreaIds },
    ]);
    const [updated] = await tx
      .update(meetings)
      .set({ ...fields, version: sql`${meetings.version} + 1`, updatedAt: new Date() })
      .where(and(eq(meetings.id, id), eq(meetings.version, version)))
      .returning({ id: meetings.id });
    if (!updated) throw await staleVersion(tx, "meeting", current);
    if (participants) {
      await tx.delete(meetingParticipants).where(eq(meetingParticipants.meetingId, id));
      if (participants.length) await tx.insert(meetingParticipants).values(participants.map((organisationId) => ({ meetingId: id, organisationId })));
    }
    const areas = priorityAreaIds ? [...new Set(priorityAreaIds)] : undefined;
    if (areas) {
      await tx.delete(meetingPriorityAreas).where(eq(meetingPriorityAreas.meetingId, id));
      if (areas.length) await tx.insert(meetingPriorityAreas).values(areas.map((priorityAreaId) => ({ meetingId: id, priorityAreaId })));
    }
    const reviews = reviewedMeetingIds ? await setReviews(tx, viewer, id, reviewedMeetingIds) : undefined;
    // The agenda is written under the meeting's version: a stale agenda edit was refused above.
    if (agendaItems) await writeAgendaItems(tx, viewer, id, agendaItems);
    const sorted = (a: string[]) => [...a].sort();
    const after: Record<string, unknown> = { ...fields };
    const before: Record<string, unknown> = { ...current };
    if (participants) {
      after.participantOrganisationIds = sorted(participants);
      before.participantOrganisationIds = sorted(current.participantOrganisationIds);
    }
    if (areas) {
      after.priorityAreaIds = sorted(areas);
      before.priorityAreaIds = sorted(current.priorityAreaIds);
    }
    if (reviews) {
      after.reviewedMeetingIds = reviews;
      before.reviewedMeetingIds = sorted(current.reviewedMeetingIds);
    }
    await recordChanges(tx, viewer.id, "meeting", id, before, after);
    await meetingChanged(tx, id);
    // After the change: a mention is checked against who can see the meeting now.
    if (mentionedUserIds?.length) await meetingMentioned(tx, viewer, id, mentionedUserIds, current.summary);
    const updatedMeeting = await getMeeting(tx, viewer, id);
    await meetingEvent(tx, "meeting.updated", updatedMeeting);
    return updatedMeeting;
  });
}

/**
 * Replaces the meetings this one reviews, as far as the viewer can see them. New links must be
 * meetings the viewer can see (else "no such meeting", not a leak); links to meetings they cannot
 * see are kept whatever the list says, since they could not have chosen to drop them.
 * Returns the new list of links the viewer sees, sorted.
 */
async function setReviews(tx: Db, viewer: Viewer, meetingId: string, ids: string[]) {
  const wanted = [...new Set(ids)].sort();
  if (wanted.includes(meetingId)) throw invalid("meeting", { reviewedMeetingIds: vm("meetingReviewSelf") });
  const existing = await tx
    .select({ id: meetingReviews.reviewedMeetingId, visible: visibleMeetingSql(viewer) ?? sql<boolean>`true` })
    .from(meetingReviews)
    .innerJoin(meetings, eq(meetings.id, meetingReviews.reviewedMeetingId))
    .where(eq(meetingReviews.meetingId, meetingId));
  const hidden = existing.filter((r) => !r.visible).map((r) => r.id);
  const current = existing.map((r) => r.id);
  const added = wanted.filter((r) => !current.includes(r));
  if (added.length) {
    const found = await tx.select({ id: meetings.id }).from(meetings).where(and(inArray(meetings.id, added), visibleMeetingSql(viewer)));
    if (found.length !== added.length) throw invalid("meeting", { reviewedMeetingIds: vm("noSuchChoice", { kind: "meeting" }) });
  }
  const kept = [...new Set([...wanted, ...hidden])];
  if (current.length || kept.length) {
    await tx.delete(meetingReviews).where(eq(meetingReviews.meetingId, meetingId));
    if (kept.length) await tx.insert(meetingReviews).values(kept.map((reviewedMeetingId) => ({ meetingId, reviewedMeetingId })));
  }
  return wanted.filter((r) => !hidden.includes(r));
}

/** Every meeting the viewer can see, newest first, as "title (15 Feb 2022)": the choices for "meetings it reviews". */
export async function listReviewableMeetings(db: Db, viewer: Viewer) {
  const rows = await db
    .select({ id: meetings.id, title: meetings.title, heldOn: meetings.heldOn })
    .from(meetings)
    .where(visibleMeetingSql(viewer))
    .orderBy(desc(meetings.heldOn), desc(meetings.id))
    .limit(1000);
  return rows.map((r) => ({ id: r.id, label: `${r.title} (${r.heldOn})` }));
}
