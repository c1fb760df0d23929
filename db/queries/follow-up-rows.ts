import "server-only";
import { alias } from "drizzle-orm/pg-core";
import { eq, isNull, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { followUps, meetingParticipants, meetings, organisations, priorityAreas, users } from "@/db/schema";
import { notFound } from "@/lib/errors";
import { closedStatuses } from "@/lib/follow-ups/status";
import { canSeeFollowUp, type Viewer } from "@/lib/policy";
import { localAcronymSql, localNameSql } from "./local-names";
import { visibleMeetingSql } from "./meeting-rows";

/**
 * The base of the follow-up queries: the columns, the visibility rule and one follow-up by id.
 * Kept apart from follow-ups.ts so the modules it calls (notices, attachments, mentions) can read
 * follow-ups without importing it back.
 */
/** The SQL twin of lib/follow-ups/status.ts: the same closed statuses, as literals (constants, so the planner sees them). */
export const closedList = sql.raw(closedStatuses.map((s) => `'${s}'`).join(", "));
export const closedSql = sql<boolean>`(${followUps.status} in (${closedList}))`;
export const notClosedSql = sql<boolean>`(${followUps.status} not in (${closedList}))`;
/** Overdue is derived, never stored: due before today and not done or cancelled (isOverdue's rule). */
export const overdueSql = sql<boolean>`(${followUps.dueOn} is not null and ${followUps.dueOn} < current_date and ${followUps.status} not in (${closedList}))`;
export const dueKey = sql`coalesce(${followUps.dueOn}, '9999-12-31'::date)`;
const ownerUser = alias(users, "owner_user");

/** The follow-up's own fields: what the API answers (toFollowUpJson). */
const rowColumns = {
  id: followUps.id,
  title: followUps.title,
  description: followUps.description,
  meetingId: followUps.meetingId,
  priorityAreaId: followUps.priorityAreaId,
  ownerOrganisationId: followUps.ownerOrganisationId,
  ownerUserId: followUps.ownerUserId,
  dueOn: followUps.dueOn,
  status: followUps.status,
  priority: followUps.priority,
  completedAt: followUps.completedAt,
  overdue: overdueSql,
  createdById: followUps.createdById,
  createdAt: followUps.createdAt,
  updatedAt: followUps.updatedAt,
  version: followUps.version,
};

/** Follow-ups without the names of what they point to (the API's lists): the meeting is joined for the visibility rule only. */
export const selectFollowUpRows = (db: Db, where: SQL | undefined) =>
  db.select(rowColumns).from(followUps).leftJoin(meetings, eq(meetings.id, followUps.meetingId)).where(where);

export type FollowUpRow = Awaited<ReturnType<typeof selectFollowUpRows>>[number];

/**
 * Follow-ups with the names of their meeting, area, organisation and owner. Given a `reader`, the
 * area's and organisation's names are in the reader's language (lib/i18n: French names where set).
 */
export const selectFollowUps = (db: Db, where: SQL | undefined, reader?: Pick<Viewer, "readLocale" | "locale">) =>
  db
    .select({
      ...rowColumns,
      meetingTitle: meetings.title,
      meetingHeldOn: meetings.heldOn,
      meetingVisibility: meetings.visibility,
      meetingCreatedById: meetings.createdById,
      meetingHostOrganisationId: meetings.hostOrganisationId,
      priorityAreaName: reader ? localNameSql(priorityAreas, reader) : sql<string>`${priorityAreas.name}`,
      ownerOrganisationAcronym: reader ? localAcronymSql(organisations, reader) : sql<string | null>`${organisations.acronym}`,
      ownerOrganisationName: reader ? localNameSql(organisations, reader) : sql<string>`${organisations.name}`,
      ownerUserName: ownerUser.name,
    })
    .from(followUps)
    .leftJoin(meetings, eq(meetings.id, followUps.meetingId))
    .innerJoin(priorityAreas, eq(priorityAreas.id, followUps.priorityAreaId))
    .innerJoin(organisations, eq(organisations.id, followUps.ownerOrganisationId))
    .leftJoin(ownerUser, eq(ownerUser.id, followUps.ownerUserId))
    .where(where);

export type FollowUp = Awaited<ReturnType<typeof selectFollowUps>>[number];

/** The SQL form of canSeeFollowUp: one without a meeting is internal; otherwise as its meeting. */
export function visibleFollowUpSql(viewer: Viewer): SQL | undefined {
  const meetingVisible = visibleMeetingSql(viewer);
  return meetingVisible ? or(isNull(followUps.meetingId), meetingVisible) : undefined;
}

export function toFollowUpJson(f: FollowUpRow) {
  return {
    id: f.id,
    title: f.title,
    description: f.description,
    meetingId: f.meetingId,
    priorityAreaId: f.priorityAreaId,
    ownerOrganisationId: f.ownerOrganisationId,
    ownerUserId: f.ownerUserId,
    dueOn: f.dueOn,
    status: f.status,
    priority: f.priority,
    completedAt: f.completedAt?.toISOString() ?? null,
    overdue: f.overdue,
    createdById: f.createdById,
    createdAt: f.createdAt.toISOString(),
    updatedAt: f.updatedAt.toISOString(),
    version: f.version,
  };
}

/** The API's follow-up with the names a person reads beside it (`GET /api/v1/follow-ups?names=true`, the board's cards). */
export function toFollowUpNamesJson(f: FollowUp) {
  return {
    ...toFollowUpJson(f),
    priorityAreaName: f.priorityAreaName,
    ownerOrganisationName: f.ownerOrganisationName,
    ownerOrganisationAcronym: f.ownerOrganisationAcronym,
    ownerUserName: f.ownerUserName,
    meetingTitle: f.meetingTitle,
  };
}

const meetingFacts = (f: FollowUp, participantOrganisationIds: string[]) =>
  f.meetingId && f.meetingVisibility
    ? { visibility: f.meetingVisibility, createdById: f.meetingCreatedById, hostOrganisationId: f.meetingHostOrganisationId, participantOrganisationIds }
    : null;

/**
 * The follow-up if the viewer may see it; otherwise 404. Names are English (writes, webhooks and e-mails
 * build on this row) unless `localNames` asks for the viewer's language, as a page does.
 */
export async function getFollowUp(db: Db, viewer: Viewer, id: string, opts: { forUpdate?: boolean; localNames?: boolean } = {}): Promise<FollowUp> {
  if (opts.forUpdate) await db.select({ id: followUps.id }).from(followUps).where(eq(followUps.id, id)).for("update");
  const [row] = await selectFollowUps(db, eq(followUps.id, id), opts.localNames ? viewer : undefined).limit(1);
  if (!row) throw notFound("follow_up");
  const participants = row.meetingId && row.meetingVisibility === "restricted"
    ? (await db.select({ id: meetingParticipants.organisationId }).from(meetingParticipants).where(eq(meetingParticipants.meetingId, row.meetingId))).map((p) => p.id)
    : [];
  if (!canSeeFollowUp(viewer, meetingFacts(row, participants))) throw notFound("follow_up");
  return row;
}

