/**
 * Working together: the in-app notifications each change writes (in its transaction), to whom and
 * never to whom (the actor; anyone who cannot see the record, also after its visibility changed),
 * mentions refused for outsiders, watching and unwatching (a meeting's watch covers its follow-ups,
 * later ones included), the per-kind e-mail choices through the outbox, and the live events:
 * delivered after commit only, filtered per subscriber by the policy, replayed after a reconnect.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addComment, createFollowUp, updateFollowUp } from "@/db/queries/follow-ups";
import { createMeeting, updateMeeting } from "@/db/queries/meetings";
import { queueDigests } from "@/db/queries/notifications";
import {
  followUpChanged,
  listUserNotifications,
  markNotificationsRead,
  mentionCandidates,
  queueDueNotifications,
  unreadCount,
  updateNotificationMail,
  watchRecord,
  watchState,
} from "@/db/queries/user-notifications";
import { followUps, meetings, notifications, userNotifications } from "@/db/schema";
import { resetEnvForTests } from "@/server/env";
import { AppError } from "@/lib/errors";
import { EventHub, type Subscriber, meetingFacts } from "@/server/events";
import type { Viewer } from "@/lib/policy";
import { followUpInput } from "@/lib/validation/follow-ups";
import { defaultMailModes } from "@/lib/validation/user-notifications";
import { meetingInput } from "@/lib/validation/meetings";
import { engines, type TestDatabase } from "../support/databases";
import { areaId, type DemoEmail, demoViewers, meetingId, orgIds, thrown } from "../support/demo";

beforeAll(() => {
  // The outbox is written only with mail on; nothing is sent in this file.
  Object.assign(process.env, { SMTP_URL: "smtp://127.0.0.1:9", APP_URL: "https://tracker.test", AUTH_SECRET: "together-test-secret-0123456789abc" });
  resetEnvForTests();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(engines)("working together on $name", (engine) => {
  let t: TestDatabase;
  let v: Record<DemoEmail, Viewer>;
  let org: Record<"EEAS" | "UNODC", string>;
  let drugs: string;
  let som: string;
  let restricted: string;

  beforeAll(async () => {
    t = await engine.open();
    v = await demoViewers(t.db);
    org = await orgIds(t.db, ["EEAS", "UNODC"] as const);
    drugs = await areaId(t.db, "drugs");
    som = await meetingId(t.db, "16th EU–UNODC Senior Officials Meeting");
    restricted = await meetingId(t.db, "EU coordination ahead of the 16th SOM");
  });
  afterAll(async () => {
    await t?.close();
  });

  const newFollowUp = (by: Viewer, values: Partial<ReturnType<typeof followUpInput.parse>> = {}) =>
    createFollowUp(t.db, by, followUpInput.parse({ title: `Together ${Math.random().toString(36).slice(2)}`, priorityAreaId: drugs, ownerOrganisationId: org.UNODC, meetingId: som, ...values }));
  const mine = async (who: Viewer) => (await listUserNotifications(t.db, who, { limit: 100 })).items;
  const about = async (who: Viewer, followUpId: string) => (await mine(who)).filter((n) => n.followUpId === followUpId);

  it("assignment: the new owner is told who did it; the actor never is", async () => {
    const f = await newFollowUp(v["manager@unodc.example"]);
    // Created owned by UNODC without a person: its managers are told, except the one who made it.
    expect(await about(v["manager@unodc.example"], f.id)).toEqual([]);
    await updateFollowUp(t.db, v["manager@unodc.example"], f.id, { version: f.version, ownerUserId: v["staff@unodc.example"].id });
    const [n] = await about(v["staff@unodc.example"], f.id);
    expect(n).toMatchObject({ kind: "assigned", actorId: v["manager@unodc.example"].id, actorName: "Amina Okafor", read: false, href: `/follow-ups/${f.id}` });
    expect(n!.text).toContain("Amina Okafor assigned");
    expect(await about(v["manager@unodc.example"], f.id)).toEqual([]);
  });

  it("mention, comment, status change, re-dating and a document reach the watchers, each once and as the most specific kind", async () => {
    const f = await newFollowUp(v["manager@unodc.example"], { ownerUserId: v["staff@unodc.example"].id, dueOn: "2030-01-10" });
    // The creator (manager UNODC) and the owner (staff UNODC) watch it; the EEAS manager starts watching.
    await watchRecord(t.db, v["manager@eeas.example"], { followUpId: f.id }, true);
    const c = await addComment(t.db, v["staff@unodc.example"], f.id, "Could you confirm the date?", { mentionedUserIds: [v["manager@eeas.example"].id] });
    expect(c.mentionedUserIds).toEqual([v["manager@eeas.example"].id]);
    expect((await about(v["manager@eeas.example"], f.id)).map((n) => n.kind)).toEqual(["mentioned"]);
    expect((await about(v["manager@unodc.example"], f.id)).map((n) => n.kind)).toEqual(["commented"]);
    expect((await about(v["manager@eeas.example"], f.id))[0]!.href).toBe(`/follow-ups/${f.id}#comment-${c.id}`);
    // Told of the assignment at creation, not of their own comment.
    expect((await about(v["staff@unodc.example"], f.id)).map((n) => n.kind)).toEqual(["assigned"]);

    const after1 = (await t.db.select({ version: followUps.version }).from(followUps).where(eq(followUps.id, f.id)))[0]!.version;
    await updateFollowUp(t.db, v["staff@unodc.example"], f.id, { version: after1, status: "in_progress" });
    const status = (await about(v["manager@eeas.example"], f.id)).find((n) => n.kind === "status_changed");
    expect(status?.detail).toEqual({ from: "open", to: "in_progress" });
    expect(status?.text).toMatch(/Rahul Mehta moved .* from open to in progress/);

    await updateFollowUp(t.db, v["manager@unodc.example"], f.id, { version: after1 + 1, dueOn: "2030-02-01" });
    expect((await about(v["staff@unodc.example"], f.id)).map((n) => n.kind)).toEqual(["redated", "assigned"]);
    expect((await about(v["manager@unodc.example"], f.id)).filter((n) => n.kind === "redated")).toEqual([]); // the actor

    await t.db.transaction((tx) => followUpChanged(tx, v["admin@eeas.example"], f.id, { document: { name: "minutes.pdf" } }));
    expect((await about(v["staff@unodc.example"], f.id)).map((n) => n.kind)).toEqual(["document", "redated", "assigned"]);
  });

  it("a change that rolls back leaves no notification", async () => {
    const f = await newFollowUp(v["manager@unodc.example"], { ownerUserId: v["staff@unodc.example"].id });
    const before = await unreadCount(t.db, v["manager@unodc.example"]);
    await expect(
      t.db.transaction(async (tx) => {
        await addComment(tx, v["staff@unodc.example"], f.id, "to be rolled back");
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await unreadCount(t.db, v["manager@unodc.example"])).toBe(before);
  });

  it("mentioning someone who cannot see the record is refused with their name; only people who can see it are offered", async () => {
    const f = await newFollowUp(v["manager@eeas.example"], { meetingId: restricted, ownerOrganisationId: org.EEAS });
    const e = await thrown(() => addComment(t.db, v["manager@eeas.example"], f.id, "ping", { mentionedUserIds: [v["staff@unodc.example"].id] }));
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).status).toBe(400);
    expect((e as AppError).fields?.mentionedUserIds).toBe("Rahul Mehta cannot see this follow-up, so they cannot be mentioned on it.");
    const offered = await mentionCandidates(t.db, v["manager@eeas.example"], f.id, "");
    expect(offered.map((p) => p.name)).toContain("Sofia Lindqvist");
    expect(offered.map((p) => p.name)).not.toContain("Rahul Mehta");
    expect(offered.map((p) => p.name)).not.toContain("Amina Okafor");
    expect(await about(v["staff@unodc.example"], f.id)).toEqual([]);
  });

  it("mentions in a meeting's summary: notified once through the policy; someone who cannot see the meeting is refused by name, and the save with them", async () => {
    const m = await createMeeting(t.db, v["manager@eeas.example"], meetingInput.parse({ title: "Minutes with mentions", heldOn: "2030-06-01", format: "virtual", visibility: "restricted", participantOrganisationIds: [org.EEAS] }));
    const mine = async (who: Viewer) => (await listUserNotifications(t.db, who, { limit: 100 })).items.filter((n) => n.meetingId === m.id);
    const sofia = v["staff@eeas.example"];
    const rahul = v["staff@unodc.example"];
    // Rahul (UNODC) cannot see this restricted meeting: refused with his name, under the summary; nothing is saved.
    const e = await thrown(() => updateMeeting(t.db, v["manager@eeas.example"], m.id, { version: m.version, summary: "Agreed. @Rahul Mehta to follow up.", mentionedUserIds: [rahul.id] }));
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).status).toBe(400);
    expect((e as AppError).fields?.summary).toBe("Rahul Mehta cannot see this meeting, so they cannot be mentioned in its summary.");
    const [unchanged] = await t.db.select({ summary: meetings.summary, version: meetings.version }).from(meetings).where(eq(meetings.id, m.id));
    expect(unchanged).toEqual({ summary: "", version: m.version });
    expect(await mine(rahul)).toEqual([]);
    // Only people who can see it are offered.
    const offered = (await mentionCandidates(t.db, v["manager@eeas.example"], { meetingId: m.id }, "")).map((p) => p.name);
    expect(offered).toContain("Sofia Lindqvist");
    expect(offered).not.toContain("Rahul Mehta");
    expect(await thrown(() => mentionCandidates(t.db, rahul, { meetingId: m.id }, ""))).toMatchObject({ status: 404 });

    // Sofia can: she is told, once, with a sentence naming the summary; the actor never is.
    const saved = await updateMeeting(t.db, v["manager@eeas.example"], m.id, { version: m.version, summary: "Agreed. @Sofia Lindqvist to draft.", mentionedUserIds: [sofia.id, v["manager@eeas.example"].id] });
    expect((await mine(sofia)).map((n) => [n.kind, n.text, n.href])).toEqual([["mentioned", "Marc Dubois mentioned you in the summary of ‘Minutes with mentions’", `/meetings/${m.id}`]]);
    expect(await mine(v["manager@eeas.example"])).toEqual([]);
    // Saving again with the same mention pings nobody twice.
    await updateMeeting(t.db, v["manager@eeas.example"], m.id, { version: saved.version, summary: "Agreed. @Sofia Lindqvist to draft, by May.", mentionedUserIds: [sofia.id] });
    expect(await mine(sofia)).toHaveLength(1);
  });

  it("mentions while logging a meeting: the people offered follow the form's visibility and organisations; the create checks and notifies each once", async () => {
    const marc = v["manager@eeas.example"];
    const sofia = v["staff@eeas.example"];
    const rahul = v["staff@unodc.example"];
    const offer = async (proposed: { visibility: "internal" | "restricted"; participantOrganisationIds: string[] }) =>
      (await mentionCandidates(t.db, marc, { proposed: { ...proposed, createdById: marc.id, hostOrganisationId: null } }, "")).map((p) => p.name);
    // Internal: every active user (but the writer).
    const internal = await offer({ visibility: "internal", participantOrganisationIds: [] });
    expect(internal).toEqual(expect.arrayContaining(["Sofia Lindqvist", "Rahul Mehta"]));
    expect(internal).not.toContain("Marc Dubois");
    // Restricted to the EEAS: EEAS people and admins, not UNODC staff; adding UNODC offers Rahul too.
    const eeasOnly = await offer({ visibility: "restricted", participantOrganisationIds: [org.EEAS] });
    expect(eeasOnly).toContain("Sofia Lindqvist");
    expect(eeasOnly).not.toContain("Rahul Mehta");
    expect(await offer({ visibility: "restricted", participantOrganisationIds: [org.EEAS, org.UNODC] })).toContain("Rahul Mehta");

    // The create checks again: Rahul cannot see a restricted EEAS meeting, so nothing is logged.
    const input = (mentionedUserIds: string[], title: string) =>
      meetingInput.parse({ title, heldOn: "2030-07-01", format: "virtual", visibility: "restricted", participantOrganisationIds: [org.EEAS], summary: "@Sofia Lindqvist @Rahul Mehta", mentionedUserIds });
    const e = await thrown(() => createMeeting(t.db, marc, input([sofia.id, rahul.id], "New minutes refused")));
    expect((e as AppError).fields?.summary).toBe("Rahul Mehta cannot see this meeting, so they cannot be mentioned in its summary.");
    expect(await t.db.select({ id: meetings.id }).from(meetings).where(eq(meetings.title, "New minutes refused"))).toEqual([]);
    // Sofia can: told once, with the meeting's title; the writer never is.
    const m = await createMeeting(t.db, marc, input([sofia.id, sofia.id, marc.id], "New minutes with a mention"));
    const about = async (who: Viewer) => (await listUserNotifications(t.db, who, { limit: 100 })).items.filter((n) => n.meetingId === m.id);
    expect((await about(sofia)).map((n) => [n.kind, n.text])).toEqual([["mentioned", "Marc Dubois mentioned you in the summary of ‘New minutes with a mention’"]]);
    expect(await about(marc)).toEqual([]);
  });

  it("a notification whose record became invisible is hidden from the list and the count, and no new one is written", async () => {
    const m = await createMeeting(t.db, v["manager@eeas.example"], meetingInput.parse({ title: "Shared then restricted", heldOn: "2030-03-01", format: "virtual", participantOrganisationIds: [org.EEAS, org.UNODC] }));
    const f = await newFollowUp(v["manager@eeas.example"], { meetingId: m.id, ownerOrganisationId: org.EEAS });
    await watchRecord(t.db, v["staff@unodc.example"], { followUpId: f.id }, true);
    await addComment(t.db, v["manager@eeas.example"], f.id, "first");
    expect((await about(v["staff@unodc.example"], f.id)).map((n) => n.kind)).toEqual(["commented"]);
    const unread = await unreadCount(t.db, v["staff@unodc.example"]);
    // The meeting becomes restricted to the EEAS only.
    const current = (await t.db.select({ version: meetings.version }).from(meetings).where(eq(meetings.id, m.id)))[0]!;
    await updateMeeting(t.db, v["manager@eeas.example"], m.id, { version: current.version, visibility: "restricted", participantOrganisationIds: [org.EEAS] });
    expect(await about(v["staff@unodc.example"], f.id)).toEqual([]);
    expect(await unreadCount(t.db, v["staff@unodc.example"])).toBe(unread - 1);
    await addComment(t.db, v["manager@eeas.example"], f.id, "second");
    const rows = await t.db.select().from(userNotifications).where(and(eq(userNotifications.userId, v["staff@unodc.example"].id), eq(userNotifications.followUpId, f.id)));
    expect(rows).toHaveLength(1); // only the first, written while they could see it
    expect((await watchState(t.db, v["manager@eeas.example"], { followUpId: f.id })).watchers.map((w) => w.name)).not.toContain("Rahul Mehta");
  });

  it("watching a meeting covers its follow-ups, later ones too; stopping on one follow-up holds; a watcher list names them", async () => {
    const m = await createMeeting(t.db, v["manager@eeas.example"], meetingInput.parse({ title: "Watched meeting", heldOn: "2030-04-01", format: "virtual", participantOrganisationIds: [org.EEAS, org.UNODC] }));
    expect((await watchState(t.db, v["manager@eeas.example"], { meetingId: m.id })).watching).toBe(true); // its creator
    await watchRecord(t.db, v["staff@eeas.example"], { meetingId: m.id }, true);
    const later = await newFollowUp(v["manager@unodc.example"], { meetingId: m.id });
    await addComment(t.db, v["manager@unodc.example"], later.id, "news");
    expect((await about(v["staff@eeas.example"], later.id)).map((n) => n.kind)).toEqual(["commented"]);
    const state = await watchState(t.db, v["staff@eeas.example"], { followUpId: later.id });
    expect(state.watching).toBe(true);
    expect(state.watchers.map((w) => w.name)).toEqual(expect.arrayContaining(["Sofia Lindqvist", "Amina Okafor", "Marc Dubois"]));
    await watchRecord(t.db, v["staff@eeas.example"], { followUpId: later.id }, false);
    expect((await watchState(t.db, v["staff@eeas.example"], { followUpId: later.id })).watching).toBe(false);
    await addComment(t.db, v["manager@unodc.example"], later.id, "more news");
    expect((await about(v["staff@eeas.example"], later.id)).map((n) => n.kind)).toEqual(["commented"]);
    // An outsider cannot watch a record they cannot see: 404.
    const hidden = await newFollowUp(v["manager@eeas.example"], { meetingId: restricted, ownerOrganisationId: org.EEAS });
    const e = await thrown(() => watchRecord(t.db, v["staff@unodc.example"], { followUpId: hidden.id }, true));
    expect((e as AppError).status).toBe(404);
  });

  it("mark one, then all, as read; another's ids are not touched; filters by kind", async () => {
    const who = v["staff@unodc.example"];
    const list = await listUserNotifications(t.db, who, { unread: true, limit: 100 });
    expect(list.unread).toBe(list.items.length);
    expect(list.unread).toBeGreaterThan(1);
    const first = list.items[0]!;
    const other = (await listUserNotifications(t.db, v["manager@eeas.example"], { limit: 1 })).items[0]!;
    const { unread } = await markNotificationsRead(t.db, who, { ids: [first.id, other.id] });
    expect(unread).toBe(list.unread - 1);
    expect((await listUserNotifications(t.db, v["manager@eeas.example"], { limit: 1 })).items[0]!.read).toBe(false);
    expect((await listUserNotifications(t.db, who, { kind: "assigned", limit: 100 })).items.every((n) => n.kind === "assigned")).toBe(true);
    expect((await listUserNotifications(t.db, v["manager@eeas.example"], { kind: "mentions", limit: 100 })).items.map((n) => n.kind)).toContain("mentioned");
    await markNotificationsRead(t.db, who, { all: true });
    expect(await unreadCount(t.db, who)).toBe(0);
    const page = await listUserNotifications(t.db, who, { limit: 1 });
    expect(page.nextCursor).not.toBeNull();
    const next = await listUserNotifications(t.db, who, { limit: 1, cursor: page.nextCursor! });
    expect(next.items[0]!.id).toBeLessThan(page.items[0]!.id);
  });

  it("e-mail per kind: mentions at once by default, comments in the digest, and never when chosen", async () => {
    const f = await newFollowUp(v["manager@unodc.example"], { ownerUserId: v["staff@unodc.example"].id });
    await addComment(t.db, v["staff@unodc.example"], f.id, "@Marc?", { mentionedUserIds: [v["manager@eeas.example"].id] });
    const outbox = () => t.db.select().from(notifications).where(and(eq(notifications.kind, "notice"), eq(notifications.followUpId, f.id)));
    const first = await outbox();
    expect(first.map((n) => n.toAddress)).toEqual(["manager@eeas.example"]); // the mention; the creator's comment notice waits for the digest
    expect(first[0]!.subject).toContain("Rahul Mehta mentioned you on");
    expect(first[0]!.text).toContain(`https://tracker.test/follow-ups/${f.id}#comment-`);
    await updateNotificationMail(t.db, v["manager@unodc.example"], { ...defaultMailModes, commented: "immediately" });
    await updateNotificationMail(t.db, v["manager@eeas.example"], { ...defaultMailModes, mentioned: "never" });
    await addComment(t.db, v["staff@unodc.example"], f.id, "again", { mentionedUserIds: [v["manager@eeas.example"].id] });
    expect((await outbox()).map((n) => n.toAddress).sort()).toEqual(["manager@eeas.example", "manager@unodc.example"]);
    // The kinds taken "in my digest" (a status change, by default) are listed in the next digest.
    await queueDigests(t.db, new Date());
    const [digest] = await t.db.select().from(notifications).where(and(eq(notifications.kind, "digest"), eq(notifications.userId, v["manager@eeas.example"].id)));
    expect(digest?.status).toBe("pending");
    expect(digest?.text).toContain("Since your last digest");
    expect(digest?.text).toMatch(/Rahul Mehta moved ‘Together [a-z0-9]+’ from open to in progress\n  https:\/\/tracker\.test\/follow-ups\//);
    expect(digest?.text).not.toContain("mentioned you"); // mentions are e-mailed at once (or never), not in the digest
  });

  it("due tomorrow and became overdue, to whoever owns it, once however often the schedule runs", async () => {
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const tomorrow = await newFollowUp(v["manager@unodc.example"], { ownerUserId: v["staff@unodc.example"].id, dueOn: day(1) });
    const late = await newFollowUp(v["manager@eeas.example"], { dueOn: day(-1) }); // no person: UNODC's managers
    const hidden = await newFollowUp(v["manager@eeas.example"], { meetingId: restricted, ownerOrganisationId: org.UNODC, dueOn: day(-1) });
    expect(await queueDueNotifications(t.db)).toBeGreaterThanOrEqual(2);
    expect(await queueDueNotifications(t.db)).toBe(0);
    expect((await about(v["staff@unodc.example"], tomorrow.id)).filter((n) => n.kind === "due_tomorrow").map((n) => n.text)).toEqual([expect.stringMatching(/is due tomorrow$/)]);
    expect((await about(v["manager@unodc.example"], late.id)).map((n) => n.kind)).toEqual(["overdue", "assigned"]);
    // Owned by UNODC on a meeting UNODC cannot see: nobody there is told about it.
    expect(await t.db.select().from(userNotifications).where(eq(userNotifications.followUpId, hidden.id))).toEqual([]);
  });

  describe("live events", () => {
    let hub: EventHub;
    const got = new Map<string, { id: string; name: string; data: string }[]>();
    const subscriber = (viewer: Viewer, key = viewer.email): Subscriber => {
      got.set(key, []);
      return { viewer, send: (id, name, data) => got.get(key)!.push({ id, name, data }) };
    };
    /** NOTIFY arrives asynchronously (PostgreSQL's listener connection): wait until the hub has handed it out. */
    const settle = async () => {
      await sleep(engine.name === "PostgreSQL" ? 300 : 50);
      await hub.settled();
    };

    beforeAll(async () => {
      hub = new EventHub(t.db);
      await hub.start(t.listen);
    });
    afterAll(async () => {
      await hub?.stop();
    });

    it("a committed change reaches the streams that may see it, with only its id and version; a restricted one never reaches an outsider", async () => {
      hub.subscribe(subscriber(v["manager@unodc.example"]));
      hub.subscribe(subscriber(v["manager@eeas.example"]));
      const visible = await newFollowUp(v["manager@unodc.example"]);
      const hidden = await newFollowUp(v["manager@eeas.example"], { meetingId: restricted, ownerOrganisationId: org.EEAS });
      await updateFollowUp(t.db, v["admin@eeas.example"], hidden.id, { version: hidden.version, status: "blocked" });
      await addComment(t.db, v["admin@eeas.example"], hidden.id, "internal note");
      await settle();
      const outsider = got.get("manager@unodc.example")!;
      const insider = got.get("manager@eeas.example")!;
      expect(outsider.some((e) => e.data.includes(visible.id))).toBe(true);
      expect(outsider.some((e) => e.data.includes(hidden.id))).toBe(false);
      expect(insider.filter((e) => e.data.includes(hidden.id)).map((e) => JSON.parse(e.data))).toEqual([
        { id: hidden.id, version: 1 },
        { id: hidden.id, version: 2 },
        { id: hidden.id, version: 2 },
      ]);
    });

    it("a rolled-back change sends nothing", async () => {
      const f = await newFollowUp(v["manager@unodc.example"]);
      await settle();
      const before = got.get("manager@unodc.example")!.length;
      await expect(
        t.db.transaction(async (tx) => {
          await updateFollowUp(tx, v["manager@unodc.example"], f.id, { version: f.version, status: "blocked" });
          throw new Error("roll back");
        }),
      ).rejects.toThrow("roll back");
      await settle();
      expect(got.get("manager@unodc.example")!.slice(before)).toEqual([]);
    });

    it("a notification event reaches only its recipient's streams", async () => {
      hub.subscribe(subscriber(v["staff@eeas.example"]));
      const f = await newFollowUp(v["manager@unodc.example"]);
      await addComment(t.db, v["manager@unodc.example"], f.id, "hello", { mentionedUserIds: [v["staff@eeas.example"].id] });
      await settle();
      expect(got.get("staff@eeas.example")!.filter((e) => e.name === "notification")).toHaveLength(1);
      expect(got.get("manager@eeas.example")!.slice(-3).some((e) => e.name === "notification")).toBe(false);
    });

    it("an event carries its meeting's visibility, so handing it out reads nothing; one without it (too large for NOTIFY) is read once", async () => {
      const reads: string[] = [];
      const counting = new Proxy(t.db, { get: (target, key, receiver) => (key === "select" && reads.push("select"), Reflect.get(target, key, receiver)) });
      const local = new EventHub(counting);
      const seen: { name: string; data: string }[] = [];
      const outsider: { name: string; data: string }[] = [];
      local.subscribe({ viewer: v["manager@eeas.example"], send: (_id, name, data) => seen.push({ name, data }) });
      local.subscribe({ viewer: v["manager@unodc.example"], send: (_id, name, data) => outsider.push({ name, data }) });
      const [m] = await t.db.select({ id: meetings.id }).from(meetings).where(eq(meetings.id, restricted));
      const facts = await meetingFacts(t.db, m!.id);
      local.receive(JSON.stringify({ t: "follow_up", id: "f-1", v: 3, m: restricted, f: facts }));
      // Delivered at once, synchronously, without a statement.
      expect(seen).toEqual([{ name: "follow_up", data: JSON.stringify({ id: "f-1", version: 3 }) }]);
      expect(reads).toEqual([]);
      local.receive(JSON.stringify({ t: "follow_up", id: "f-2", v: 1, m: restricted }));
      local.receive(JSON.stringify({ t: "meeting", id: restricted, v: 9, f: facts }));
      await local.settled();
      expect(reads.length).toBeGreaterThan(0);
      // In order, the one read from the database first, and never to the outsider.
      expect(seen.map((e) => JSON.parse(e.data).id)).toEqual(["f-1", "f-2", restricted]);
      expect(outsider).toEqual([]);
    });

    it("a meeting made restricted: its own event and its follow-ups' later events no longer reach an outsider's stream", async () => {
      const m = await createMeeting(t.db, v["manager@eeas.example"], meetingInput.parse({ title: "Live then restricted", heldOn: "2030-05-01", format: "virtual", participantOrganisationIds: [org.EEAS, org.UNODC] }));
      hub.subscribe(subscriber(v["staff@unodc.example"], "unodc-staff"));
      hub.subscribe(subscriber(v["manager@eeas.example"], "eeas-manager"));
      const f = await newFollowUp(v["manager@eeas.example"], { meetingId: m.id, ownerOrganisationId: org.EEAS });
      await settle();
      expect(got.get("unodc-staff")!.some((e) => e.data.includes(f.id))).toBe(true);
      const before = got.get("unodc-staff")!.length;
      const [current] = await t.db.select({ version: meetings.version }).from(meetings).where(eq(meetings.id, m.id));
      await updateMeeting(t.db, v["manager@eeas.example"], m.id, { version: current!.version, visibility: "restricted", participantOrganisationIds: [org.EEAS] });
      await updateFollowUp(t.db, v["admin@eeas.example"], f.id, { version: f.version, status: "blocked" });
      await settle();
      expect(got.get("unodc-staff")!.slice(before)).toEqual([]);
      expect(got.get("eeas-manager")!.some((e) => e.name === "follow_up" && e.data === JSON.stringify({ id: f.id, version: f.version + 1 }))).toBe(true);
    });

    it("a stream that reconnects with Last-Event-ID gets what it missed, in order; an unknown id gets a reset", async () => {
      const seen = got.get("manager@unodc.example")!;
      const last = seen[seen.length - 1]!.id;
      const a = await newFollowUp(v["manager@unodc.example"]);
      const b = await newFollowUp(v["manager@unodc.example"]);
      await settle();
      hub.subscribe(subscriber(v["manager@unodc.example"], "again"), last);
      hub.subscribe(subscriber(v["manager@unodc.example"], "elsewhere"), "other-instance:12");
      await settle();
      const replayed = got.get("again")!.filter((e) => e.name === "follow_up").map((e) => JSON.parse(e.data).id);
      expect(replayed).toEqual([a.id, b.id]);
      expect(got.get("elsewhere")!.map((e) => e.name)).toEqual(["reset"]);
    });
  });
});
