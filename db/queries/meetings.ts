import "server-only";
import { and, desc, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { meetingParticipants, meetingPriorityAreas, meetingReviews, meetingSeries, meetings, organisations } from "@/db/schema";
import { forbidden, invalid, notFound } from "@/lib/errors";
import { can, canSeeMeeting, type Viewer } from "@/lib/policy";
import type { MeetingFilters, MeetingValues, meetingPatch } from "@/lib/validation/meetings";
import type { z } from "zod";
import { recordChanges, recordEvent, staleVersion } from "./activity";
import { decodeCursor, encodeCursor, likePattern } from "./paging";
import { checkReferences } from "./reference";

const participantIds = sql<string[]>`(select coalesce(json_agg(mp.organisation_id order by mp.organisation_id), '[]'::json) from ${meetingParticipants} mp where mp.meeting_id = ${meetings.id})`;
const priorityAreaIds = sql<string[]>`(select coalesce(json_agg(ma.priority_area_id order by ma.priority_area_id), '[]'::json) from ${meetingPriorityAreas} ma where ma.meeting_id = ${meetings.id})`;

const reviewedIds = sql<string[]>`(select coalesce(json_agg(mr.reviewed_meeting_id order by mr.reviewed_meeting_id), '[]'::json) from ${meetingReviews} mr where mr.meeting_id = ${meetings.id})`;

const meetingColumns = {
  id: meetings.id,
  title: meetings.title,
  seriesId: meetings.seriesId,
  seriesNumber: meetings.seriesNumber,
  heldOn: meetings.heldOn,
  format: meetings.format,
  location: meetings.location,
  hostOrganisationId: meetings.hostOrganisationId,
  coChairs: meetings.coChairs,
  participantOrganisationIds: participantIds,
  priorityAreaIds: priorityAreaIds,
  reviewedMeetingIds: reviewedIds,
  summary: meetings.summary,
  visibility: meetings.visibility,
  createdById: meetings.createdById,
  createdAt: meetings.createdAt,
  updatedAt: meetings.updatedAt,
  version: meetings.version,
};

export type Meeting = Awaited<ReturnType<typeof selectMeetings>>[number];

const selectMeetings = (db: Db, where: SQL | undefined) =>
  db
    .select({
      ...meetingColumns,
      seriesName: meetingSeries.name,
      hostAcronym: organisations.acronym,
      hostName: organisations.name,
    })
    .from(meetings)
    .leftJoin(meetingSeries, eq(meetingSeries.id, meetings.seriesId))
    .leftJoin(organisations, eq(organisations.id, meetings.hostOrganisationId))
    .where(where);

/**
 * The SQL form of canSeeMeeting (lib/policy.ts): internal meetings, or restricted ones in which
 * the viewer's organisation, an ancestor or a descendant takes part. Admins see all.
 */
export function visibleMeetingSql(viewer: Viewer): SQL | undefined {
  if (viewer.role === "admin") return undefined;
  const related = [...viewer.relatedOrganisationIds];
  return or(
    eq(meetings.visibility, "internal"),
    inArray(meetings.hostOrganisationId, related),
    sql`exists (select 1 from ${meetingParticipants} mp where mp.meeting_id = ${meetings.id} and mp.organisation_id in ${related})`,
  );
}

export function toMeetingJson(m: Meeting) {
  return {
    id: m.id,
    title: m.title,
    seriesId: m.seriesId,
    seriesNumber: m.seriesNumber,
    heldOn: m.heldOn,
    format: m.format,
    location: m.location,
    hostOrganisationId: m.hostOrganisationId,
    coChairs: m.coChairs,
    participantOrganisationIds: m.participantOrganisationIds,
    priorityAreaIds: m.priorityAreaIds,
    reviewedMeetingIds: m.reviewedMeetingIds,
    summary: m.summary,
    visibility: m.visibility,
    createdById: m.createdById,
    createdAt: m.createdAt.toISOString(),
    updatedAt: m.updatedAt.toISOString(),
    version: m.version,
  };
}

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
  if (filters.cursor) {
    const [heldOn, id] = decodeCursor(filters.cursor, ["date", "uuid"]);
    conditions.push(sql`(${meetings.heldOn}, ${meetings.id}) < (${heldOn}::date, ${id}::uuid)`);
  }
  const rows = await selectMeetings(db, and(...conditions))
    .orderBy(desc(meetings.heldOn), desc(meetings.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { items: page, nextCursor: rows.length > limit && last ? encodeCursor([last.heldOn, last.id]) : null };
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

/** The meeting if the viewer may see it; otherwise 404, so its existence does not leak. */
export async function getMeeting(db: Db, viewer: Viewer, id: string): Promise<Meeting> {
  const [row] = await selectMeetings(db, eq(meetings.id, id)).limit(1);
  if (!row || !canSeeMeeting(viewer, row)) throw notFound("meeting");
  return row;
}

function withHost(participants: string[], host: string | null | undefined) {
  return [...new Set([...(host ? [host] : []), ...participants])];
}

function checkVisibleToCreator(viewer: Viewer, visibility: string, participants: string[]) {
  if (visibility === "restricted" && viewer.role !== "admin" && !participants.some((id) => viewer.relatedOrganisationIds.has(id))) {
    throw invalid("meeting", {
      participantOrganisationIds: "A restricted meeting must include your own organisation, or you could not see it yourself.",
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
    const { participantOrganisationIds: _p, priorityAreaIds, reviewedMeetingIds, ...values } = input;
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
    return getMeeting(tx, viewer, row.id);
  });
}

export async function updateMeeting(db: Db, viewer: Viewer, id: string, patch: z.infer<typeof meetingPatch>) {
  return db.transaction(async (tx) => {
    const current = await getMeeting(tx, viewer, id);
    if (!can(viewer, "meeting:edit", { meeting: current })) throw forbidden("meeting", "Only the person who logged this meeting, a manager of the host organisation or an admin can edit it.");
    if (current.version !== patch.version) throw await staleVersion(tx, "meeting", current);
    const { version, participantOrganisationIds, priorityAreaIds, reviewedMeetingIds, ...fields } = patch;
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
    const reviews = reviewedMeetingIds ? await setReviews(tx, viewer, id, reviewedMeetingIds, current.reviewedMeetingIds) : undefined;
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
    return getMeeting(tx, viewer, id);
  });
}

/**
 * Replaces the meetings this one reviews. New links must be meetings the viewer can see (else
 * "no such meeting", not a leak); a link already there to one they cannot see is kept as it is.
 * Returns the new list, sorted.
 */
async function setReviews(tx: Db, viewer: Viewer, meetingId: string, ids: string[], current: string[] = []) {
  const wanted = [...new Set(ids)].sort();
  const added = wanted.filter((r) => !current.includes(r));
  if (wanted.includes(meetingId)) throw invalid("meeting", { reviewedMeetingIds: "A meeting cannot review itself." });
  if (added.length) {
    const found = await tx.select({ id: meetings.id }).from(meetings).where(and(inArray(meetings.id, added), visibleMeetingSql(viewer)));
    if (found.length !== added.length) throw invalid("meeting", { reviewedMeetingIds: "No such meeting. Choose one from the list." });
  }
  if (current.length || wanted.length) {
    await tx.delete(meetingReviews).where(eq(meetingReviews.meetingId, meetingId));
    if (wanted.length) await tx.insert(meetingReviews).values(wanted.map((reviewedMeetingId) => ({ meetingId, reviewedMeetingId })));
  }
  return wanted;
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
