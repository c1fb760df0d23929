import "server-only";
import { and, count, eq, gt, inArray, isNull, lt, ne, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { signInFailures, users, userSessions } from "@/db/schema";

/** Starts a session at sign-in; its id goes into the session cookie. */
export async function startSession(db: Db, userId: string): Promise<string> {
  const [row] = await db.insert(userSessions).values({ userId }).returning({ id: userSessions.id });
  return row!.id;
}

/** Ends a session at sign-out: the cookie, even if kept or stolen, no longer signs anyone in. */
export async function endSession(db: Db, sessionId: string) {
  await db.update(userSessions).set({ endedAt: new Date() }).where(and(eq(userSessions.id, sessionId), isNull(userSessions.endedAt)));
}

/**
 * Ends every live session of a user (all but `except`, the one making the request, if given):
 * after a password change, a deactivation, "sign out everywhere", or an admin's word. An ended
 * session answers as signed out everywhere, /api/auth/session included (server/auth.ts).
 */
export async function endSessionsOf(db: Db, userId: string, except?: string): Promise<number> {
  const ended = await db
    .update(userSessions)
    .set({ endedAt: new Date() })
    .where(and(eq(userSessions.userId, userId), isNull(userSessions.endedAt), except ? ne(userSessions.id, except) : undefined))
    .returning({ id: userSessions.id });
  return ended.length;
}

/** Whether a session is alive for the user: not ended, within the idle and absolute timeouts. */
export async function sessionAlive(db: Db, sessionId: string, userId: string, limits: { idleMinutes: number; maxHours: number }, now = new Date()) {
  const [row] = await db
    .select({ id: userSessions.id })
    .from(userSessions)
    .innerJoin(users, eq(users.id, userSessions.userId))
    .where(
      and(
        eq(userSessions.id, sessionId),
        eq(userSessions.userId, userId),
        isNull(userSessions.endedAt),
        eq(users.active, true),
        gt(userSessions.lastSeenAt, new Date(now.getTime() - limits.idleMinutes * 60_000)),
        gt(userSessions.createdAt, new Date(now.getTime() - limits.maxHours * 3_600_000)),
      ),
    );
  return !!row;
}

/** Failed sign-ins allowed per account and per address within the window, before sign-in is refused. */
export const signInThrottle = { maxFailures: 10, windowMinutes: 15 };

export const throttleKeys = (email: string, address: string | null) => [`account:${email.trim().toLowerCase()}`, ...(address ? [`address:${address}`] : [])];

/**
 * Check and count in one step: refuse (null) when any key has reached the limit within the window;
 * otherwise count this attempt as a failure now, before the password is checked, and return the
 * rows to release if it succeeds. A transaction-scoped advisory lock per key makes this atomic on
 * PostgreSQL across app instances (and PGlite's one connection runs transactions one at a time),
 * so 80 guesses sent at once still get at most `maxFailures` password checks.
 */
export async function reserveAttempt(db: Db, keys: string[], now = new Date()): Promise<number[] | null> {
  const since = new Date(now.getTime() - signInThrottle.windowMinutes * 60_000);
  return db.transaction(async (tx) => {
    for (const key of [...keys].sort()) await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${key}))`);
    const rows = await tx
      .select({ key: signInFailures.key, n: count() })
      .from(signInFailures)
      .where(and(inArray(signInFailures.key, keys), gt(signInFailures.at, since)))
      .groupBy(signInFailures.key);
    if (rows.some((r) => r.n >= signInThrottle.maxFailures)) return null;
    const inserted = await tx.insert(signInFailures).values(keys.map((key) => ({ key, at: now }))).returning({ id: signInFailures.id });
    return inserted.map((r) => r.id);
  });
}

/** A failed attempt keeps its reservation; failures older than a day are forgotten. */
export async function forgetOldFailures(db: Db, now = new Date()) {
  await db.delete(signInFailures).where(lt(signInFailures.at, new Date(now.getTime() - 24 * 3_600_000)));
}

/** A successful attempt gives its reservation back. */
export async function releaseAttempt(db: Db, ids: number[]) {
  if (ids.length) await db.delete(signInFailures).where(inArray(signInFailures.id, ids));
}

/** A successful sign-in clears the account's failures (not the address's). */
export async function clearAccountFailures(db: Db, email: string) {
  await db.delete(signInFailures).where(eq(signInFailures.key, throttleKeys(email, null)[0]!));
}

/** Of these sessions, the ones still alive (not ended, used within the idle timeout, younger than the absolute one; read without marking them seen, so an open stream keeps no idle session alive), in one statement: the event streams' shared heartbeat. */
export async function aliveSessions(db: Db, sessionIds: string[], limits: { idleMinutes: number; maxHours: number }, now = new Date()) {
  if (!sessionIds.length) return new Set<string>();
  const rows = await db
    .select({ id: userSessions.id })
    .from(userSessions)
    .where(
      and(
        inArray(userSessions.id, sessionIds),
        isNull(userSessions.endedAt),
        gt(userSessions.lastSeenAt, new Date(now.getTime() - limits.idleMinutes * 60_000)),
        gt(userSessions.createdAt, new Date(now.getTime() - limits.maxHours * 3_600_000)),
      ),
    );
  return new Set(rows.map((r) => r.id));
}
