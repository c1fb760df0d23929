import "server-only";
import { asc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { meetingSeries, organisations, priorityAreaSdgTargets, priorityAreas, sdgTargets, users } from "@/db/schema";
import { invalid } from "@/lib/errors";
import { vm } from "@/lib/i18n/validation";
import { cachedByVersion } from "@/server/cache";

export type PriorityAreaRow = typeof priorityAreas.$inferSelect & { sdgTargets: string[] };

/** The SDG target codes of the given areas (all areas when none given), in the targets' order. */
export async function sdgTargetsByArea(db: Db, areaIds?: string[]) {
  const rows = await db
    .select({ areaId: priorityAreaSdgTargets.priorityAreaId, code: priorityAreaSdgTargets.targetCode })
    .from(priorityAreaSdgTargets)
    .innerJoin(sdgTargets, eq(sdgTargets.code, priorityAreaSdgTargets.targetCode))
    .where(areaIds ? inArray(priorityAreaSdgTargets.priorityAreaId, areaIds) : undefined)
    .orderBy(asc(sdgTargets.sortOrder));
  const byArea = new Map<string, string[]>();
  for (const r of rows) byArea.set(r.areaId, [...(byArea.get(r.areaId) ?? []), r.code]);
  return byArea;
}

/** Every priority area with its SDG targets; read once per data version (server/cache.ts), the same for every viewer. */
export function listPriorityAreas(db: Db): Promise<PriorityAreaRow[]> {
  return cachedByVersion(db, "priority-areas", () => readPriorityAreas(db));
}
async function readPriorityAreas(db: Db): Promise<PriorityAreaRow[]> {
  const [rows, targets] = await Promise.all([
    db.select().from(priorityAreas).orderBy(asc(priorityAreas.sortOrder), asc(priorityAreas.name)),
    sdgTargetsByArea(db),
  ]);
  return rows.map((a) => ({ ...a, sdgTargets: targets.get(a.id) ?? [] }));
}

/** Every SDG target, goal by goal. */
export async function listSdgTargets(db: Db) {
  return db.select().from(sdgTargets).orderBy(asc(sdgTargets.sortOrder));
}
export const toSdgTargetJson = (t: typeof sdgTargets.$inferSelect) => ({ code: t.code, goal: t.goal, title: t.title });

/** Every meeting series; read once per data version (server/cache.ts), the same for every viewer. */
export function listMeetingSeries(db: Db) {
  return cachedByVersion(db, "meeting-series", () => db.select().from(meetingSeries).orderBy(asc(meetingSeries.name)));
}

export const toPriorityAreaJson = (a: PriorityAreaRow) => ({
  id: a.id, name: a.name, nameFr: a.nameFr, slug: a.slug, description: a.description, keywords: a.keywords, sdgTargets: a.sdgTargets,
  sortOrder: a.sortOrder, archived: a.archived, requiresEvidence: a.requiresEvidence, version: a.version,
});
export const toMeetingSeriesJson = (s: typeof meetingSeries.$inferSelect) => ({
  id: s.id, name: s.name, nameFr: s.nameFr, description: s.description, archived: s.archived, version: s.version,
});

const tables = {
  organisation: organisations,
  priorityArea: priorityAreas,
  series: meetingSeries,
} as const;

/**
 * Every id a form refers to must exist and, for new choices, not be archived. An unknown id is
 * a 400 naming the field, never a foreign-key 500.
 */
export async function checkReferences(
  db: Db,
  refs: { field: string; kind: keyof typeof tables | "user"; ids: (string | null | undefined)[]; allowArchived?: readonly string[] }[],
) {
  const fields: Record<string, string> = {};
  for (const ref of refs) {
    const ids = [...new Set(ref.ids.filter((x): x is string => !!x))];
    if (!ids.length) continue;
    if (ref.kind === "user") {
      const found = await db.select({ id: users.id, active: users.active }).from(users).where(inArray(users.id, ids));
      const ok = new Set(found.filter((u) => u.active).map((u) => u.id));
      if (ids.some((id) => !ok.has(id))) fields[ref.field] = vm("chooseActivePerson");
      continue;
    }
    const table = tables[ref.kind];
    const found = await db.select({ id: table.id, archived: table.archived }).from(table).where(inArray(table.id, ids));
    const byId = new Map(found.map((r) => [r.id, r.archived]));
    const missing = ids.some((id) => !byId.has(id));
    const archived = ids.some((id) => byId.get(id) === true && !ref.allowArchived?.includes(id));
    if (missing) fields[ref.field] = vm("noSuchChoice", { kind: ref.kind });
    else if (archived) fields[ref.field] = vm("archivedChoice", { kind: ref.kind });
  }
  if (Object.keys(fields).length) throw invalid("reference", fields);
}
