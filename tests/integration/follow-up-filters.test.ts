/**
 * The filters a manager reviews follow-ups with — owner organisation with its sub-units, series,
 * status, due range, overdue, text — and the sorts the table offers, each walked page by page.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiQuery, resolveFilters } from "@/app/(app)/board/resolve-filters";
import { countFollowUpsByStatus, createFollowUp, type FollowUp, listFollowUpColumns, listFollowUps } from "@/db/queries/follow-ups";
import { meetingSeries, organisations } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { Viewer } from "@/lib/policy";
import { type FollowUpFilters, followUpFilters, followUpInput, followUpSorts } from "@/lib/validation/follow-ups";
import { engines, type TestDatabase } from "../support/databases";
import { areaId, type DemoEmail, demoViewers, meetingId, orgIds, thrown } from "../support/demo";

const today = () => new Date().toISOString().slice(0, 10);
const shift = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe.each(engines)("follow-up filters on $name", (engine) => {
  let t: TestDatabase;
  let v: Record<DemoEmail, Viewer>;
  let org: Record<"UNODC" | "ROSEN" | "EEAS" | "EC" | "DG HOME", string>;
  let abuja: string;
  let drugs: string;
  let som16: string;
  let made: Record<string, FollowUp>;

  beforeAll(async () => {
    t = await engine.open();
    v = await demoViewers(t.db);
    org = await orgIds(t.db, ["UNODC", "ROSEN", "EEAS", "EC", "DG HOME"] as const);
    drugs = await areaId(t.db, "drugs");
    som16 = await meetingId(t.db, "16th EU–UNODC Senior Officials Meeting");
    // A sub-unit two levels below UNODC: UNODC → ROSEN → a programme office in Abuja.
    const [office] = await t.db
      .insert(organisations)
      .values({ name: "UNODC Programme Office Nigeria (Abuja)", acronym: "POABJ", kind: "un", parentId: org.ROSEN })
      .returning({ id: organisations.id });
    if (!office) throw new Error("no office");
    abuja = office.id;
    // A viewer holds its organisation's sub-units as of its request: read them again now.
    v = await demoViewers(t.db);
    const admin = v["admin@eeas.example"];
    const make = (title: string, extra: Record<string, unknown>) =>
      createFollowUp(t.db, admin, followUpInput.parse({ title, priorityAreaId: drugs, ownerOrganisationId: org.UNODC, ...extra }));
    made = {
      deep: await make("Filter test: deep sub-unit", { ownerOrganisationId: abuja, meetingId: som16, dueOn: shift(10) }),
      lastWeek: await make("Filter test: overdue since last week", { ownerOrganisationId: org["DG HOME"], dueOn: shift(-7) }),
      doneLate: await make("Filter test: done but late", { ownerOrganisationId: org["DG HOME"], dueOn: shift(-30), status: "done" }),
      dueToday: await make("Filter test: due today", { ownerOrganisationId: org.EEAS, dueOn: today() }),
      undated: await make("Filter test: no due date 100% safe_ok", { ownerOrganisationId: org.EEAS }),
    } as Record<string, FollowUp>;
  });
  afterAll(async () => {
    await t?.close();
  });

  const list = async (viewer: Viewer, filters: FollowUpFilters = {}) => (await listFollowUps(t.db, viewer, { limit: 200, ...filters })).items;
  const titles = async (viewer: Viewer, filters: FollowUpFilters = {}) => (await list(viewer, filters)).map((f) => f.title).sort();

  it("includes an organisation's sub-units, however deep, and nothing outside them", async () => {
    const admin = v["admin@eeas.example"];
    const unodc = await list(admin, { organisationId: org.UNODC });
    expect(unodc.map((f) => f.id)).toContain(made.deep?.id);
    const units = new Set(unodc.map((f) => f.ownerOrganisationAcronym));
    expect(units.has("ROSEN")).toBe(true);
    expect([...units].every((a) => ["UNODC", "DPA", "DO", "ROSEN", "ROEA", "COAFG", "COCOL", "POABJ"].includes(a ?? ""))).toBe(true);
    // ROSEN's own list has the office below it, but not UNODC headquarters'.
    const rosen = await list(admin, { organisationId: org.ROSEN });
    expect(rosen.map((f) => f.id)).toContain(made.deep?.id);
    expect(rosen.some((f) => f.ownerOrganisationAcronym === "UNODC")).toBe(false);
    // The leaf: only its own.
    expect(await titles(admin, { organisationId: abuja })).toEqual(["Filter test: deep sub-unit"]);
    // The European Commission includes DG HOME.
    expect(await titles(admin, { organisationId: org.EC })).toEqual(expect.arrayContaining(["Filter test: overdue since last week", "Filter test: done but late"]));
  });

  it("filters overdue: due before today and not closed; due today is not overdue yet", async () => {
    const admin = v["admin@eeas.example"];
    const overdue = await titles(admin, { overdue: true });
    expect(overdue).toContain("Filter test: overdue since last week");
    expect(overdue).not.toContain("Filter test: done but late");
    expect(overdue).not.toContain("Filter test: due today");
    expect(overdue).not.toContain("Filter test: no due date 100% safe_ok");
    expect((await list(admin, { overdue: true })).every((f) => f.overdue)).toBe(true);
    // Overdue within DG HOME's subtree of the Commission.
    expect(await titles(admin, { overdue: true, organisationId: org.EC, q: "Filter test" })).toEqual(["Filter test: overdue since last week"]);
  });

  it("filters by a due range, both ends included, undated ones left out", async () => {
    const admin = v["admin@eeas.example"];
    const range = await titles(admin, { dueFrom: shift(-7), dueTo: today(), q: "Filter test" });
    expect(range).toEqual(["Filter test: due today", "Filter test: overdue since last week"]);
    expect(await titles(admin, { dueFrom: shift(1), q: "Filter test" })).toEqual(["Filter test: deep sub-unit"]);
    expect(followUpFilters.safeParse({ dueFrom: "2030-01-02", dueTo: "2030-01-01" }).success).toBe(false);
  });

  it("filters by series, several statuses and text (wildcards taken literally)", async () => {
    const admin = v["admin@eeas.example"];
    const [som] = await t.db.select({ id: meetingSeries.id, name: meetingSeries.name }).from(meetingSeries);
    if (!som) throw new Error("no series");
    const inSeries = await list(admin, { seriesId: som.id });
    expect(inSeries.length).toBeGreaterThan(0);
    expect(inSeries.every((f) => f.meetingId !== null)).toBe(true);
    expect(inSeries.some((f) => f.title === "Filter test: no due date 100% safe_ok")).toBe(false);
    const statuses = await list(admin, { status: ["done", "blocked"] });
    expect(new Set(statuses.map((f) => f.status))).toEqual(new Set(["done", "blocked"]));
    expect(await titles(admin, { q: "100% safe_ok" })).toEqual(["Filter test: no due date 100% safe_ok"]);
    expect(await titles(admin, { q: "100%_safe" })).toEqual([]);
  });

  it("reads the board's and table's URL: own organisation and its sub-units by default, 'all' lifts it, the export asks the same", async () => {
    const manager = v["manager@unodc.example"];
    const own = resolveFilters(manager, { q: "Filter test" });
    expect(own.problems).toEqual({});
    expect(own.filters.organisationId).toBe(manager.organisationId);
    // The deep sub-unit's follow-up is on UNODC's default view; EEAS's and DG HOME's are not.
    expect(await titles(manager, own.filters)).toEqual(["Filter test: deep sub-unit"]);
    const all = resolveFilters(manager, { q: "Filter test", organisationId: "all" });
    expect(all.filters.organisationId).toBeUndefined();
    expect(await titles(manager, all.filters)).toEqual([
      "Filter test: deep sub-unit",
      "Filter test: done but late",
      "Filter test: due today",
      "Filter test: no due date 100% safe_ok",
      "Filter test: overdue since last week",
    ]);
    const overdue = resolveFilters(manager, { q: "Filter test", organisationId: "all", overdue: "true", status: ["open", "done"] });
    expect(await titles(manager, overdue.filters)).toEqual(["Filter test: overdue since last week"]);
    // The CSV link carries exactly these filters: the API reads them back the same.
    const query = new URLSearchParams(apiQuery(overdue.filters));
    const back = Object.fromEntries([...new Set(query.keys())].map((k) => [k, query.getAll(k).length > 1 ? query.getAll(k) : query.get(k)]));
    expect(followUpFilters.parse(back)).toEqual(overdue.filters);
    // A bad value is dropped and named, never an error page.
    const bad = resolveFilters(manager, { organisationId: "not-a-uuid", dueFrom: "2030-02-30" });
    expect(Object.keys(bad.problems).sort()).toEqual(["dueFrom", "organisationId"]);
    expect(bad.filters.dueFrom).toBeUndefined();
  });

  it("never lists, nor counts, what the viewer may not see", async () => {
    const unodcStaff = v["staff@unodc.example"]; // not a participant of the EU-only pre-brief
    const visible = await list(unodcStaff, {});
    const counts = await countFollowUpsByStatus(t.db, unodcStaff, {});
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(visible.length);
    const all = await list(v["admin@eeas.example"], {});
    expect(all.length).toBeGreaterThan(visible.length);
    const open = await countFollowUpsByStatus(t.db, v["manager@unodc.example"], { organisationId: org.UNODC, status: "open" });
    expect(open.open).toBe((await list(v["manager@unodc.example"], { organisationId: org.UNODC, status: "open" })).length);
    expect(open.done).toBe(0);
  });

  describe.each(followUpSorts.flatMap((sort) => (["asc", "desc"] as const).map((dir) => ({ sort, dir }))))("sorted by $sort $dir", ({ sort, dir }) => {
    it("walks every follow-up exactly once, in order", async () => {
      const viewer = v["manager@unodc.example"];
      const whole = await list(viewer, { sort, dir });
      const walked: FollowUp[] = [];
      let cursor: string | undefined;
      for (let i = 0; i <= whole.length; i++) {
        const { items, nextCursor } = await listFollowUps(t.db, viewer, { limit: 3, sort, dir, cursor });
        walked.push(...items);
        if (!nextCursor) break;
        cursor = nextCursor;
      }
      expect(walked.map((f) => f.id)).toEqual(whole.map((f) => f.id));
      expect(new Set(walked.map((f) => f.id)).size).toBe(whole.length);
      const sign = dir === "asc" ? 1 : -1;
      const key = (f: FollowUp) =>
        sort === "due" ? (f.dueOn ?? "9999-12-31") : sort === "status" ? String(["open", "in_progress", "blocked", "done", "cancelled"].indexOf(f.status)) : sort === "updated" ? f.updatedAt.toISOString() : null;
      for (let i = 1; i < walked.length; i++) {
        const a = walked[i - 1];
        const b = walked[i];
        if (!a || !b) continue;
        const ka = key(a);
        const kb = key(b);
        if (ka !== null && kb !== null) expect(sign * (ka < kb ? -1 : ka > kb ? 1 : 0)).toBeLessThanOrEqual(0);
      }
    });

    it("refuses a cursor made for another sort", async () => {
      const viewer = v["manager@unodc.example"];
      const other = sort === "title" ? "due" : "title";
      const { nextCursor } = await listFollowUps(t.db, viewer, { limit: 1, sort: other, dir });
      if (!nextCursor) throw new Error("expected a second page");
      const e = await thrown(() => listFollowUps(t.db, viewer, { limit: 1, sort, dir, cursor: nextCursor }));
      expect(e).toBeInstanceOf(AppError);
      expect(e).toMatchObject({ status: 400 });
    });
  });

  it("gives the board's columns in one statement, each the same page, and the same next cursor, as its own list", async () => {
    const statuses = ["open", "in_progress", "blocked", "done", "cancelled"] as const;
    const cases: [Viewer, FollowUpFilters][] = [
      [v["admin@eeas.example"], {}],
      [v["staff@unodc.example"], {}],
      [v["manager@unodc.example"], { organisationId: org.UNODC }],
      [v["admin@eeas.example"], { organisationId: org["DG HOME"], overdue: true }],
      [v["admin@eeas.example"], { priorityAreaId: drugs, q: "filter test" }],
    ];
    for (const [viewer, filters] of cases) {
      for (const limit of [1, 2, 50]) {
        const columns = await listFollowUpColumns(t.db, viewer, filters, statuses, limit);
        for (const status of statuses) {
          const own = await listFollowUps(t.db, viewer, { ...filters, status, limit });
          const column = columns.get(status);
          expect(column?.items.map((f) => f.id)).toEqual(own.items.map((f) => f.id));
          expect(column?.nextCursor).toBe(own.nextCursor);
        }
      }
    }
    // The cursor pages on where the column stopped; a column not asked for is not read.
    const first = await listFollowUpColumns(t.db, v["admin@eeas.example"], {}, ["open", "done"], 1);
    const cursor = first.get("open")?.nextCursor;
    if (!cursor) throw new Error("expected a second page of open follow-ups");
    const next = await listFollowUps(t.db, v["admin@eeas.example"], { status: "open", limit: 1, cursor });
    expect(next.items[0]?.id).toBe((await listFollowUps(t.db, v["admin@eeas.example"], { status: "open", limit: 2 })).items[1]?.id);
    expect([...first.keys()]).toEqual(["open", "done"]);
    expect((await listFollowUpColumns(t.db, v["admin@eeas.example"], {}, [], 10)).size).toBe(0);
  });

  it("refuses a forged cursor with a 400, not a database error", async () => {
    const forged = Buffer.from(JSON.stringify(["status", "asc", "nonsense", "2020-01-01", "x"])).toString("base64url");
    const e = await thrown(() => listFollowUps(t.db, v["admin@eeas.example"], { sort: "status", cursor: forged }));
    expect(e).toMatchObject({ status: 400 });
  });
});
