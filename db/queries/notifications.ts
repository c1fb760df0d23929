import "server-only";
import crypto from "node:crypto";
import { and, asc, desc, eq, inArray, lte, ne, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { notifications, users, userNotifications } from "@/db/schema";
import { env } from "@/server/env";
import { userNotificationKinds } from "@/db/enums";
import { AppError, notFound } from "@/lib/errors";
import { vm } from "@/lib/i18n/validation";
import type { Viewer } from "@/lib/policy";
import { recipientLocale } from "@/lib/i18n/locale";
import { digestMessage } from "@/lib/reminders/messages";
import { readUnsubscribeToken, type UnsubscribeKind } from "@/server/reminders/tokens";
import type { DigestPreferencesValues } from "@/lib/validation/reminders";
import { recordChanges } from "./activity";
import { isoDay, mailItem, messageId, unsubscribeUrl } from "./assignment-notices";

export { oneClickUrl, queueAssignmentNotices, unsubscribeUrl } from "./assignment-notices";
import { listFollowUps } from "./follow-ups";
import { loadViewer } from "./users";
import { listUserNotifications } from "./user-notifications";
import { mailModeFor, type UserNotificationKind } from "@/lib/validation/user-notifications";

const addDays = (day: string, n: number) => isoDay(new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000));

/** The ISO week of a day, "2026-W48" (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeek(d: Date): string {
  const day = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday); // the Thursday of this week decides the year
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, "0")}`;
}

/**
 * Each digest due now, written once per user and period (a day, or an ISO week): a second run, or
 * two at once, find the row already there. An empty one is written as skipped, so it is decided
 * once. Lists what the "My follow-ups" page lists as the user's (owned by them or their
 * organisation), still open, overdue or due within their days ahead, as the access policy lets them see.
 */
export async function queueDigests(db: Db, now = new Date()) {
  const today = isoDay(now);
  const candidates = await db
    .select({ id: users.id, name: users.name, email: users.email, frequency: users.digestFrequency, days: users.digestDays, prefs: users.notificationMail, locale: users.locale })
    .from(users)
    .where(and(eq(users.active, true), ne(users.digestFrequency, "never")))
    .orderBy(asc(users.id));
  const keyed = candidates.map((u) => ({ ...u, key: `digest:${u.id}:${u.frequency === "daily" ? today : isoWeek(now)}` }));
  if (!keyed.length) return { queued: 0, empty: 0 };
  const existing = new Set(
    (await db.select({ key: notifications.dedupeKey }).from(notifications).where(inArray(notifications.dedupeKey, keyed.map((u) => u.key)))).map((r) => r.key),
  );
  let queued = 0;
  let empty = 0;
  for (const u of keyed.filter((c) => !existing.has(c.key))) {
    const viewer = await loadViewer(db, u.id);
    if (!viewer) continue;
    const days = u.days ?? env().REMINDER_DAYS;
    const { items } = await listFollowUps(db, viewer, { mine: true, status: ["open", "in_progress", "blocked"], dueTo: addDays(today, days), sort: "due", limit: 200 });
    const overdue = items.filter((f) => f.overdue).map(mailItem);
    const dueSoon = items.filter((f) => !f.overdue).map(mailItem);
    // The unread notifications of the period whose kind the user takes in the digest (only what they may still see).
    const since = now.getTime() - (u.frequency === "daily" ? 1 : 7) * 86_400_000;
    const updates = (await listUserNotifications(db, viewer, { unread: true, limit: 100 })).items
      .filter((n) => Date.parse(n.createdAt) >= since && mailModeFor(u.prefs, n.kind) === "digest")
      .map((n) => ({ text: n.text, href: n.href }));
    const id = crypto.randomUUID();
    const message = digestMessage({ locale: recipientLocale(u.locale), base: env().APP_URL, recipientName: u.name, days, overdue, dueSoon, today, unsubscribeUrl: unsubscribeUrl(u.id, "digest"), updates });
    const [row] = await db
      .insert(notifications)
      .values({
        id,
        kind: "digest",
        dedupeKey: u.key,
        userId: u.id,
        toAddress: u.email,
        ...message,
        items: items.length + updates.length,
        messageId: messageId(id),
        ...(items.length || updates.length ? { nextAttemptAt: now } : { status: "skipped" as const, nextAttemptAt: null, lastError: "Nothing overdue or due soon." }),
      })
      .onConflictDoNothing()
      .returning({ id: notifications.id });
    if (row && (items.length || updates.length)) queued++;
    else if (row) empty++;
  }
  return { queued, empty };
}

/** A claimed row is leased for this long; a run that dies mid-send leaves it to be retried after. */
export const LEASE_MINUTES = 10;
export const MAX_ATTEMPTS = 8;

/**
 * Claims up to `limit` due rows for this run, atomically: the rows are locked and skipped by any
 * other run (FOR UPDATE SKIP LOCKED) and leave the due set in the same statement, so two runs at
 * once never claim the same row, on PGlite or PostgreSQL.
 */
export async function claimDueNotifications(db: Db, now: Date, limit = 20) {
  const due = db
    .select({ id: notifications.id })
    .from(notifications)
    .where(and(inArray(notifications.status, ["pending", "sending", "failed"]), lte(notifications.nextAttemptAt, now)))
    .orderBy(asc(notifications.nextAttemptAt), asc(notifications.id))
    .limit(limit)
    .for("update", { skipLocked: true });
  return db
    .update(notifications)
    .set({ status: "sending", attempts: sql`${notifications.attempts} + 1`, nextAttemptAt: new Date(now.getTime() + LEASE_MINUTES * 60_000) })
    .where(inArray(notifications.id, due))
    .returning();
}

export type ClaimedNotification = Awaited<ReturnType<typeof claimDueNotifications>>[number];
const claimedBy = (n: ClaimedNotification) => and(eq(notifications.id, n.id), eq(notifications.status, "sending"), eq(notifications.attempts, n.attempts));

export async function markSent(db: Db, n: ClaimedNotification, now: Date) {
  await db.update(notifications).set({ status: "sent", sentAt: now, nextAttemptAt: null, lastError: null }).where(claimedBy(n));
}

/** Exponential backoff: 2, 4, 8 … minutes after each failed attempt, capped at 6 hours; after MAX_ATTEMPTS it stays failed. */
export const retryDelayMinutes = (attempts: number) => Math.min(2 ** attempts, 360);

export async function markFailed(db: Db, n: ClaimedNotification, now: Date, error: string) {
  const giveUp = n.attempts >= MAX_ATTEMPTS;
  await db
    .update(notifications)
    .set({ status: "failed", lastError: error.slice(0, 1000), nextAttemptAt: giveUp ? null : new Date(now.getTime() + retryDelayMinutes(n.attempts) * 60_000) })
    .where(claimedBy(n));
}

export async function markSkipped(db: Db, n: ClaimedNotification, reason: string) {
  await db.update(notifications).set({ status: "skipped", lastError: reason, nextAttemptAt: null }).where(claimedBy(n));
}

/** Why a claimed row should no longer go out (the user was deactivated or unsubscribed since), or null. */
export async function staleReason(db: Db, n: ClaimedNotification): Promise<string | null> {
  const [u] = await db.select({ active: users.active, frequency: users.digestFrequency, notices: users.assignmentNotices }).from(users).where(eq(users.id, n.userId));
  if (!u?.active) return "The user was deactivated.";
  if (n.kind === "digest" && u.frequency === "never") return "The user turned the digest off.";
  if (n.kind === "assignment" && !u.notices) return "The user turned assignment notices off.";
  if (n.kind === "notice") {
    const kind = await noticeKind(db, n);
    const [p] = await db.select({ prefs: users.notificationMail }).from(users).where(eq(users.id, n.userId));
    if (kind && mailModeFor(p?.prefs, kind) !== "immediately") return "The user no longer wants this kind of notification e-mailed at once.";
  }
  return null;
}

/** The kind of in-app notification a notice e-mail tells of (its outbox key is "notice:<notification id>"). */
export async function noticeKind(db: Db, n: Pick<ClaimedNotification, "kind" | "dedupeKey">): Promise<UserNotificationKind | null> {
  if (n.kind !== "notice") return null;
  const id = Number(n.dedupeKey.slice("notice:".length));
  if (!n.dedupeKey.startsWith("notice:") || !Number.isSafeInteger(id)) return null;
  const [row] = await db.select({ kind: userNotifications.kind }).from(userNotifications).where(eq(userNotifications.id, id));
  return row?.kind ?? null;
}

/** For the admin mail page: counts by status, and what failed or waits for a retry. */
export async function mailOverview(db: Db) {
  const counts = await db.select({ status: notifications.status, n: sql<number>`count(*)::int` }).from(notifications).groupBy(notifications.status);
  const problems = await db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      toAddress: notifications.toAddress,
      subject: notifications.subject,
      status: notifications.status,
      attempts: notifications.attempts,
      nextAttemptAt: notifications.nextAttemptAt,
      lastError: notifications.lastError,
      createdAt: notifications.createdAt,
    })
    .from(notifications)
    .where(eq(notifications.status, "failed"))
    .orderBy(desc(notifications.createdAt))
    .limit(100);
  return { counts: Object.fromEntries(counts.map((c) => [c.status, Number(c.n)])) as Partial<Record<(typeof notifications.status.enumValues)[number], number>>, problems };
}

export async function getDigestPreferences(db: Db, viewer: Viewer) {
  const [u] = await db.select({ frequency: users.digestFrequency, days: users.digestDays, assignmentNotices: users.assignmentNotices }).from(users).where(eq(users.id, viewer.id));
  if (!u) throw notFound("user");
  return u;
}

export async function updateDigestPreferences(db: Db, viewer: Viewer, values: DigestPreferencesValues) {
  return db.transaction(async (tx) => {
    const current = await getDigestPreferences(tx, viewer);
    const next = { digestFrequency: values.frequency, digestDays: values.days ?? null, assignmentNotices: values.assignmentNotices };
    await tx.update(users).set(next).where(eq(users.id, viewer.id));
    await recordChanges(tx, viewer.id, "user", viewer.id, { digestFrequency: current.frequency, digestDays: current.days, assignmentNotices: current.assignmentNotices }, next);
    return getDigestPreferences(tx, viewer);
  });
}

/** Who an unsubscribe token is for, or a 400 naming the link. */
export async function unsubscribeTarget(db: Db, token: unknown) {
  const read = readUnsubscribeToken(token);
  const bad = () => new AppError("bad_request:unsubscribe", vm("unsubscribeInvalid"), { token: vm("unsubscribeInvalidShort") });
  if (!read) throw bad();
  const [u] = await db
    .select({ id: users.id, name: users.name, email: users.email, frequency: users.digestFrequency, assignmentNotices: users.assignmentNotices, notificationMail: users.notificationMail })
    .from(users)
    .where(eq(users.id, read.userId));
  if (!u) throw bad();
  const noticeKind = noticeKindOf(read.kind);
  const subscribed = noticeKind ? mailModeFor(u.notificationMail, noticeKind) !== "never" : read.kind === "digest" ? u.frequency !== "never" : u.assignmentNotices;
  return { ...u, kind: read.kind, subscribed };
}

/** The kind of notification a notice's unsubscribe token names, or null for the digest and assignment notices. */
const noticeKindOf = (kind: UnsubscribeKind) => (kind.startsWith("notice:") ? (kind.slice("notice:".length) as UserNotificationKind) : null);

/**
 * Unsubscribes the token's user from the token's kind of mail (a notice's kind: that kind's e-mail
 * set to "Never", as on the profile); in the audit trail as their own change.
 */
export async function unsubscribe(db: Db, token: unknown) {
  return db.transaction(async (tx) => {
    const target = await unsubscribeTarget(tx, token);
    const noticeKind = noticeKindOf(target.kind);
    if (target.subscribed && noticeKind) {
      const current = Object.fromEntries(userNotificationKinds.map((k) => [k, mailModeFor(target.notificationMail, k)]));
      const next = { ...current, [noticeKind]: "never" };
      await tx.update(users).set({ notificationMail: next }).where(eq(users.id, target.id));
      await recordChanges(tx, target.id, "user", target.id, { notificationMail: current }, { notificationMail: next });
    } else if (target.subscribed) {
      const change = target.kind === "digest" ? { digestFrequency: "never" as const } : { assignmentNotices: false };
      await tx.update(users).set(change).where(eq(users.id, target.id));
      await recordChanges(tx, target.id, "user", target.id, target.kind === "digest" ? { digestFrequency: target.frequency } : { assignmentNotices: true }, change);
    }
    return { name: target.name, email: target.email, kind: target.kind };
  });
}
