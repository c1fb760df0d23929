import "server-only";
import crypto from "node:crypto";
import { and, asc, desc, eq, inArray, lte, ne, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { followUps, notifications, organisations, users } from "@/db/schema";
import { env } from "@/lib/env";
import { AppError, notFound } from "@/lib/errors";
import type { Viewer } from "@/lib/policy";
import { assignmentMessage, digestMessage, type MailItem } from "@/lib/reminders/messages";
import { readUnsubscribeToken, unsubscribeToken, type UnsubscribeKind } from "@/lib/reminders/tokens";
import type { DigestPreferencesValues } from "@/lib/validation/reminders";
import { recordChanges } from "./activity";
import { type FollowUp, getFollowUp, listFollowUps } from "./follow-ups";
import { loadViewer } from "./users";

export const mailOn = () => !!env().SMTP_URL;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);
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

const messageId = (id: string) => `<notification-${id}@${new URL(env().APP_URL).hostname || "localhost"}>`;
export const unsubscribeUrl = (userId: string, kind: UnsubscribeKind) => `${env().APP_URL}/unsubscribe?token=${unsubscribeToken(userId, kind)}`;
export const oneClickUrl = (userId: string, kind: UnsubscribeKind) => `${env().APP_URL}/api/v1/unsubscribe?token=${unsubscribeToken(userId, kind)}`;

const mailItem = (f: FollowUp): MailItem => ({
  id: f.id,
  title: f.title,
  dueOn: f.dueOn,
  overdue: f.overdue,
  status: f.status,
  meetingTitle: f.meetingTitle,
  ownerLabel: [f.ownerUserName, f.ownerOrganisationAcronym ?? f.ownerOrganisationName].filter(Boolean).join(", "),
});

type Owner = { ownerUserId: string | null; ownerOrganisationId: string };

/**
 * The notices of an assignment or reassignment, written in the caller's transaction (the follow-up
 * write), so a rolled-back write leaves none and a committed one always has them. To the new owner,
 * or, when no person owns it, to the managers of the owner organisation; never to the person who
 * made the change, nor to anyone who turned the notices off or may not see the follow-up. A notice
 * still waiting for an earlier owner is skipped: it no longer says who owns it.
 */
export async function queueAssignmentNotices(tx: Db, actor: Viewer, followUpId: string, before: Owner | null) {
  if (!mailOn()) return;
  const [f] = await tx.select({ ownerUserId: followUps.ownerUserId, ownerOrganisationId: followUps.ownerOrganisationId, version: followUps.version }).from(followUps).where(eq(followUps.id, followUpId));
  if (!f) return;
  if (before && before.ownerUserId === f.ownerUserId && (f.ownerUserId || before.ownerOrganisationId === f.ownerOrganisationId)) return;
  if (before) {
    await tx
      .update(notifications)
      .set({ status: "skipped", lastError: "Reassigned again before this notice was sent.", nextAttemptAt: null })
      .where(and(eq(notifications.followUpId, followUpId), eq(notifications.kind, "assignment"), inArray(notifications.status, ["pending", "failed"])));
  }
  const recipients = await tx
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(
      and(
        f.ownerUserId ? eq(users.id, f.ownerUserId) : and(eq(users.organisationId, f.ownerOrganisationId), eq(users.role, "manager")),
        eq(users.active, true),
        eq(users.assignmentNotices, true),
        ne(users.id, actor.id),
      ),
    );
  const [org] = f.ownerUserId ? [] : await tx.select({ name: organisations.name, acronym: organisations.acronym }).from(organisations).where(eq(organisations.id, f.ownerOrganisationId));
  for (const r of recipients) {
    const viewer = await loadViewer(tx, r.id);
    const followUp = viewer && (await getFollowUp(tx, viewer, followUpId).catch((e: unknown) => (e instanceof AppError && e.type === "not_found" ? null : Promise.reject(e))));
    if (!followUp) continue;
    const id = crypto.randomUUID();
    const message = assignmentMessage({
      base: env().APP_URL,
      recipientName: r.name,
      toOrganisation: org ? (org.acronym ?? org.name) : null,
      assignedBy: actor.name,
      item: mailItem(followUp),
      today: isoDay(new Date()),
      unsubscribeUrl: unsubscribeUrl(r.id, "assignment"),
    });
    await tx
      .insert(notifications)
      .values({ id, kind: "assignment", dedupeKey: `assignment:${followUpId}:${f.version}:${r.id}`, userId: r.id, followUpId, toAddress: r.email, ...message, messageId: messageId(id) })
      .onConflictDoNothing();
  }
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
    .select({ id: users.id, name: users.name, email: users.email, frequency: users.digestFrequency, days: users.digestDays })
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
    const id = crypto.randomUUID();
    const message = digestMessage({ base: env().APP_URL, recipientName: u.name, days, overdue, dueSoon, today, unsubscribeUrl: unsubscribeUrl(u.id, "digest") });
    const [row] = await db
      .insert(notifications)
      .values({
        id,
        kind: "digest",
        dedupeKey: u.key,
        userId: u.id,
        toAddress: u.email,
        ...message,
        items: items.length,
        messageId: messageId(id),
        ...(items.length ? { nextAttemptAt: now } : { status: "skipped" as const, nextAttemptAt: null, lastError: "Nothing overdue or due soon." }),
      })
      .onConflictDoNothing()
      .returning({ id: notifications.id });
    if (row && items.length) queued++;
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
  return null;
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
  const bad = () => new AppError("bad_request:unsubscribe", "This unsubscribe link is not valid. Copy the whole link from the e-mail, or change your reminders on your profile after signing in.", { token: "Not a valid unsubscribe link." });
  if (!read) throw bad();
  const [u] = await db.select({ id: users.id, name: users.name, email: users.email, frequency: users.digestFrequency, assignmentNotices: users.assignmentNotices }).from(users).where(eq(users.id, read.userId));
  if (!u) throw bad();
  return { ...u, kind: read.kind, subscribed: read.kind === "digest" ? u.frequency !== "never" : u.assignmentNotices };
}

/** Unsubscribes the token's user from the token's kind of mail; in the audit trail as their own change. */
export async function unsubscribe(db: Db, token: unknown) {
  return db.transaction(async (tx) => {
    const target = await unsubscribeTarget(tx, token);
    if (target.subscribed) {
      const change = target.kind === "digest" ? { digestFrequency: "never" as const } : { assignmentNotices: false };
      await tx.update(users).set(change).where(eq(users.id, target.id));
      await recordChanges(tx, target.id, "user", target.id, target.kind === "digest" ? { digestFrequency: target.frequency } : { assignmentNotices: true }, change);
    }
    return { name: target.name, email: target.email, kind: target.kind };
  });
}
