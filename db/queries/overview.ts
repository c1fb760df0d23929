import "server-only";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { followUps, meetings, organisations, priorityAreas } from "@/db/schema";
import { readerLocale } from "@/lib/i18n/locale";
import type { Viewer } from "@/lib/policy";
import { cachedByVersion, visibilityScope } from "@/server/cache";
import type { FollowUpFilters } from "@/lib/validation/follow-ups";
import { countFollowUpsByStatus, listFollowUps, overdueSql, visibleFollowUpSql } from "./follow-ups";
import { localAcronymSql, localNameSql } from "./local-names";

/**
 * The overview's figures, each computed in SQL over exactly what the viewer may see: the same
 * visibility condition as listFollowUps, so the overview never counts a hidden follow-up.
 * Computed once per data version for each visibility scope, language and day (server/cache.ts):
 * two viewers share figures only when they may see exactly the same follow-ups.
 */
export function overviewFigures(db: Db, viewer: Viewer, today: string) {
  return cachedByVersion(db, `overview|${visibilityScope(viewer)}|${readerLocale(viewer)}|${today}`, () => computeOverviewFigures(db, viewer, today));
}

/**
 * The overview's "due in the next 14 days": the first 25 and the counts by status. Filtered by
 * visibility only (no "mine"), so keyed like the figures by the viewer's visibility scope.
 */
export function overviewDueSoon(db: Db, viewer: Viewer, filters: Pick<FollowUpFilters, "status" | "dueFrom" | "dueTo">) {
  const key = `overview-due|${visibilityScope(viewer)}|${readerLocale(viewer)}|${JSON.stringify(filters)}`;
  return cachedByVersion(db, key, async () => {
    const [list, counts] = await Promise.all([listFollowUps(db, viewer, { ...filters, limit: 25 }), countFollowUpsByStatus(db, viewer, filters)]);
    return { list, counts };
  });
}

async function computeOverviewFigures(db: Db, viewer: Viewer, today: string) {
  const visible = visibleFollowUpSql(viewer);

  const [matrix, overdueByOrganisation, completed] = await Promise.all([
    db
      .select({
        priorityAreaId: priorityAreas.id,
        priorityAreaName: localNameSql(priorityAreas, viewer),
        status: followUps.status,
        n: sql<number>`count(*)::int`,
        overdue: sql<number>`count(*) filter (where ${overdueSql})::int`,
      })
      .from(followUps)
      .leftJoin(meetings, eq(meetings.id, followUps.meetingId))
      .innerJoin(priorityAreas, eq(priorityAreas.id, followUps.priorityAreaId))
      .where(visible)
      .groupBy(priorityAreas.id, priorityAreas.name, priorityAreas.sortOrder, followUps.status)
      .orderBy(asc(priorityAreas.sortOrder), asc(priorityAreas.name)),
    db
      .select({ organisationId: organisations.id, acronym: localAcronymSql(organisations, viewer), name: localNameSql(organisations, viewer), n: sql<number>`count(*)::int` })
      .from(followUps)
      .leftJoin(meetings, eq(meetings.id, followUps.meetingId))
      .innerJoin(organisations, eq(organisations.id, followUps.ownerOrganisationId))
      .where(and(visible, overdueSql))
      .groupBy(organisations.id, organisations.acronym, organisations.name)
      .orderBy(desc(sql`count(*)`), asc(organisations.name))
      .limit(15),
    db
      .select({ month: sql<string>`to_char(${followUps.completedAt} at time zone 'UTC', 'YYYY-MM')`, n: sql<number>`count(*)::int` })
      .from(followUps)
      .leftJoin(meetings, eq(meetings.id, followUps.meetingId))
      .where(and(visible, eq(followUps.status, "done"), sql`${followUps.completedAt} >= (date_trunc('month', ${today}::date) - interval '11 months')::timestamp at time zone 'UTC'`))
      .groupBy(sql`1`),
  ]);

  // Twelve months ending with this one, the empty ones included, so the line does not skip.
  const counts = new Map(completed.map((c) => [c.month, Number(c.n)]));
  const [y, m] = today.split("-").map(Number) as [number, number];
  const months = Array.from({ length: 12 }, (_, i) => {
    const d = new Date(Date.UTC(y, m - 1 - (11 - i), 1));
    const key = d.toISOString().slice(0, 7);
    return { month: key, n: counts.get(key) ?? 0 };
  });

  return {
    matrix: matrix.map((r) => ({ ...r, n: Number(r.n), overdue: Number(r.overdue) })),
    overdueByOrganisation: overdueByOrganisation.map((r) => ({ ...r, n: Number(r.n) })),
    completedPerMonth: months,
  };
}
