import "server-only";
import { and, asc, desc, eq, gte, inArray, lt, notInArray, type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { activity, followUps, meetingSeries, meetings, organisations, priorityAreas, users } from "@/db/schema";
import { AppError, invalid } from "@/lib/errors";
import { vm } from "@/lib/i18n/validation";
import type { Viewer } from "@/lib/policy";
import { type ActivityFilters, signInActions } from "@/lib/validation/activity";
import { assertAdmin } from "./admin";
import { localAcronymSql, localNameSql } from "./local-names";

export type EntityType = "meeting" | "follow_up" | "organisation" | "priority_area" | "meeting_series" | "user" | "setting";

/** The 409 for a change based on an old version: who changed the record last, and when (ISO; the UI shows it local). */
export async function staleVersion(db: Db, entityType: EntityType, current: { id: string; version: number; updatedAt: Date }) {
  const [last] = await db
    .select({ name: users.name })
    .from(activity)
    .leftJoin(users, eq(users.id, activity.actorId))
    .where(and(eq(activity.entityType, entityType), eq(activity.entityId, current.id)))
    .orderBy(desc(activity.id))
    .limit(1);
  const values = { entity: entityType, at: current.updatedAt.toISOString(), version: String(current.version) };
  return new AppError(`conflict:${entityType}`, last?.name ? vm("staleVersion", { name: last.name, ...values }) : vm("staleVersionSomeone", values));
}

/** Appends one record per changed field; called inside the transaction that makes the change. */
export async function recordChanges(
  tx: Db,
  actorId: string | null,
  entityType: EntityType,
  entityId: string,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
) {
  const rows = Object.keys(after)
    .filter((field) => JSON.stringify(before[field] ?? null) !== JSON.stringify(after[field] ?? null))
    .map((field) => ({ actorId, entityType, entityId, action: "updated", field, before: before[field] ?? null, after: after[field] ?? null }));
  if (rows.length) await tx.insert(activity).values(rows);
  return rows.length;
}

export async function recordEvent(tx: Db, actorId: string | null, entityType: EntityType, entityId: string, action: string, after?: unknown) {
  await tx.insert(activity).values({ actorId, entityType, entityId, action, after: after ?? null });
}

export async function listEntityActivity(db: Db, entityType: EntityType, entityId: string) {
  const rows = await db
    .select({
      id: activity.id,
      at: activity.at,
      actorId: activity.actorId,
      actorName: users.name,
      action: activity.action,
      field: activity.field,
      before: activity.before,
      after: activity.after,
    })
    .from(activity)
    .leftJoin(users, eq(users.id, activity.actorId))
    .where(and(eq(activity.entityType, entityType), eq(activity.entityId, entityId)))
    .orderBy(asc(activity.at), asc(activity.id));
  return rows.map((r) => ({ ...r, at: r.at.toISOString() }));
}

/** The name of whoever made a record's latest change (its history's last row), for "X changed this a moment ago". */
export async function lastActorName(db: Db, entityType: EntityType, entityId: string): Promise<string | null> {
  const [row] = await db
    .select({ name: users.name })
    .from(activity)
    .leftJoin(users, eq(users.id, activity.actorId))
    .where(and(eq(activity.entityType, entityType), eq(activity.entityId, entityId)))
    .orderBy(desc(activity.at), desc(activity.id))
    .limit(1);
  return row?.name ?? null;
}

/** Many activity rows at once (a merge moves hundreds of records); inside the caller's transaction. */
export async function recordMany(tx: Db, rows: (typeof activity.$inferInsert)[]) {
  for (let i = 0; i < rows.length; i += 500) await tx.insert(activity).values(rows.slice(i, i + 500));
}

const encodeId = (id: number) => Buffer.from(String(id)).toString("base64url");
function decodeId(cursor: string) {
  const raw = Buffer.from(cursor, "base64url").toString("utf8");
  if (!/^\d{1,15}$/.test(raw)) throw invalid("cursor", { cursor: vm("badCursor") });
  return Number(raw);
}

const nextDay = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000);

/**
 * The whole audit trail, newest first, for admins only. Keyset-paged on the id, which grows in
 * the order rows are written; dates are whole UTC days, `to` included.
 */
export async function listActivity(db: Db, viewer: Viewer, filters: ActivityFilters) {
  assertAdmin(viewer);
  const limit = filters.limit ?? 50;
  const where: SQL[] = [];
  if (filters.entityType) where.push(eq(activity.entityType, filters.entityType));
  if (filters.entityId) where.push(eq(activity.entityId, filters.entityId));
  if (filters.actorId) where.push(eq(activity.actorId, filters.actorId));
  if (filters.kind === "sign_ins") where.push(inArray(activity.action, [...signInActions]));
  if (filters.kind === "changes") where.push(notInArray(activity.action, [...signInActions]));
  if (filters.from) where.push(gte(activity.at, new Date(`${filters.from}T00:00:00Z`)));
  if (filters.to) where.push(lt(activity.at, nextDay(filters.to)));
  if (filters.cursor) where.push(lt(activity.id, decodeId(filters.cursor)));
  const rows = await db
    .select({
      id: activity.id,
      at: activity.at,
      actorId: activity.actorId,
      actorName: users.name,
      entityType: activity.entityType,
      entityId: activity.entityId,
      action: activity.action,
      field: activity.field,
      before: activity.before,
      after: activity.after,
    })
    .from(activity)
    .leftJoin(users, eq(users.id, activity.actorId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(activity.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => ({ ...r, at: r.at.toISOString() })),
    nextCursor: rows.length > limit && last ? encodeId(last.id) : null,
  };
}

/** What each entity in a page of activity is called, so the trail reads "DG HOME", not a uuid (in the reader's language, given one). */
export async function entityNames(db: Db, refs: { entityType: string; entityId: string }[], reader: Pick<Viewer, "readLocale" | "locale"> = {}) {
  const ids = (type: string) => [...new Set(refs.filter((r) => r.entityType === type).map((r) => r.entityId))];
  const names = new Map<string, string>();
  const load = async (type: string, q: (ids: string[]) => Promise<{ id: string; name: string }[]>) => {
    const list = ids(type);
    if (list.length) for (const r of await q(list)) names.set(r.id, r.name);
  };
  await Promise.all([
    load("organisation", (l) => db.select({ id: organisations.id, name: sql<string>`coalesce(${localAcronymSql(organisations, reader)}, ${localNameSql(organisations, reader)})` }).from(organisations).where(inArray(organisations.id, l))),
    load("priority_area", (l) => db.select({ id: priorityAreas.id, name: localNameSql(priorityAreas, reader) }).from(priorityAreas).where(inArray(priorityAreas.id, l))),
    load("meeting_series", (l) => db.select({ id: meetingSeries.id, name: localNameSql(meetingSeries, reader) }).from(meetingSeries).where(inArray(meetingSeries.id, l))),
    load("user", (l) => db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, l))),
    load("meeting", (l) => db.select({ id: meetings.id, name: meetings.title }).from(meetings).where(inArray(meetings.id, l))),
    load("follow_up", (l) => db.select({ id: followUps.id, name: followUps.title }).from(followUps).where(inArray(followUps.id, l))),
  ]);
  return names;
}
