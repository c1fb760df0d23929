import "server-only";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { followUps, meetings, organisations, priorityAreas } from "@/db/schema";
import type { Viewer } from "@/lib/policy";
import { overdueSql, visibleFollowUpSql } from "./follow-ups";

/**
 * The overview's figures, each computed in SQL over exactly what the viewer may see: the same
 * visibility condition as listFollowUps, so the overview never counts a hidden follow-up.
 */
export async function overviewFigures(db: Db, viewer: Viewer, today: string) {
  const visible = visibleFollowUpSql(viewer);

  const [matrix, overdueByOrganisation, completed] = await Promise.all([
    db
      .select({
        priorityAreaId: priorityAreas.id,
        priorityAreaName: priorityAreas.name,
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
      .select({ organisationId: organisations.id, acronym: organisations.acronym, name: organisations.name, n: sql<number>`count(*)::int` })
      .from(followUps)
      .leftJoin(meetings, eq(meetings.id, followUps.meetingId))
      .innerJoin(organisations, eq(organisations.id, followUps.ownerOrganisationId))
      .where(and(visible, overdueSql))
      .groupBy(organisations.id, organisations.acronym, organisations.name)
      .orderBy(desc(sql`count(*)`), asc(organisations.name))
      .limit(15),
    db
      .select({ month: sql<string>`to_char(date_trunc('month', ${followUps.completedAt}), 'YYYY-MM')`, n: sql<number>`count(*)::int` })
      .from(followUps)
      .leftJoin(meetings, eq(meetings.id, followUps.meetingId))
      .where(and(visible, eq(followUps.status, "done"), sql`${followUps.completedAt} >= date_trunc('month', ${today}::date) - interval '11 months'`))
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
