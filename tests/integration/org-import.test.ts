/**
 * Importing organisations from CSV: the preview says row by row what would happen; a file with a
 * bad row writes nothing; a clean file creates and updates (with activity); importing it again
 * changes nothing and records nothing.
 */
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyOrganisationImport, ImportInvalid, planOrganisationImport, previewOrganisationImport, readImportRows } from "@/db/queries/organisation-import";
import { activity, organisations } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { Viewer } from "@/lib/policy";
import { engines, type TestDatabase } from "../support/databases";
import { activityOf, count, type DemoEmail, demoViewers, orgId, thrown } from "../support/demo";

const header = "name,acronym,kind,parent acronym,domains\r\n";
const good = [
  "UNODC Regional Office for Southern Africa (Pretoria),ROSAF,un,UNODC,unodc.org",
  "ROSAF Maputo Programme Office,ROSAF-MZ,un,ROSAF,",
  '"Directorate-General for Migration and Home Affairs (renamed, ""HOME"")",DG HOME,eu,EC,ec.europa.eu; home.example',
  "European External Action Service,eeas,eu,,eeas.europa.eu eeas.example",
].join("\r\n");
const bad = `${header}${good}\r\nAtlantis Office,ATL,planet,NOWHERE,not a domain\r\n`;
const fixed = `\uFEFF${header}${good}\r\n`;

describe.each(engines)("organisation import on $name", (engine) => {
  let t: TestDatabase;
  let v: Record<DemoEmail, Viewer>;
  let admin: Viewer;

  beforeAll(async () => {
    t = await engine.open();
    v = await demoViewers(t.db);
    admin = v["admin@eeas.example"];
  });
  afterAll(() => t?.close());

  it("is for admins only", async () => {
    for (const email of ["manager@eeas.example", "staff@unodc.example"] as const) {
      const e = await thrown(() => applyOrganisationImport(t.db, v[email], fixed));
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).status).toBe(403);
      expect(((await thrown(() => previewOrganisationImport(t.db, v[email], fixed))) as AppError).status).toBe(403);
    }
  });

  it("shows every problem of a bad row, and writes nothing at all", async () => {
    const orgs = await count(t.db, organisations);
    const acts = await count(t.db, activity);
    const preview = await previewOrganisationImport(t.db, admin, bad);
    expect(preview.valid).toBe(false);
    expect(preview.rows.map((r) => [r.line, r.action])).toEqual([
      [2, "create"],
      [3, "create"],
      [4, "update"],
      [5, "unchanged"],
      [6, "error"],
    ]);
    const wrong = preview.rows[4]?.messages.join(" ") ?? "";
    expect(wrong).toMatch(/Kind "planet"/);
    expect(wrong).toMatch(/NOWHERE/);
    expect(wrong).toMatch(/domain/);

    const e = await thrown(() => applyOrganisationImport(t.db, admin, bad));
    expect(e).toBeInstanceOf(ImportInvalid);
    expect((e as ImportInvalid).status).toBe(400);
    expect((e as ImportInvalid).plan.counts.error).toBe(1);
    expect(await count(t.db, organisations)).toBe(orgs);
    expect(await count(t.db, activity)).toBe(acts);
  });

  it("refuses duplicate acronyms, cycles and a row that is its own parent", async () => {
    const plan = async (body: string) => (await planOrganisationImport(t.db, readImportRows(header + body).rows)).rows.map((r) => [r.action, r.messages.join(" ")]);
    const dup = await plan("A,XA,un,,\r\nB,xa,un,,");
    expect(dup.map((r) => r[0])).toEqual(["error", "error"]);
    expect(dup[0]?.[1]).toMatch(/also on line 3/);
    // UNODC under ROSEN, while ROSEN sits under UNODC in the database.
    const cycle = await plan("United Nations Office on Drugs and Crime,UNODC,un,ROSEN,un.org unodc.org unodc.example");
    expect(cycle[0]?.[0]).toBe("error");
    expect(cycle[0]?.[1]).toMatch(/cycle/);
    const newCycle = await plan("P,PP,other,QQ,\r\nQ,QQ,other,PP,");
    expect(newCycle.map((r) => r[0])).toEqual(["error", "error"]);
    expect((await plan("S,SS,other,ss,"))[0]?.[1]).toMatch(/own parent/);
  });

  it("imports a clean file: creates, updates, with activity", async () => {
    const before = await count(t.db, organisations);
    const home = await orgId(t.db, "DG HOME");
    const plan = await applyOrganisationImport(t.db, admin, fixed);
    expect(plan.counts).toEqual({ create: 2, update: 1, unchanged: 1, error: 0 });
    expect(await count(t.db, organisations)).toBe(before + 2);

    const [rosaf] = await t.db.select().from(organisations).where(eq(organisations.acronym, "ROSAF"));
    const [mz] = await t.db.select().from(organisations).where(eq(organisations.acronym, "ROSAF-MZ"));
    expect(rosaf?.parentId).toBe(await orgId(t.db, "UNODC"));
    expect(rosaf?.domains).toEqual(["unodc.org"]);
    expect(mz?.parentId).toBe(rosaf?.id);
    const [h] = await t.db.select().from(organisations).where(eq(organisations.id, home));
    expect(h?.name).toBe('Directorate-General for Migration and Home Affairs (renamed, "HOME")');
    expect(h?.domains).toEqual(["ec.europa.eu", "home.example"]);
    expect(h?.version).toBe(2);

    expect((await activityOf(t.db, rosaf?.id ?? "")).map((a) => a.action)).toEqual(["created"]);
    const homeLog = await activityOf(t.db, home);
    expect(homeLog.map((a) => a.field).sort()).toEqual(["domains", "name"]);
    expect(homeLog.every((a) => a.actorId === admin.id)).toBe(true);
  });

  it("re-importing the same file changes nothing and records nothing", async () => {
    const acts = await count(t.db, activity);
    const versions = await t.db.select({ id: organisations.id, version: organisations.version }).from(organisations).orderBy(organisations.id);
    const plan = await applyOrganisationImport(t.db, admin, fixed);
    expect(plan.rows.every((r) => r.action === "unchanged")).toBe(true);
    expect(plan.changes).toBe(0);
    expect(await count(t.db, activity)).toBe(acts);
    expect(await t.db.select({ id: organisations.id, version: organisations.version }).from(organisations).orderBy(organisations.id)).toEqual(versions);
    // The acronym is matched without regard to case: "eeas" is the seeded EEAS, not a new one.
    const [n] = await t.db.select({ n: sql<number>`count(*)::int` }).from(organisations).where(sql`lower(${organisations.acronym}) = 'eeas'`);
    expect(n?.n).toBe(1);
  });
});
