import "server-only";
import { and, count, eq, gt, inArray, isNull, lt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { signInFailures, userSessions } from "@/db/schema";

/** Starts a session at sign-in; its id goes into the session cookie. */
export async function startSession(db: Db, userId: string): Promise<string> {
  const [row] = await db.insert(userSessions).values({ userId }).returning({ id: userSessions.id });
  return row!.id;
}

/** Ends a session at sign-out: the cookie, even if kept or stolen, no longer signs anyone in. */
export async function endSession(db: Db, sessionId: string) {
  await db.update(userSessions).set({ endedAt: new Date() }).where(and(eq(userSessions.id, sessionId), isNull(userSessions.endedAt)));
}

/** Failed sign-ins allowed per account and per address within the window, before sign-in is refused. */
export const signInThrottle = { maxFailures: 10, windowMinutes: 15 };

export const throttleKeys = (email: string, address: string | null) => [`account:${email.trim().toLowerCase()}`, ...(address ? [`address:${address}`] : [])];

/** Whether any of the keys has reached the limit of failures within the window. */
export async function isThrottled(db: Db, keys: string[], now = new Date()): Promise<boolean> {
  const since = new Date(now.getTime() - signInThrottle.windowMinutes * 60_000);
  const rows = await db
    .select({ key: signInFailures.key, n: count() })
    .from(signInFailures)
    .where(and(inArray(signInFailures.key, keys), gt(signInFailures.at, since)))
    .groupBy(signInFailures.key);
  return rows.some((r) => r.n >= signInThrottle.maxFailures);
}

/** Counts a failure against every key, and forgets failures older than a day. */
export async function recordFailure(db: Db, keys: string[], now = new Date()) {
  await db.insert(signInFailures).values(keys.map((key) => ({ key, at: now })));
  await db.delete(signInFailures).where(lt(signInFailures.at, new Date(now.getTime() - 24 * 3_600_000)));
}

/** A successful sign-in clears the account's failures (not the address's). */
export async function clearAccountFailures(db: Db, email: string) {
  await db.delete(signInFailures).where(eq(signInFailures.key, throttleKeys(email, null)[0]!));
}
