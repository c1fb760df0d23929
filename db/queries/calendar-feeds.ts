import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, asc, count, eq, gte, inArray, isNotNull, isNull, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { calendarFeeds, followUps, meetingParticipants, meetings, organisations, users } from "@/db/schema";
import type { CalendarDueDate, CalendarMeeting } from "@/lib/calendar";
import type { Viewer } from "@/lib/policy";
import { recordEvent } from "./activity";
import { selectFollowUps, visibleFollowUpSql } from "./follow-ups";
import { getMeeting, visibleMeetingSql } from "./meetings";
import { loadViewer } from "./users";

/**
 * Why only a hash: the feed URL is a bearer credential for the owner's calendar, titles of
 * restricted meetings included. A database copy (a backup, a read replica) must not hand out every
 * user's calendar, so the token is stored as SHA-256 like the set-password links, and the URL is
 * shown once, when made. The cost: someone who loses it regenerates, and re-subscribes.
 */
const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

/** The feed's URL path (the token is 32 random bytes, base64url). */
export const feedPath = (token: string) => `/api/calendar/${token}.ics`;

/** How far back the feed reaches; everything later is in it. */
export const feedWindowDays = 90;
/** Bounds the file a calendar app downloads every hour. */
const feedLimit = 2000;

export async function getCalendarFeed(db: Db, viewer: Viewer) {
  const [row] = await db
    .select({ createdAt: calendarFeeds.createdAt })
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.userId, viewer.id), isNull(calendarFeeds.revokedAt)));
  return row ?? null;
}

/** Turns the user's feed off; the old URL answers 404 from now on. Returns whether there was one. */
async function revoke(tx: Db, viewer: Viewer) {
  const revoked = await tx
    .update(calendarFeeds)
    .set({ revokedAt: new Date() })
    .where(and(eq(calendarFeeds.userId, viewer.id), isNull(calendarFeeds.revokedAt)))
    .returning({ id: calendarFeeds.id });
  if (revoked.length) await recordEvent(tx, viewer.id, "user", viewer.id, "calendar_feed_revoked");
  return revoked.length > 0;
}

/** A new feed URL path for the user; an earlier feed (if any) stops working. The token is returned once. */
export async function createCalendarFeed(db: Db, viewer: Viewer) {
  return db.transaction(async (tx) => {
    // Two clicks at once would both find no active feed: the user's row serialises them.
    await tx.select({ id: users.id }).from(users).where(eq(users.id, viewer.id)).for("update");
    await revoke(tx, viewer);
    const token = randomBytes(32).toString("base64url");
    const [row] = await tx.insert(calendarFeeds).values({ userId: viewer.id, tokenHash: sha256(token) }).returning({ createdAt: calendarFeeds.createdAt });
    await recordEvent(tx, viewer.id, "user", viewer.id, "calendar_feed_created");
    return { path: feedPath(token), createdAt: row!.createdAt };
  });
}

export async function revokeCalendarFeed(db: Db, viewer: Viewer) {
  return db.transaction((tx) => revoke(tx, viewer));
}

/** The owner of a live feed token, as the viewer whose access the feed has; null for an unknown, revoked or deactivated one. */
export async function feedViewer(db: Db, token: string): Promise<Viewer | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const [row] = await db
    .select({ userId: calendarFeeds.userId })
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.tokenHash, sha256(token)), isNull(calendarFeeds.revokedAt)));
  return row ? loadViewer(db, row.userId) : null; // loadViewer: null for a deactivated user
}

const followUpCount = sql<number>`(select count(*)::int from ${followUps} f where f.meeting_id = ${meetings.id})`;
const meetingFields = {
  id: meetings.id,
  title: meetings.title,
  heldOn: meetings.heldOn,
  format: meetings.format,
  location: meetings.location,
  summary: meetings.summary,
  hostName: organisations.name,
  updatedAt: meetings.updatedAt,
  followUpCount,
};

/** One meeting for its .ics: the same access as reading it (404 for one the viewer may not see). */
export async function meetingForCalendar(db: Db, viewer: Viewer, id: string): Promise<CalendarMeeting> {
  const m = await getMeeting(db, viewer, id);
  const [row] = await db.select({ n: count() }).from(followUps).where(eq(followUps.meetingId, id));
  return { ...m, followUpCount: row?.n ?? 0 };
}

/**
 * What a user's feed holds, from `feedWindowDays` ago on: the meetings they take part in (their
 * organisation, an ancestor or a descendant hosts or participates, as in the policy) or created,
 * and the open follow-ups with a due date that they or their organisation own — each only if they
 * may see it.
 */
export async function feedEntries(db: Db, viewer: Viewer, today = new Date()) {
  const since = new Date(today.getTime() - feedWindowDays * 86_400_000).toISOString().slice(0, 10);
  const related = [...viewer.relatedOrganisationIds];
  const meetingRows = await db
    .select(meetingFields)
    .from(meetings)
    .leftJoin(organisations, eq(organisations.id, meetings.hostOrganisationId))
    .where(
      and(
        gte(meetings.heldOn, since),
        visibleMeetingSql(viewer),
        or(
          eq(meetings.createdById, viewer.id),
          inArray(meetings.hostOrganisationId, related),
          sql`exists (select 1 from ${meetingParticipants} mp where mp.meeting_id = ${meetings.id} and mp.organisation_id in ${related})`,
        ),
      ),
    )
    .orderBy(asc(meetings.heldOn), asc(meetings.id))
    .limit(feedLimit);

  const dueRows = await selectFollowUps(
    db,
    and(
      isNotNull(followUps.dueOn),
      gte(followUps.dueOn, since),
      inArray(followUps.status, ["open", "in_progress", "blocked"]),
      or(eq(followUps.ownerUserId, viewer.id), eq(followUps.ownerOrganisationId, viewer.organisationId)),
      visibleFollowUpSql(viewer),
    ),
    viewer,
  )
    .orderBy(asc(followUps.dueOn), asc(followUps.id))
    .limit(feedLimit);
  const dueDates: CalendarDueDate[] = dueRows.flatMap((f) => {
    const organisation = f.ownerOrganisationAcronym ?? f.ownerOrganisationName;
    const ownerName = f.ownerUserName ? `${f.ownerUserName} (${organisation})` : f.ownerOrganisationName;
    return f.dueOn ? [{ id: f.id, title: f.title, dueOn: f.dueOn, status: f.status, ownerName, meetingTitle: f.meetingTitle, updatedAt: f.updatedAt }] : [];
  });
  return { meetings: meetingRows satisfies CalendarMeeting[], dueDates };
}
