import "server-only";
import { asc, desc, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { meetingParticipants, meetingPriorityAreas, meetingReviews, meetingSeries, meetings, organisations } from "@/db/schema";
import { notFound } from "@/lib/errors";
import { canSeeMeeting, type Viewer } from "@/lib/policy";

/** The base of the meeting queries: the columns, the visibility rule and one meeting by id (no imports back into meetings.ts). */
const participantIds = sql<string[]>`(select coalesce(json_agg(mp.organisation_id order by mp.organisation_id), '[]'::json) from ${meetingParticipants} mp where mp.meeting_id = ${meetings.id})`;
const priorityAreaIds = sql<string[]>`(select coalesce(json_agg(ma.priority_area_id order by ma.priority_area_id), '[]'::json) from ${meetingPriorityAreas} ma where ma.meeting_id = ${meetings.id})`;

/** The meetings this one reviews, only those the viewer may see: a restricted one's id never leaves the server. */
export function reviewedIds(viewer: Viewer) {
  const visible = visibleReviewedSql(viewer);
  return sql<string[]>`(select coalesce(json_agg(mr.reviewed_meeting_id order by mr.reviewed_meeting_id), '[]'::json) from ${meetingReviews} mr
    join ${meetings} rm on rm.id = mr.reviewed_meeting_id where mr.meeting_id = ${meetings.id}${visible ? sql` and ${visible}` : sql``})`;
}

/** visibleMeetingSql for the reviewed meeting, aliased `rm`. */
function visibleReviewedSql(viewer: Viewer): SQL | undefined {
  if (viewer.role === "admin") return undefined;
  const related = [...viewer.relatedOrganisationIds];
  return sql`(rm.visibility = 'internal' or rm.host_organisation_id in ${related}
    or exists (select 1 from ${meetingParticipants} rp where rp.meeting_id = rm.id and rp.organisation_id in ${related}))`;
}

/**
 * The order in which a series' earlier meetings are "the previous one": the latest date; on the same date, the higher
 * number, then the first one logged (a second record of the same meeting, drafted again from its press release,
 * does not take the original's place).
 */
export const previousInSeriesOrder = [desc(meetings.heldOn), sql`${meetings.seriesNumber} desc nulls last`, asc(meetings.createdAt), asc(meetings.id)] as const;

export const meetingColumns = {
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
  summary: meetings.summary,
  visibility: meetings.visibility,
  createdById: meetings.createdById,
  createdAt: meetings.createdAt,
  updatedAt: meetings.updatedAt,
  version: meetings.version,
};

export type Meeting = Awaited<ReturnType<typeof selectMeetings>>[number];

export const selectMeetings = (db: Db, viewer: Viewer, where: SQL | undefined) =>
  db
    .select({
      ...meetingColumns,
      reviewedMeetingIds: reviewedIds(viewer),
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

/** The meeting if the viewer may see it; otherwise 404, so its existence does not leak. */
export async function getMeeting(db: Db, viewer: Viewer, id: string): Promise<Meeting> {
  const [row] = await selectMeetings(db, viewer, eq(meetings.id, id)).limit(1);
  if (!row || !canSeeMeeting(viewer, row)) throw notFound("meeting");
  return row;
}

