/**
 * Calendar feeds: a feed holds exactly its owner's meetings (their organisation or a related one
 * takes part, or they created it) and the due dates of open follow-ups they or their organisation
 * own — never a record they may not see; its token is stored hashed, and regenerating, turning it
 * off or deactivating the user kills it. Checked against an oracle written from the rules over the
 * raw tables, for every active user.
 */
import { asc, eq } from "drizzle-orm";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCalendarFeed, feedEntries, feedViewer, feedWindowDays, getCalendarFeed, meetingForCalendar, revokeCalendarFeed } from "@/db/queries/calendar-feeds";
import { createFollowUp, updateFollowUp } from "@/db/queries/follow-ups";
import { createMeeting } from "@/db/queries/meetings";
import { loadViewer } from "@/db/queries/users";
import { activity, calendarFeeds, followUps, meetingParticipants, meetings, users } from "@/db/schema";
import { feedCalendar } from "@/lib/calendar";
import { AppError } from "@/lib/errors";
import type { Viewer } from "@/lib/policy";
import { followUpInput } from "@/lib/validation/follow-ups";
import { meetingInput } from "@/lib/validation/meetings";
import { engines, type TestDatabase } from "../support/databases";
import { allViewers, areaId, type DemoEmail, demoViewers, orgId, thrown } from "../support/demo";

const daysFromToday = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const tokenOf = (path: string) => /^\/api\/calendar\/([A-Za-z0-9_-]+)\.ics$/.exec(path)?.[1] ?? "";

describe.each(engines)("calendar feeds on $name", (engine) => {
  let t: TestDatabase;
  let v: Record<DemoEmail, Viewer>;
  let made: Record<string, string> = {};

  beforeAll(async () => {
    t = await engine.open();
    v = await demoViewers(t.db);
    const [EEAS, UNODC, DGHOME] = [await orgId(t.db, "EEAS"), await orgId(t.db, "UNODC"), await orgId(t.db, "DG HOME")];
    const drugs = await areaId(t.db, "drugs");
    const meeting = async (who: Viewer, title: string, heldOn: string, visibility: "internal" | "restricted", host: string | null, participants: string[]) =>
      (await createMeeting(t.db, who, meetingInput.parse({ title: `Feed: ${title}`, heldOn, format: "virtual", visibility, hostOrganisationId: host, participantOrganisationIds: participants }))).id;
    const admin = v["admin@eeas.example"];
    made = {
      eeasSoon: await meeting(admin, "EEAS and UNODC, next week", daysFromToday(7), "internal", EEAS, [EEAS, UNODC]),
      eeasRestricted: await meeting(admin, "EEAS only, restricted", daysFromToday(14), "restricted", EEAS, [EEAS, DGHOME]),
      longAgo: await meeting(admin, "EEAS, long ago", daysFromToday(-(feedWindowDays + 10)), "internal", EEAS, [EEAS]),
      unodcOnly: await meeting(admin, "UNODC only, internal", daysFromToday(3), "internal", UNODC, [UNODC]),
      staffCreated: await meeting(v["staff@unodc.example"], "made by UNODC staff, nobody takes part", daysFromToday(20), "internal", null, []),
    };
    const followUp = async (title: string, meetingId: string | null, owner: string, dueOn: string | null, ownerUserId: string | null = null) =>
      (await createFollowUp(t.db, admin, followUpInput.parse({ title: `Feed: ${title}`, meetingId, priorityAreaId: drugs, ownerOrganisationId: owner, ownerUserId, dueOn }))).id;
    made.dueUnodc = await followUp("UNODC owns, due soon", made.eeasSoon!, UNODC, daysFromToday(10));
    made.dueRestrictedUnodc = await followUp("UNODC owns, on a restricted EEAS meeting", made.eeasRestricted!, UNODC, daysFromToday(12));
    made.dueStaffEeas = await followUp("owned by EEAS staff in person, UNODC organisation", null, UNODC, daysFromToday(30), v["staff@eeas.example"].id);
    made.dueUndated = await followUp("UNODC owns, no date", null, UNODC, null);
    const done = await followUp("UNODC owns, done", null, UNODC, daysFromToday(5));
    const [row] = await t.db.select({ version: followUps.version }).from(followUps).where(eq(followUps.id, done));
    await updateFollowUp(t.db, admin, done, { version: row!.version, status: "done" });
    made.dueDone = done;
  });
  afterAll(async () => {
    await t?.close();
  });

  /** The rules, on the raw tables: what a person's feed must hold. */
  async function expectedFeed(viewer: Viewer) {
    const since = daysFromToday(-feedWindowDays);
    const parts = await t.db.select().from(meetingParticipants);
    const orgsOf = (m: { id: string; hostOrganisationId: string | null }) => [...parts.filter((p) => p.meetingId === m.id).map((p) => p.organisationId), ...(m.hostOrganisationId ? [m.hostOrganisationId] : [])];
    const allMeetings = await t.db.select().from(meetings);
    const takesPart = (m: (typeof allMeetings)[number]) => orgsOf(m).some((o) => viewer.relatedOrganisationIds.has(o));
    const sees = (m: (typeof allMeetings)[number] | undefined) => !m || viewer.role === "admin" || m.visibility === "internal" || takesPart(m);
    const meetingIds = allMeetings.filter((m) => m.heldOn >= since && sees(m) && (takesPart(m) || m.createdById === viewer.id)).map((m) => m.id);
    const dueIds = (await t.db.select().from(followUps))
      .filter((f) => f.dueOn !== null && f.dueOn >= since && !["done", "cancelled"].includes(f.status))
      .filter((f) => f.ownerUserId === viewer.id || f.ownerOrganisationId === viewer.organisationId)
      .filter((f) => sees(allMeetings.find((m) => m.id === f.meetingId)))
      .map((f) => f.id);
    return { meetingIds: meetingIds.sort(), dueIds: dueIds.sort() };
  }
  const actualFeed = async (viewer: Viewer) => {
    const e = await feedEntries(t.db, viewer);
    return { meetingIds: e.meetings.map((m) => m.id).sort(), dueIds: e.dueDates.map((f) => f.id).sort() };
  };

  it("holds exactly each user's meetings and open follow-up due dates, for every active user", async () => {
    for (const viewer of await allViewers(t.db)) expect(await actualFeed(viewer), viewer.email).toEqual(await expectedFeed(viewer));
  });

  it("for UNODC staff: their organisation's meetings and due dates, the meeting they made, not the restricted EEAS meeting or its follow-ups", async () => {
    const { meetingIds, dueIds } = await actualFeed(v["staff@unodc.example"]);
    expect(meetingIds).toEqual(expect.arrayContaining([made.eeasSoon, made.unodcOnly, made.staffCreated]));
    expect(meetingIds).not.toContain(made.eeasRestricted);
    expect(meetingIds).not.toContain(made.longAgo);
    expect(dueIds).toEqual(expect.arrayContaining([made.dueUnodc, made.dueStaffEeas])); // owned by their organisation
    for (const id of [made.dueRestrictedUnodc, made.dueUndated, made.dueDone]) expect(dueIds).not.toContain(id);
    // EEAS staff: the restricted EEAS meeting and the follow-up they own in person; not UNODC's.
    const eeas = await actualFeed(v["staff@eeas.example"]);
    expect(eeas.meetingIds).toEqual(expect.arrayContaining([made.eeasSoon, made.eeasRestricted]));
    expect(eeas.meetingIds).not.toContain(made.unodcOnly);
    expect(eeas.dueIds).toContain(made.dueStaffEeas);
    expect(eeas.dueIds).not.toContain(made.dueUnodc);
  });

  it("leaves out a restricted meeting its own creator can no longer see (moved to another organisation)", async () => {
    const [EEAS, UNODC] = [await orgId(t.db, "EEAS"), await orgId(t.db, "UNODC")];
    const mover = v["manager@eeas.example"];
    const secret = (await createMeeting(t.db, mover, meetingInput.parse({ title: "Feed: restricted, made before a move", heldOn: daysFromToday(5), format: "virtual", visibility: "restricted", hostOrganisationId: EEAS, participantOrganisationIds: [EEAS] }))).id;
    expect((await actualFeed(mover)).meetingIds).toContain(secret);
    await t.db.update(users).set({ organisationId: UNODC }).where(eq(users.id, mover.id));
    try {
      const moved = (await loadViewer(t.db, mover.id))!;
      expect((await actualFeed(moved)).meetingIds).not.toContain(secret);
      expect(await actualFeed(moved)).toEqual(await expectedFeed(moved));
    } finally {
      await t.db.update(users).set({ organisationId: EEAS }).where(eq(users.id, mover.id));
    }
  });

  it("builds a calendar that parses, with the due dates as dates", async () => {
    const viewer = v["staff@unodc.example"];
    const text = feedCalendar({ userName: viewer.name, ...(await feedEntries(t.db, viewer)) }, "http://localhost:3000");
    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents("vevent").map((c) => new ICAL.Event(c));
    const due = events.find((e) => e.uid === `follow-up-${made.dueUnodc}@cooperation-tracker`);
    expect(due?.summary).toBe("Due: Feed: UNODC owns, due soon");
    expect(due?.startDate.isDate).toBe(true);
    expect(due?.startDate.toString()).toBe(daysFromToday(10));
  });

  it("stores only a hash of the token; regenerating and turning off kill the old address; both are in the audit trail", async () => {
    const viewer = v["staff@eeas.example"];
    expect(await getCalendarFeed(t.db, viewer)).toBeNull();
    const first = await createCalendarFeed(t.db, viewer);
    const token = tokenOf(first.path);
    expect(token).toHaveLength(43);
    expect((await feedViewer(t.db, token))?.id).toBe(viewer.id);
    const stored = await t.db.select().from(calendarFeeds).where(eq(calendarFeeds.userId, viewer.id));
    expect(stored.map((r) => r.tokenHash)).not.toContain(token);
    expect(JSON.stringify(await t.db.select().from(activity).where(eq(activity.entityId, viewer.id)))).not.toContain(token);

    const second = await createCalendarFeed(t.db, viewer);
    expect(await feedViewer(t.db, token)).toBeNull();
    expect((await feedViewer(t.db, tokenOf(second.path)))?.id).toBe(viewer.id);
    expect((await t.db.select().from(calendarFeeds).where(eq(calendarFeeds.userId, viewer.id))).filter((r) => r.revokedAt === null)).toHaveLength(1);

    expect(await revokeCalendarFeed(t.db, viewer)).toBe(true);
    expect(await feedViewer(t.db, tokenOf(second.path))).toBeNull();
    expect(await getCalendarFeed(t.db, viewer)).toBeNull();
    expect(await revokeCalendarFeed(t.db, viewer)).toBe(false);

    const events = await t.db.select({ action: activity.action }).from(activity).where(eq(activity.entityId, viewer.id)).orderBy(asc(activity.id));
    expect(events.map((e) => e.action).filter((a) => a.startsWith("calendar_feed"))).toEqual([
      "calendar_feed_created",
      "calendar_feed_revoked",
      "calendar_feed_created",
      "calendar_feed_revoked",
    ]);
  });

  it("answers nothing for an unknown or malformed token, or a deactivated user's", async () => {
    for (const bad of ["", "x", "a".repeat(43), "../../etc/passwd", `${"a".repeat(42)}=`]) expect(await feedViewer(t.db, bad)).toBeNull();
    const viewer = v["manager@unodc.example"];
    const token = tokenOf((await createCalendarFeed(t.db, viewer)).path);
    expect(await feedViewer(t.db, token)).not.toBeNull();
    await t.db.update(users).set({ active: false }).where(eq(users.id, viewer.id));
    try {
      expect(await feedViewer(t.db, token)).toBeNull();
    } finally {
      await t.db.update(users).set({ active: true }).where(eq(users.id, viewer.id));
    }
  });

  it("makes one active feed even when two requests race", async () => {
    const viewer = v["admin@eeas.example"];
    const results = await Promise.all([createCalendarFeed(t.db, viewer), createCalendarFeed(t.db, viewer)]);
    const live = await Promise.all(results.map((r) => feedViewer(t.db, tokenOf(r.path))));
    expect(live.filter(Boolean)).toHaveLength(1);
    expect((await t.db.select().from(calendarFeeds).where(eq(calendarFeeds.userId, viewer.id))).filter((r) => r.revokedAt === null)).toHaveLength(1);
  });

  it("gives a meeting's .ics only to those who may read the meeting", async () => {
    const m = await meetingForCalendar(t.db, v["staff@eeas.example"], made.eeasRestricted!);
    expect(m.title).toBe("Feed: EEAS only, restricted");
    expect(m.followUpCount).toBe(1);
    const e = await thrown(() => meetingForCalendar(t.db, v["staff@unodc.example"], made.eeasRestricted!));
    expect(e instanceof AppError && e.code).toBe("not_found:meeting");
  });
});
