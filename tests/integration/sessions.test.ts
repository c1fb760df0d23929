/**
 * Sign-in throttling and session lifetimes live in the database (so they hold across app
 * instances): too many failures per account or per address refuse even the right password;
 * a session ends at sign-out and after the idle and absolute timeouts.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { endSession, signInThrottle, startSession } from "@/db/queries/sessions";
import { loadViewer } from "@/db/queries/users";
import { relatives } from "@/lib/organisations/tree";
import { activity, organisations, signInFailures, users, userSessions } from "@/db/schema";
import { checkCredentials } from "@/server/sign-in";
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

  /** Whether the session is alive for the user (the request's viewer lookup, which also marks it as seen). */
  const touchSession = async (sid: string, userId: string) => (await loadViewer(t.db, userId, { id: sid, ...limits })) !== null;
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
    expect(await touchSession(sid, userId)).toBe(true);
    const other = (await demoViewers(t.db))["staff@eeas.example"].id;
    expect(await touchSession(sid, other), "a session belongs to one user").toBe(false);
    await endSession(t.db, sid);
    expect(await touchSession(sid, userId)).toBe(false);
  });

  it("expires a session after the idle timeout, and after the absolute one however busy", async () => {
    const { id: userId } = (await demoViewers(t.db))["admin@eeas.example"];
    const idle = await startSession(t.db, userId);
    await t.db.update(userSessions).set({ lastSeenAt: new Date(Date.now() - minutes(61)) }).where(eq(userSessions.id, idle));
    expect(await touchSession(idle, userId)).toBe(false);

    const busy = await startSession(t.db, userId);
    await t.db.update(userSessions).set({ createdAt: new Date(Date.now() - minutes(12 * 60 + 1)) }).where(eq(userSessions.id, busy));
    expect(await touchSession(busy, userId)).toBe(false);

    // Being seen moves the idle clock (marked at most once a minute).
    const used = await startSession(t.db, userId);
    await t.db.update(userSessions).set({ lastSeenAt: new Date(Date.now() - minutes(59)) }).where(eq(userSessions.id, used));
    expect(await touchSession(used, userId)).toBe(true);
    const [row] = await t.db.select().from(userSessions).where(eq(userSessions.id, used));
    expect(Date.now() - row!.lastSeenAt.getTime()).toBeLessThan(minutes(1));
  });

  it("reads the viewer of a live session in one go: a deactivation or a role change applies to the next request", async () => {
    const { id: userId } = (await demoViewers(t.db))["staff@eeas.example"];
    const sid = await startSession(t.db, userId);
    const viewer = await loadViewer(t.db, userId, { id: sid, ...limits });
    expect(viewer).toMatchObject({ id: userId, email: "staff@eeas.example", role: "staff" });
    await t.db.update(users).set({ role: "manager" }).where(eq(users.id, userId));
    expect((await loadViewer(t.db, userId, { id: sid, ...limits }))?.role).toBe("manager");
    await t.db.update(users).set({ active: false }).where(eq(users.id, userId));
    expect(await touchSession(sid, userId)).toBe(false);
    await t.db.update(users).set({ active: true, role: "staff" }).where(eq(users.id, userId));
    expect(await touchSession(sid, userId)).toBe(true);
  });

  it("marks a session as seen at most once a minute", async () => {
    const { id: userId } = (await demoViewers(t.db))["manager@eeas.example"];
    const sid = await startSession(t.db, userId);
    const seen = new Date(Date.now() - 30_000);
    await t.db.update(userSessions).set({ lastSeenAt: seen }).where(eq(userSessions.id, sid));
    expect(await touchSession(sid, userId)).toBe(true);
    const lastSeen = async () => (await t.db.select().from(userSessions).where(eq(userSessions.id, sid)))[0]?.lastSeenAt.getTime();
    expect(await lastSeen(), "seen 30 s ago: not written again").toBe(seen.getTime());
    const ended = new Date(Date.now() - 90_000);
    await t.db.update(userSessions).set({ lastSeenAt: ended }).where(eq(userSessions.id, sid));
    expect(await touchSession(sid, userId)).toBe(true);
    expect(await lastSeen()).toBeGreaterThan(ended.getTime() + 60_000);
  });

  it("gives the viewer the organisation's relatives and sub-units as the tree says, on any tree", async () => {
    // A random forest under the demo tree, plus a loop of two (which a parent check prevents, but
    // the data may hold): every organisation's sets must equal relatives() over the whole table.
    const existing = await t.db.select({ id: organisations.id }).from(organisations);
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const ids: string[] = existing.map((o) => o.id);
    for (let i = 0; i < 25; i++) {
      const parentId = random() < 0.2 ? null : (ids[Math.floor(random() * ids.length)] ?? null);
      const [row] = await t.db.insert(organisations).values({ name: `Unit ${i}`, kind: "other", parentId }).returning({ id: organisations.id });
      ids.push(row!.id);
    }
    const [a] = await t.db.insert(organisations).values({ name: "Loop A", kind: "other" }).returning({ id: organisations.id });
    const [b] = await t.db.insert(organisations).values({ name: "Loop B", kind: "other", parentId: a!.id }).returning({ id: organisations.id });
    await t.db.update(organisations).set({ parentId: b!.id }).where(eq(organisations.id, a!.id));
    ids.push(a!.id, b!.id);

    const tree = await t.db.select({ id: organisations.id, parentId: organisations.parentId }).from(organisations);
    const { id: userId } = (await demoViewers(t.db))["staff@unodc.example"];
    for (const organisationId of ids) {
      await t.db.update(users).set({ organisationId }).where(eq(users.id, userId));
      const viewer = await loadViewer(t.db, userId);
      const expected = relatives(tree, organisationId);
      expect(new Set(viewer?.subtreeOrganisationIds)).toEqual(expected.subtree);
      expect(new Set(viewer?.relatedOrganisationIds)).toEqual(expected.related);
    }
  });
});
