import "server-only";
import { and, asc, desc, eq, gte, inArray, isNotNull, lt, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { activity, followUps, meetingReviews, meetingSeries, meetings, organisations, priorityAreas } from "@/db/schema";
import type { DocumentRef } from "@/lib/csv";
import { notFound } from "@/lib/errors";
import type { Viewer } from "@/lib/policy";
import { documentRefs } from "./attachments";
import { closedSql, type FollowUp, latestComments, notClosedSql, organisationSubtree, overdueSql, selectFollowUps, visibleFollowUpSql } from "./follow-ups";
import { getMeeting, type Meeting, previousInSeriesOrder, visibleMeetingSql } from "./meetings";

type Status = FollowUp["status"];

/**
 * "As it was on a meeting's date" means as it stood when the meeting opened: at 00:00 UTC on the
 * day it was held, which is the end of the day before.
 */
export const asOfInstant = (heldOn: string) => `${heldOn}T00:00:00.000Z`;

/**
 * A follow-up's status at an instant, from its activity: the "to" of the last status change
 * before it; failing that, the "from" of the first change after it (the status it was created
 * with); failing that, the status now (it never changed). A column expression, so a whole list
 * is read in one query.
 */
export function statusAsOfSql(at: string) {
  const changes = sql`from ${activity} a where a.entity_type = 'follow_up' and a.entity_id = ${followUps.id} and a.field = 'status'`;
  return sql<Status>`coalesce(
    (select a.after #>> '{}' ${changes} and a.at < ${at}::timestamptz order by a.at desc, a.id desc limit 1),
    (select a.before #>> '{}' ${changes} and a.at >= ${at}::timestamptz order by a.at asc, a.id asc limit 1),
    ${followUps.status}::text
  )`;
}

/** The status of each follow-up at an instant (see statusAsOfSql); ids the viewer cannot see are left out. */
export async function statusesAsOf(db: Db, viewer: Viewer, ids: string[], at: string) {
  if (!ids.length) return new Map<string, Status>();
  const rows = await db
    .select({ id: followUps.id, status: statusAsOfSql(at) })
    .from(followUps)
    .leftJoin(meetings, eq(meetings.id, followUps.meetingId))
    .where(and(inArray(followUps.id, ids), visibleFollowUpSql(viewer)));
  return new Map(rows.map((r) => [r.id, r.status]));
}

export type EarlierMeeting = { id: string; title: string; heldOn: string; visibility: "internal" | "restricted"; reason: "previous" | "reviewed" };

/**
 * The meetings a meeting looks back on: the previous meeting of its series (the latest one held
 * before it) and the meetings it explicitly reviews. Only those the viewer can see.
 */
export async function earlierMeetings(db: Db, viewer: Viewer, meeting: Pick<Meeting, "id" | "seriesId" | "heldOn">): Promise<EarlierMeeting[]> {
  const columns = { id: meetings.id, title: meetings.title, heldOn: meetings.heldOn, visibility: meetings.visibility };
  const [previous, reviewed] = await Promise.all([
    meeting.seriesId
      ? db
          .select(columns)
          .from(meetings)
          .where(and(eq(meetings.seriesId, meeting.seriesId), lt(meetings.heldOn, meeting.heldOn)))
          .orderBy(...previousInSeriesOrder)
          .limit(1)
      : Promise.resolve([]),
    db
      .select(columns)
      .from(meetingReviews)
      .innerJoin(meetings, eq(meetings.id, meetingReviews.reviewedMeetingId))
      .where(and(eq(meetingReviews.meetingId, meeting.id), visibleMeetingSql(viewer)))
      .orderBy(desc(meetings.heldOn)),
  ]);
  // The previous one counts only if the viewer may see it; it is not replaced by an older one.
  const visiblePrevious = previous.length
    ? await db.select({ id: meetings.id }).from(meetings).where(and(eq(meetings.id, previous[0]!.id), visibleMeetingSql(viewer)))
    : [];
  const out: EarlierMeeting[] = visiblePrevious.length ? [{ ...previous[0]!, reason: "previous" }] : [];
  for (const r of reviewed) if (!out.some((m) => m.id === r.id)) out.push({ ...r, reason: "reviewed" });
  return out;
}

export type ContinuityItem = FollowUp & { statusThen: Status };

/**
 * "Since the previous meeting": the follow-ups of the meetings this one looks back on, each with
 * its status when this meeting opened and its status now. One query for all of them.
 */
export async function sinceThePreviousMeeting(db: Db, viewer: Viewer, meetingId: string) {
  const meeting = await getMeeting(db, viewer, meetingId);
  const sources = await earlierMeetings(db, viewer, meeting);
  const at = asOfInstant(meeting.heldOn);
  const rows = sources.length
    ? await selectFollowUps(db, and(inArray(followUps.meetingId, sources.map((s) => s.id)), visibleFollowUpSql(viewer)), viewer).orderBy(
        asc(priorityAreas.sortOrder),
        asc(sql`coalesce(${followUps.dueOn}, '9999-12-31'::date)`),
        asc(followUps.createdAt),
      )
    : [];
  const then = await statusesAsOf(db, viewer, rows.map((r) => r.id), at);
  const items: ContinuityItem[] = rows.map((r) => ({ ...r, statusThen: then.get(r.id) ?? r.status }));
  return {
    meeting: { id: meeting.id, title: meeting.title, heldOn: meeting.heldOn },
    asOf: at,
    groups: sources.map((s) => ({ meeting: s, items: items.filter((i) => i.meetingId === s.id) })),
  };
}

// ---------------------------------------------------------------------------------------------
// The series page

const median = (expr: SQL) => sql<number | null>`percentile_cont(0.5) within group (order by ${expr})`;
/** Days from the meeting to the day the follow-up was completed (UTC). */
const daysToClose = sql`((${followUps.completedAt} at time zone 'UTC')::date - ${meetings.heldOn})`;
const isDone = sql`${followUps.status} = 'done'`;

/**
 * A series, meeting by meeting: commitments made, closed (done or cancelled), still open, overdue
 * and the median days from the meeting to completion (done ones) — in total and per priority
 * area. Only meetings the viewer can see are listed or counted, so a restricted meeting's
 * follow-ups never show in an outsider's numbers.
 */
export async function seriesStats(db: Db, viewer: Viewer, seriesId: string) {
  const [series] = await db.select().from(meetingSeries).where(eq(meetingSeries.id, seriesId));
  if (!series) throw notFound("meeting_series");
  const inSeries = and(eq(meetings.seriesId, seriesId), visibleMeetingSql(viewer));
  const figures = {
    made: sql<number>`count(${followUps.id})::int`,
    closed: sql<number>`(count(*) filter (where ${closedSql}))::int`,
    done: sql<number>`(count(*) filter (where ${isDone}))::int`,
    open: sql<number>`(count(*) filter (where ${notClosedSql}))::int`,
    overdue: sql<number>`(count(*) filter (where ${overdueSql}))::int`,
    medianDaysToClose: sql<number | null>`${median(daysToClose)} filter (where ${isDone} and ${isNotNull(followUps.completedAt)})`,
  };
  const [list, perMeeting, perArea] = await Promise.all([
    db
      .select({ id: meetings.id, title: meetings.title, seriesNumber: meetings.seriesNumber, heldOn: meetings.heldOn, visibility: meetings.visibility })
      .from(meetings)
      .where(inSeries)
      .orderBy(desc(meetings.heldOn), desc(meetings.id)),
    db
      .select({ meetingId: meetings.id, ...figures })
      .from(meetings)
      .leftJoin(followUps, eq(followUps.meetingId, meetings.id))
      .where(inSeries)
      .groupBy(meetings.id),
    db
      .select({ meetingId: meetings.id, priorityAreaId: priorityAreas.id, priorityAreaName: priorityAreas.name, ...figures })
      .from(followUps)
      .innerJoin(meetings, eq(meetings.id, followUps.meetingId))
      .innerJoin(priorityAreas, eq(priorityAreas.id, followUps.priorityAreaId))
      .where(inSeries)
      .groupBy(meetings.id, priorityAreas.id, priorityAreas.name, priorityAreas.sortOrder)
      .orderBy(asc(priorityAreas.sortOrder), asc(priorityAreas.name)),
  ]);
  const num = <T extends { made: number; closed: number; done: number; open: number; overdue: number; medianDaysToClose: number | null }>(r: T) => ({
    made: Number(r.made),
    closed: Number(r.closed),
    done: Number(r.done),
    open: Number(r.open),
    overdue: Number(r.overdue),
    medianDaysToClose: r.medianDaysToClose === null ? null : Math.round(Number(r.medianDaysToClose)),
  });
  const totals = new Map(perMeeting.map((r) => [r.meetingId, num(r)]));
  const empty = { made: 0, closed: 0, done: 0, open: 0, overdue: 0, medianDaysToClose: null };
  return {
    series: { id: series.id, name: series.name, description: series.description, archived: series.archived },
    meetings: list.map((m) => ({
      ...m,
      totals: totals.get(m.id) ?? empty,
      byPriorityArea: perArea
        .filter((r) => r.meetingId === m.id)
        .map((r) => ({ priorityAreaId: r.priorityAreaId, priorityAreaName: r.priorityAreaName, ...num(r) })),
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// The briefing pack

export type BriefingOptions = { wide?: boolean };

/**
 * The briefing for a meeting: the follow-ups of the meetings it follows on from (the earlier
 * meetings of its series and the meetings it reviews) that are still open, and those completed
 * since the previous meeting of the series. `wide` leaves every restricted meeting's items out,
 * for a wider audience, even those the viewer may see.
 */
export async function briefing(db: Db, viewer: Viewer, meetingId: string, options: BriefingOptions = {}) {
  const meeting = await getMeeting(db, viewer, meetingId);
  // For a wide audience, a restricted meeting is neither named in the scope nor a "since" date.
  const sources = (await earlierMeetings(db, viewer, meeting)).filter((s) => !options.wide || s.visibility === "internal");
  const previous = sources.find((s) => s.reason === "previous") ?? null;
  const reviewedIds = sources.filter((s) => s.reason === "reviewed").map((s) => s.id);
  const fromMeetings = or(
    meeting.seriesId ? and(eq(meetings.seriesId, meeting.seriesId), lt(meetings.heldOn, meeting.heldOn)) : undefined,
    reviewedIds.length ? inArray(followUps.meetingId, reviewedIds) : undefined,
  );
  if (!fromMeetings) return { meeting, previous, sources, open: [], completed: [], progress: new Map<string, string>(), documents: new Map<string, DocumentRef[]>(), wide: !!options.wide };
  const scope = and(fromMeetings, visibleFollowUpSql(viewer), options.wide ? eq(meetings.visibility, "internal") : undefined);
  // Completed since the previous meeting; with no previous meeting, since the earliest reviewed one.
  const since = previous?.heldOn ?? sources.map((s) => s.heldOn).sort()[0] ?? meeting.heldOn;
  const [open, completed] = await Promise.all([
    selectFollowUps(db, and(scope, notClosedSql), viewer).orderBy(
      asc(priorityAreas.sortOrder),
      asc(sql`coalesce(${followUps.dueOn}, '9999-12-31'::date)`),
      asc(followUps.title),
    ),
    selectFollowUps(db, and(scope, eq(followUps.status, "done"), gte(followUps.completedAt, new Date(asOfInstant(since)))), viewer).orderBy(
      asc(priorityAreas.sortOrder),
      desc(followUps.completedAt),
    ),
  ]);
  const ids = [...open, ...completed].map((f) => f.id);
  const [progress, documents] = await Promise.all([latestComments(db, ids), documentRefs(db, ids)]);
  return { meeting, previous, sources, open, completed, progress, documents, wide: !!options.wide, since };
}

export type Briefing = Awaited<ReturnType<typeof briefing>>;

/** Counts of open and overdue follow-ups by a key (priority area or owner organisation), biggest first. */
export function tally<K extends string>(items: FollowUp[], key: (f: FollowUp) => K, label: (f: FollowUp) => string) {
  const rows = new Map<K, { key: K; label: string; open: number; overdue: number }>();
  for (const f of items) {
    const k = key(f);
    const row = rows.get(k) ?? { key: k, label: label(f), open: 0, overdue: 0 };
    row.open += 1;
    if (f.overdue) row.overdue += 1;
    rows.set(k, row);
  }
  return [...rows.values()].sort((a, b) => b.open - a.open || b.overdue - a.overdue || a.label.localeCompare(b.label));
}

// ---------------------------------------------------------------------------------------------
// The accountability view

/**
 * On time: done, completed (UTC day) on or before the due date. The rate is over follow-ups with a
 * due date that are done or overdue — what has either been delivered or should have been.
 */
const onTimeSql = sql`(${followUps.status} = 'done' and ${followUps.dueOn} is not null and (${followUps.completedAt} at time zone 'UTC')::date <= ${followUps.dueOn})`;
const ratedSql = sql`(${followUps.dueOn} is not null and (${followUps.status} = 'done' or ${overdueSql}))`;

/**
 * Everything an organisation and its sub-units own, across all the meetings the viewer can see:
 * the figures (per unit and in total, in SQL), the overdue items and the full list.
 */
export async function accountability(db: Db, viewer: Viewer, organisationId: string) {
  const [organisation] = await db
    .select({ id: organisations.id, name: organisations.name, acronym: organisations.acronym, kind: organisations.kind, parentId: organisations.parentId, archived: organisations.archived })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  if (!organisation) throw notFound("organisation");
  const owned = and(inArray(followUps.ownerOrganisationId, await organisationSubtree(db, viewer, organisationId)), visibleFollowUpSql(viewer));
  const figures = {
    total: sql<number>`count(*)::int`,
    open: sql<number>`(count(*) filter (where ${notClosedSql}))::int`,
    overdue: sql<number>`(count(*) filter (where ${overdueSql}))::int`,
    done: sql<number>`(count(*) filter (where ${followUps.status} = 'done'))::int`,
    onTime: sql<number>`(count(*) filter (where ${onTimeSql}))::int`,
    rated: sql<number>`(count(*) filter (where ${ratedSql}))::int`,
  };
  const [units, items] = await Promise.all([
    db
      .select({ organisationId: organisations.id, acronym: organisations.acronym, name: organisations.name, ...figures })
      .from(followUps)
      .leftJoin(meetings, eq(meetings.id, followUps.meetingId))
      .innerJoin(organisations, eq(organisations.id, followUps.ownerOrganisationId))
      .where(owned)
      .groupBy(organisations.id, organisations.acronym, organisations.name)
      .orderBy(desc(sql`count(*)`), asc(organisations.name)),
    selectFollowUps(db, owned, viewer)
      .orderBy(asc(closedSql), asc(sql`coalesce(${followUps.dueOn}, '9999-12-31'::date)`), asc(followUps.title))
      .limit(1000),
  ]);
  const rate = (onTime: number, rated: number) => (rated ? onTime / rated : null);
  const unitRows = units.map((u) => {
    const n = { total: Number(u.total), open: Number(u.open), overdue: Number(u.overdue), done: Number(u.done), onTime: Number(u.onTime), rated: Number(u.rated) };
    return { organisationId: u.organisationId, acronym: u.acronym, name: u.name, ...n, onTimeRate: rate(n.onTime, n.rated) };
  });
  const sum = (k: "total" | "open" | "overdue" | "done" | "onTime" | "rated") => unitRows.reduce((a, u) => a + u[k], 0);
  const totals = { total: sum("total"), open: sum("open"), overdue: sum("overdue"), done: sum("done"), onTime: sum("onTime"), rated: sum("rated") };
  return {
    organisation,
    totals: { ...totals, onTimeRate: rate(totals.onTime, totals.rated) },
    units: unitRows,
    overdue: items.filter((f) => f.overdue),
    items,
  };
}
