import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { activity, priorityAreaSdgTargets, priorityAreas, sdgTargets } from "@/db/schema";
import { invalid, notFound } from "@/lib/errors";
import { vm } from "@/lib/i18n/validation";
import type { Viewer } from "@/lib/policy";
import type { z } from "zod";
import type { priorityAreaInput, PriorityAreaPatch } from "@/lib/validation/priority-areas";
import { recordChanges, recordEvent, recordMany, staleVersion } from "./activity";
import { assertAdmin } from "./admin";
import { type PriorityAreaRow, sdgTargetsByArea, toPriorityAreaJson } from "./reference";

export async function getPriorityArea(db: Db, id: string): Promise<PriorityAreaRow> {
  const [row] = await db.select().from(priorityAreas).where(eq(priorityAreas.id, id));
  if (!row) throw notFound("priority_area");
  return { ...row, sdgTargets: (await sdgTargetsByArea(db, [id])).get(id) ?? [] };
}

/** Links the area to exactly these SDG targets; an unknown code is a 400 naming the field and the codes. */
async function setSdgTargets(tx: Db, areaId: string, codes: string[]) {
  const known = codes.length ? new Set((await tx.select({ code: sdgTargets.code }).from(sdgTargets).where(inArray(sdgTargets.code, codes))).map((r) => r.code)) : new Set();
  const unknown = codes.filter((c) => !known.has(c));
  if (unknown.length) {
    throw invalid("priority_area", { sdgTargets: vm("sdgUnknown", { count: unknown.length, codes: unknown.join(", ") }) });
  }
  await tx.delete(priorityAreaSdgTargets).where(eq(priorityAreaSdgTargets.priorityAreaId, areaId));
  if (codes.length) await tx.insert(priorityAreaSdgTargets).values(codes.map((targetCode) => ({ priorityAreaId: areaId, targetCode })));
}


function slugify(name: string) {
  return (
    name
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") // one dash at most at each end, after the line above
      .slice(0, 60) || "area"
  );
}

async function checkName(db: Db, name: string, exceptId?: string) {
  const same = await db.select({ id: priorityAreas.id }).from(priorityAreas).where(eq(sql`lower(${priorityAreas.name})`, name.toLowerCase()));
  if (same.some((a) => a.id !== exceptId)) throw invalid("priority_area", { name: vm("areaNameTaken") });
}

type NewPriorityArea = Omit<z.output<typeof priorityAreaInput>, "keywords" | "sdgTargets" | "requiresEvidence"> & Partial<Pick<z.output<typeof priorityAreaInput>, "keywords" | "sdgTargets" | "requiresEvidence">>;

/** A new area goes to the end of the list; its slug (stable, used in links) comes from the name. */
export async function createPriorityArea(db: Db, viewer: Viewer, input: NewPriorityArea) {
  assertAdmin(viewer);
  return db.transaction(async (tx) => {
    await checkName(tx, input.name);
    const base = slugify(input.name);
    const taken = new Set((await tx.select({ slug: priorityAreas.slug }).from(priorityAreas)).map((r) => r.slug));
    let slug = base;
    for (let i = 2; taken.has(slug); i++) slug = `${base}-${i}`;
    const [{ max } = { max: 0 }] = await tx.select({ max: sql<number>`coalesce(max(${priorityAreas.sortOrder}), 0)::int` }).from(priorityAreas);
    const { sdgTargets: codes = [], ...fields } = input;
    const [inserted] = await tx.insert(priorityAreas).values({ ...fields, slug, sortOrder: max + 1 }).returning({ id: priorityAreas.id });
    if (!inserted) throw new Error("insert returned nothing");
    await setSdgTargets(tx, inserted.id, codes);
    const row = await getPriorityArea(tx, inserted.id);
    await recordEvent(tx, viewer.id, "priority_area", row.id, "created", toPriorityAreaJson(row));
    return row;
  });
}

export async function updatePriorityArea(db: Db, viewer: Viewer, id: string, patch: PriorityAreaPatch) {
  assertAdmin(viewer);
  return db.transaction(async (tx) => {
    const current = await getPriorityArea(tx, id);
    if (current.version !== patch.version) throw await staleVersion(tx, "priority_area", current);
    const { version, ...fields } = patch;
    const { sdgTargets: codes, ...columns } = fields;
    if (fields.name !== undefined) await checkName(tx, fields.name, id);
    if (codes !== undefined) await setSdgTargets(tx, id, codes);
    const [updated] = await tx
      .update(priorityAreas)
      .set({ ...columns, version: sql`${priorityAreas.version} + 1`, updatedAt: new Date() })
      .where(and(eq(priorityAreas.id, id), eq(priorityAreas.version, version)))
      .returning({ id: priorityAreas.id });
    if (!updated) throw await staleVersion(tx, "priority_area", current);
    const row = await getPriorityArea(tx, id);
    await recordChanges(tx, viewer.id, "priority_area", id, current, { ...fields, ...(codes && { sdgTargets: row.sdgTargets }) });
    return row;
  });
}

/** Puts the areas in the order given; the list must name every area exactly once. */
export async function reorderPriorityAreas(db: Db, viewer: Viewer, ids: string[]) {
  assertAdmin(viewer);
  return db.transaction(async (tx) => {
    const all = await tx.select().from(priorityAreas);
    const known = new Set(all.map((a) => a.id));
    if (new Set(ids).size !== ids.length || ids.length !== all.length || ids.some((id) => !known.has(id))) {
      throw invalid("priority_area", { ids: vm("areaOrder") });
    }
    const now = new Date();
    const log: (typeof activity.$inferInsert)[] = [];
    for (const [i, id] of ids.entries()) {
      const area = all.find((a) => a.id === id);
      const sortOrder = i + 1;
      if (!area || area.sortOrder === sortOrder) continue;
      await tx.update(priorityAreas).set({ sortOrder, version: sql`${priorityAreas.version} + 1`, updatedAt: now }).where(eq(priorityAreas.id, id));
      log.push({ actorId: viewer.id, entityType: "priority_area", entityId: id, action: "updated", field: "sortOrder", before: area.sortOrder, after: sortOrder });
    }
    await recordMany(tx, log);
  });
}
