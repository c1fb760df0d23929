/**
 * Backup and restore round-trip a populated database table by table, on each engine and across
 * them; a restore is all-or-nothing and never overwrites data unless asked to.
 */
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Dump, dumpDatabase, RestoreError, restoreDatabase } from "@/db/backup";
import { followUps, organisations } from "@/db/schema";
import { engines, type TestDatabase } from "../support/databases";

/** Every table's rows in a canonical order, for comparing two databases. */
const canonical = (dump: Dump) =>
  Object.fromEntries(dump.tables.map((t) => [t.name, t.rows.map((r) => JSON.stringify(r)).sort()]));

describe.each(engines)("backup and restore on $name", (engine) => {
  let source: TestDatabase;
  let target: TestDatabase;
  let dump: Dump;

  beforeAll(async () => {
    source = await engine.open();
    target = await engine.open();
    // Something beyond the seed: a change, so versions, activity ids and timestamps differ from a fresh seed.
    await source.db.update(followUps).set({ title: "Changed before the backup — ünïcödé, \"quotes\", 'apostrophes'", version: sql`${followUps.version} + 1` });
    dump = await dumpDatabase(source.db);
  });
  afterAll(async () => {
    await source?.close();
    await target?.close();
  });

  it("dumps every table of the schema", () => {
    const names = dump.tables.map((t) => t.name);
    for (const table of ["organisations", "users", "meetings", "follow_ups", "comments", "activity", "user_sessions"]) expect(names).toContain(table);
    expect(names.indexOf("organisations")).toBeLessThan(names.indexOf("users"));
    expect(dump.tables.find((t) => t.name === "follow_ups")!.rows.length).toBeGreaterThan(10);
  });

  it("refuses to restore over data unless asked, and changes nothing", async () => {
    const before = canonical(await dumpDatabase(target.db));
    await expect(restoreDatabase(target.db, dump)).rejects.toThrow(RestoreError);
    expect(canonical(await dumpDatabase(target.db))).toEqual(before);
  });

  it("restores every row of every table, and new rows get fresh ids", async () => {
    await restoreDatabase(target.db, dump, { replace: true });
    const again = await dumpDatabase(target.db);
    expect(canonical(again)).toEqual(canonical(dump));
    // Sequences continue after the restored ids.
    const [org] = await target.db.insert(organisations).values({ name: "After restore", kind: "other" }).returning();
    expect(org?.id).toBeTruthy();
    const [f] = await target.db.select().from(followUps).limit(1);
    await target.db.update(followUps).set({ title: "x" }).where(eq(followUps.id, f!.id));
  });

  it("refuses a file that is not a backup, or one of another schema version", async () => {
    await expect(restoreDatabase(target.db, { nonsense: true } as unknown as Dump, { replace: true })).rejects.toThrow(/not a Cooperation Tracker backup/);
    await expect(restoreDatabase(target.db, { ...dump, migration: "0000" }, { replace: true })).rejects.toThrow(/another version of the schema/);
  });

  it("is all or nothing: a restore that fails half-way leaves the database as it was", async () => {
    const before = canonical(await dumpDatabase(target.db));
    const broken: Dump = { ...dump, tables: dump.tables.map((t) => (t.name === "follow_ups" ? { ...t, rows: [...t.rows, { ...t.rows[0], title: null }] } : t)) };
    await expect(restoreDatabase(target.db, broken, { replace: true })).rejects.toThrow();
    expect(canonical(await dumpDatabase(target.db))).toEqual(before);
  });
});

describe.runIf(engines.length > 1)("a backup moves between engines", () => {
  it("restores a PGlite backup into PostgreSQL and back, row for row", async () => {
    const [pglite, postgres] = await Promise.all(engines.map((e) => e.open()));
    try {
      const fromPglite = await dumpDatabase(pglite!.db);
      await restoreDatabase(postgres!.db, fromPglite, { replace: true });
      expect(canonical(await dumpDatabase(postgres!.db))).toEqual(canonical(fromPglite));
      await restoreDatabase(pglite!.db, await dumpDatabase(postgres!.db), { replace: true });
      expect(canonical(await dumpDatabase(pglite!.db))).toEqual(canonical(fromPglite));
    } finally {
      await pglite?.close();
      await postgres?.close();
    }
  });
});
