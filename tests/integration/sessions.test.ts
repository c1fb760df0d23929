/**
 * Sign-in throttling and session lifetimes live in the database (so they hold across app
 * instances): too many failures per account or per address refuse even the right password;
 * a session ends at sign-out and after the idle and absolute timeouts.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { endSession, signInThrottle, startSession, touchSession } from "@/db/queries/sessions";
import { activity, signInFailures, userSessions } from "@/db/schema";
import { checkCredentials } from "@/lib/sign-in";
import { engines, type TestDatabase } from "../support/databases";
import { demoViewers } from "../support/demo";

const limits = { idleMinutes: 60, maxHours: 12 };
const minutes = (n: number) => n * 60_000;

describe.each(engines)("sign-in throttling and sessions on $name", (engine) => {
  let t: TestDatabase;

  beforeAll(async () => {
    t = await engine.open();
  });
  afterAll(() => t?.close());

  const attempt = (email: string, password: string, address: string | null = null) => checkCredentials(t.db, { email, password }, address);

  it("refuses an account after too many failures, even with the right password, and records it", async () => {
    const email = "staff@eeas.example";
    for (let i = 0; i < signInThrottle.maxFailures; i++) expect(await attempt(email, `wrong-${i}`, `10.0.0.${i}`)).toEqual({ refused: "invalid" });
    expect(await attempt(email, "demo-password", "10.9.9.9")).toEqual({ refused: "throttled" });
    const { id } = (await demoViewers(t.db))["staff@eeas.example"];
    const log = await t.db.select().from(activity).where(and(eq(activity.action, "sign_in_throttled"), eq(activity.entityId, id)));
    expect(log).toHaveLength(1);
    expect(log[0]?.after).toMatchObject({ email, address: "10.9.9.9" });
    // Another account is not affected.
    expect(await attempt("manager@eeas.example", "demo-password", "10.9.9.9")).toHaveProperty("user");
  });

  it("refuses an address after too many failures across accounts (password spraying)", async () => {
    const address = "192.0.2.77";
    for (let i = 0; i < signInThrottle.maxFailures; i++) await attempt(`nobody${i}@example.org`, "Summer2026!", address);
    expect(await attempt("staff@unodc.example", "demo-password", address)).toEqual({ refused: "throttled" });
    expect(await attempt("staff@unodc.example", "demo-password", "192.0.2.78")).toHaveProperty("user");
  });

  it("counts only failures inside the window, and a success clears the account's count", async () => {
    const email = "manager@unodc.example";
    const old = new Date(Date.now() - minutes(signInThrottle.windowMinutes + 1));
    await t.db.insert(signInFailures).values(Array.from({ length: signInThrottle.maxFailures }, () => ({ key: `account:${email}`, at: old })));
    expect(await attempt(email, "demo-password")).toHaveProperty("user");
    for (let i = 0; i < signInThrottle.maxFailures - 1; i++) await attempt(email, "nope-nope");
    expect(await attempt(email, "demo-password")).toHaveProperty("user");
    expect(await t.db.select().from(signInFailures).where(eq(signInFailures.key, `account:${email}`))).toHaveLength(0);
  });

  it("keeps a session alive while used, and ends it at sign-out", async () => {
    const { id: userId } = (await demoViewers(t.db))["admin@eeas.example"];
    const sid = await startSession(t.db, userId);
    expect(await touchSession(t.db, sid, userId, limits)).toBe(true);
    const other = (await demoViewers(t.db))["staff@eeas.example"].id;
    expect(await touchSession(t.db, sid, other, limits), "a session belongs to one user").toBe(false);
    await endSession(t.db, sid);
    expect(await touchSession(t.db, sid, userId, limits)).toBe(false);
  });

  it("expires a session after the idle timeout, and after the absolute one however busy", async () => {
    const { id: userId } = (await demoViewers(t.db))["admin@eeas.example"];
    const idle = await startSession(t.db, userId);
    await t.db.update(userSessions).set({ lastSeenAt: new Date(Date.now() - minutes(61)) }).where(eq(userSessions.id, idle));
    expect(await touchSession(t.db, idle, userId, limits)).toBe(false);

    const busy = await startSession(t.db, userId);
    await t.db.update(userSessions).set({ createdAt: new Date(Date.now() - minutes(12 * 60 + 1)) }).where(eq(userSessions.id, busy));
    expect(await touchSession(t.db, busy, userId, limits)).toBe(false);

    // Being seen moves the idle clock (marked at most once a minute).
    const used = await startSession(t.db, userId);
    await t.db.update(userSessions).set({ lastSeenAt: new Date(Date.now() - minutes(59)) }).where(eq(userSessions.id, used));
    expect(await touchSession(t.db, used, userId, limits)).toBe(true);
    const [row] = await t.db.select().from(userSessions).where(eq(userSessions.id, used));
    expect(Date.now() - row!.lastSeenAt.getTime()).toBeLessThan(minutes(1));
  });
});
