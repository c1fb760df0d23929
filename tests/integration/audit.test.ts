/**
 * The audit trail records sign-ins, failed sign-ins (never the password) and refused (403)
 * attempts, and no code path updates or deletes it.
 */
import fs from "node:fs";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrganisation } from "@/db/queries/organisations";
import { activity } from "@/db/schema";
import { NO_USER, recordRefused } from "@/server/audit";
import { AppError } from "@/lib/errors";
import type { Viewer } from "@/lib/policy";
import { checkCredentials } from "@/server/sign-in";
import { organisationInput } from "@/lib/validation/organisations";
import { engines, type TestDatabase } from "../support/databases";
import { type DemoEmail, demoViewers, thrown } from "../support/demo";

const rows = (t: TestDatabase, action: string, entityId: string) =>
  t.db.select().from(activity).where(and(eq(activity.action, action), eq(activity.entityId, entityId))).orderBy(activity.id);

describe.each(engines)("audit trail on $name", (engine) => {
  let t: TestDatabase;
  let v: Record<DemoEmail, Viewer>;

  beforeAll(async () => {
    t = await engine.open();
    v = await demoViewers(t.db);
  });
  afterAll(() => t?.close());

  it("records a sign-in", async () => {
    const staff = v["staff@unodc.example"];
    const outcome = await checkCredentials(t.db, { email: "Staff@UNODC.example", password: "demo-password" });
    expect("user" in outcome && outcome.user.id).toBe(staff.id);
    const [row] = await rows(t, "signed_in", staff.id);
    expect(row).toMatchObject({ actorId: staff.id, entityType: "user", entityId: staff.id });
  });

  it("records a wrong password against the user, with the e-mail and never the password", async () => {
    const manager = v["manager@eeas.example"];
    expect(await checkCredentials(t.db, { email: " MANAGER@eeas.example", password: "hunter2-secret" })).toEqual({ refused: "invalid" });
    const log = await rows(t, "sign_in_failed", manager.id);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ actorId: manager.id, entityType: "user", after: { email: "manager@eeas.example" } });
    expect(JSON.stringify(log[0])).not.toContain("hunter2");
  });

  it("records an unknown e-mail against the nil uuid, with no actor", async () => {
    expect(await checkCredentials(t.db, { email: "Nobody@Example.org", password: "whatever-pw" })).toEqual({ refused: "invalid" });
    const log = await rows(t, "sign_in_failed", NO_USER);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ actorId: null, entityType: "user", after: { email: "nobody@example.org" } });
    expect(JSON.stringify(log)).not.toContain("whatever-pw");
  });

  it("records a refused (403) attempt with its code, method and path", async () => {
    const staff = v["staff@eeas.example"];
    // What apiRoute and authedAction catch: the query layer's own refusal.
    const e = await thrown(() => createOrganisation(t.db, staff, organisationInput.parse({ name: "Sneaky", kind: "other" })));
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).status).toBe(403);
    await recordRefused(t.db, staff, e as AppError, { method: "POST", path: "/api/v1/organisations" });
    const log = await rows(t, "refused", staff.id);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ actorId: staff.id, entityType: "user", after: { code: "forbidden:admin", method: "POST", path: "/api/v1/organisations" } });
  });
});

describe("the activity table is append-only", () => {
  // The one exception is the law's: retention deletes old sign-in records, and anonymisation scrubs a
  // departed person's name and e-mail out of them (db/queries/personal-data.ts, SECURITY.md).
  const personalData = path.join("db", "queries", "personal-data.ts");
  it("no source file updates or deletes activity rows, but the personal-data functions", () => {
    const root = path.resolve(__dirname, "../..");
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(p);
        else if (/\.tsx?$/.test(entry.name) && path.relative(root, p) !== personalData && /\.(update|delete)\(\s*activity\s*\)|(update|delete from) activity\b/i.test(fs.readFileSync(p, "utf8"))) offenders.push(path.relative(root, p));
      }
    };
    for (const dir of ["app", "db", "lib", "components"]) walk(path.join(root, dir));
    expect(offenders).toEqual([]);
  });
});
