/**
 * Every figure of the overview, an organisation's page and a series' page links to the follow-ups
 * table; the link, read by the table's own filter reading (resolveFilters) and counted by the
 * table's own count, must give the figure again — for a manager and for an admin, who see
 * different things. Before, a unit's "overdue" opened its sub-units' too, and "completed this
 * month" opened every done follow-up ever.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveFilters } from "@/app/(app)/board/resolve-filters";
import { accountability, seriesStats } from "@/db/queries/continuity";
import { countFollowUpsByStatus, createFollowUp } from "@/db/queries/follow-ups";
import { overviewFigures } from "@/db/queries/overview";
import { followUps, meetingSeries } from "@/db/schema";
import { activeStatuses, closedStatuses, followUpsHref, monthRange } from "@/lib/figure-links";
import type { Viewer } from "@/lib/policy";
import { followUpInput } from "@/lib/validation/follow-ups";
import { engines, type TestDatabase } from "../support/databases";
import { areaId, type DemoEmail, demoViewers, orgIds } from "../support/demo";

const shift = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const today = () => new Date().toISOString().slice(0, 10);

describe.each(engines)("figures open exactly the rows they count, on $name", (engine) => {
  let t: TestDatabase;
  let v: Record<DemoEmail, Viewer>;
  let org: Record<"UNODC" | "ROSEN" | "EEAS", string>;

  beforeAll(async () => {
    t = await engine.open();
    v = await demoViewers(t.db);
    org = await orgIds(t.db, ["UNODC", "ROSEN", "EEAS"] as const);
    const drugs = await areaId(t.db, "drugs");
    const admin = v["admin@eeas.example"];
    const make = (title: string, extra: Record<string, unknown>) =>
      createFollowUp(t.db, admin, followUpInput.parse({ title, priorityAreaId: drugs, ownerOrganisationId: org.UNODC, ...extra }));
    // Overdue both at UNODC itself and at its sub-unit: a unit's own count must not take in the other's.
    await make("Figures: UNODC overdue", { dueOn: shift(-3) });
    await make("Figures: ROSEN overdue", { ownerOrganisationId: org.ROSEN, dueOn: shift(-4) });
    // Done this month and done in an earlier month: "completed this month" must not take in the other.
    await make("Figures: done now", { status: "done" });
    const earlier = await make("Figures: done two months ago", { status: "done" });
    await t.db.update(followUps).set({ completedAt: new Date(Date.now() - 62 * 86_400_000) }).where(eq(followUps.id, earlier.id));
  });
  afterAll(async () => {
    await t?.close();
  });

  /** What the table shows for a link: its filters read as the page reads them, counted as it counts. */
  async function countOf(viewer: Viewer, href: string) {
    const url = new URL(href, "http://x");
    expect(url.pathname).toBe("/follow-ups");
    const sp: Record<string, string | string[]> = {};
    for (const k of new Set(url.searchParams.keys())) {
      const all = url.searchParams.getAll(k);
      sp[k] = all.length > 1 ? all : all[0]!;
    }
    const { filters, problems } = resolveFilters(viewer, sp);
    expect(problems, href).toEqual({});
    return Object.values(await countFollowUpsByStatus(t.db, viewer, filters)).reduce((a, b) => a + b, 0);
  }

  const viewers = ["manager@unodc.example", "admin@eeas.example", "staff@eeas.example"] as const;

  it.each(viewers)("the overview's figures, for %s", async (email) => {
    const viewer = v[email];
    const f = await overviewFigures(t.db, viewer, today());
    const checked: [string, number, number][] = [];
    const check = async (what: string, n: number, href: string) => checked.push([what, n, await countOf(viewer, href)]);

    for (const o of f.overdueByOrganisation) await check(`overdue ${o.acronym}`, o.n, followUpsHref({ organisationId: o.organisationId, subUnits: "false", overdue: "true" }));
    for (const m of f.completedPerMonth) await check(`completed ${m.month}`, m.n, followUpsHref({ status: "done", ...monthRange(m.month) }));
    for (const c of f.matrix) {
      await check(`${c.priorityAreaName} ${c.status}`, c.n, followUpsHref({ priorityAreaId: c.priorityAreaId, status: c.status }));
    }
    const overdue = f.matrix.reduce((n, r) => n + r.overdue, 0);
    await check("overdue", overdue, followUpsHref({ overdue: "true" }));
    const active = f.matrix.filter((r) => (activeStatuses as readonly string[]).includes(r.status)).reduce((n, r) => n + r.n, 0);
    await check("active", active, followUpsHref({ status: activeStatuses }));

    // The data this test made is among the figures, so the comparisons above are not vacuous.
    expect(f.overdueByOrganisation.find((o) => o.organisationId === org.UNODC)?.n).toBeGreaterThan(0);
    expect(f.overdueByOrganisation.find((o) => o.organisationId === org.ROSEN)?.n).toBeGreaterThan(0);
    expect(f.completedPerMonth.at(-1)?.n).toBeGreaterThan(0);
    expect(checked.filter(([, n, got]) => n !== got)).toEqual([]);
  });

  it.each(viewers)("an organisation's figures, in total and per unit, for %s", async (email) => {
    const viewer = v[email];
    const a = await accountability(t.db, viewer, org.UNODC);
    expect(a.units.length).toBeGreaterThan(1);
    const id = org.UNODC;
    expect(await countOf(viewer, followUpsHref({ organisationId: id }))).toBe(a.totals.total);
    expect(await countOf(viewer, followUpsHref({ organisationId: id, status: activeStatuses }))).toBe(a.totals.open);
    expect(await countOf(viewer, followUpsHref({ organisationId: id, overdue: "true" }))).toBe(a.totals.overdue);
    for (const u of a.units) {
      const own = { organisationId: u.organisationId, subUnits: "false" };
      expect(await countOf(viewer, followUpsHref(own)), `${u.acronym} owned`).toBe(u.total);
      expect(await countOf(viewer, followUpsHref({ ...own, status: activeStatuses })), `${u.acronym} open`).toBe(u.open);
      expect(await countOf(viewer, followUpsHref({ ...own, overdue: "true" })), `${u.acronym} overdue`).toBe(u.overdue);
    }
  });

  it.each(viewers)("a series' figures, meeting by meeting and area by area, for %s", async (email) => {
    const viewer = v[email];
    const all = await t.db.select({ id: meetingSeries.id }).from(meetingSeries);
    expect(all.length).toBeGreaterThan(0);
    for (const { id } of all) {
      const s = await seriesStats(t.db, viewer, id);
      const sum = (k: "made" | "closed" | "open" | "overdue") => s.meetings.reduce((n, m) => n + m.totals[k], 0);
      expect(await countOf(viewer, followUpsHref({ seriesId: id }))).toBe(sum("made"));
      expect(await countOf(viewer, followUpsHref({ seriesId: id, status: closedStatuses }))).toBe(sum("closed"));
      expect(await countOf(viewer, followUpsHref({ seriesId: id, status: activeStatuses }))).toBe(sum("open"));
      expect(await countOf(viewer, followUpsHref({ seriesId: id, overdue: "true" }))).toBe(sum("overdue"));
      for (const m of s.meetings) {
        for (const scope of [{ meetingId: m.id }, ...m.byPriorityArea.map((a) => ({ meetingId: m.id, priorityAreaId: a.priorityAreaId }))]) {
          const f = "priorityAreaId" in scope ? m.byPriorityArea.find((a) => a.priorityAreaId === scope.priorityAreaId)! : m.totals;
          expect(await countOf(viewer, followUpsHref(scope))).toBe(f.made);
          expect(await countOf(viewer, followUpsHref({ ...scope, status: closedStatuses }))).toBe(f.closed);
          expect(await countOf(viewer, followUpsHref({ ...scope, status: activeStatuses }))).toBe(f.open);
          expect(await countOf(viewer, followUpsHref({ ...scope, overdue: "true" }))).toBe(f.overdue);
        }
      }
    }
  });

  it("a completed range is checked like a due range: to before from names the field", async () => {
    const { problems } = resolveFilters(v["admin@eeas.example"], { organisationId: "all", completedFrom: "2026-03-31", completedTo: "2026-03-01" });
    expect(problems).toHaveProperty("completedTo");
  });
});
