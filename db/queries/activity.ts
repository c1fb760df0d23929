import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { activity, users } from "@/db/schema";

export type EntityType = "meeting" | "follow_up" | "organisation" | "priority_area" | "meeting_series" | "user";

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
