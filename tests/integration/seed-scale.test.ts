/** The scale data set (npm run seed:scale): sizes as asked, the benchmark's meeting, and the same data for the same seed. */
import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activity, comments, followUps, meetings, organisations, users } from "@/db/schema";
import { BENCH_MEETING_FOLLOW_UPS, BENCH_MEETING_ID, seedScaleData, truncateAll } from "@/db/seed-scale";
import { engines, type TestDatabase } from "../support/databases";

const options = { organisations: 40, users: 120, meetings: 30, followUps: 600, activity: 2000, comments: 100, today: "2026-06-30", seed: 7 };

describe.each(engines)("the scale data set on $name", (engine) => {
  let t: TestDatabase;
  let demoFollowUps = 0;
  beforeAll(async () => {
    t = await engine.open();
    demoFollowUps = Number((await t.db.select({ n: sql<number>`count(*)::int` }).from(followUps))[0]?.n);
  });
  afterAll(async () => {
    await t?.close();
  });

  const snapshot = () =>
    t.db.select({ id: followUps.id, title: followUps.title, status: followUps.status, dueOn: followUps.dueOn }).from(followUps).orderBy(asc(followUps.id));

  it("refuses a database that has data, then fills an emptied one to the sizes asked", async () => {
    await expect(seedScaleData(t.db, options)).rejects.toThrow(/not empty/);
    await truncateAll(t.db);
    const totals = await seedScaleData(t.db, options);
    const n = async (table: typeof organisations | typeof users | typeof meetings | typeof followUps | typeof activity | typeof comments) =>
      Number((await t.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]?.n);
    expect(await n(organisations)).toBe(40);
    expect(await n(users)).toBe(120);
    expect(await n(meetings)).toBe(30);
    expect(await n(followUps)).toBe(600);
    expect(await n(activity)).toBe(2000);
    expect(totals.followUps).toBe(600);
    const bench = await t.db.select({ n: sql<number>`count(*)::int` }).from(followUps).where(eq(followUps.meetingId, BENCH_MEETING_ID));
    expect(Number(bench[0]?.n)).toBe(BENCH_MEETING_FOLLOW_UPS);
    const statuses = await t.db.selectDistinct({ s: followUps.status }).from(followUps);
    expect(statuses.map((s) => s.s).sort()).toEqual(["blocked", "cancelled", "done", "in_progress", "open"]);
  });

  it("makes the same follow-ups from the same seed", async () => {
    const first = await snapshot();
    await truncateAll(t.db);
    await seedScaleData(t.db, options);
    const second = await snapshot();
    // The demo world's follow-ups get random ids; the scale ones are drawn from the seed.
    const ids = new Set(second.map((f) => f.id));
    const common = first.filter((f) => ids.has(f.id));
    expect(common).toHaveLength(600 - demoFollowUps);
    const firstIds = new Set(first.map((f) => f.id));
    expect(second.filter((f) => firstIds.has(f.id))).toEqual(common);
  });
});
