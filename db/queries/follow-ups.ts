import "server-only";
import { and, asc, desc, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { activity, commentMentions, comments, followUpStatuses, followUps, meetings, notifications, organisations, users } from "@/db/schema";
import { readUndoToken, UNDO_MINUTES, type UndoItem, undoToken } from "@/server/bulk-undo-token";
import { AppError, forbidden, invalid } from "@/lib/errors";
import { sentenceIn } from "@/lib/i18n/errors";
import { readerLocale } from "@/lib/i18n/locale";
import { vm } from "@/lib/i18n/validation";
import { completedAtFor, type FollowUpStatus, isClosed } from "@/lib/follow-ups/status";
import { can, canChangeFollowUp, canComment, type Viewer } from "@/lib/policy";
import type { FollowUpBulkPatch, FollowUpFilters, FollowUpPatch, FollowUpSort, FollowUpValues } from "@/lib/validation/follow-ups";
import { listEntityActivity, recordChanges, recordEvent, recordMany, staleVersion } from "./activity";
import { attachToComment, checkEvidence } from "./attachments";
import { dueKey, type FollowUp, type FollowUpRow, getFollowUp, overdueSql, selectFollowUpRows, selectFollowUps, visibleFollowUpSql } from "./follow-up-rows";
import { visibleMeetingSql } from "./meeting-rows";

export * from "./follow-up-rows";
import { queueAssignmentNotices } from "./assignment-notices";
import { followUpEvent, queueFollowUpChange } from "./webhook-events";
import { encodeCursor, isCursorText, isIsoInstant, isRealDate, isUuid, likePattern } from "./paging";
import { checkMentions, followUpChanged, saveMentions } from "./user-notifications";
import { checkReferences } from "./reference";

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
  // UTC days, as the overview's months are, whatever the server's time zone; a range on the column itself.
  if (filters.completedFrom) conditions.push(sql`${followUps.completedAt} >= (${filters.completedFrom}::date)::timestamp at time zone 'UTC'`);
  if (filters.completedTo) conditions.push(sql`${followUps.completedAt} < (${filters.completedTo}::date + 1)::timestamp at time zone 'UTC'`);
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
 * it (measured: bench/README.md, "History"). The viewer's own organisation, the pages'
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
async function scoped<F extends { organisationId?: string; subUnits?: boolean }>(db: Db, viewer: Viewer, filters: F): Promise<Scoped<F>> {
  if (!filters.organisationId) return { ...filters, ownerOrganisationIds: undefined };
  if (filters.subUnits === false) return { ...filters, ownerOrganisationIds: [filters.organisationId] };
  return { ...filters, ownerOrganisationIds: await organisationSubtree(db, viewer, filters.organisationId) };
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

const badCursor = () => invalid("cursor", { cursor: vm("badCursor") });
const cursorShapes: Record<string, (v: string) => boolean> = {
  uuid: isUuid,
  date: isRealDate,
  text: isCursorText,
  follow_up_status: (v) => (followUpStatuses as readonly string[]).includes(v),
  timestamptz: isIsoInstant,
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
  return q.page(await selectFollowUps(db, q.where, viewer).orderBy(...q.order).limit(q.read));
}

/** The same page, the follow-ups' own fields only (for the API, which answers ids, not names). */
export async function listFollowUpRows(db: Db, viewer: Viewer, filters: FollowUpFilters) {
  const q = pageQuery(viewer, await scoped(db, viewer, filters));
  return q.page(await selectFollowUpRows(db, q.where).orderBy(...q.order).limit(q.read));
}

/**
 * The board's columns: per status, the first page in due order, all in one statement — the ids of
 * each column's first rows from a lateral join over the statuses, then those rows with their names.
 * Postgres plans it once; five lists were planned five times, and planning was most of the board's
 * database time (bench/README.md, "History"). Each column's cursor pages on with
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
    viewer,
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
export async function listMeetingFollowUps(db: Db, viewer: Viewer, meetingId: string) {
  return selectFollowUps(db, and(eq(followUps.meetingId, meetingId), visibleFollowUpSql(viewer)), viewer).orderBy(asc(dueKey), asc(followUps.createdAt));
}

async function checkMeeting(db: Db, viewer: Viewer, meetingId: string | null | undefined) {
  if (!meetingId) return;
  const visible = visibleMeetingSql(viewer);
  const [m] = await db.select({ id: meetings.id }).from(meetings).where(and(eq(meetings.id, meetingId), visible)).limit(1);
  if (!m) throw new AppError("bad_request:follow_up", undefined, { meetingId: vm("noSuchChoice", { kind: "meeting" }) });
}

export async function createFollowUp(db: Db, viewer: Viewer, input: FollowUpValues) {
  return db.transaction(async (tx) => {
    await checkMeeting(tx, viewer, input.meetingId);
    // A new follow-up has no documents yet: in an area that requires evidence it cannot start done.
    if (input.status === "done") await checkEvidence(tx, "00000000-0000-0000-0000-000000000000", input.priorityAreaId);
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
        completedAt: completedAtFor(input.status) ?? null,
        createdById: viewer.id,
      })
      .returning({ id: followUps.id });
    if (!row) throw new Error("insert returned nothing");
    await recordEvent(tx, viewer.id, "follow_up", row.id, "created", { title: input.title, status: input.status });
    await queueAssignmentNotices(tx, viewer, row.id, null);
    await followUpChanged(tx, viewer, row.id, { created: true });
    const created = await getFollowUp(tx, viewer, row.id);
    await followUpEvent(tx, "follow_up.created", created);
    return created;
  });
}

export async function updateFollowUp(db: Db, viewer: Viewer, id: string, patch: FollowUpPatch) {
  return db.transaction(async (tx) => {
    const current = await getFollowUp(tx, viewer, id, { forUpdate: true });
    const { version, ...sent } = patch;
    // Only what differs is a change: a PATCH that changes nothing changes nothing (no version bump,
    // no permission needed), so nobody can force other people's 409s by re-sending what is there.
    const fields = Object.fromEntries(
      Object.entries(sent).filter(([k, v]) => v !== undefined && (v ?? null) !== (current[k as keyof typeof current] ?? null)),
    ) as typeof sent;
    if (!Object.keys(fields).length) {
      if (current.version !== version) throw await staleVersion(tx, "follow_up", current);
      return current;
    }
    const other = (["title", "description", "priority", "priorityAreaId"] as const).some((k) => fields[k] !== undefined && fields[k] !== current[k]);
    const newOwner = fields.ownerUserId && fields.ownerUserId !== current.ownerUserId
      ? (await tx.select({ organisationId: users.organisationId }).from(users).where(eq(users.id, fields.ownerUserId)))[0]
      : undefined;
    if (!canChangeFollowUp(viewer, current, { ...fields, other, ownerUserOrganisationId: newOwner?.organisationId })) {
      throw forbidden(
        "follow_up",
        viewer.role === "staff" ? vm("followUpStaffScope") : vm("followUpManagerScope"),
      );
    }
    if (current.version !== version) throw await staleVersion(tx, "follow_up", current);
    if (fields.status === "done" && current.status !== "done") await checkEvidence(tx, id, fields.priorityAreaId ?? current.priorityAreaId);
    await checkReferences(tx, [
      { field: "priorityAreaId", kind: "priorityArea", ids: [fields.priorityAreaId], allowArchived: [current.priorityAreaId] },
      { field: "ownerOrganisationId", kind: "organisation", ids: [fields.ownerOrganisationId], allowArchived: [current.ownerOrganisationId] },
      { field: "ownerUserId", kind: "user", ids: [fields.ownerUserId !== current.ownerUserId ? fields.ownerUserId : null] },
    ]);
    const completedAt = completedAtFor(fields.status, current.status);
    const [updated] = await tx
      .update(followUps)
      .set({ ...fields, ...(completedAt !== undefined ? { completedAt } : {}), version: sql`${followUps.version} + 1`, updatedAt: new Date() })
      .where(and(eq(followUps.id, id), eq(followUps.version, version)))
      .returning({ id: followUps.id });
    if (!updated) throw await staleVersion(tx, "follow_up", current);
    await recordChanges(tx, viewer.id, "follow_up", id, current, fields);
    await queueAssignmentNotices(tx, viewer, id, current);
    await followUpChanged(tx, viewer, id, { before: current });
    const after = await getFollowUp(tx, viewer, id);
    await queueFollowUpChange(tx, current, after);
    return after;
  });
}


/** A comment: the people it @mentions (each must be able to see the follow-up) and documents the viewer already uploaded to this follow-up. */
export async function addComment(db: Db, viewer: Viewer, followUpId: string, body: string, extras: { mentionedUserIds?: readonly string[]; attachmentIds?: string[] } = {}) {
  const { mentionedUserIds = [], attachmentIds = [] } = extras;
  return db.transaction(async (tx) => {
    const current = await getFollowUp(tx, viewer, followUpId);
    if (!canComment(viewer, current)) throw forbidden("comment", vm("commentOwnOnly"));
    const mentioned = await checkMentions(tx, current.meetingId, mentionedUserIds);
    const [row] = await tx.insert(comments).values({ followUpId, authorId: viewer.id, body }).returning();
    if (!row) throw new Error("insert returned nothing");
    await saveMentions(tx, row.id, mentioned);
    await attachToComment(tx, viewer, followUpId, row.id, attachmentIds);
    const attached = [...new Set(attachmentIds)];
    await recordEvent(tx, viewer.id, "follow_up", followUpId, "commented", { commentId: row.id, ...(attached.length ? { attachmentIds: attached } : {}) });
    await followUpChanged(tx, viewer, followUpId, { comment: { id: row.id, mentionedUserIds: mentioned } });
    await followUpEvent(tx, "comment.created", current, { comment: { id: row.id, authorName: viewer.name, body: row.body, createdAt: row.createdAt.toISOString() } });
    return { id: row.id, followUpId, authorId: viewer.id, authorName: viewer.name, body: row.body, mentionedUserIds: mentioned, attachmentIds: attached, createdAt: row.createdAt.toISOString() };
  });
}

export async function listComments(db: Db, viewer: Viewer, followUpId: string) {
  await getFollowUp(db, viewer, followUpId);
  const mentions = sql<string[]>`(select coalesce(json_agg(cm.user_id order by cm.user_id), '[]'::json) from ${commentMentions} cm where cm.comment_id = ${comments.id})`;
  const rows = await db
    .select({
      id: comments.id,
      followUpId: comments.followUpId,
      authorId: comments.authorId,
      authorName: users.name,
      body: comments.body,
      mentionedUserIds: mentions,
      attachmentIds: sql<string[]>`(select coalesce(json_agg(a.id order by a.created_at), '[]'::json) from attachments a where a.comment_id = ${comments.id} and a.deleted_at is null)`,
      createdAt: comments.createdAt,
    })
    .from(comments)
    .innerJoin(users, eq(users.id, comments.authorId))
    .where(eq(comments.followUpId, followUpId))
    .orderBy(asc(comments.createdAt));
  const list = (v: string[] | string) => (typeof v === "string" ? (JSON.parse(v) as string[]) : v);
  return rows.map((r) => ({ ...r, mentionedUserIds: list(r.mentionedUserIds), attachmentIds: list(r.attachmentIds), createdAt: r.createdAt.toISOString() }));
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

export type BulkRefusal = { id: string; title: string | null; reason: string };

/** Why one follow-up of a bulk edit is refused: said in words the table can show beside its title, in the viewer's language (an answer, not an error). */
function bulkRefusalReason(viewer: Viewer, f: FollowUp, change: FollowUpBulkPatch["change"], ownerUserOrganisationId: string | null | undefined) {
  const locale = readerLocale(viewer);
  if (viewer.role === "staff") return sentenceIn(locale, "bulkStaff");
  if (!viewer.subtreeOrganisationIds.has(f.ownerOrganisationId)) return sentenceIn(locale, "bulkOutside", { owner: f.ownerOrganisationAcronym ?? f.ownerOrganisationName });
  if (change.ownerOrganisationId !== undefined && !viewer.subtreeOrganisationIds.has(change.ownerOrganisationId)) return sentenceIn(locale, "bulkReassignOrganisation");
  if (ownerUserOrganisationId && !viewer.subtreeOrganisationIds.has(ownerUserOrganisationId)) return sentenceIn(locale, "bulkReassignPerson");
  return sentenceIn(locale, "bulkNotAllowed");
}

/**
 * One change to many follow-ups, in one transaction. Invisible ids are reported as not found and
 * never touched; each visible one is checked with the same rule as a single edit, plus the bulk
 * permission (managers within their subtree, admins anywhere). The rest change, each with its activity.
 */
export async function bulkUpdateFollowUps(db: Db, viewer: Viewer, { ids, change, includeClosed }: FollowUpBulkPatch) {
  // A new due date or owner on a done or cancelled follow-up rewrites the record of what was agreed:
  // left out unless asked for. A status change is meant for every row chosen.
  const skipClosed = change.status === undefined && !includeClosed;
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
    const skippedClosed: string[] = [];
    const undo: UndoItem[] = [];
    for (const id of unique) {
      const current = byId.get(id);
      if (!current) {
        refused.push({ id, title: null, reason: sentenceIn(readerLocale(viewer), "bulkNotFound") });
        continue;
      }
      if (skipClosed && isClosed(current.status)) {
        skippedClosed.push(id);
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
      if (fields.status === "done") {
        const missing = await checkEvidence(tx, id, current.priorityAreaId).then(() => null, (e: unknown) => e);
        if (missing) {
          refused.push({ id, title: current.title, reason: sentenceIn(readerLocale(viewer), "bulkEvidence") });
          continue;
        }
      }
      const completedAt = completedAtFor(fields.status, current.status);
      const [saved] = await tx
        .update(followUps)
        .set({ ...fields, ...(completedAt !== undefined ? { completedAt } : {}), version: sql`${followUps.version} + 1`, updatedAt: new Date() })
        .where(eq(followUps.id, id))
        .returning({ version: followUps.version });
      await recordChanges(tx, viewer.id, "follow_up", id, current, fields);
      await queueAssignmentNotices(tx, viewer, id, current);
      await queueFollowUpChange(tx, current, (await selectFollowUps(tx, eq(followUps.id, id)))[0]!);
      await followUpChanged(tx, viewer, id, { before: current });
      changed.push(id);
      const before: UndoItem["before"] = Object.fromEntries(Object.keys(fields).map((k) => [k, current[k as keyof typeof fields] ?? null]));
      if (fields.status !== undefined) before.completedAt = current.completedAt?.toISOString() ?? null;
      if (saved) undo.push({ id, version: saved.version, before });
    }
    return { changed, unchanged, refused, skippedClosed, undoToken: undo.length ? undoToken(viewer.id, undo) : null, undoMinutes: UNDO_MINUTES };
  });
}

/**
 * Undo a bulk edit from its token: every follow-up it changed gets its fields back, in one
 * transaction, each with its own activity records. If any of them changed since (its version moved
 * on), nothing is undone: 409, naming them.
 */
export async function undoBulkEdit(db: Db, viewer: Viewer, token: string) {
  const read = readUndoToken(token, viewer.id);
  if (!read.ok) {
    throw invalid("bulk_undo", {
      token: read.reason === "expired" ? vm("undoTooLate", { minutes: String(UNDO_MINUTES) }) : vm("undoTokenInvalid"),
    });
  }
  const items = read.payload.items;
  return db.transaction(async (tx) => {
    const ids = items.map((i) => i.id);
    if (!ids.length) return { restored: [] as string[] };
    await tx.select({ id: followUps.id }).from(followUps).where(inArray(followUps.id, ids)).orderBy(asc(followUps.id)).for("update");
    const rows = await selectFollowUps(tx, and(inArray(followUps.id, ids), visibleFollowUpSql(viewer)));
    const byId = new Map(rows.map((r) => [r.id, r]));
    const moved = items.filter((i) => byId.get(i.id)?.version !== i.version);
    if (moved.length) {
      // Among titles people wrote, the words for one the viewer no longer sees are in the viewer's language at once.
      const names = moved.map((i) => byId.get(i.id)?.title ?? sentenceIn(readerLocale(viewer), "undoHiddenFollowUp"));
      throw new AppError("conflict:follow_up", vm("undoChanged", { count: moved.length, titles: `${names.slice(0, 5).join("; ")}${names.length > 5 ? "; …" : ""}` }));
    }
    // Rows given the same fields back are one UPDATE (a re-date of 500 had one "before" for all);
    // every row still gets its own activity records, all in one insert.
    const groups = new Map<string, { fields: FollowUpBulkPatch["change"]; completedAt: string | null | undefined; ids: string[] }>();
    const history: (typeof activity.$inferInsert)[] = [];
    const reassigned: string[] = [];
    for (const item of items) {
      const current = byId.get(item.id)!;
      if (!can(viewer, "follow_up:manage", { followUp: current })) throw forbidden("follow_up", vm("undoNoLongerAllowed", { title: current.title }));
      const { completedAt, status, ...rest } = item.before;
      const fields: FollowUpBulkPatch["change"] = { ...rest };
      if (status !== undefined) {
        if (!(followUpStatuses as readonly string[]).includes(status)) throw invalid("bulk_undo", { token: vm("undoTokenInvalid") });
        fields.status = status as FollowUpStatus;
      }
      const key = JSON.stringify([fields, completedAt]);
      const group = groups.get(key) ?? { fields, completedAt, ids: [] };
      group.ids.push(item.id);
      groups.set(key, group);
      for (const [field, after] of Object.entries(fields)) {
        const before = current[field as keyof typeof fields] ?? null;
        if (JSON.stringify(before) !== JSON.stringify(after ?? null)) history.push({ actorId: viewer.id, entityType: "follow_up", entityId: item.id, action: "updated", field, before, after: after ?? null });
      }
      if (fields.ownerOrganisationId !== undefined || fields.ownerUserId !== undefined) reassigned.push(item.id);
    }
    for (const { fields, completedAt, ids: groupIds } of groups.values()) {
      await tx
        .update(followUps)
        .set({
          ...fields,
          ...(completedAt !== undefined ? { completedAt: completedAt === null ? null : new Date(completedAt) } : {}),
          version: sql`${followUps.version} + 1`,
          updatedAt: new Date(),
        })
        .where(inArray(followUps.id, groupIds));
    }
    await recordMany(tx, history);
    if (reassigned.length) {
      // The notice of the reassignment just undone is no news any more, if it has not gone yet.
      await tx
        .update(notifications)
        .set({ status: "skipped", lastError: "The reassignment was undone before this notice was sent.", nextAttemptAt: null })
        .where(and(inArray(notifications.followUpId, reassigned), eq(notifications.kind, "assignment"), inArray(notifications.status, ["pending", "failed"])));
    }
    return { restored: ids };
  });
}
