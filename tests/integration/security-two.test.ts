/**
 * Security and privacy, round two: each finding of the hostile test as a regression, on both
 * engines — the throttle that parallel guesses outran, sessions that outlived a password change or
 * a deactivation, restricted meeting ids that leaked or were dropped, a no-op PATCH that bumped
 * the version, crafted cursors and broken text that answered 500 — and the personal-data functions.
 */
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { briefing } from "@/db/queries/continuity";
import { getFollowUp, listFollowUps, updateFollowUp } from "@/db/queries/follow-ups";
import { createMeeting, getMeeting, listMeetings, updateMeeting } from "@/db/queries/meetings";
import { anonymiseUser, exportPersonalData, purgeExpired, setRetentionDays } from "@/db/queries/personal-data";
import { signInThrottle, startSession } from "@/db/queries/sessions";
import { changeOwnPassword, createUser, endSessionsFor, findUserByEmail, loadViewer, setPasswordWithToken, updateUser } from "@/db/queries/users";
import { activity, meetingReviews, notifications, users } from "@/db/schema";
import { briefingMarkdown } from "@/server/briefing";
import { AppError } from "@/lib/errors";
import type { Viewer } from "@/lib/policy";
import { checkCredentials } from "@/server/sign-in";
import { followUpFilters } from "@/lib/validation/follow-ups";
import { meetingFilters, meetingInput } from "@/lib/validation/meetings";
import { safeParseInput } from "@/lib/validation/common";
import { followUpInput } from "@/lib/validation/follow-ups";
import { engines, type TestDatabase } from "../support/databases";
import { type DemoEmail, demoViewers, meetingId, orgIds, thrown } from "../support/demo";

const limits = { idleMinutes: 60, maxHours: 12 };
const cursorOf = (values: unknown) => Buffer.from(JSON.stringify(values)).toString("base64url");

describe.each(engines)("security round two on $name", (engine) => {
  let t: TestDatabase;
  let v: Record<DemoEmail, Viewer>;

  beforeAll(async () => {
    t = await engine.open();
    v = await demoViewers(t.db);
  });
  afterAll(() => t?.close());

  const alive = async (sid: string, userId: string) => (await loadViewer(t.db, userId, { id: sid, ...limits })) !== null;
  /** A person of one's own, with a password, so other tests' accounts are left alone. */
  async function person(tag: string, password = "correct horse battery staple 42") {
    const org = await orgIds(t.db, ["EEAS"] as const);
    const { user, setPasswordPath } = await createUser(t.db, v["admin@eeas.example"], { name: `Test ${tag}`, email: `${tag}.${Date.now()}@eeas.example`, organisationId: org.EEAS, role: "staff" });
    await setPasswordWithToken(t.db, setPasswordPath.split("/").pop()!, password);
    return { ...user, password, viewer: async (sid?: string) => (await loadViewer(t.db, user.id, sid ? { id: sid, ...limits } : undefined))! };
  }

  it("checks at most the limit of 80 wrong passwords sent at once for one account", async () => {
    const p = await person("throttle");
    const outcomes = await Promise.all(Array.from({ length: 80 }, (_, i) => checkCredentials(t.db, { email: p.email, password: `wrong ${i}` }, `198.51.100.${i}`)));
    const checked = outcomes.filter((o) => "refused" in o && o.refused === "invalid").length;
    expect(checked).toBeLessThanOrEqual(signInThrottle.maxFailures);
    expect(outcomes.filter((o) => "refused" in o && o.refused === "throttled").length).toBe(80 - checked);
  });

  describe("sessions end", () => {
    it("on a password change: every other session, not this one", async () => {
      const p = await person("change");
      const [a, b] = [await startSession(t.db, p.id), await startSession(t.db, p.id)];
      const result = await changeOwnPassword(t.db, await p.viewer(a), { currentPassword: p.password, password: "another long passphrase 2026" });
      expect(result.otherSessionsEnded).toBe(1);
      expect(await alive(a, p.id)).toBe(true);
      expect(await alive(b, p.id)).toBe(false);
      const me = await p.viewer(a);
      const wrong = await thrown(() => changeOwnPassword(t.db, me, { currentPassword: "not it", password: "yet another long passphrase" }));
      expect((wrong as AppError).fields?.currentPassword).toBeTruthy();
    });

    it("on a set-password link: every session", async () => {
      const p = await person("link");
      const sid = await startSession(t.db, p.id);
      const { issuePasswordLink } = await import("@/db/queries/users");
      const { setPasswordPath } = await issuePasswordLink(t.db, v["admin@eeas.example"], p.id);
      await setPasswordWithToken(t.db, setPasswordPath.split("/").pop()!, "a brand new passphrase 77");
      expect(await alive(sid, p.id)).toBe(false);
    });

    it("on deactivation, for good: reactivating does not bring the old session back", async () => {
      const p = await person("deactivate");
      const sid = await startSession(t.db, p.id);
      const [row] = await t.db.select({ version: users.version }).from(users).where(eq(users.id, p.id));
      const off = await updateUser(t.db, v["admin@eeas.example"], p.id, { version: row!.version, active: false });
      await updateUser(t.db, v["admin@eeas.example"], p.id, { version: off.version, active: true });
      expect(await alive(sid, p.id)).toBe(false);
    });

    it("everywhere, by oneself or an admin; nobody else may", async () => {
      const p = await person("everywhere");
      const [a, b] = [await startSession(t.db, p.id), await startSession(t.db, p.id)];
      expect(await endSessionsFor(t.db, await p.viewer(a), p.id)).toEqual({ ended: 2 });
      expect([await alive(a, p.id), await alive(b, p.id)]).toEqual([false, false]);
      const c = await startSession(t.db, p.id);
      expect(((await thrown(() => endSessionsFor(t.db, v["manager@eeas.example"], p.id))) as AppError).status).toBe(403);
      expect(await alive(c, p.id)).toBe(true);
      await endSessionsFor(t.db, v["admin@eeas.example"], p.id);
      expect(await alive(c, p.id)).toBe(false);
    });
  });

  describe("restricted meetings a meeting reviews", () => {
    let reviewing: string;
    let restricted: string;
    let internal: string;
    beforeAll(async () => {
      restricted = await meetingId(t.db, "EU coordination ahead of the 17th SOM");
      internal = await meetingId(t.db, "EU–UNODC Africa Dialogue");
      const made = await createMeeting(t.db, v["admin@eeas.example"], meetingInput.parse({ title: "Stock-take of 2022", heldOn: "2022-12-01", format: "virtual", reviewedMeetingIds: [restricted, internal] }));
      reviewing = made.id;
    });

    it("are not named to someone who cannot see them, in the record or the list", async () => {
      const outsider = v["staff@unodc.example"];
      expect((await getMeeting(t.db, outsider, reviewing)).reviewedMeetingIds).toEqual([internal]);
      const listed = (await listMeetings(t.db, outsider, meetingFilters.parse({ limit: 200 }))).items.find((m) => m.id === reviewing);
      expect(listed?.reviewedMeetingIds).toEqual([internal]);
      expect((await getMeeting(t.db, v["admin@eeas.example"], reviewing)).reviewedMeetingIds.sort()).toEqual([restricted, internal].sort());
    });

    it("are kept when someone who cannot see them saves the list", async () => {
      const outsider = v["manager@unodc.example"];
      const admin = v["admin@eeas.example"];
      const before = await getMeeting(t.db, admin, reviewing);
      // An admin's meeting; the outsider may not edit it, so the admin lets UNODC's manager host… use the admin's own edit as an outsider would see it:
      const asOutsider = await getMeeting(t.db, outsider, reviewing);
      expect(asOutsider.reviewedMeetingIds).toEqual([internal]);
      // Saving what the outsider sees (as an editor who cannot see the restricted one).
      const editor: Viewer = { ...admin, role: "manager", relatedOrganisationIds: outsider.relatedOrganisationIds, subtreeOrganisationIds: outsider.subtreeOrganisationIds, id: admin.id };
      await updateMeeting(t.db, editor, reviewing, { version: before.version, reviewedMeetingIds: [] });
      const links = await t.db.select({ id: meetingReviews.reviewedMeetingId }).from(meetingReviews).where(eq(meetingReviews.meetingId, reviewing));
      expect(links.map((l) => l.id)).toEqual([restricted]);
    });

    it("are left out of a wide briefing's scope and its 'since' date", async () => {
      const b = await briefing(t.db, v["admin@eeas.example"], reviewing, { wide: true });
      expect(b.sources.every((s) => s.visibility === "internal")).toBe(true);
      expect(briefingMarkdown(b)).not.toContain("EU coordination ahead of the 17th SOM");
    });
  });

  it("a PATCH that changes nothing changes nothing, and needs no permission", async () => {
    const outsider = v["staff@unodc.example"];
    const { items } = await listFollowUps(t.db, v["admin@eeas.example"], followUpFilters.parse({ limit: 200 }));
    const someone = items.find((f) => f.meetingVisibility === "internal" && f.ownerOrganisationId !== outsider.organisationId && f.status === "open")!;
    const same = await updateFollowUp(t.db, outsider, someone.id, { version: someone.version, status: someone.status, title: someone.title });
    expect(same.version).toBe(someone.version);
    expect((await getFollowUp(t.db, outsider, someone.id)).updatedAt).toEqual(someone.updatedAt);
    // A real change is still refused.
    expect(((await thrown(() => updateFollowUp(t.db, outsider, someone.id, { version: someone.version, title: "Taken over" }))) as AppError).status).toBe(403);
  });

  describe("crafted input is a 400 naming the field", () => {
    it.each([["2024-02-30"], ["0000-01-01"], ["2024-13-01"]])("a meeting cursor with the date %s", async (date) => {
      const e = await thrown(() => listMeetings(t.db, v["admin@eeas.example"], meetingFilters.parse({ cursor: cursorOf([date, "5f0c6a5e-0000-4000-8000-000000000000"]) })));
      expect((e as AppError).status).toBe(400);
      expect((e as AppError).fields?.cursor).toBeTruthy();
    });

    it.each([
      [["due", "asc", "2024-02-30", "5f0c6a5e-0000-4000-8000-000000000000"], "due"],
      [["title", "asc", "a\u0000b", "5f0c6a5e-0000-4000-8000-000000000000"], "title"],
      [["title", "asc", "\ud800", "5f0c6a5e-0000-4000-8000-000000000000"], "title"],
      [["updated", "desc", "0000-01-01T00:00:00.000Z", "5f0c6a5e-0000-4000-8000-000000000000"], "updated"],
    ])("a follow-up cursor %j", async (values, sort) => {
      const filters = followUpFilters.parse({ sort, dir: values[1], cursor: cursorOf(values) });
      const e = await thrown(() => listFollowUps(t.db, v["admin@eeas.example"], filters));
      expect((e as AppError).status).toBe(400);
      expect((e as AppError).fields?.cursor).toBeTruthy();
    });

    it("a lone surrogate in a text field", () => {
      const parsed = safeParseInput(followUpInput, { title: "Broken \ud800 text", priorityAreaId: "5f0c6a5e-0000-4000-8000-000000000000", ownerOrganisationId: "5f0c6a5e-0000-4000-8000-000000000000" });
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0]?.path).toEqual(["title"]);
    });
  });

  describe("personal data", () => {
    it("exports everything about the person, and no secret", async () => {
      const p = await person("export");
      const sid = await startSession(t.db, p.id);
      const data = await exportPersonalData(t.db, await p.viewer(sid));
      expect(data.profile.email).toBe(p.email);
      expect(data.sessions).toEqual([expect.objectContaining({ current: true, endedAt: null })]);
      expect(data.changes.map((c) => c.action)).toContain("password_set");
      const text = JSON.stringify(data);
      expect(text).not.toContain("passwordHash");
      expect(text).not.toContain("$argon2");
      expect(text).not.toContain(sid);
    });

    it("anonymises a departed user for good; history stays, follow-ups stay with the organisation", async () => {
      const admin = v["admin@eeas.example"];
      const p = await person("departed");
      const sid = await startSession(t.db, p.id);
      const org = await orgIds(t.db, ["EEAS"] as const);
      const { createFollowUp } = await import("@/db/queries/follow-ups");
      const { areaId } = await import("../support/demo");
      const owned = await createFollowUp(t.db, admin, followUpInput.parse({ title: "Owned by the departed", priorityAreaId: await areaId(t.db, "drugs"), ownerOrganisationId: org.EEAS, ownerUserId: p.id }));
      const done = await anonymiseUser(t.db, admin, p.id);
      expect(done.name).toMatch(/^Former user \d+$/);
      const [row] = await t.db.select().from(users).where(eq(users.id, p.id));
      expect(row).toMatchObject({ name: done.name, active: false, passwordHash: null });
      expect(row?.email).not.toContain("departed");
      expect(await alive(sid, p.id)).toBe(false);
      expect(await checkCredentials(t.db, { email: p.email, password: p.password })).toEqual({ refused: "invalid" });
      const after = await getFollowUp(t.db, admin, owned.id);
      expect(after).toMatchObject({ ownerUserId: null, ownerOrganisationId: org.EEAS });
      const log = await t.db.select().from(activity).where(and(eq(activity.entityId, p.id), eq(activity.action, "anonymised")));
      expect(log).toEqual([expect.objectContaining({ actorId: admin.id })]);
      // Not undone, not reactivated.
      expect(((await thrown(() => anonymiseUser(t.db, admin, p.id))) as AppError).status).toBe(409);
      expect(((await thrown(() => updateUser(t.db, admin, p.id, { version: row!.version, active: true }))) as AppError).status).toBe(400);
      expect(await findUserByEmail(t.db, p.email)).toBeUndefined();
    });

    it("purges sign-in records and sent e-mails past the retention period, and records the purge", async () => {
      const admin = v["admin@eeas.example"];
      await setRetentionDays(t.db, admin, 30);
      const old = new Date(Date.now() - 40 * 86_400_000);
      await t.db.insert(activity).values({ actorId: null, entityType: "user", entityId: admin.id, action: "sign_in_failed", at: old, after: { email: "x@example.org" } });
      await t.db.insert(notifications).values({ kind: "digest", dedupeKey: `old-${Date.now()}`, userId: admin.id, toAddress: admin.email, subject: "Old", text: "", html: "", status: "sent", messageId: "<old@x>", createdAt: old });
      const purged = await purgeExpired(t.db);
      expect(purged.signInRecords).toBeGreaterThanOrEqual(1);
      expect(purged.emails).toBeGreaterThanOrEqual(1);
      const [recorded] = await t.db.select({ n: sql<number>`count(*)::int` }).from(activity).where(eq(activity.action, "retention_purge"));
      expect(recorded?.n).toBeGreaterThanOrEqual(1);
      const [left] = await t.db.select({ n: sql<number>`count(*)::int` }).from(activity).where(and(eq(activity.action, "sign_in_failed"), sql`${activity.at} < now() - interval '30 days'`));
      expect(left?.n).toBe(0);
      await setRetentionDays(t.db, admin, 365);
    });
  });
});
