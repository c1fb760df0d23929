import "server-only";
import { alias } from "drizzle-orm/pg-core";
import { and, asc, desc, eq, inArray, isNull, lt, ne, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { commentMentions, followUps, meetings, organisations, userNotifications, users, watchers } from "@/db/schema";
import { emitEvent, meetingFacts } from "@/server/events";
import { type Locale, recipientLocale } from "@/lib/i18n/locale";
import { translate } from "@/lib/i18n/translate";
import { notificationSentence } from "@/lib/notification-text";
import { invalid } from "@/lib/errors";
import { vm } from "@/lib/i18n/validation";
import { canSeeFollowUp, canSeeMeeting, type MeetingFacts, type Viewer } from "@/lib/policy";
import { type MarkReadInput, mailModeFor, type NotificationMailValues, type UserNotificationFilters, type UserNotificationKind } from "@/lib/validation/user-notifications";
import { userNotificationKinds } from "@/db/enums";
import { recordChanges } from "./activity";
import { getFollowUp, notClosedSql } from "./follow-up-rows";
import { getMeeting, visibleMeetingSql } from "./meeting-rows";
import { queueNoticeMails } from "./notice-mail";
import { loadViewer } from "./users";

/**
 * What just happened to a follow-up, as the hook below needs it. Every write to a follow-up (and
 * later ones: documents, webhooks) calls followUpChanged with it, in its own transaction.
 */
export type FollowUpNews = {
  created?: boolean;
  /** The follow-up before an edit: its status, due date and owners. */
  before?: { status: string; dueOn: string | null; ownerUserId: string | null; ownerOrganisationId: string } | null;
  comment?: { id: string; mentionedUserIds: readonly string[] };
  document?: { name: string };
};

type Target = { followUpId: string } | { meetingId: string };

/** Watches a record for someone unless they already chose (watching or not): the automatic watch. */
async function watchQuietly(tx: Db, userId: string | null | undefined, target: Target) {
  if (!userId) return;
  await tx.insert(watchers).values({ userId, ...target }).onConflictDoNothing();
}

/** Watch or stop watching, as the person chose: kept as a row either way. */
async function setWatching(tx: Db, userId: string, target: Target, watching: boolean) {
  const where = "followUpId" in target
    ? and(eq(watchers.followUpId, target.followUpId), eq(watchers.userId, userId))
    : and(eq(watchers.meetingId, target.meetingId), eq(watchers.userId, userId));
  const [updated] = await tx.update(watchers).set({ watching }).where(where).returning({ id: watchers.id });
  if (!updated) await tx.insert(watchers).values({ userId, ...target, watching }).onConflictDoNothing();
}

/** Which kind of notification each recipient gets for one change: the most specific one, once. */
const precedence: UserNotificationKind[] = ["mentioned", "assigned", "commented", "status_changed", "redated", "document"];

/**
 * The one hook for a change to a follow-up, run inside the change's transaction: the automatic
 * watches, one notification per person concerned (never the actor, never someone who cannot see
 * the follow-up), the e-mails they want at once (through the outbox), and the live events, which
 * PostgreSQL delivers only when the transaction commits.
 */
export async function followUpChanged(tx: Db, actor: Viewer, followUpId: string, news: FollowUpNews) {
  const [f] = await tx
    .select({ id: followUps.id, version: followUps.version, meetingId: followUps.meetingId, status: followUps.status, dueOn: followUps.dueOn, ownerUserId: followUps.ownerUserId, ownerOrganisationId: followUps.ownerOrganisationId, createdById: followUps.createdById })
    .from(followUps)
    .where(eq(followUps.id, followUpId));
  if (!f) return;
  const { before } = news;
  const reassigned = news.created || (before && (before.ownerUserId !== f.ownerUserId || (!f.ownerUserId && before.ownerOrganisationId !== f.ownerOrganisationId)));

  // You watch what you created, own, are assigned or commented on.
  if (news.created) await watchQuietly(tx, f.createdById, { followUpId });
  if (reassigned) await watchQuietly(tx, f.ownerUserId, { followUpId });
  if (news.comment) await watchQuietly(tx, actor.id, { followUpId });

  const kinds = new Map<string, Set<UserNotificationKind>>();
  const add = (userId: string, kind: UserNotificationKind) => {
    if (userId === actor.id) return;
    if (!kinds.has(userId)) kinds.set(userId, new Set());
    kinds.get(userId)!.add(kind);
  };
  if (reassigned) {
    // To the new owner, or, when no person owns it, to the managers of the owner organisation.
    const assignees = f.ownerUserId
      ? [f.ownerUserId]
      : (await tx.select({ id: users.id }).from(users).where(and(eq(users.organisationId, f.ownerOrganisationId), eq(users.role, "manager"), eq(users.active, true)))).map((u) => u.id);
    for (const id of assignees) add(id, "assigned");
  }
  for (const id of news.comment?.mentionedUserIds ?? []) add(id, "mentioned");
  const watched: UserNotificationKind[] = [];
  if (news.comment) watched.push("commented");
  if (before && before.status !== f.status) watched.push("status_changed");
  if (before && before.dueOn !== f.dueOn) watched.push("redated");
  if (news.document) watched.push("document");
  if (watched.length) for (const id of await followUpWatcherIds(tx, f.id, f.meetingId)) for (const k of watched) add(id, k);

  const facts = f.meetingId ? await meetingFacts(tx, f.meetingId) : null;
  const rows: (typeof userNotifications.$inferInsert)[] = [];
  for (const [userId, set] of kinds) {
    const recipient = await loadViewer(tx, userId);
    if (!recipient || !canSeeFollowUp(recipient, facts)) continue;
    const kind = precedence.find((k) => set.has(k))!;
    const detail: Record<string, string | null> | null =
      kind === "status_changed" ? { from: before?.status ?? null, to: f.status }
      : kind === "redated" ? { from: before?.dueOn ?? null, to: f.dueOn }
      : kind === "document" ? { name: news.document?.name ?? null }
      : null;
    rows.push({ userId, actorId: actor.id, kind, followUpId: f.id, meetingId: f.meetingId, commentId: news.comment?.id ?? null, detail });
  }
  await writeNotifications(tx, actor, rows);
  // The meeting's visibility travels with the event: handing it out then costs no statement.
  await emitEvent(tx, { t: "follow_up", id: f.id, v: f.version, m: f.meetingId, f: facts });
}

/** A change to a meeting: its live event (its watchers hear about its follow-ups, not its edits). */
export async function meetingChanged(tx: Db, meetingId: string) {
  const [m] = await tx.select({ version: meetings.version }).from(meetings).where(eq(meetings.id, meetingId));
  if (m) await emitEvent(tx, { t: "meeting", id: meetingId, v: m.version, f: await meetingFacts(tx, meetingId) });
}

async function writeNotifications(tx: Db, actor: Viewer, rows: (typeof userNotifications.$inferInsert)[]) {
  if (!rows.length) return;
  const written = await tx.insert(userNotifications).values(rows).returning();
  await queueNoticeMails(tx, actor, written);
  for (const userId of new Set(rows.map((r) => r.userId))) await emitEvent(tx, { t: "notification", u: userId });
}

/** Who watches a follow-up: watching it, or its meeting without having stopped watching the follow-up. */
async function followUpWatcherIds(tx: Db, followUpId: string, meetingId: string | null): Promise<string[]> {
  const rows = await tx
    .select({ userId: watchers.userId, followUpId: watchers.followUpId, watching: watchers.watching })
    .from(watchers)
    .where(meetingId ? or(eq(watchers.followUpId, followUpId), eq(watchers.meetingId, meetingId)) : eq(watchers.followUpId, followUpId));
  const own = new Map(rows.filter((r) => r.followUpId).map((r) => [r.userId, r.watching]));
  const viaMeeting = rows.filter((r) => !r.followUpId && r.watching && own.get(r.userId) !== false).map((r) => r.userId);
  return [...new Set([...[...own].filter(([, w]) => w).map(([u]) => u), ...viaMeeting])];
}

/**
 * The people a comment mentions, checked: each must exist, be active and be able to see the
 * follow-up, or the comment is refused with a sentence naming them (nobody is pinged about a record
 * they cannot open).
 */
export async function checkMentions(tx: Db, meetingId: string | null, userIds: readonly string[]) {
  const ids = [...new Set(userIds)];
  if (!ids.length) return ids;
  const people = await tx.select({ id: users.id, name: users.name, active: users.active }).from(users).where(inArray(users.id, ids));
  const facts = meetingId ? await meetingFacts(tx, meetingId) : null;
  for (const id of ids) {
    const person = people.find((p) => p.id === id);
    if (!person || !person.active) throw invalid("comment", { mentionedUserIds: vm("mentionNotUser") });
    const viewer = await loadViewer(tx, id);
    if (!viewer || !canSeeFollowUp(viewer, facts)) {
      throw invalid("comment", { mentionedUserIds: vm("mentionCannotSeeFollowUp", { name: person.name }) }, vm("mentionCannotSeeFollowUp", { name: person.name }));
    }
  }
  return ids;
}

/**
 * People @mentioned in a meeting's summary (its minutes), in the meeting's write transaction, after
 * the change: each must exist, be active and be able to see the meeting as it now is, or the whole
 * save is refused with a sentence naming them. Each is notified ("mentioned"), never the actor, and
 * only when the summary before did not already mention them (saving again pings nobody twice).
 */
export async function meetingMentioned(tx: Db, actor: Viewer, meetingId: string, userIds: readonly string[], previousSummary: string) {
  const ids = [...new Set(userIds)];
  if (!ids.length) return;
  const people = await tx.select({ id: users.id, name: users.name, active: users.active }).from(users).where(inArray(users.id, ids));
  const facts = await meetingFacts(tx, meetingId);
  if (!facts) return;
  const rows: (typeof userNotifications.$inferInsert)[] = [];
  for (const id of ids) {
    const person = people.find((p) => p.id === id);
    if (!person || !person.active) throw invalid("meeting", { summary: vm("mentionNotUser"), mentionedUserIds: vm("mentionNotUserShort") });
    const viewer = await loadViewer(tx, id);
    if (!viewer || !canSeeMeeting(viewer, facts)) {
      const sentence = vm("mentionCannotSeeMeeting", { name: person.name });
      throw invalid("meeting", { summary: sentence, mentionedUserIds: sentence }, sentence);
    }
    if (id === actor.id || previousSummary.includes(`@${person.name}`)) continue;
    rows.push({ userId: id, actorId: actor.id, kind: "mentioned", meetingId, detail: { in: "summary" } });
  }
  await writeNotifications(tx, actor, rows);
}

export async function saveMentions(tx: Db, commentId: string, userIds: readonly string[]) {
  if (userIds.length) await tx.insert(commentMentions).values(userIds.map((userId) => ({ commentId, userId }))).onConflictDoNothing();
}

/**
 * People one may mention on a follow-up (in a comment) or a meeting (in its summary, also one not yet
 * saved: `proposed`, the new-meeting form's visibility and organisations): active,
 * matching the query, and able to see it (asked of the policy for each, so nobody is offered who
 * would be refused). The record itself answers 404 to a viewer who cannot see it.
 */
export async function mentionCandidates(db: Db, viewer: Viewer, target: Target | { proposed: MeetingFacts } | string, q: string) {
  const on = typeof target === "string" ? { followUpId: target } : target;
  let facts: MeetingFacts | null;
  let sees: (v: Viewer) => boolean;
  if ("proposed" in on) {
    // A meeting being logged: the people who will see it as the form now stands (host and
    // participants, visibility); the create checks each mention again against what is saved.
    facts = on.proposed;
    sees = (v) => canSeeMeeting(v, on.proposed);
  } else if ("followUpId" in on) {
    const f = await getFollowUp(db, viewer, on.followUpId);
    facts = f.meetingId ? await meetingFacts(db, f.meetingId) : null;
    sees = (v) => canSeeFollowUp(v, facts);
  } else {
    await getMeeting(db, viewer, on.meetingId);
    facts = await meetingFacts(db, on.meetingId);
    sees = (v) => !!facts && canSeeMeeting(v, facts);
  }
  const term = q.trim().toLowerCase();
  const rows = await db
    .select({ id: users.id, name: users.name, organisation: sql<string>`coalesce(${organisations.acronym}, ${organisations.name})` })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(and(eq(users.active, true), ne(users.id, viewer.id), term ? sql`(lower(${users.name}) like ${`%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`} or lower(${users.email}) like ${`${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`})` : undefined))
    .orderBy(asc(users.name))
    .limit(40);
  const out: typeof rows = [];
  for (const r of rows) {
    const v = await loadViewer(db, r.id);
    if (v && sees(v)) out.push(r);
    if (out.length >= 8) break;
  }
  return out;
}

const actor = alias(users, "actor");

/**
 * What the reader may see: a notification whose follow-up or meeting has since become invisible
 * to them is left out (of the list and of the count), so it leaks nowhere; its link would answer 404.
 */
function visibleToReader(viewer: Viewer): SQL | undefined {
  const meetingVisible = visibleMeetingSql(viewer);
  return meetingVisible ? or(isNull(meetings.id), meetingVisible) : undefined;
}

const baseQuery = (db: Db) =>
  db
    .select({
      id: userNotifications.id,
      kind: userNotifications.kind,
      actorId: userNotifications.actorId,
      actorName: actor.name,
      followUpId: userNotifications.followUpId,
      followUpTitle: followUps.title,
      meetingId: sql<string | null>`coalesce(${userNotifications.meetingId}, ${followUps.meetingId})`,
      meetingTitle: meetings.title,
      commentId: userNotifications.commentId,
      detail: userNotifications.detail,
      readAt: userNotifications.readAt,
      createdAt: userNotifications.createdAt,
    })
    .from(userNotifications)
    .leftJoin(followUps, eq(followUps.id, userNotifications.followUpId))
    .leftJoin(meetings, eq(meetings.id, sql`coalesce(${followUps.meetingId}, ${userNotifications.meetingId})`))
    .leftJoin(actor, eq(actor.id, userNotifications.actorId));

export type UserNotification = ReturnType<typeof toUserNotificationJson>;

/** One notification as the API and the app show it; its sentence in `locale` (the reader's saved language). */
export function toUserNotificationJson(n: Awaited<ReturnType<ReturnType<typeof baseQuery>["where"]>>[number], locale: Locale = "en") {
  const href = n.followUpId ? `/follow-ups/${n.followUpId}${n.commentId ? `#comment-${n.commentId}` : ""}` : n.meetingId ? `/meetings/${n.meetingId}` : "/notifications";
  return {
    id: n.id,
    kind: n.kind,
    actorId: n.actorId,
    actorName: n.actorName,
    followUpId: n.followUpId,
    followUpTitle: n.followUpTitle,
    meetingId: n.meetingId,
    meetingTitle: n.meetingTitle,
    commentId: n.commentId,
    detail: n.detail,
    read: !!n.readAt,
    createdAt: n.createdAt.toISOString(),
    href,
    text: notificationSentence(n.kind, n.actorName, n.followUpTitle ?? n.meetingTitle ?? translate(locale, "notifications")("aRecord"), n.detail, locale),
  };
}

/** The reader's notifications, newest first, 30 a page (the cursor is the last id), and how many are unread. */
export async function listUserNotifications(db: Db, viewer: Viewer, filters: UserNotificationFilters) {
  const limit = filters.limit ?? 30;
  let before: number | undefined;
  if (filters.cursor) {
    before = Number(filters.cursor);
    if (!Number.isSafeInteger(before) || before < 1) throw invalid("cursor", { cursor: vm("badCursor") });
  }
  const conditions: (SQL | undefined)[] = [eq(userNotifications.userId, viewer.id), visibleToReader(viewer)];
  if (filters.unread) conditions.push(isNull(userNotifications.readAt));
  if (filters.kind === "mentions") conditions.push(eq(userNotifications.kind, "mentioned"));
  if (filters.kind === "assigned") conditions.push(eq(userNotifications.kind, "assigned"));
  if (before) conditions.push(lt(userNotifications.id, before));
  const rows = await baseQuery(db).where(and(...conditions)).orderBy(desc(userNotifications.id)).limit(limit + 1);
  const locale = recipientLocale(viewer.locale);
  const items = rows.slice(0, limit).map((n) => toUserNotificationJson(n, locale));
  return { items, unread: await unreadCount(db, viewer), nextCursor: rows.length > limit ? String(items[items.length - 1]!.id) : null };
}

export async function unreadCount(db: Db, viewer: Viewer) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(userNotifications)
    .leftJoin(followUps, eq(followUps.id, userNotifications.followUpId))
    .leftJoin(meetings, eq(meetings.id, sql`coalesce(${followUps.meetingId}, ${userNotifications.meetingId})`))
    .where(and(eq(userNotifications.userId, viewer.id), isNull(userNotifications.readAt), visibleToReader(viewer)));
  return Number(row?.n ?? 0);
}

/** Marks the reader's own notifications read (others' ids are ignored); answers the new unread count. */
export async function markNotificationsRead(db: Db, viewer: Viewer, input: MarkReadInput) {
  return db.transaction(async (tx) => {
    const mine = and(eq(userNotifications.userId, viewer.id), isNull(userNotifications.readAt));
    await tx
      .update(userNotifications)
      .set({ readAt: new Date() })
      .where("all" in input ? mine : and(mine, inArray(userNotifications.id, input.ids)));
    await emitEvent(tx, { t: "notification", u: viewer.id });
    return { unread: await unreadCount(tx, viewer) };
  });
}

/** Watch or stop watching a follow-up or a meeting the viewer can see (404 otherwise). */
export async function watchRecord(db: Db, viewer: Viewer, target: Target, watching: boolean) {
  return db.transaction(async (tx) => {
    if ("followUpId" in target) await getFollowUp(tx, viewer, target.followUpId);
    else await getMeeting(tx, viewer, target.meetingId);
    await setWatching(tx, viewer.id, target, watching);
    return watchState(tx, viewer, target);
  });
}

/**
 * Whether the viewer watches the record, and who does (names only, and only people who can see
 * it). A follow-up is also watched through its meeting.
 */
export async function watchState(db: Db, viewer: Viewer, target: Target) {
  let ids: string[];
  let facts: MeetingFacts | null;
  if ("followUpId" in target) {
    const f = await getFollowUp(db, viewer, target.followUpId);
    ids = await followUpWatcherIds(db, f.id, f.meetingId);
    facts = f.meetingId ? await meetingFacts(db, f.meetingId) : null;
  } else {
    await getMeeting(db, viewer, target.meetingId);
    ids = (await db.select({ userId: watchers.userId }).from(watchers).where(and(eq(watchers.meetingId, target.meetingId), eq(watchers.watching, true)))).map((r) => r.userId);
    facts = await meetingFacts(db, target.meetingId);
  }
  const people = ids.length ? await db.select({ id: users.id, name: users.name }).from(users).where(and(inArray(users.id, ids), eq(users.active, true))).orderBy(asc(users.name)) : [];
  const visible: { id: string; name: string }[] = [];
  for (const p of people) {
    const v = await loadViewer(db, p.id);
    if (v && ("followUpId" in target ? canSeeFollowUp(v, facts) : facts && canSeeMeeting(v, facts))) visible.push(p);
  }
  return { watching: ids.includes(viewer.id), watchers: visible };
}

/** The viewer's e-mail choice for each kind of notification, defaults filled in. */
export async function getNotificationMail(db: Db, viewer: Viewer): Promise<NotificationMailValues> {
  const [u] = await db.select({ prefs: users.notificationMail }).from(users).where(eq(users.id, viewer.id));
  return Object.fromEntries(userNotificationKinds.map((k) => [k, mailModeFor(u?.prefs, k)])) as NotificationMailValues;
}

export async function updateNotificationMail(db: Db, viewer: Viewer, values: NotificationMailValues) {
  return db.transaction(async (tx) => {
    const current = await getNotificationMail(tx, viewer);
    await tx.update(users).set({ notificationMail: values }).where(eq(users.id, viewer.id));
    await recordChanges(tx, viewer.id, "user", viewer.id, { notificationMail: current }, { notificationMail: values });
    return getNotificationMail(tx, viewer);
  });
}

/**
 * "Due tomorrow" and "became overdue" on what a person owns (the follow-up's owner, or, when no
 * person owns it, the managers of the owner organisation): once per follow-up, person and due date,
 * whichever instance or run gets there first (the unique index on the key makes the rest no-ops).
 * Overdue means due yesterday and still open, so a run a day late still catches it the next day.
 */
export async function queueDueNotifications(db: Db, now = new Date()) {
  const day = (offset: number) => new Date(now.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  const due = await db
    .select({ id: followUps.id, dueOn: followUps.dueOn, meetingId: followUps.meetingId, ownerUserId: followUps.ownerUserId, ownerOrganisationId: followUps.ownerOrganisationId })
    .from(followUps)
    .where(and(inArray(followUps.dueOn, [day(1), day(-1)]), notClosedSql));
  let written = 0;
  for (const f of due) {
    const kind: UserNotificationKind = f.dueOn === day(1) ? "due_tomorrow" : "overdue";
    const owners = f.ownerUserId
      ? [f.ownerUserId]
      : (await db.select({ id: users.id }).from(users).where(and(eq(users.organisationId, f.ownerOrganisationId), eq(users.role, "manager"), eq(users.active, true)))).map((u) => u.id);
    const facts = f.meetingId ? await meetingFacts(db, f.meetingId) : null;
    for (const userId of owners) {
      const owner = await loadViewer(db, userId);
      if (!owner || !canSeeFollowUp(owner, facts)) continue;
      await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(userNotifications)
          .values({ userId, kind, followUpId: f.id, meetingId: f.meetingId, detail: { on: f.dueOn }, dedupeKey: `${kind}:${f.id}:${f.dueOn}:${userId}` })
          .onConflictDoNothing()
          .returning({ id: userNotifications.id });
        if (row) {
          written++;
          await emitEvent(tx, { t: "notification", u: userId });
        }
      });
    }
  }
  return written;
}

/** Every hour on each instance (cheap: one indexed query when nothing is due), from shortly after start. */
export function startDueNotificationSchedule(getDb: () => Promise<Db>, everyMs = 60 * 60_000) {
  const tick = () => void getDb().then((db) => queueDueNotifications(db)).catch((e: unknown) => console.error("Due-date notifications:", e));
  const first = setTimeout(tick, 20_000).unref();
  const every = setInterval(tick, everyMs).unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}
