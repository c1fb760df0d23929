/**
 * E-mail reminders against a real SMTP server on loopback: the assignment notices (written with the
 * follow-up change, rolled back with it), the digests (the user's follow-ups as "My follow-ups"
 * means it, only what they may see), no duplicates on a second or concurrent run, failed sends
 * retried with backoff, a run that died mid-send retried with the same Message-ID, and the signed
 * unsubscribe links.
 */
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { addComment, bulkUpdateFollowUps, createFollowUp, type FollowUp, updateFollowUp } from "@/db/queries/follow-ups";
import { getNotificationMail } from "@/db/queries/user-notifications";
import { createMeetingWithFollowUps } from "@/db/queries/meeting-drafts";
import { createMeeting } from "@/db/queries/meetings";
import { claimDueNotifications, LEASE_MINUTES, unsubscribe, unsubscribeTarget } from "@/db/queries/notifications";
import { followUps, notifications, organisations, users } from "@/db/schema";
import { resetEnvForTests } from "@/server/env";
import { AppError } from "@/lib/errors";
import type { Viewer } from "@/lib/policy";
import { readUnsubscribeToken, unsubscribeToken } from "@/server/reminders/tokens";
import { runReminders } from "@/server/reminders/run";
import { startReminderSchedule } from "@/server/reminders/schedule";
import { followUpBulkPatch, followUpInput } from "@/lib/validation/follow-ups";
import { meetingWithFollowUpsInput } from "@/lib/validation/meeting-drafts";
import { meetingInput } from "@/lib/validation/meetings";
import { engines, type TestDatabase } from "../support/databases";
import { areaId, type DemoEmail, demoViewers, orgIds, thrown, viewerFor } from "../support/demo";
import { type Received, type Smtp, startSmtp } from "../support/smtp";

const APP = "https://tracker.test";
let smtp: Smtp;

beforeAll(async () => {
  smtp = await startSmtp();
  Object.assign(process.env, { SMTP_URL: smtp.url, APP_URL: APP, MAIL_FROM: "Tracker Test <tracker@tracker.test>", AUTH_SECRET: "reminders-test-secret-0123456789" });
  resetEnvForTests();
});
afterAll(async () => {
  await smtp?.close();
});

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const to = (r: Received) => r.envelopeTo.join(",");
const followUpIdsIn = (r: Received) => [...new Set([...(r.mail.text ?? "").matchAll(/\/follow-ups\/([0-9a-f-]{36})/g)].map((m) => m[1]!))].sort();

describe.each(engines)("e-mail reminders on $name", (engine) => {
  let t: TestDatabase;
  let v: Record<DemoEmail, Viewer>;
  let org: Record<"EEAS" | "UNODC", string>;
  let drugs: string;
  /** A user of an organisation of their own, so their digest holds exactly what the test made. */
  let solo: Viewer;
  let soloOrg: string;

  beforeAll(async () => {
    t = await engine.open();
    v = await demoViewers(t.db);
    org = await orgIds(t.db, ["EEAS", "UNODC"] as const);
    drugs = await areaId(t.db, "drugs");
    const [o] = await t.db.insert(organisations).values({ name: "Reminder Test Unit", acronym: "RTU", kind: "other" }).returning();
    soloOrg = o!.id;
    await t.db.insert(users).values({ name: "Rita Solo", email: "rita.solo@rtu.example", organisationId: soloOrg, role: "staff", digestFrequency: "never" });
    solo = await viewerFor(t.db, "rita.solo@rtu.example");
  });
  afterAll(async () => {
    await t?.close();
  });
  beforeEach(async () => {
    // Each test starts from an empty outbox and inbox; digests are off for everyone unless a test turns them on.
    await t.db.delete(notifications);
    await t.db.update(users).set({ digestFrequency: "never", assignmentNotices: true, active: true });
    smtp.received.length = 0;
    smtp.reject.clear();
  });

  const create = (by: Viewer, values: Record<string, unknown>): Promise<FollowUp> =>
    createFollowUp(t.db, by, followUpInput.parse({ priorityAreaId: drugs, ownerOrganisationId: org.EEAS, dueOn: day(20), ...values }));
  const outbox = () => t.db.select().from(notifications);

  it("a manager reassigns a follow-up: the new owner gets one notice, with text, HTML, links and one-click unsubscribe; a second run sends nothing", async () => {
    const f = await create(v["admin@eeas.example"], { title: "Reminder: send the draft terms of reference", ownerOrganisationId: org.UNODC, ownerUserId: v["manager@unodc.example"].id });
    await t.db.delete(notifications); // the creation's notice is another test's subject
    await updateFollowUp(t.db, v["manager@unodc.example"], f.id, { version: f.version, ownerUserId: v["staff@unodc.example"].id });

    const first = await runReminders(t.db, { digests: false });
    expect(first).toEqual({ sent: 1, failed: 0, skipped: 0, digestsQueued: 0 });
    expect(smtp.received.map(to)).toEqual(["staff@unodc.example"]);
    const mail = smtp.received[0]!.mail;
    expect(mail.subject).toBe("Assigned to you: Reminder: send the draft terms of reference");
    expect(mail.from?.text).toBe('"Tracker Test" <tracker@tracker.test>');
    expect(mail.text).toContain("Amina Okafor assigned a follow-up to you.");
    expect(mail.text).toContain(`${APP}/follow-ups/${f.id}`);
    expect(mail.html).toContain(`href="${APP}/follow-ups/${f.id}"`);
    const staffId = v["staff@unodc.example"].id;
    expect(mail.text).toContain(`${APP}/unsubscribe?token=${unsubscribeToken(staffId, "assignment")}`);
    const headers = smtp.received[0]!.raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, " ");
    expect(headers).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
    expect(headers).toContain(`List-Unsubscribe: <${APP}/api/v1/unsubscribe?token=${unsubscribeToken(staffId, "assignment")}>`);
    const [row] = await outbox();
    expect(mail.messageId).toBe(row!.messageId);
    expect(row).toMatchObject({ status: "sent", attempts: 1, followUpId: f.id, userId: staffId });

    expect(await runReminders(t.db, { digests: false })).toEqual({ sent: 0, failed: 0, skipped: 0, digestsQueued: 0 });
    expect(smtp.received).toHaveLength(1);
  });

  it("a French-speaking recipient gets the notice in French, its subject included; the digest too", async () => {
    await t.db.update(users).set({ locale: "fr" }).where(eq(users.id, v["staff@unodc.example"].id));
    try {
      const f = await create(v["admin@eeas.example"], { title: "Transmettre le projet de mandat", ownerOrganisationId: org.UNODC, ownerUserId: v["manager@unodc.example"].id, dueOn: day(-3) });
      await t.db.delete(notifications);
      await updateFollowUp(t.db, v["manager@unodc.example"], f.id, { version: f.version, ownerUserId: v["staff@unodc.example"].id });
      await runReminders(t.db, { digests: false });
      const mail = smtp.received[0]!.mail;
      expect(mail.subject).toBe("Suivi qui vous est attribué : Transmettre le projet de mandat");
      expect(mail.text).toContain("Bonjour Rahul Mehta,");
      expect(mail.text).toContain("Amina Okafor vous a attribué un suivi.");
      expect(mail.text).toContain("en retard de 3 jours");
      expect(mail.text).toContain("Se désabonner des avis d’attribution");
      expect(mail.html).toContain('<html lang="fr">');
      expect(mail.text).not.toMatch(/Hello|Due:|Status:|Unsubscribe from/);

      smtp.received.length = 0;
      await t.db.update(users).set({ digestFrequency: "daily" }).where(eq(users.id, v["staff@unodc.example"].id));
      await runReminders(t.db, {});
      const digest = smtp.received.find((r) => to(r) === "staff@unodc.example")!.mail;
      expect(digest.subject).toMatch(/^Vos suivis : \d+ en retard/);
      expect(digest.text).toContain("Ces suivis, les vôtres ou ceux de votre organisation, demandent votre attention.");
    } finally {
      await t.db.update(users).set({ locale: null }).where(eq(users.id, v["staff@unodc.example"].id));
    }
  });

  it("a follow-up owned by an organisation alone goes to that organisation's managers, not to the one who assigned it", async () => {
    const f = await create(v["admin@eeas.example"], { title: "Reminder: organisation-owned", ownerOrganisationId: org.EEAS });
    await runReminders(t.db, { digests: false });
    expect(smtp.received.map(to)).toEqual(["manager@eeas.example"]);
    expect(smtp.received[0]!.mail.subject).toBe("Assigned to EEAS: Reminder: organisation-owned");
    expect(followUpIdsIn(smtp.received[0]!)).toEqual([f.id]);

    // The EEAS manager reassigns it to a UNODC-owned person? Not theirs to give; to their own staff, yes.
    smtp.received.length = 0;
    await updateFollowUp(t.db, v["manager@eeas.example"], f.id, { version: f.version, ownerUserId: v["staff@eeas.example"].id });
    // Changing something else is not an assignment.
    const now = (await t.db.select().from(followUps).where(eq(followUps.id, f.id)))[0]!;
    await updateFollowUp(t.db, v["manager@eeas.example"], f.id, { version: now.version, dueOn: day(25) });
    await runReminders(t.db, { digests: false });
    expect(smtp.received.map(to)).toEqual(["staff@eeas.example"]);
  });

  it("the notice is written in the follow-up write's transaction: a rolled-back reassignment leaves none, a refused one too", async () => {
    const f = await create(v["admin@eeas.example"], { title: "Reminder: rolled back", ownerOrganisationId: org.UNODC, ownerUserId: v["manager@unodc.example"].id });
    await t.db.delete(notifications);
    await thrown(() =>
      t.db.transaction(async (tx) => {
        await updateFollowUp(tx, v["admin@eeas.example"], f.id, { version: f.version, ownerUserId: v["staff@unodc.example"].id });
        expect(await tx.select().from(notifications).where(eq(notifications.followUpId, f.id))).toHaveLength(1);
        throw new Error("the surrounding work failed");
      }),
    );
    // Staff may not reassign: refused, so nothing is queued either.
    expect(await thrown(() => updateFollowUp(t.db, v["staff@unodc.example"], f.id, { version: f.version, ownerUserId: v["staff@unodc.example"].id }))).toBeInstanceOf(AppError);
    expect(await outbox()).toEqual([]);
    expect(await runReminders(t.db, { digests: false })).toMatchObject({ sent: 0 });
    expect(smtp.received).toEqual([]);
  });

  it("a bulk edit that reassigns notifies the new owner once per follow-up; a meeting recorded from a draft notifies the owner organisations' managers, and a refused one nobody", async () => {
    const admin = v["admin@eeas.example"];
    const a = await create(admin, { title: "Bulk reminder A", ownerOrganisationId: org.UNODC });
    const b = await create(admin, { title: "Bulk reminder B", ownerOrganisationId: org.UNODC });
    await t.db.delete(notifications);
    const result = await bulkUpdateFollowUps(t.db, v["manager@unodc.example"], followUpBulkPatch.parse({ ids: [a.id, b.id], change: { ownerUserId: v["staff@unodc.example"].id } }));
    expect(result.changed.sort()).toEqual([a.id, b.id].sort());
    await runReminders(t.db, { digests: false });
    expect(smtp.received.map((r) => [to(r), r.mail.subject]).sort()).toEqual([
      ["staff@unodc.example", "Assigned to you: Bulk reminder A"],
      ["staff@unodc.example", "Assigned to you: Bulk reminder B"],
    ]);

    smtp.received.length = 0;
    const draft = (title: string, owner: string) =>
      meetingWithFollowUpsInput.parse({ title: `Draft meeting ${title}`, heldOn: day(-1), format: "virtual", followUps: [{ title, priorityAreaId: drugs, ownerOrganisationId: owner, dueOn: day(30) }] });
    await createMeetingWithFollowUps(t.db, admin, draft("From the draft", org.UNODC));
    // A follow-up naming an organisation that does not exist: the whole meeting is refused, no notice left behind.
    expect(await thrown(() => createMeetingWithFollowUps(t.db, admin, { ...draft("Refused", org.UNODC), followUps: [...draft("Fine", org.UNODC).followUps, ...draft("Bad", "00000000-0000-4000-8000-000000000000").followUps] }))).toBeInstanceOf(AppError);
    await runReminders(t.db, { digests: false });
    expect(smtp.received.map((r) => [to(r), r.mail.subject])).toEqual([["manager@unodc.example", "Assigned to UNODC: From the draft"]]);
  });

  it("REMINDERS=on: the server's own schedule sends what is due, on its interval, once", async () => {
    await create(v["admin@eeas.example"], { title: "Scheduled notice", ownerOrganisationId: org.UNODC, ownerUserId: v["staff@unodc.example"].id });
    const stop = startReminderSchedule(async () => t.db, { firstAfterMs: 10, everyMs: 50 });
    try {
      await expect.poll(() => smtp.received.map((r) => r.mail.subject), { timeout: 20_000 }).toContain("Assigned to you: Scheduled notice");
      await new Promise((r) => setTimeout(r, 300)); // several more ticks
    } finally {
      stop();
    }
    expect(smtp.received.filter((r) => r.mail.subject === "Assigned to you: Scheduled notice")).toHaveLength(1);
  });

  it("a notice still waiting when the follow-up is reassigned again is skipped: only the current owner hears", async () => {
    const f = await create(v["admin@eeas.example"], { title: "Reminder: passed on twice", ownerOrganisationId: org.UNODC, ownerUserId: v["staff@unodc.example"].id });
    const again = await updateFollowUp(t.db, v["admin@eeas.example"], f.id, { version: f.version, ownerUserId: v["manager@unodc.example"].id });
    expect(again.ownerUserId).toBe(v["manager@unodc.example"].id);
    expect(await runReminders(t.db, { digests: false })).toEqual({ sent: 1, failed: 0, skipped: 0, digestsQueued: 0 });
    expect(smtp.received.map(to)).toEqual(["manager@unodc.example"]);
    expect((await outbox()).map((n) => n.status).sort()).toEqual(["sent", "skipped"]);
  });

  it("the digest lists the user's open follow-ups overdue and due within their days ahead, only those they may see; empty and unsubscribed ones are not sent", async () => {
    const admin = v["admin@eeas.example"];
    const mk = (title: string, values: Record<string, unknown>) => create(admin, { title, ownerOrganisationId: soloOrg, ...values });
    const overdue = await mk("Digest: overdue, theirs", { ownerUserId: solo.id, dueOn: day(-3) });
    const soon = await mk("Digest: due in 3 days, their organisation's", { dueOn: day(3) });
    await mk("Digest: due in 30 days", { ownerUserId: solo.id, dueOn: day(30) });
    await mk("Digest: done already", { ownerUserId: solo.id, dueOn: day(1), status: "done" });
    await mk("Digest: no due date", { ownerUserId: solo.id, dueOn: null });
    // Owned by their organisation, but on a restricted meeting they do not take part in: not for their eyes.
    const secret = await createMeeting(t.db, admin, meetingInput.parse({ title: "Restricted, EEAS only", heldOn: day(-10), format: "virtual", visibility: "restricted", hostOrganisationId: org.EEAS, participantOrganisationIds: [org.EEAS] }));
    await mk("Digest: restricted meeting", { meetingId: secret.id, dueOn: day(2) });
    // Someone else's: never in Rita's digest.
    await create(admin, { title: "Digest: EEAS one", dueOn: day(2) });
    await t.db.delete(notifications);
    await t.db.update(users).set({ digestFrequency: "daily" }).where(eq(users.id, solo.id));

    const run = await runReminders(t.db);
    expect(run).toMatchObject({ sent: 1, failed: 0, digestsQueued: 1 });
    expect(smtp.received.map(to)).toEqual(["rita.solo@rtu.example"]);
    const mail = smtp.received[0]!;
    expect(mail.mail.subject).toBe("Your follow-ups: 1 overdue, 1 due in the next 7 days");
    expect(followUpIdsIn(mail)).toEqual([overdue.id, soon.id].sort());
    expect(mail.mail.text).toMatch(/Overdue\n\n- Digest: overdue, theirs\n {2}Due: .* \(Overdue by 3 days\)/);
    expect(mail.mail.text).toContain(`${APP}/unsubscribe?token=${unsubscribeToken(solo.id, "digest")}`);
    expect(mail.mail.html).toContain(`href="${APP}/follow-ups/${soon.id}"`);

    // Same day: already sent. With 40 days ahead, tomorrow's digest adds the one due in 30 days.
    expect(await runReminders(t.db)).toMatchObject({ sent: 0, digestsQueued: 0 });
    await t.db.update(users).set({ digestDays: 40 }).where(eq(users.id, solo.id));
    smtp.received.length = 0;
    expect(await runReminders(t.db, { now: new Date(Date.now() + 86_400_000) })).toMatchObject({ sent: 1, digestsQueued: 1 });
    expect(followUpIdsIn(smtp.received[0]!)).toHaveLength(3);

    // Nothing due for a user: recorded as skipped, nothing sent. Deactivated: nothing at all.
    await t.db.update(followUps).set({ status: "done" }).where(eq(followUps.ownerOrganisationId, soloOrg));
    smtp.received.length = 0;
    expect(await runReminders(t.db, { now: new Date(Date.now() + 2 * 86_400_000) })).toMatchObject({ sent: 0, skipped: 1, digestsQueued: 0 });
    await t.db.update(followUps).set({ status: "open" }).where(eq(followUps.ownerOrganisationId, soloOrg));
    await t.db.update(users).set({ active: false }).where(eq(users.id, solo.id));
    expect(await runReminders(t.db, { now: new Date(Date.now() + 3 * 86_400_000) })).toMatchObject({ sent: 0, digestsQueued: 0 });
    expect(smtp.received).toEqual([]);
  });

  it("weekly is once per ISO week", async () => {
    await create(v["admin@eeas.example"], { title: "Weekly: due soon", ownerOrganisationId: soloOrg, dueOn: day(2) });
    await t.db.delete(notifications);
    await t.db.update(users).set({ digestFrequency: "weekly" }).where(eq(users.id, solo.id));
    const monday = new Date("2031-03-03T07:00:00Z");
    await runReminders(t.db, { now: monday, digests: true });
    await runReminders(t.db, { now: new Date("2031-03-09T20:00:00Z") }); // Sunday, same week
    await runReminders(t.db, { now: new Date("2031-03-10T07:00:00Z") }); // next Monday
    const keys = (await outbox()).filter((n) => n.userId === solo.id).map((n) => n.dedupeKey);
    expect(keys.sort()).toEqual([`digest:${solo.id}:2031-W10`, `digest:${solo.id}:2031-W11`]);
  });

  it("two runs at once send each message once", async () => {
    for (let i = 0; i < 6; i++) await create(v["admin@eeas.example"], { title: `Concurrent ${i}`, ownerOrganisationId: org.UNODC, ownerUserId: v["staff@unodc.example"].id });
    const [a, b] = await Promise.all([runReminders(t.db, { digests: false }), runReminders(t.db, { digests: false })]);
    expect(a.sent + b.sent).toBe(6);
    expect(smtp.received).toHaveLength(6);
    expect(new Set(smtp.received.map((r) => r.mail.subject)).size).toBe(6);
    expect(new Set(smtp.received.map((r) => r.mail.messageId)).size).toBe(6);
  });

  it("a refused recipient fails with a backoff and the error, then goes out on a later run; a server that is down fails the same way", async () => {
    const f = await create(v["admin@eeas.example"], { title: "Retry me", ownerOrganisationId: org.UNODC, ownerUserId: v["staff@unodc.example"].id });
    smtp.reject.add("staff@unodc.example");
    const t0 = new Date();
    expect(await runReminders(t.db, { now: t0, digests: false })).toEqual({ sent: 0, failed: 1, skipped: 0, digestsQueued: 0 });
    let [row] = await outbox();
    expect(row).toMatchObject({ status: "failed", attempts: 1, followUpId: f.id });
    expect(row!.lastError).toContain("Mailbox staff@unodc.example is unavailable");
    expect(row!.nextAttemptAt!.getTime()).toBe(t0.getTime() + 2 * 60_000);
    // Not yet due: the next run leaves it.
    expect(await runReminders(t.db, { now: new Date(t0.getTime() + 60_000), digests: false })).toMatchObject({ sent: 0, failed: 0 });
    // Still refused: the wait doubles.
    const t1 = new Date(t0.getTime() + 3 * 60_000);
    expect(await runReminders(t.db, { now: t1, digests: false })).toMatchObject({ failed: 1 });
    [row] = await outbox();
    expect(row).toMatchObject({ status: "failed", attempts: 2 });
    expect(row!.nextAttemptAt!.getTime()).toBe(t1.getTime() + 4 * 60_000);

    smtp.reject.clear();
    expect(await runReminders(t.db, { now: new Date(t1.getTime() + 5 * 60_000), digests: false })).toMatchObject({ sent: 1, failed: 0 });
    [row] = await outbox();
    expect(row).toMatchObject({ status: "sent", attempts: 3, lastError: null, nextAttemptAt: null });
    expect(smtp.received.map(to)).toEqual(["staff@unodc.example"]);

    // The SMTP server is down: the row fails with the connection error, nothing is lost.
    await create(v["admin@eeas.example"], { title: "Server down", ownerOrganisationId: org.UNODC, ownerUserId: v["staff@unodc.example"].id });
    process.env.SMTP_URL = "smtp://127.0.0.1:1";
    resetEnvForTests();
    try {
      expect(await runReminders(t.db, { digests: false })).toMatchObject({ sent: 0, failed: 1 });
    } finally {
      process.env.SMTP_URL = smtp.url;
      resetEnvForTests();
    }
    const down = (await outbox()).find((n) => n.subject.endsWith("Server down"))!;
    expect(down.status).toBe("failed");
    expect(down.lastError).toMatch(/ECONNREFUSED|connect/i);
  });

  it("a run that died after claiming a row: it is retried after the lease, with the same Message-ID", async () => {
    await create(v["admin@eeas.example"], { title: "Crashed mid-send", ownerOrganisationId: org.UNODC, ownerUserId: v["staff@unodc.example"].id });
    const now = new Date();
    const [claimed] = await claimDueNotifications(t.db, now);
    expect(claimed).toMatchObject({ status: "sending", attempts: 1 });
    // Within the lease no other run touches it.
    expect(await runReminders(t.db, { now: new Date(now.getTime() + 60_000), digests: false })).toMatchObject({ sent: 0 });
    expect(await runReminders(t.db, { now: new Date(now.getTime() + (LEASE_MINUTES + 1) * 60_000), digests: false })).toMatchObject({ sent: 1 });
    expect(smtp.received.map((r) => r.mail.messageId)).toEqual([claimed!.messageId]);
  });

  it("a user who turned assignment notices off, or was deactivated before the run, is skipped", async () => {
    await t.db.update(users).set({ assignmentNotices: false }).where(eq(users.id, v["staff@unodc.example"].id));
    await create(v["admin@eeas.example"], { title: "Not wanted", ownerOrganisationId: org.UNODC, ownerUserId: v["staff@unodc.example"].id });
    expect(await outbox()).toEqual([]);
    await t.db.update(users).set({ assignmentNotices: true }).where(eq(users.id, v["staff@unodc.example"].id));
    await create(v["admin@eeas.example"], { title: "Deactivated meanwhile", ownerOrganisationId: org.UNODC, ownerUserId: v["staff@unodc.example"].id });
    await t.db.update(users).set({ active: false }).where(eq(users.id, v["staff@unodc.example"].id));
    expect(await runReminders(t.db, { digests: false })).toEqual({ sent: 0, failed: 0, skipped: 1, digestsQueued: 0 });
    expect(smtp.received).toEqual([]);
  });

  it("unsubscribe tokens: a signed one unsubscribes from its kind only; a forged, altered or other-purpose one is refused and changes nothing", async () => {
    const id = v["staff@eeas.example"].id;
    await t.db.update(users).set({ digestFrequency: "weekly" }).where(eq(users.id, id));
    const good = unsubscribeToken(id, "digest");
    expect(readUnsubscribeToken(good)).toEqual({ userId: id, kind: "digest" });

    const [payload, signature] = good.split(".") as [string, string];
    const otherUser = Buffer.from(`${v["staff@unodc.example"].id}.digest`).toString("base64url");
    const otherKind = Buffer.from(`${id}.assignment`).toString("base64url");
    const forged = [`${otherUser}.${signature}`, `${otherKind}.${signature}`, `${payload}.${signature.slice(0, -2)}AA`, `${payload}.`, "nonsense", "", `${good}.x`];
    for (const token of forged) {
      expect(readUnsubscribeToken(token), token).toBeNull();
      const e = await thrown(() => unsubscribe(t.db, token));
      expect(e instanceof AppError && e.status === 400 && e.fields?.token, token).toBeTruthy();
    }
    const prefs = async () => (await t.db.select({ f: users.digestFrequency, a: users.assignmentNotices }).from(users).where(inArray(users.id, [id, v["staff@unodc.example"].id])).orderBy(users.email));
    expect(await prefs()).toEqual([{ f: "weekly", a: true }, { f: "never", a: true }]);

    expect(await unsubscribeTarget(t.db, good)).toMatchObject({ email: "staff@eeas.example", kind: "digest", subscribed: true });
    expect(await unsubscribe(t.db, good)).toEqual({ name: "Sofia Lindqvist", email: "staff@eeas.example", kind: "digest" });
    expect(await unsubscribe(t.db, good)).toMatchObject({ kind: "digest" }); // again: still fine, nothing more to do
    expect(await prefs()).toEqual([{ f: "never", a: true }, { f: "never", a: true }]);
    await unsubscribe(t.db, unsubscribeToken(id, "assignment"));
    const [after] = await t.db.select({ a: users.assignmentNotices }).from(users).where(and(eq(users.id, id)));
    expect(after!.a).toBe(false);
  });

  it("a notice e-mail (a mention) has one-click unsubscribe for its kind: the header and the footer link turn that kind's e-mail off, and a queued one is then skipped", async () => {
    const f = await create(v["admin@eeas.example"], { title: "Notice unsubscribe", ownerOrganisationId: org.UNODC });
    const marc = v["manager@eeas.example"];
    await t.db.update(users).set({ notificationMail: {} }).where(eq(users.id, marc.id));
    await t.db.delete(notifications);
    await addComment(t.db, v["manager@unodc.example"], f.id, "Marc, can you check?", { mentionedUserIds: [marc.id] });
    expect(await runReminders(t.db, { digests: false })).toMatchObject({ sent: 1, failed: 0 });
    const [received] = smtp.received;
    expect(to(received!)).toBe("manager@eeas.example");
    const token = unsubscribeToken(marc.id, "notice:mentioned");
    expect(readUnsubscribeToken(token)).toEqual({ userId: marc.id, kind: "notice:mentioned" });
    const headers = received!.raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, " ");
    expect(headers).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
    expect(headers).toContain(`List-Unsubscribe: <${APP}/api/v1/unsubscribe?token=${token}>`);
    expect(received!.mail.text).toContain(`Unsubscribe from e-mails when someone mentions you: ${APP}/unsubscribe?token=${token}`);
    expect(received!.mail.html).toContain(`${APP}/unsubscribe?token=${token}`);

    // A second mention is queued; then the one click (from the first mail) turns mention e-mails off.
    await addComment(t.db, v["manager@unodc.example"], f.id, "And this?", { mentionedUserIds: [marc.id] });
    expect(await unsubscribeTarget(t.db, token)).toMatchObject({ kind: "notice:mentioned", subscribed: true });
    expect(await unsubscribe(t.db, token)).toMatchObject({ email: "manager@eeas.example", kind: "notice:mentioned" });
    expect(await unsubscribeTarget(t.db, token)).toMatchObject({ subscribed: false });
    const modes = await getNotificationMail(t.db, marc);
    expect(modes.mentioned).toBe("never");
    expect(modes.assigned).toBe("immediately"); // the other kinds keep their choice
    expect(modes.commented).toBe("digest");
    expect(await runReminders(t.db, { digests: false })).toMatchObject({ sent: 0, skipped: 1 });
    expect(smtp.received).toHaveLength(1);
    // A token for a kind that does not exist, or with another user's id, is refused.
    const [, signature] = token.split(".") as [string, string];
    expect(readUnsubscribeToken(`${Buffer.from(`${marc.id}.notice:everything`).toString("base64url")}.${signature}`)).toBeNull();
    expect(readUnsubscribeToken(`${Buffer.from(`${v["staff@eeas.example"].id}.notice:mentioned`).toString("base64url")}.${signature}`)).toBeNull();
  });
});
