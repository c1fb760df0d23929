/**
 * API tokens: made with a `ct_` prefix and stored only as a hash; they act as their owner; expiry
 * (default 90 days, at most a year, "never" only where allowed), revocation and a deactivated owner
 * all end them (401); creation, use from a new address and revocation are in the audit trail.
 * (The HTTP side — Bearer in the API wrapper, scopes, the Origin exemption — is in e2e/api-tokens.spec.ts.)
 */
import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { authenticateToken, createApiToken, listAllApiTokens, listApiTokens, revokeApiToken } from "@/db/queries/api-tokens";
import { activity, apiTokens, users } from "@/db/schema";
import { resetEnvForTests } from "@/server/env";
import { AppError } from "@/lib/errors";
import type { Viewer } from "@/lib/policy";
import { engines, type TestDatabase } from "../support/databases";
import { type DemoEmail, demoViewers, thrown } from "../support/demo";

const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

describe.each(engines)("API tokens on $name", (engine) => {
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
    delete process.env.API_TOKENS_NEVER_EXPIRE;
    resetEnvForTests();
  });

  it("is shown once with a ct_ prefix, stored only as a hash, expires in 90 days by default, and acts as its owner", async () => {
    const staff = v["staff@unodc.example"];
    const made = await createApiToken(t.db, staff, { name: "Power BI", scope: "read" });
    expect(made.token).toMatch(/^ct_[A-Za-z0-9_-]{43}$/);
    expect(made.expiresOn).toBe(day(90));
    const [row] = await t.db.select().from(apiTokens).where(eq(apiTokens.id, made.id));
    expect(row!.tokenHash).not.toContain(made.token.slice(3));
    expect(JSON.stringify(row)).not.toContain(made.token);
    expect(row!.prefix).toBe(made.token.slice(0, 8));
    const listed = await listApiTokens(t.db, staff);
    expect(listed.map((x) => x.id)).toContain(made.id);
    expect(JSON.stringify(listed)).not.toContain(made.token);

    const auth = await authenticateToken(t.db, made.token, "192.0.2.10");
    expect(auth.viewer.id).toBe(staff.id);
    expect(auth.viewer.subtreeOrganisationIds).toEqual(staff.subtreeOrganisationIds);
    expect(auth.scope).toBe("read");
    const [used] = await t.db.select({ lastUsedAt: apiTokens.lastUsedAt }).from(apiTokens).where(eq(apiTokens.id, made.id));
    expect(used!.lastUsedAt).not.toBeNull();
  });

  it("audits creation, the first use from each address (not every use) and revocation", async () => {
    const staff = v["staff@eeas.example"];
    const made = await createApiToken(t.db, staff, { name: "script", scope: "read-write" });
    await authenticateToken(t.db, made.token, "192.0.2.1");
    await authenticateToken(t.db, made.token, "192.0.2.1");
    await authenticateToken(t.db, made.token, "192.0.2.2");
    await revokeApiToken(t.db, staff, made.id);
    const rows = await t.db.select({ action: activity.action, after: activity.after }).from(activity).where(and(eq(activity.entityType, "user"), eq(activity.entityId, staff.id)));
    const mine = rows.filter((r) => (r.after as { tokenId?: string } | null)?.tokenId === made.id);
    expect(mine.map((r) => r.action).sort()).toEqual(["api_token_created", "api_token_revoked", "api_token_used", "api_token_used"]);
    expect(mine.filter((r) => r.action === "api_token_used").map((r) => (r.after as { address: string }).address).sort()).toEqual(["192.0.2.1", "192.0.2.2"]);
  });

  it("answers 401 when revoked, expired, made up, or its owner is deactivated", async () => {
    const staff = v["staff@unodc.example"];
    const status = (token: string, now?: Date) =>
      authenticateToken(t.db, token, null, now).then(
        () => 200,
        (e: unknown) => (e instanceof AppError ? e.status : 500),
      );

    const revoked = await createApiToken(t.db, staff, { name: "revoked", scope: "read" });
    await revokeApiToken(t.db, staff, revoked.id);
    expect(await status(revoked.token)).toBe(401);

    const short = await createApiToken(t.db, staff, { name: "short", scope: "read", expiresOn: day(1) });
    expect(await status(short.token)).toBe(200);
    expect(await status(short.token, new Date(Date.now() + 3 * 86_400_000))).toBe(401);

    expect(await status(`ct_${"0".repeat(43)}`)).toBe(401);
    expect(await status("not a token")).toBe(401);

    const manager = v["manager@unodc.example"];
    const theirs = await createApiToken(t.db, manager, { name: "leaver", scope: "read-write" });
    await t.db.update(users).set({ active: false }).where(eq(users.id, manager.id));
    try {
      expect(await status(theirs.token)).toBe(401);
    } finally {
      await t.db.update(users).set({ active: true }).where(eq(users.id, manager.id));
    }
  });

  it("lasts at most a year, and never expires only where an admin allows it", async () => {
    const staff = v["staff@unodc.example"];
    const tooLong = (await thrown(() => createApiToken(t.db, staff, { name: "x", scope: "read", expiresOn: day(400) }))) as AppError;
    expect(tooLong.status).toBe(400);
    expect(tooLong.fields?.expiresOn).toMatch(/at most a year/);
    const past = (await thrown(() => createApiToken(t.db, staff, { name: "x", scope: "read", expiresOn: day(0) }))) as AppError;
    expect(past.fields?.expiresOn).toMatch(/after today/);
    const never = (await thrown(() => createApiToken(t.db, staff, { name: "x", scope: "read", expiresOn: "never" }))) as AppError;
    expect(never.fields?.expiresOn).toMatch(/not allowed/);
    process.env.API_TOKENS_NEVER_EXPIRE = "true";
    resetEnvForTests();
    const forever = await createApiToken(t.db, staff, { name: "forever", scope: "read", expiresOn: "never" });
    expect(forever.expiresOn).toBeNull();
    expect((await authenticateToken(t.db, forever.token, null, new Date(Date.now() + 5 * 365 * 86_400_000))).viewer.id).toBe(staff.id);
  });

  it("revoking someone else's token is 404 except for an admin, who sees every token by user", async () => {
    const owner = v["staff@unodc.example"];
    const made = await createApiToken(t.db, owner, { name: "someone's", scope: "read" });
    expect(((await thrown(() => revokeApiToken(t.db, v["manager@unodc.example"], made.id))) as AppError).status).toBe(404);
    expect(((await thrown(() => listAllApiTokens(t.db, v["manager@eeas.example"]))) as AppError).status).toBe(403);
    const all = await listAllApiTokens(t.db, v["admin@eeas.example"]);
    expect(all.find((x) => x.id === made.id)?.userEmail).toBe(owner.email);
    await revokeApiToken(t.db, v["admin@eeas.example"], made.id);
    expect(((await thrown(() => authenticateToken(t.db, made.token, null))) as AppError).status).toBe(401);
  });
});
