/**
 * Continuity across a series: a follow-up's status as it was on a meeting's date (derived from the
 * activity history), "Since the previous meeting", the series figures, the briefing pack and the
 * per-organisation accountability view — each through the access policy.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accountability, asOfInstant, briefing, seriesStats, sinceThePreviousMeeting, statusesAsOf } from "@/db/queries/continuity";
import { createFollowUp, listFollowUps, updateFollowUp } from "@/db/queries/follow-ups";
import { createMeeting, getMeeting } from "@/db/queries/meetings";
import { followUps, meetings } from "@/db/schema";
import { eq } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import type { Viewer } from "@/lib/policy";
import { followUpInput } from "@/lib/validation/follow-ups";
import { meetingInput } from "@/lib/validation/meetings";
import { engines, type TestDatabase } from "../support/databases";
import { areaId, type DemoEmail, demoViewers, meetingId, orgIds, thrown } from "../support/demo";

describe.each(engines)("continuity on $name", (engine) => {
  let t: TestDatabase;
  let v: Record<DemoEmail, Viewer>;
  let m: Record<"som15" | "som16" | "som17" | "africa" | "prebrief17", string>;
  const id = async (title: string) => {
    const [row] = await t.db.select({ id: followUps.id }).from(followUps).where(eq(followUps.title, title));
    if (!row) throw new Error(`no follow-up ${title}`);
    return row.id;
  };

  beforeAll(async () => {
    t = await engine.open();
    v = await demoViewers(t.db);
    m = {
      som15: await meetingId(t.db, "15th EU–UNODC Senior Officials Meeting"),
      som16: await meetingId(t.db, "16th EU–UNODC Senior Officials Meeting"),
      som17: await meetingId(t.db, "17th EU–UNODC Senior Officials Meeting"),
      africa: await meetingId(t.db, "EU–UNODC Africa Dialogue"),
      prebrief17: await meetingId(t.db, "EU coordination ahead of the 17th SOM"),
    };
  });
  afterAll(async () => {
    await t?.close();
  });

  describe("status as of a date", () => {
    it("is the last change before the date, the first change's 'from' before any change, the current status without changes", async () => {
      const admin = v["admin@eeas.example"];
      const workingGroup = await id("Set up a working group on anti-money-laundering in West Africa");
      const support = await id("Support cybercrime legislation in the Western Balkans");
      const at = (day: string) => statusesAsOf(t.db, admin, [workingGroup, support], asOfInstant(day));
      expect(Object.fromEntries(await at("2021-03-03"))).toEqual({ [workingGroup]: "open", [support]: "open" });
      expect((await at("2021-12-31")).get(workingGroup)).toBe("in_progress");
      // The 16th SOM opened while it was blocked; it was restarted in June.
      expect((await at("2022-02-15")).get(workingGroup)).toBe("blocked");
      expect((await at("2030-01-01")).get(workingGroup)).toBe("in_progress");
    });

    it("counts a change on the meeting's day as after the meeting opened", async () => {
      const stock = await id("Take stock of the Africa Dialogue follow-up at the 16th SOM");
      const then = await statusesAsOf(t.db, v["admin@eeas.example"], [stock], asOfInstant("2022-02-15"));
      expect(then.get(stock)).toBe("in_progress");
    });

    it("follows changes made through the app, and leaves out what the viewer cannot see", async () => {
      const manager = v["manager@eeas.example"];
      const drugs = await areaId(t.db, "drugs");
      const org = await orgIds(t.db, ["EEAS"] as const);
      const made = await createFollowUp(t.db, manager, followUpInput.parse({ title: "As-of: a fresh one", meetingId: m.prebrief17, priorityAreaId: drugs, ownerOrganisationId: org.EEAS }));
      const before = new Date(Date.now() - 60_000).toISOString();
      const moved = await updateFollowUp(t.db, manager, made.id, { version: made.version, status: "in_progress" });
      await updateFollowUp(t.db, manager, made.id, { version: moved.version, status: "done" });
      const later = new Date(Date.now() + 60_000).toISOString();
      expect((await statusesAsOf(t.db, manager, [made.id], before)).get(made.id)).toBe("open");
      expect((await statusesAsOf(t.db, manager, [made.id], later)).get(made.id)).toBe("done");
      // A restricted EU meeting's follow-up: UNODC staff get nothing for it.
      expect((await statusesAsOf(t.db, v["staff@unodc.example"], [made.id], later)).size).toBe(0);
    });
  });

  describe("since the previous meeting", () => {
    it("lists the previous meeting of the series and the reviewed meetings, with the status then and now", async () => {
      const since = await sinceThePreviousMeeting(t.db, v["staff@unodc.example"], m.som16);
      expect(since.groups.map((g) => [g.meeting.id, g.meeting.reason])).toEqual([
        [m.som15, "previous"],
        [m.africa, "reviewed"],
      ]);
      const items = since.groups.flatMap((g) => g.items);
      const byTitle = new Map(items.map((i) => [i.title, i]));
      expect(byTitle.get("Set up a working group on anti-money-laundering in West Africa")).toMatchObject({ statusThen: "blocked", status: "in_progress" });
      expect(byTitle.get("Co-finance the Container Control Programme in East African ports")).toMatchObject({ statusThen: "in_progress", status: "done" });
      expect(byTitle.get("Joint statement for the CCPCJ thematic debate")).toMatchObject({ statusThen: "done", status: "done" });
      expect(byTitle.get("Take stock of the Africa Dialogue follow-up at the 16th SOM")).toMatchObject({ statusThen: "in_progress", status: "done" });
      expect(items.every((i) => i.meetingId === m.som15 || i.meetingId === m.africa)).toBe(true);
    });

    it("never shows a restricted meeting to an outsider", async () => {
      const eu = await sinceThePreviousMeeting(t.db, v["staff@eeas.example"], m.som17);
      expect(eu.groups.map((g) => g.meeting.id)).toEqual([m.som16, m.prebrief17]);
      const un = await sinceThePreviousMeeting(t.db, v["staff@unodc.example"], m.som17);
      expect(un.groups.map((g) => g.meeting.id)).toEqual([m.som16]);
    });

    it("records reviewed meetings on the meeting and refuses ones the viewer cannot see", async () => {
      const unodc = v["staff@unodc.example"];
      const made = await createMeeting(t.db, unodc, meetingInput.parse({ title: "Review test", heldOn: "2023-01-10", format: "virtual", reviewedMeetingIds: [m.africa] }));
      expect(made.reviewedMeetingIds).toEqual([m.africa]);
      const e = await thrown(() => createMeeting(t.db, unodc, meetingInput.parse({ title: "Review test 2", heldOn: "2023-01-10", format: "virtual", reviewedMeetingIds: [m.prebrief17] })));
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).fields?.reviewedMeetingIds).toBeTruthy();
      expect((await getMeeting(t.db, unodc, made.id)).reviewedMeetingIds).toEqual([m.africa]);
    });
  });

  describe("the series page", () => {
    it("counts made, closed, open and the median days to close per meeting and per priority area", async () => {
      const somSeries = (await getMeeting(t.db, v["admin@eeas.example"], m.som16)).seriesId as string;
      const stats = await seriesStats(t.db, v["staff@unodc.example"], somSeries);
      const som15 = stats.meetings.find((x) => x.id === m.som15);
      // Done on 20 May 2021 (78 days), 19 Nov 2021 (261) and 20 May 2022 (443): the median is 261.
      expect(som15?.totals).toEqual({ made: 6, closed: 4, done: 3, open: 2, overdue: 2, medianDaysToClose: 261 });
      expect(som15?.byPriorityArea.find((a) => a.priorityAreaName === "Corruption")).toMatchObject({ made: 1, done: 1, medianDaysToClose: 78 });
      expect(stats.meetings.map((x) => x.id)).toEqual([m.som17, m.som16, m.som15]);
    });

    it("leaves restricted meetings out of an outsider's figures", async () => {
      const admin = v["admin@eeas.example"];
      const somSeries = (await getMeeting(t.db, admin, m.som16)).seriesId as string;
      const org = await orgIds(t.db, ["DG HOME"] as const);
      const hidden = await createMeeting(t.db, admin, meetingInput.parse({ title: "Restricted series meeting", seriesId: somSeries, heldOn: "2022-06-01", format: "virtual", visibility: "restricted", participantOrganisationIds: [org["DG HOME"]] }));
      await createFollowUp(t.db, admin, followUpInput.parse({ title: "Hidden commitment", meetingId: hidden.id, priorityAreaId: await areaId(t.db, "drugs"), ownerOrganisationId: org["DG HOME"] }));
      const un = await seriesStats(t.db, v["staff@unodc.example"], somSeries);
      expect(un.meetings.map((x) => x.id)).not.toContain(hidden.id);
      const all = await seriesStats(t.db, admin, somSeries);
      expect(all.meetings.find((x) => x.id === hidden.id)?.totals.made).toBe(1);
      await t.db.update(meetings).set({ seriesId: null }).where(eq(meetings.id, hidden.id));
    });
  });

  describe("the briefing pack", () => {
    it("has the open items of the earlier meetings and what was completed since the previous one", async () => {
      const b = await briefing(t.db, v["staff@eeas.example"], m.som17);
      const open = b.open.map((f) => f.title);
      expect(open).toContain("Support cybercrime legislation in the Western Balkans");
      expect(open).toContain("Agree the EU position on synthetic drugs for the 17th SOM");
      expect(b.open.every((f) => f.status !== "done" && f.status !== "cancelled")).toBe(true);
      const completed = b.completed.map((f) => f.title);
      expect(completed).toContain("Co-finance the Container Control Programme in East African ports");
      expect(completed).not.toContain("Joint statement for the CCPCJ thematic debate");
    });

    it("leaves restricted meetings' items out for a wide audience, and always for outsiders", async () => {
      const wide = await briefing(t.db, v["staff@eeas.example"], m.som17, { wide: true });
      expect(wide.open.map((f) => f.title)).not.toContain("Agree the EU position on synthetic drugs for the 17th SOM");
      expect(wide.open.every((f) => f.meetingVisibility === "internal")).toBe(true);
      const un = await briefing(t.db, v["staff@unodc.example"], m.som17);
      expect(un.open.map((f) => f.title)).not.toContain("Agree the EU position on synthetic drugs for the 17th SOM");
    });
  });

  describe("the accountability view", () => {
    it("covers the organisation and its sub-units, with the on-time rate over done and overdue items with a due date", async () => {
      const admin = v["admin@eeas.example"];
      const org = await orgIds(t.db, ["UNODC"] as const);
      const a = await accountability(t.db, admin, org.UNODC);
      const units = a.units.map((u) => u.acronym);
      expect(units).toEqual(expect.arrayContaining(["UNODC", "ROSEN", "ROEA", "DPA"]));
      const all = (await listFollowUps(t.db, admin, { organisationId: org.UNODC, limit: 200 })).items;
      expect(a.totals.total).toBe(all.length);
      const day = (d: Date | null) => d?.toISOString().slice(0, 10) ?? "";
      const onTime = all.filter((f) => f.status === "done" && f.dueOn && day(f.completedAt) <= f.dueOn).length;
      const rated = all.filter((f) => f.dueOn && (f.status === "done" || f.overdue)).length;
      expect(a.totals.onTime).toBe(onTime);
      expect(a.totals.rated).toBe(rated);
      expect(a.totals.onTimeRate).toBeCloseTo(onTime / rated);
      expect(a.overdue.length).toBe(all.filter((f) => f.overdue).length);
    });

    it("does not count what the viewer cannot see", async () => {
      const org = await orgIds(t.db, ["DG HOME"] as const);
      const eu = await accountability(t.db, v["staff@eeas.example"], org["DG HOME"]);
      const un = await accountability(t.db, v["staff@unodc.example"], org["DG HOME"]);
      expect(eu.items.map((f) => f.title)).toContain("Agree the EU position on synthetic drugs for the 17th SOM");
      expect(un.items.map((f) => f.title)).not.toContain("Agree the EU position on synthetic drugs for the 17th SOM");
      expect(un.totals.total).toBe(eu.totals.total - 1);
    });
  });
});
