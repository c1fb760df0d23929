import "server-only";
import { and, asc, count, eq, inArray, isNotNull, isNull, lt, ne, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  activity,
  calendarFeeds,
  comments,
  followUps,
  notifications,
  organisations,
  passwordTokens,
  settings,
  userIdentities,
  users,
  userSessions,
} from "@/db/schema";
import { AppError, invalid } from "@/lib/errors";
import { vm } from "@/lib/i18n/validation";
import type { Viewer } from "@/lib/policy";
import { recordEvent } from "./activity";
import { assertAdmin } from "./admin";
import { endSessionsOf } from "./sessions";
import { getUser } from "./users";

/** The nil uuid: the entity of instance-wide events (a retention purge) that concern no one record. */
const INSTANCE = "00000000-0000-0000-0000-000000000000";

/**
 * Everything the tracker holds about the signed-in person (Regulation (EU) 2018/1725, art. 17; the
 * UN's personal data principles): profile, sessions (metadata only), sign-in identities, their
 * comments, the changes they made, the e-mails sent to them, their calendar feed and digest settings.
 * Never a secret: no password hash, no token, no session id.
 */
export async function exportPersonalData(db: Db, viewer: Viewer) {
  const [profile] = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      organisation: organisations.name,
      organisationId: users.organisationId,
      active: users.active,
      createdAt: users.createdAt,
      updatedAt: users.updatedAt,
      digestFrequency: users.digestFrequency,
      digestDays: users.digestDays,
      assignmentNotices: users.assignmentNotices,
    })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(users.id, viewer.id));
  const [sessions, identities, authored, changes, sent, feeds] = await Promise.all([
    db
      .select({ id: userSessions.id, createdAt: userSessions.createdAt, lastSeenAt: userSessions.lastSeenAt, endedAt: userSessions.endedAt })
      .from(userSessions)
      .where(eq(userSessions.userId, viewer.id))
      .orderBy(asc(userSessions.createdAt)),
    db.select({ issuer: userIdentities.issuer, createdAt: userIdentities.createdAt }).from(userIdentities).where(eq(userIdentities.userId, viewer.id)),
    db.select({ followUpId: comments.followUpId, body: comments.body, createdAt: comments.createdAt }).from(comments).where(eq(comments.authorId, viewer.id)).orderBy(asc(comments.createdAt)),
    db
      .select({ at: activity.at, entityType: activity.entityType, entityId: activity.entityId, action: activity.action, field: activity.field, before: activity.before, after: activity.after })
      .from(activity)
      .where(eq(activity.actorId, viewer.id))
      .orderBy(asc(activity.at)),
    db
      .select({ kind: notifications.kind, toAddress: notifications.toAddress, subject: notifications.subject, text: notifications.text, status: notifications.status, createdAt: notifications.createdAt, sentAt: notifications.sentAt })
      .from(notifications)
      .where(eq(notifications.userId, viewer.id))
      .orderBy(asc(notifications.createdAt)),
    db.select({ createdAt: calendarFeeds.createdAt, revokedAt: calendarFeeds.revokedAt }).from(calendarFeeds).where(eq(calendarFeeds.userId, viewer.id)).orderBy(asc(calendarFeeds.createdAt)),
  ]);
  const { digestFrequency, digestDays, assignmentNotices, ...rest } = profile!;
  return {
    exportedAt: new Date().toISOString(),
    profile: rest,
    sessions: sessions.map(({ id, ...s }) => ({ ...s, current: id === viewer.sessionId })),
    signInIdentities: identities,
    comments: authored,
    changes,
    emailsSent: sent,
    calendarFeeds: feeds,
    digestSettings: { digestFrequency, digestDays, assignmentNotices },
  };
}

/**
 * Anonymises a departed user, for good: name and e-mail replaced ("Former user 17"), no password,
 * deactivated; their sessions end, SSO identities are unlinked, the calendar feed is revoked, open
 * links are spent and unsent e-mails dropped. The history stays readable under the new name; the
 * follow-ups they owned stay with their organisation (no owner). The audit trail records who did it.
 */
export async function anonymiseUser(db: Db, viewer: Viewer, id: string) {
  assertAdmin(viewer);
  if (id === viewer.id) throw invalid("user", { _: vm("anonymiseSelf") });
  return db.transaction(async (tx) => {
    const current = await getUser(tx, id);
    if (current.anonymisedAt) throw new AppError("conflict:user", vm("alreadyAnonymised"));
    if (current.role === "admin" && current.active) {
      const [others] = await tx.select({ n: count() }).from(users).where(and(eq(users.role, "admin"), eq(users.active, true), ne(users.id, id)));
      if (!others?.n) throw invalid("user", { _: vm("lastAdmin") });
    }
    const [done] = await tx.select({ n: count() }).from(users).where(isNotNull(users.anonymisedAt));
    const number = (done?.n ?? 0) + 1;
    const name = `Former user ${number}`;
    const email = `former-user-${number}-${id.slice(0, 8)}@anonymised.invalid`;
    const now = new Date();
    await tx
      .update(users)
      .set({ name, email, passwordHash: null, active: false, anonymisedAt: now, assignmentNotices: false, digestFrequency: "never", digestDays: null, version: sql`${users.version} + 1`, updatedAt: now })
      .where(eq(users.id, id));
    const sessions = await endSessionsOf(tx, id);
    await tx.delete(userIdentities).where(eq(userIdentities.userId, id));
    await tx.update(calendarFeeds).set({ revokedAt: now }).where(and(eq(calendarFeeds.userId, id), isNull(calendarFeeds.revokedAt)));
    await tx.update(passwordTokens).set({ usedAt: now }).where(and(eq(passwordTokens.userId, id), isNull(passwordTokens.usedAt)));
    // Unsent mail is dropped; what was sent keeps its record, addressed to the new name.
    await tx.delete(notifications).where(and(eq(notifications.userId, id), inArray(notifications.status, ["pending", "failed", "sending"])));
    await tx.update(notifications).set({ toAddress: email }).where(eq(notifications.userId, id));
    // Their follow-ups stay with the organisation, with no owner; each says so in its history.
    const owned = await tx
      .update(followUps)
      .set({ ownerUserId: null, version: sql`${followUps.version} + 1`, updatedAt: now })
      .where(eq(followUps.ownerUserId, id))
      .returning({ id: followUps.id });
    if (owned.length)
      await tx.insert(activity).values(owned.map((f) => ({ actorId: viewer.id, entityType: "follow_up", entityId: f.id, action: "updated", field: "ownerUserId", before: id, after: null })));
    // The old name and e-mail leave the history too: sign-in records and the user's own changes.
    await tx.execute(sql`update activity set after = jsonb_set(after, '{email}', to_jsonb(${email}::text)) where entity_id = ${id}::uuid and jsonb_typeof(after) = 'object' and after ? 'email'`);
    await tx.execute(sql`update activity set before = null, after = null where entity_type = 'user' and entity_id = ${id}::uuid and field in ('name', 'email')`);
    await recordEvent(tx, viewer.id, "user", id, "anonymised", { name, sessionsEnded: sessions, followUpsReleased: owned.length });
    return { id, name, email, followUpsReleased: owned.length };
  });
}

/** How long sign-in records, refused attempts and sent e-mails are kept (days). */
export const retentionDefaults = { days: 365, min: 30, max: 3650 } as const;

export async function getRetentionDays(db: Db): Promise<number> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, "retentionDays"));
  return typeof row?.value === "number" ? row.value : retentionDefaults.days;
}

export async function setRetentionDays(db: Db, viewer: Viewer, days: number) {
  assertAdmin(viewer);
  return db.transaction(async (tx) => {
    const before = await getRetentionDays(tx);
    await tx
      .insert(settings)
      .values({ key: "retentionDays", value: days, updatedById: viewer.id })
      .onConflictDoUpdate({ target: settings.key, set: { value: days, updatedAt: new Date(), updatedById: viewer.id } });
    await tx.insert(activity).values({ actorId: viewer.id, entityType: "setting", entityId: INSTANCE, action: "updated", field: "retentionDays", before, after: days });
    return { days };
  });
}

/** The audit actions that are sign-in records and refused attempts, which the retention period bounds. */
export const signInRecordActions = ["signed_in", "sign_in_failed", "sign_in_throttled", "sign_in_refused", "refused"] as const;

/**
 * Deletes sign-in records, refused attempts and sent (or skipped) e-mails older than the retention
 * period. Run by the scheduled run and at start; a purge that removed anything is itself recorded.
 */
export async function purgeExpired(db: Db, now = new Date()) {
  const days = await getRetentionDays(db);
  const cutoff = new Date(now.getTime() - days * 86_400_000);
  return db.transaction(async (tx) => {
    const signIns = await tx
      .delete(activity)
      .where(and(inArray(activity.action, [...signInRecordActions]), lt(activity.at, cutoff)))
      .returning({ id: activity.id });
    const mails = await tx
      .delete(notifications)
      .where(and(inArray(notifications.status, ["sent", "skipped"]), lt(notifications.createdAt, cutoff)))
      .returning({ id: notifications.id });
    const purged = { signInRecords: signIns.length, emails: mails.length, olderThan: cutoff.toISOString(), retentionDays: days };
    if (signIns.length || mails.length) await tx.insert(activity).values({ actorId: null, entityType: "setting", entityId: INSTANCE, action: "retention_purge", after: purged });
    return purged;
  });
}
