/**
 * Where a figure leads: the follow-ups table filtered to exactly the rows the figure counts, so a
 * click on "7 overdue" opens those seven and the table's own count says 7 again. The overview, an
 * organisation's and a series' figures all link through here; tests/integration/figure-links.test.ts
 * follows each link through the table's own filter reading and compares the counts.
 */

export { activeStatuses, closedStatuses } from "@/lib/follow-ups/status";

type Params = Record<string, string | readonly string[] | boolean | undefined>;

/**
 * The table with these filters. Without an organisation the table would show only the viewer's own
 * (its default), while the figures count every organisation's: so "all" is said unless one is given.
 */
export function followUpsHref(params: Params): string {
  const q = new URLSearchParams();
  if (!params.organisationId) q.set("organisationId", "all");
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined) continue;
    for (const one of typeof v === "string" || typeof v === "boolean" ? [v] : v) q.append(k, String(one));
  }
  return `/follow-ups?${q.toString()}`;
}

/** The first and last day of a month ("2026-03" → 2026-03-01 … 2026-03-31), as the completed-in filter takes them. */
export function monthRange(month: string): { completedFrom: string; completedTo: string } {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  return { completedFrom: `${month}-01`, completedTo: last };
}
