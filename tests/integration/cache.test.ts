/**
 * The cache by data version (server/cache.ts, issue 25): the reference lists and the overview are
 * read once per version, read again after any committed write, never filled from a transaction
 * (which may roll back), and a viewer's figures are never served to a viewer who may see less.
 */
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { listOrganisations, updateOrganisation } from "@/db/queries/organisations";
import { overviewDueSoon, overviewFigures } from "@/db/queries/overview";
import { listPriorityAreas } from "@/db/queries/reference";
import { organisations } from "@/db/schema";
import type { Viewer } from "@/lib/policy";
import { dataVersion } from "@/server/cache";
import { engines, type TestDatabase } from "../support/databases";
import { type DemoEmail, demoEmails, demoViewers } from "../support/demo";

const today = () => new Date().toISOString().slice(0, 10);
const uncached = async <T,>(fn: () => Promise<T>): Promise<T> => {
  process.env.TRACKER_CACHE = "0";
  try {
    return await fn();
  } finally {
    delete process.env.TRACKER_CACHE;
  }
};

describe.each(engines)("the cache by data version, on $name", (engine) => {
  let t: TestDatabase;
  let v: Record<DemoEmail, Viewer>;

  beforeAll(async () => {
    t = await engine.open();
    v = await demoViewers(t.db);
  });
  afterAll(async () => {
    await t?.close();
  });
  afterEach(() => {
    delete process.env.TRACKER_CACHE;
  });

  it("reads a reference list once per version and again after a committed write", async () => {
    const first = await listOrganisations(t.db);
    expect(await listOrganisations(t.db)).toBe(first); // the same answer, not read again
    const before = await dataVersion(t.db);
    const unodc = first.find((o) => o.acronym === "UNODC")!;
    await updateOrganisation(t.db, v["admin@eeas.example"], unodc.id, { version: unodc.version, name: "UNODC renamed for the cache test" });
    expect(await dataVersion(t.db)).not.toBe(before);
    const after = await listOrganisations(t.db);
    expect(after).not.toBe(first);
    expect(after.find((o) => o.id === unodc.id)?.name).toBe("UNODC renamed for the cache test");
    // A plain write (not through the app's functions) moves the version too.
    await t.db.update(organisations).set({ name: "UNODC" }).where(eq(organisations.id, unodc.id));
    expect((await listOrganisations(t.db)).find((o) => o.id === unodc.id)?.name).toBe("UNODC");
  });

  it("is not filled from inside a transaction, so a rolled-back write is never served", async () => {
    await listPriorityAreas(t.db);
    await expect(
      t.db.transaction(async (tx) => {
        await tx.insert(organisations).values({ name: "Rolled back organisation", kind: "other" });
        expect((await listOrganisations(tx)).some((o) => o.name === "Rolled back organisation")).toBe(true);
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect((await listOrganisations(t.db)).some((o) => o.name === "Rolled back organisation")).toBe(false);
  });

  it("never gives one viewer the overview of another who may see other follow-ups (restricted meetings)", async () => {
    const day = today();
    const in14 = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
    const due = { status: ["open", "in_progress", "blocked"] as ("open" | "in_progress" | "blocked")[], dueFrom: day, dueTo: in14 };
    // Twice round, interleaved: the second round is served from the cache.
    for (let round = 0; round < 2; round++) {
      for (const email of demoEmails) {
        const viewer = v[email];
        expect(await overviewFigures(t.db, viewer, day), email).toEqual(await uncached(() => overviewFigures(t.db, viewer, day)));
        expect(await overviewDueSoon(t.db, viewer, due), email).toEqual(await uncached(() => overviewDueSoon(t.db, viewer, due)));
      }
    }
    // The check means something: the EU's restricted meeting makes these two viewers' figures differ.
    const eu = await overviewFigures(t.db, v["staff@eeas.example"], day);
    const unodc = await overviewFigures(t.db, v["staff@unodc.example"], day);
    expect(eu.matrix).not.toEqual(unodc.matrix);
  });
});
