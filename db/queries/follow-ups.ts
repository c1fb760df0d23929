import "server-only";
import { alias } from "drizzle-orm/pg-core";
import { and, asc, desc, eq, inArray, isNull, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { comments, followUpStatuses, followUps, meetingParticipants, meetings, organisations, priorityAreas, users } from "@/db/schema";
import { AppError, forbidden, invalid, notFound } from "@/lib/errors";
import { can, canChangeFollowUp, canComment, canSeeFollowUp, type Viewer } from "@/lib/policy";
import type { FollowUpBulkPatch, FollowUpFilters, FollowUpPatch, FollowUpSort, FollowUpValues } from "@/lib/validation/follow-ups";
import { listEntityActivity, recordChanges, recordEvent, staleVersion } from "./activity";
import { visibleMeetingSql } from "./meetings";
import { queueAssignmentNotices } from "./notifications";
import { encodeCursor, likePattern } from "./paging";
import { checkReferences } from "./reference";

type FollowUpStatus = (typeof followUpStatuses)[number];
const closed = ["done", "cancelled"] as const;
/** Overdue is derived, never stored: due before today and not done or cancelled. */
export const overdueSql = sql<boolean>`(${followUps.dueOn} is not null and ${followUps.dueOn} < current_date and ${followUps.status} not in ('done', 'cancelled'))`;
const dueKey = sql`coalesce(${followUps.dueOn}, '9999-12-31'::date)`;
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
const selectFollowUpRows = (db: Db, where: SQL | undefined) =>
  db.select(rowColumns).from(followUps).leftJoin(meetings, eq(meetings.id, followUps.meetingId)).where(where);

export type FollowUpRow = Awaited<ReturnType<typeof selectFollowUpRows>>[number];

export const selectFollowUps = (db: Db, where: SQL | undefined) =>
  db
    .select({
      ...rowColumns,
      meetingTitle: meetings.title,
      meetingHeldOn: meetings.heldOn,
      meetingVisibility: meetings.visibility,
      meetingCreatedById: meetings.createdById,
      meetingHostOrganisationId: meetings.hostOrganisationId,
      priorityAreaName: priorityAreas.name,
      ownerOrganisationAcronym: organisations.acronym,
      ownerOrganisationName: organisations.name,
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

/** The conditions of a filtered list (without the cursor): shared by the list, its counts and the CSV export. */
function followUpWhere(viewer: Viewer, filters: Scoped<Omit<FollowUpFilters, "cursor" | "limit" | "sort" | "dir">>): SQL | undefined {
  const conditions: (SQL | undefined)[] = [visibleFollowUpSql(viewer)];
  if (filters.status) conditions.push(inArray(followUps.status, Array.isArray(filters.status) ? filters.status : [filters.status]));
  if (filters.priorityAreaId) conditions.push(eq(followUps.priorityAreaId, filters.priorityAreaId));
  if (filters.ownerOrganisationIds) conditions.push(inArray(followUps.ownerOrganisationId, filters.ownerOrganisationIds));
  if (filters.meetingId) conditions.push(eq(followUps.meetingId, filters.meetingId));
  if (filters.seriesId) conditions.push(eq(meetings.seriesId, filters.seriesId));
  if (filters.ownerUserId) conditions.push(eq(followUps.ownerUserId, filters.ownerUserId));
  if (filters.dueFrom) conditions.push(sql`${followUps.dueOn} >= ${filters.dueFrom}::date`);
  if (filters.dueTo) conditions.push(sql`${followUps.dueOn} <= ${filters.dueTo}::date`);
  if (filters.overdue !== undefined) conditions.push(filters.overdue ? overdueSql : sql`not ${overdueSql}`);
  if (filters.mine) conditions.push(or(eq(followUps.ownerUserId, viewer.id), eq(followUps.ownerOrganisationId, viewer.organisationId)));
  if (filters.q) {
    const p = likePattern(filters.q);
    conditions.push(or(sql`${followUps.title} ilike ${p}`, sql`${followUps.description} ilike ${p}`));
  }
  return and(...conditions);
}

/**
 * An organisation and all its sub-units, however deep (a union, so a cycle cannot loop), as ids. They
 * are read before the list, not inside it: given the ids, the planner knows it filters a few units'
 * rows and reads the owner index; given the subquery, it guessed half the table and scanned all of
 * it (the board's counts on the scale data, 9 → 2.4 ms). The viewer's own organisation, the pages'
 * default, is known from the session and costs nothing; another is read once per viewer, which is a
 * request's, so a page's list and its counts share the read.
 */
const subtrees = new WeakMap<Viewer, Map<string, Promise<string[]>>>();
export function organisationSubtree(db: Db, viewer: Viewer, organisationId: string): Promise<string[]> {
  if (organisationId === viewer.organisationId) return Promise.resolve([...viewer.subtreeOrganisationIds]);
  let known = subtrees.get(viewer);
  if (!known) subtrees.set(viewer, (known = new Map()));
  let ids = known.get(organisationId);
  if (!ids) {
    ids = db
      .execute(
        sql`with recursive sub(id) as (select ${organisations.id} from ${organisations} where ${organisations.id} = ${organisationId}::uuid union select o.id from ${organisations} o join sub on o.parent_id = sub.id) select id from sub`,
      )
      .then((rows) => rowsOf<{ id: string }>(rows).map((r) => r.id));
    ids.catch(() => known.delete(organisationId));
    known.set(organisationId, ids);
  }
  return ids;
}
/** The filters with the organisation's sub-units read (undefined: no organisation filter): what followUpWhere builds on. */
type Scoped<F> = F & { ownerOrganisationIds: string[] | undefined };
async function scoped<F extends { organisationId?: string }>(db: Db, viewer: Viewer, filters: F): Promise<Scoped<F>> {
  return { ...filters, ownerOrganisationIds: filters.organisationId ? await organisationSubtree(db, viewer, filters.organisationId) : undefined };
}

type SortKey = { expr: SQL; cast: string; value: (f: FollowUpRow) => string };
const idKey: SortKey = { expr: sql`${followUps.id}`, cast: "uuid", value: (f) => f.id };
const dueSortKey: SortKey = { expr: dueKey, cast: "date", value: (f) => f.dueOn ?? "9999-12-31" };
/**
 * Keyset sorts: each ends in the id so the order is total. Timestamps are cut to milliseconds,
 * which is what a JavaScript Date (and so the cursor) holds.
 */
const sortKeys: Record<FollowUpSort, SortKey[]> = {
  due: [dueSortKey, idKey],
  title: [{ expr: sql`${followUps.title}`, cast: "text", value: (f) => f.title }, idKey],
  status: [{ expr: sql`${followUps.status}`, cast: "follow_up_status", value: (f) => f.status }, dueSortKey, idKey],
  updated: [{ expr: sql`date_trunc('milliseconds', ${followUps.updatedAt})`, cast: "timestamptz", value: (f) => f.updatedAt.toISOString() }, idKey],
};

const badCursor = () => invalid("cursor", { cursor: "This page link is not valid. Start again from the first page." });
const cursorShapes: Record<string, (v: string) => boolean> = {
  uuid: (v) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v),
  date: (v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)),
  text: (v) => v.length <= 400,
  follow_up_status: (v) => (followUpStatuses as readonly string[]).includes(v),
  timestamptz: (v) => /^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(v) && !Number.isNaN(Date.parse(v)),
};

/** The cursor's key values, checked against the sort it was made for (no SQL sees a bad one). */
function readCursor(cursor: string, sort: FollowUpSort, dir: "asc" | "desc", keys: SortKey[]): string[] {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw badCursor();
  }
  if (!Array.isArray(values)) throw badCursor();
  // A cursor from before sorting existed is [due, id], the default sort.
  const full: unknown[] = values.length === 2 && sort === "due" && dir === "asc" ? ["due", "asc", ...values] : values;
  const [s, d, ...rest] = full;
  if (s !== sort || d !== dir || rest.length !== keys.length) throw badCursor();
  return keys.map((k, i) => {
    const v = rest[i];
    if (typeof v !== "string" || !cursorShapes[k.cast]?.(v)) throw badCursor();
    return v;
  });
}

/** A page of a filtered, sorted list: its conditions (cursor included), order and size, and how to cut the rows read. */
function pageQuery(viewer: Viewer, filters: Scoped<FollowUpFilters>) {
  const limit = filters.limit ?? 50;
  const sort = filters.sort ?? "due";
  const dir = filters.dir ?? "asc";
  const keys = sortKeys[sort];
  const conditions: (SQL | undefined)[] = [followUpWhere(viewer, filters)];
  if (filters.cursor) {
    const values = readCursor(filters.cursor, sort, dir, keys);
    const left = sql.join(keys.map((k) => k.expr), sql`, `);
    const right = sql.join(keys.map((k, i) => sql`${values[i]}::${sql.raw(k.cast)}`), sql`, `);
    conditions.push(dir === "asc" ? sql`(${left}) > (${right})` : sql`(${left}) < (${right})`);
  }
  return {
    where: and(...conditions),
    order: keys.map((k) => (dir === "asc" ? asc(k.expr) : desc(k.expr))),
    /** One more row than the page is read, to know whether there is a next page. */
    read: limit + 1,
    page<T extends FollowUpRow>(rows: T[]) {
      const items = rows.slice(0, limit);
      const last = items[items.length - 1];
      return { items, nextCursor: rows.length > limit && last ? encodeCursor([sort, dir, ...keys.map((k) => k.value(last))]) : null };
    },
  };
}

/** A page of follow-ups with the names of their meeting, area, organisation and owner (for pages). */
export async function listFollowUps(db: Db, viewer: Viewer, filters: FollowUpFilters) {
  const q = pageQuery(viewer, await scoped(db, viewer, filters));
  return q.page(await selectFollowUps(db, q.where).orderBy(...q.order).limit(q.read));
}

/** The same page, the follow-ups' own fields only (for the API, which answers ids, not names). */
export async function listFollowUpRows(db: Db, viewer: Viewer, filters: FollowUpFilters) {
  const q = pageQuery(viewer, await scoped(db, viewer, filters));
  return q.page(await selectFollowUpRows(db, q.where).orderBy(...q.order).limit(q.read));
}

/**
 * The board's columns: per status, the first page in due order, all in one statement — the ids of
 * each column's first rows from a lateral join over the statuses, then those rows with their names.
 * Postgres plans it once; five lists were planned five times, and planning (≈4 ms a list on the scale
 * data, EXPLAIN ANALYZE) was most of the board's database time. Each column's cursor pages on with
 * listFollowUps({ ...filters, status }).
 */
export async function listFollowUpColumns(db: Db, viewer: Viewer, filters: FollowUpFilters, statuses: readonly FollowUpStatus[], limit: number) {
  if (!statuses.length) return new Map<FollowUpStatus, { items: FollowUp[]; nextCursor: string | null }>();
  const q = pageQuery(viewer, await scoped(db, viewer, { ...filters, status: undefined, sort: "due", dir: "asc", cursor: undefined, limit }));
  const firstRows = db
    .select({ id: followUps.id })
    .from(followUps)
    .leftJoin(meetings, eq(meetings.id, followUps.meetingId))
    .where(and(q.where, sql`${followUps.status} = col.status`))
    .orderBy(...q.order)
    .limit(q.read);
  const statusList = sql.join(
    statuses.map((s) => sql`${s}`),
    sql`, `,
  );
  const rows = await selectFollowUps(
    db,
    inArray(followUps.id, sql`(select f.id from unnest(array[${statusList}]::follow_up_status[]) as col(status) cross join lateral (${firstRows}) f)`),
  ).orderBy(...q.order);
  return new Map(statuses.map((s) => [s, q.page(rows.filter((r) => r.status === s))]));
}

/** How many follow-ups match, by status: the board's column counts. */
export async function countFollowUpsByStatus(db: Db, viewer: Viewer, filters: FollowUpFilters) {
  const rows = await db
    .select({ status: followUps.status, n: sql<number>`count(*)::int` })
    .from(followUps)
    .leftJoin(meetings, eq(meetings.id, followUps.meetingId))
    .where(followUpWhere(viewer, await scoped(db, viewer, filters)))
    .groupBy(followUps.status);
  const counts = Object.fromEntries(followUpStatuses.map((s) => [s, 0])) as Record<FollowUpStatus, number>;
  for (const r of rows) counts[r.status] = Number(r.n);
  return counts;
}

/** The follow-ups of one meeting the viewer can see, for its page (a meeting may have hundreds). */
export async function listMeetingFollowUps(db: Db, meetingId: string) {
  return selectFollowUps(db, eq(followUps.meetingId, meetingId)).orderBy(asc(dueKey), asc(followUps.createdAt));
}

const meetingFacts = (f: FollowUp, participantOrganisationIds: string[]) =>
  f.meetingId && f.meetingVisibility
    ? { visibility: f.meetingVisibility, createdById: f.meetingCreatedById, hostOrganisationId: f.meetingHostOrganisationId, participantOrganisationIds }
    : null;

/** The follow-up if the viewer may see it; otherwise 404. */
export async function getFollowUp(db: Db, viewer: Viewer, id: string, opts: { forUpdate?: boolean } = {}): Promise<FollowUp> {
  if (opts.forUpdate) await db.select({ id: followUps.id }).from(followUps).where(eq(followUps.id, id)).for("update");
  const [row] = await selectFollowUps(db, eq(followUps.id, id)).limit(1);
  if (!row) throw notFound("follow_up");
  const participants = row.meetingId && row.meetingVisibility === "restricted"
    ? (await db.select({ id: meetingParticipants.organisationId }).from(meetingParticipants).where(eq(meetingParticipants.meetingId, row.meetingId))).map((p) => p.id)
    : [];
  if (!canSeeFollowUp(viewer, meetingFacts(row, participants))) throw notFound("follow_up");
  return row;
}

async function checkMeeting(db: Db, viewer: Viewer, meetingId: string | null | undefined) {
  if (!meetingId) return;
  const visible = visibleMeetingSql(viewer);
  const [m] = await db.select({ id: meetings.id }).from(meetings).where(and(eq(meetings.id, meetingId), visible)).limit(1);
  if (!m) throw new AppError("bad_request:follow_up", undefined, { meetingId: "No such meeting. Choose one from the list." });
}

export async function createFollowUp(db: Db, viewer: Viewer, input: FollowUpValues) {
  return db.transaction(async (tx) => {
    await checkMeeting(tx, viewer, input.meetingId);
    await checkReferences(tx, [
      { field: "priorityAreaId", kind: "priorityArea", ids: [input.priorityAreaId] },
      { field: "ownerOrganisationId", kind: "organisation", ids: [input.ownerOrganisationId] },
      { field: "ownerUserId", kind: "user", ids: [input.ownerUserId] },
    ]);
    const [row] = await tx
      .insert(followUps)
      .values({
        ...input,
        meetingId: input.meetingId ?? null,
        ownerUserId: input.ownerUserId ?? null,
        dueOn: input.dueOn ?? null,
        completedAt: input.status === "done" ? new Date() : null,
        createdById: viewer.id,
      })
      .returning({ id: followUps.id });
    if (!row) throw new Error("insert returned nothing");
    await recordEvent(tx, viewer.id, "follow_up", row.id, "created", { title: input.title, status: input.status });
    await queueAssignmentNotices(tx, viewer, row.id, null);
    return getFollowUp(tx, viewer, row.id);
  });
}

export async function updateFollowUp(db: Db, viewer: Viewer, id: string, patch: FollowUpPatch) {
  return db.transaction(async (tx) => {
    const current = await getFollowUp(tx, viewer, id, { forUpdate: true });
    const { version, ...fields } = patch;
    const other = (["title", "description", "priority", "priorityAreaId"] as const).some((k) => fields[k] !== undefined && fields[k] !== current[k]);
    const newOwner = fields.ownerUserId && fields.ownerUserId !== current.ownerUserId
      ? (await tx.select({ organisationId: users.organisationId }).from(users).where(eq(users.id, fields.ownerUserId)))[0]
      : undefined;
    if (!canChangeFollowUp(viewer, current, { ...fields, other, ownerUserOrganisationId: newOwner?.organisationId })) {
      throw forbidden(
        "follow_up",
        viewer.role === "staff"
          ? "You can update follow-ups that you or your organisation own. Reassigning, re-dating and cancelling is for managers."
          : "You can only reassign, re-date or cancel follow-ups owned within your organisation.",
      );
    }
    if (current.version !== version) throw await staleVersion(tx, "follow_up", current);
    await checkReferences(tx, [
      { field: "priorityAreaId", kind: "priorityArea", ids: [fields.priorityAreaId], allowArchived: [current.priorityAreaId] },
      { field: "ownerOrganisationId", kind: "organisation", ids: [fields.ownerOrganisationId], allowArchived: [current.ownerOrganisationId] },
      { field: "ownerUserId", kind: "user", ids: [fields.ownerUserId !== current.ownerUserId ? fields.ownerUserId : null] },
    ]);
    const completedAt =
      fields.status === undefined || fields.status === current.status
        ? undefined
        : fields.status === "done"
          ? new Date()
          : null;
    const [updated] = await tx
      .update(followUps)
      .set({ ...fields, ...(completedAt !== undefined ? { completedAt } : {}), version: sql`${followUps.version} + 1`, updatedAt: new Date() })
      .where(and(eq(followUps.id, id), eq(followUps.version, version)))
      .returning({ id: followUps.id });
    if (!updated) throw await staleVersion(tx, "follow_up", current);
    await recordChanges(tx, viewer.id, "follow_up", id, current, fields);
    await queueAssignmentNotices(tx, viewer, id, current);
    return getFollowUp(tx, viewer, id);
  });
}


export async function addComment(db: Db, viewer: Viewer, followUpId: string, body: string) {
  return db.transaction(async (tx) => {
    const current = await getFollowUp(tx, viewer, followUpId);
    if (!canComment(viewer, current)) throw forbidden("comment", "You can comment on follow-ups that you or your organisation own.");
    const [row] = await tx.insert(comments).values({ followUpId, authorId: viewer.id, body }).returning();
    if (!row) throw new Error("insert returned nothing");
    await recordEvent(tx, viewer.id, "follow_up", followUpId, "commented", { commentId: row.id });
    return { id: row.id, followUpId, authorId: viewer.id, authorName: viewer.name, body: row.body, createdAt: row.createdAt.toISOString() };
  });
}

export async function listComments(db: Db, viewer: Viewer, followUpId: string) {
  await getFollowUp(db, viewer, followUpId);
  const rows = await db
    .select({ id: comments.id, followUpId: comments.followUpId, authorId: comments.authorId, authorName: users.name, body: comments.body, createdAt: comments.createdAt })
    .from(comments)
    .innerJoin(users, eq(users.id, comments.authorId))
    .where(eq(comments.followUpId, followUpId))
    .orderBy(asc(comments.createdAt));
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}

export async function followUpActivity(db: Db, viewer: Viewer, followUpId: string) {
  await getFollowUp(db, viewer, followUpId);
  return listEntityActivity(db, "follow_up", followUpId);
}

/** The latest comment on each follow-up: the "Progress" of the UN decision-tracking layout. */
export async function latestComments(db: Db, ids: string[]) {
  if (!ids.length) return new Map<string, string>();
  const rows = await db
    .selectDistinctOn([comments.followUpId], { followUpId: comments.followUpId, body: comments.body })
    .from(comments)
    .where(inArray(comments.followUpId, ids))
    .orderBy(comments.followUpId, desc(comments.createdAt));
  return new Map(rows.map((r) => [r.followUpId, r.body]));
}

export const isClosed = (status: string) => (closed as readonly string[]).includes(status);

export type BulkRefusal = { id: string; title: string | null; reason: string };

/** Why one follow-up of a bulk edit is refused: said in words the table can show beside its title. */
function bulkRefusalReason(viewer: Viewer, f: FollowUp, change: FollowUpBulkPatch["change"], ownerUserOrganisationId: string | null | undefined) {
  if (viewer.role === "staff") return "Staff cannot bulk edit follow-ups; ask a manager.";
  if (!viewer.subtreeOrganisationIds.has(f.ownerOrganisationId)) return `Owned by ${f.ownerOrganisationAcronym ?? f.ownerOrganisationName}, outside your organisation.`;
  if (change.ownerOrganisationId !== undefined && !viewer.subtreeOrganisationIds.has(change.ownerOrganisationId)) return "You can only reassign to organisations within your own.";
  if (ownerUserOrganisationId && !viewer.subtreeOrganisationIds.has(ownerUserOrganisationId)) return "You can only reassign to people within your organisation.";
  return "You may not make this change.";
}

/**
 * One change to many follow-ups, in one transaction. Invisible ids are reported as not found and
 * never touched; each visible one is checked with the same rule as a single edit, plus the bulk
 * permission (managers within their subtree, admins anywhere). The rest change, each with its activity.
 */
export async function bulkUpdateFollowUps(db: Db, viewer: Viewer, { ids, change }: FollowUpBulkPatch) {
  return db.transaction(async (tx) => {
    const unique = [...new Set(ids)];
    // Lock in id order, so two bulk edits over overlapping rows cannot deadlock.
    await tx.select({ id: followUps.id }).from(followUps).where(inArray(followUps.id, unique)).orderBy(asc(followUps.id)).for("update");
    const rows = await selectFollowUps(tx, and(inArray(followUps.id, unique), visibleFollowUpSql(viewer)));
    const byId = new Map(rows.map((r) => [r.id, r]));
    await checkReferences(tx, [
      { field: "ownerOrganisationId", kind: "organisation", ids: [change.ownerOrganisationId] },
      { field: "ownerUserId", kind: "user", ids: [change.ownerUserId] },
    ]);
    const ownerUserOrganisationId = change.ownerUserId
      ? (await tx.select({ organisationId: users.organisationId }).from(users).where(eq(users.id, change.ownerUserId)))[0]?.organisationId
      : undefined;

    const changed: string[] = [];
    const unchanged: string[] = [];
    const refused: BulkRefusal[] = [];
    for (const id of unique) {
      const current = byId.get(id);
      if (!current) {
        refused.push({ id, title: null, reason: "Not found, or not visible to you." });
        continue;
      }
      const allowed =
        can(viewer, "follow_up:manage", { followUp: current }) && canChangeFollowUp(viewer, current, { ...change, ownerUserOrganisationId });
      if (!allowed) {
        refused.push({ id, title: current.title, reason: bulkRefusalReason(viewer, current, change, ownerUserOrganisationId) });
        continue;
      }
      const fields = Object.fromEntries(Object.entries(change).filter(([k, v]) => v !== undefined && v !== current[k as keyof typeof change])) as FollowUpBulkPatch["change"];
      if (!Object.keys(fields).length) {
        unchanged.push(id);
        continue;
      }
      const completedAt = fields.status === undefined ? undefined : fields.status === "done" ? new Date() : null;
      await tx
        .update(followUps)
        .set({ ...fields, ...(completedAt !== undefined ? { completedAt } : {}), version: sql`${followUps.version} + 1`, updatedAt: new Date() })
        .where(eq(followUps.id, id));
      await recordChanges(tx, viewer.id, "follow_up", id, current, fields);
      await queueAssignmentNotices(tx, viewer, id, current);
      changed.push(id);
    }
    return { changed, unchanged, refused };
  });
}
