/**
 * Meetings as people find, log and edit them, and the access rules on the way: a restricted
 * meeting is invisible (404, not 403) to anyone whose organisation does not take part.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getFollowUp, listFollowUps } from "@/db/queries/follow-ups";
import { createMeeting, getMeeting, listMeetings, type Meeting, updateMeeting } from "@/db/queries/meetings";
import { listMeetingSeries } from "@/db/queries/reference";
import { activity, meetings, organisations } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { canSeeMeeting, type Viewer } from "@/lib/policy";
import type { MeetingFilters } from "@/lib/validation/meetings";
import { meetingInput, meetingPatch } from "@/lib/validation/meetings";
import { engines, type TestDatabase } from "../support/databases";
import {
  activityOf,
  allViewers,
  areaId,
  count,
  type DemoEmail,
  demoViewers,
  meetingId,
  orgIds,
  refuseMarkedActivity,
  refusedMarker,
  thrown,
  viewerFor,
} from "../support/demo";

const SOM16 = "16th EU–UNODC Senior Officials Meeting";
const AFRICA = "EU–UNODC Africa Dialogue";
const PREBRIEF = "EU coordination ahead of the 16th SOM"; // restricted to EU participants
const SOM15 = "15th EU–UNODC Senior Officials Meeting";
const SOM17 = "17th EU–UNODC Senior Officials Meeting"; // upcoming
const PREBRIEF17 = "EU coordination ahead of the 17th SOM"; // restricted to EU participants, ten days ago

describe.each(engines)("meetings on $name", (engine) => {
  let t: TestDatabase;
  let v: Record<DemoEmail, Viewer>;
  const acronyms = ["EEAS", "EC", "DG HOME", "UNODC", "ROSEN", "COCOL", "DG INTPA"] as const;
  let org: Record<(typeof acronyms)[number], string>;

  beforeAll(async () => {
    t = await engine.open();
    v = await demoViewers(t.db);
    org = await orgIds(t.db, acronyms);
  });
  afterAll(async () => {
    await t?.close();
  });

  const titles = async (viewer: Viewer, filters: MeetingFilters = {}) => (await listMeetings(t.db, viewer, filters)).items.map((m) => m.title);

  describe("finding a meeting", () => {
    it("lists the meetings newest first", async () => {
      expect(await titles(v["admin@eeas.example"])).toEqual([SOM17, PREBRIEF17, SOM16, PREBRIEF, AFRICA, SOM15]);
    });

    it("searches title, minutes and location, ignoring case", async () => {
      const admin = v["admin@eeas.example"];
      expect(await titles(admin, { q: "brussels" })).toEqual([SOM16]);
      // "Africa" is in the Africa Dialogue's title and in the 16th SOM's minutes: the title first.
      expect(await titles(admin, { q: "AFRICA" })).toEqual([AFRICA, SOM16]);
      expect(await titles(admin, { q: "Gulf of Guinea" })).toEqual([AFRICA]);
      expect(await titles(admin, { q: "no such words anywhere" })).toEqual([]);
    });

    it("ranks a search's whole words in the title first, then the newest, and pages on in that order", async () => {
      const admin = v["admin@eeas.example"];
      // The 17th SOM's summary mentions the 16th meeting; newest first put it above the 16th.
      expect(await titles(admin, { q: "16th" })).toEqual([SOM16, PREBRIEF, SOM17]);
      expect(await titles(admin, { q: "17th" })).toEqual([SOM17, PREBRIEF17]);
      // A word, not part of one: "SOM" is a word in the pre-briefs' titles, inside no word of the others'.
      expect((await titles(admin, { q: "som" })).slice(0, 2)).toEqual([PREBRIEF17, PREBRIEF]);
      // Regular-expression characters are taken literally.
      expect(await titles(admin, { q: "16th (" })).toEqual([]);
      const paged: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await listMeetings(t.db, admin, { q: "16th", limit: 1, cursor });
        paged.push(...page.items.map((m) => m.title));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(paged).toEqual([SOM16, PREBRIEF, SOM17]);
    });

    it("takes % and _ in a search literally", async () => {
      expect(await titles(v["admin@eeas.example"], { q: "%" })).toEqual([]);
      expect(await titles(v["admin@eeas.example"], { q: "_" })).toEqual([]);
    });

    it("filters by year, series, priority area and organisation", async () => {
      const admin = v["admin@eeas.example"];
      const som = (await listMeetingSeries(t.db)).find((s) => s.name === "EU–UNODC Senior Officials Meeting");
      expect(await titles(admin, { year: 2021 })).toEqual([AFRICA, SOM15]);
      expect(await titles(admin, { year: 2022 })).toEqual([SOM16, PREBRIEF]);
      expect(await titles(admin, { seriesId: som?.id })).toEqual([SOM17, SOM16, SOM15]);
      expect(await titles(admin, { priorityAreaId: await areaId(t.db, "afghanistan") })).toEqual([SOM17, SOM16, PREBRIEF, SOM15]);
      expect(await titles(admin, { priorityAreaId: await areaId(t.db, "maritime-crime") })).toEqual([SOM17, SOM16, AFRICA, SOM15]);
      expect(await titles(admin, { organisationId: org.COCOL })).toEqual([SOM16]);
      expect(await titles(admin, { organisationId: org["DG HOME"] })).toEqual([SOM17, PREBRIEF17, SOM16, PREBRIEF, SOM15]);
      // Hosting counts as taking part.
      expect(await titles(admin, { organisationId: org.UNODC })).toEqual([SOM17, SOM16, AFRICA, SOM15]);
      expect(await titles(admin, { year: 2022, q: "coordination" })).toEqual([PREBRIEF]);
    });

    it("refuses a page link that was tampered with, naming the cursor", async () => {
      for (const cursor of ["garbage", Buffer.from(JSON.stringify(["2022-02-15", "'; drop table meetings; --"])).toString("base64url")]) {
        const e = await thrown(() => listMeetings(t.db, v["admin@eeas.example"], { cursor }));
        expect(e).toBeInstanceOf(AppError);
        expect(e).toMatchObject({ code: "bad_request:cursor", status: 400, fields: { cursor: expect.any(String) } });
      }
    });
  });

  describe("a restricted meeting", () => {
    it("is not listed, found or searchable for staff and managers of an organisation that does not take part", async () => {
      for (const who of ["staff@unodc.example", "manager@unodc.example"] as const) {
        expect(await titles(v[who])).toEqual([SOM17, SOM16, AFRICA, SOM15]);
        expect(await titles(v[who], { q: "line-to-take" })).toEqual([]);
        const e = await thrown(async () => getMeeting(t.db, v[who], await meetingId(t.db, PREBRIEF)));
        expect(e).toBeInstanceOf(AppError);
        expect(e).toMatchObject({ code: "not_found:meeting", status: 404 });
      }
    });

    it("hides its follow-ups with it", async () => {
      const unodc = v["staff@unodc.example"];
      const prebrief = await meetingId(t.db, PREBRIEF);
      const { items } = await listFollowUps(t.db, unodc, { limit: 200 });
      expect(items.some((f) => f.meetingId === prebrief)).toBe(false);
      const [hidden] = (await listFollowUps(t.db, v["staff@eeas.example"], { meetingId: prebrief })).items;
      expect(hidden?.title).toBe("Prepare EU line-to-take on Afghanistan for the SOM");
      const e = await thrown(() => getFollowUp(t.db, unodc, hidden?.id ?? ""));
      expect(e).toMatchObject({ code: "not_found:follow_up", status: 404 });
    });

    it("is visible to its participants, to a child organisation of a participant's, and to admins", async () => {
      const prebrief = await meetingId(t.db, PREBRIEF);
      const jonas = await viewerFor(t.db, "jonas.weber@ec.example"); // DG HOME, a participant
      for (const viewer of [v["staff@eeas.example"], v["manager@eeas.example"], v["admin@eeas.example"], jonas]) {
        expect((await getMeeting(t.db, viewer, prebrief)).title).toBe(PREBRIEF);
        expect(await titles(viewer, { q: "line-to-take" })).toEqual([PREBRIEF]);
      }
    });

    it("cannot be edited by someone who cannot see it: 404, not 403", async () => {
      const e = await thrown(async () => updateMeeting(t.db, v["manager@unodc.example"], await meetingId(t.db, PREBRIEF), { version: 1, title: "Hijacked" }));
      expect(e).toMatchObject({ code: "not_found:meeting", status: 404 });
    });
  });

  describe("logging a meeting", () => {
    it("stores it with the host among the participants and records who logged it", async () => {
      const rahul = v["staff@unodc.example"];
      const created = await createMeeting(
        t.db,
        rahul,
        meetingInput.parse({
          title: "EU–UNODC consultation on the Strategic Vision for Latin America",
          heldOn: "2022-03-10",
          format: "virtual",
          hostOrganisationId: org.UNODC,
          participantOrganisationIds: [org.EEAS, org.COCOL],
          priorityAreaIds: [await areaId(t.db, "drugs"), await areaId(t.db, "drugs")],
          coChairs: ["UNODC Director for Policy Analysis and Public Affairs"],
        }),
      );
      expect(created).toMatchObject({ hostAcronym: "UNODC", createdById: rahul.id, version: 1, visibility: "internal" });
      expect([...created.participantOrganisationIds].sort()).toEqual([org.EEAS, org.COCOL, org.UNODC].sort());
      expect(created.priorityAreaIds).toEqual([await areaId(t.db, "drugs")]);
      const history = await activityOf(t.db, created.id);
      expect(history).toMatchObject([{ action: "created", actorId: rahul.id, entityType: "meeting" }]);
    });

    it("keeps a restricted meeting to the organisations taking part", async () => {
      const created = await createMeeting(
        t.db,
        v["staff@eeas.example"],
        meetingInput.parse({ title: "EU-only debrief", heldOn: "2022-02-16", format: "in_person", visibility: "restricted", participantOrganisationIds: [org.EEAS] }),
      );
      expect(await titles(v["staff@unodc.example"], { q: "EU-only debrief" })).toEqual([]);
      expect(await titles(v["manager@eeas.example"], { q: "EU-only debrief" })).toEqual(["EU-only debrief"]);
      await expect(getMeeting(t.db, v["staff@unodc.example"], created.id)).rejects.toMatchObject({ code: "not_found:meeting" });
    });

    it("refuses a restricted meeting its author could not see, naming the participants field", async () => {
      const before = await count(t.db, meetings);
      const e = await thrown(() =>
        createMeeting(t.db, v["staff@eeas.example"], meetingInput.parse({ title: "Not ours", heldOn: "2022-05-01", format: "virtual", visibility: "restricted", participantOrganisationIds: [org.UNODC] })),
      );
      expect(e).toMatchObject({ status: 400, fields: { participantOrganisationIds: expect.stringMatching(/your own organisation/) } });
      expect(await count(t.db, meetings)).toBe(before);
    });

    it.each([
      ["an unknown priority area", "priorityAreaIds", { priorityAreaIds: ["00000000-0000-4000-8000-000000000000"] }, /no such priority area/i],
      ["an unknown series", "seriesId", { seriesId: "00000000-0000-4000-8000-000000000000" }, /no such meeting series/i],
      ["an unknown host", "hostOrganisationId", { hostOrganisationId: "00000000-0000-4000-8000-000000000000" }, /no such organisation/i],
    ])("refuses %s with a 400 naming %s, and writes nothing", async (_what, field, change, message) => {
      const [meetingsBefore, activityBefore] = [await count(t.db, meetings), await count(t.db, activity)];
      const e = await thrown(() => createMeeting(t.db, v["staff@eeas.example"], meetingInput.parse({ title: "Bad references", heldOn: "2022-05-01", format: "virtual", ...change })));
      expect(e).toBeInstanceOf(AppError);
      expect(e).toMatchObject({ code: "bad_request:reference", status: 400, fields: { [field]: expect.stringMatching(message) } });
      expect(await count(t.db, meetings)).toBe(meetingsBefore);
      expect(await count(t.db, activity)).toBe(activityBefore);
    });

    it("refuses an archived organisation as a new participant, naming the field", async () => {
      const [archived] = await t.db.insert(organisations).values({ name: "Former liaison office", acronym: "OLD", kind: "eu", archived: true }).returning();
      const before = await count(t.db, meetings);
      const e = await thrown(() =>
        createMeeting(t.db, v["staff@eeas.example"], meetingInput.parse({ title: "With an archived org", heldOn: "2022-05-01", format: "virtual", participantOrganisationIds: [archived?.id] })),
      );
      expect(e).toMatchObject({ code: "bad_request:reference", status: 400, fields: { participantOrganisationIds: expect.stringMatching(/archived/) } });
      expect(await count(t.db, meetings)).toBe(before);
    });

    it("writes the meeting and its activity record together or not at all", async () => {
      await refuseMarkedActivity(t.db);
      const title = `Meeting whose activity is refused ${refusedMarker}`;
      await expect(createMeeting(t.db, v["staff@eeas.example"], meetingInput.parse({ title, heldOn: "2022-05-01", format: "virtual" }))).rejects.toThrow();
      expect(await t.db.select().from(meetings).where(eq(meetings.title, title))).toEqual([]);
    });
  });

  describe("editing a meeting", () => {
    async function freshMeeting(author: Viewer, extra: Record<string, unknown> = {}) {
      return createMeeting(
        t.db,
        author,
        meetingInput.parse({ title: "Expert group on maritime crime", heldOn: "2022-06-01", format: "in_person", location: "Vienna", hostOrganisationId: org.UNODC, summary: "First draft.", ...extra }),
      );
    }

    it("writes the change, bumps the version and records each changed field with before and after", async () => {
      const rahul = v["staff@unodc.example"];
      const m = await freshMeeting(rahul);
      const updated = await updateMeeting(t.db, rahul, m.id, { version: 1, title: "Expert group on maritime crime (2nd)", summary: "Agreed minutes.", location: "Vienna" });
      expect(updated).toMatchObject({ title: "Expert group on maritime crime (2nd)", summary: "Agreed minutes.", version: 2 });
      const changes = (await activityOf(t.db, m.id)).filter((a) => a.action === "updated");
      expect(changes.map((c) => [c.field, c.before, c.after, c.actorId])).toEqual([
        ["title", "Expert group on maritime crime", "Expert group on maritime crime (2nd)", rahul.id],
        ["summary", "First draft.", "Agreed minutes.", rahul.id],
      ]);
    });

    it("refuses a stale version with a conflict, changing and recording nothing", async () => {
      const rahul = v["staff@unodc.example"];
      const m = await freshMeeting(rahul);
      await updateMeeting(t.db, rahul, m.id, { version: 1, location: "Vienna International Centre" });
      const historyBefore = await activityOf(t.db, m.id);
      const e = await thrown(() => updateMeeting(t.db, rahul, m.id, { version: 1, location: "Online" }));
      expect(e).toBeInstanceOf(AppError);
      expect(e).toMatchObject({ code: "conflict:meeting", status: 409 });
      expect((e as Error).message).toMatch(/version 2/);
      expect(await getMeeting(t.db, rahul, m.id)).toMatchObject({ location: "Vienna International Centre", version: 2 });
      expect(await activityOf(t.db, m.id)).toEqual(historyBefore);
    });

    //  who                        the meeting was logged by UNODC staff and is hosted by UNODC   allowed
    it.each([
      ["the staff member who logged it", "staff@unodc.example", true],
      ["a manager of the host organisation", "manager@unodc.example", true],
      ["an admin", "admin@eeas.example", true],
      ["a manager of another organisation", "manager@eeas.example", false],
      ["staff of another organisation", "staff@eeas.example", false],
    ] as const)("may be done by %s → %s", async (_who, email, allowed) => {
      const m = await freshMeeting(v["staff@unodc.example"]);
      const attempt = updateMeeting(t.db, v[email], m.id, { version: 1, summary: `Edited by ${email}` });
      if (allowed) {
        await expect(attempt).resolves.toMatchObject({ summary: `Edited by ${email}`, version: 2 });
      } else {
        await expect(attempt).rejects.toMatchObject({ code: "forbidden:meeting", status: 403 });
        expect(await getMeeting(t.db, v[email], m.id)).toMatchObject({ summary: "First draft.", version: 1 });
      }
    });

    it("refuses an unknown priority area, naming the field, and changes nothing", async () => {
      const rahul = v["staff@unodc.example"];
      const m = await freshMeeting(rahul);
      const e = await thrown(() => updateMeeting(t.db, rahul, m.id, { version: 1, title: "Renamed", priorityAreaIds: ["00000000-0000-4000-8000-000000000000"] }));
      expect(e).toMatchObject({ code: "bad_request:reference", status: 400, fields: { priorityAreaIds: expect.any(String) } });
      expect(await getMeeting(t.db, rahul, m.id)).toMatchObject({ title: "Expert group on maritime crime", version: 1 });
      expect(await activityOf(t.db, m.id)).toHaveLength(1);
    });

    it("writes the change and its activity record together or not at all", async () => {
      await refuseMarkedActivity(t.db);
      const rahul = v["staff@unodc.example"];
      const m = await freshMeeting(rahul);
      await expect(updateMeeting(t.db, rahul, m.id, { version: 1, title: `Renamed ${refusedMarker}` })).rejects.toThrow();
      expect(await getMeeting(t.db, rahul, m.id)).toMatchObject({ title: "Expert group on maritime crime", version: 1 });
    });

    it("replaces the participants, keeping the host among them", async () => {
      const rahul = v["staff@unodc.example"];
      const m = await freshMeeting(rahul, { participantOrganisationIds: [org.EEAS] });
      const updated = await updateMeeting(t.db, rahul, m.id, { version: 1, participantOrganisationIds: [org.ROSEN] });
      expect([...updated.participantOrganisationIds].sort()).toEqual([org.ROSEN, org.UNODC].sort());
      const [change] = (await activityOf(t.db, m.id)).filter((a) => a.field === "participantOrganisationIds");
      expect(change?.before).toEqual([org.EEAS, org.UNODC].sort());
      expect(change?.after).toEqual([org.ROSEN, org.UNODC].sort());
    });

    // The edit form sends only what changed; the action parses it with meetingPatch. A default filled
    // in there would make the meeting internal, drop its participants and wipe its minutes.
    it("renaming a restricted meeting through the edit schema keeps it restricted, with its minutes", async () => {
      const sofia = v["staff@eeas.example"];
      const m = await createMeeting(
        t.db,
        sofia,
        meetingInput.parse({ title: "EU line before the CND", heldOn: "2022-03-01", format: "virtual", visibility: "restricted", participantOrganisationIds: [org.EEAS], summary: "Confidential." }),
      );
      const renamed = await updateMeeting(t.db, sofia, m.id, meetingPatch.parse({ version: 1, title: "EU line before the 65th CND" }));
      expect(renamed).toMatchObject({ title: "EU line before the 65th CND", visibility: "restricted", summary: "Confidential." });
      await expect(getMeeting(t.db, v["staff@unodc.example"], m.id)).rejects.toMatchObject({ code: "not_found:meeting" });
    });

    it("lets exactly one of several simultaneous edits of the same version through", async () => {
      const rahul = v["staff@unodc.example"];
      const m = await freshMeeting(rahul);
      const results = await Promise.allSettled(
        Array.from({ length: 8 }, (_, i) => updateMeeting(t.db, rahul, m.id, { version: 1, summary: `Version by editor ${i}` })),
      );
      const won = results.filter((r) => r.status === "fulfilled");
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
      expect(won).toHaveLength(1);
      expect(lost.map((r) => (r.reason as AppError).code)).toEqual(Array(7).fill("conflict:meeting"));
      const changes = (await activityOf(t.db, m.id)).filter((a) => a.field === "summary");
      expect(changes).toHaveLength(1);
      expect(await getMeeting(t.db, rahul, m.id)).toMatchObject({ version: 2, summary: changes[0]?.after });
    });
  });

  describe("what the list shows and what the policy allows", () => {
    beforeAll(async () => {
      // Restricted meetings at different places in the organisation trees.
      const admin = v["admin@eeas.example"];
      const restricted = (title: string, host: string | null, participants: string[]) =>
        createMeeting(t.db, admin, meetingInput.parse({ title, heldOn: "2022-07-01", format: "virtual", visibility: "restricted", hostOrganisationId: host, participantOrganisationIds: participants }));
      await restricted("Hosted by DG HOME alone", org["DG HOME"], []);
      await restricted("A field office with Colombia", org.ROSEN, [org.COCOL]);
      await restricted("Commission-wide", null, [org.EC]);
      await restricted("DG INTPA only", null, [org["DG INTPA"]]);
    });

    it("agree for every meeting and every user", async () => {
      const everything: Meeting[] = (await listMeetings(t.db, v["admin@eeas.example"], { limit: 200 })).items;
      expect(everything.length).toBeGreaterThan(10);
      const hiddenFromSomeone = new Set<string>();
      for (const viewer of await allViewers(t.db)) {
        const listed = (await listMeetings(t.db, viewer, { limit: 200 })).items.map((m) => m.id).sort();
        const allowed = everything.filter((m) => canSeeMeeting(viewer, m)).map((m) => m.id).sort();
        expect(listed, `${viewer.email} (${viewer.role})`).toEqual(allowed);
        for (const m of everything) {
          if (!allowed.includes(m.id)) hiddenFromSomeone.add(m.id);
          const found = await getMeeting(t.db, viewer, m.id).then(() => true, () => false);
          expect(found, `${viewer.email} opening "${m.title}"`).toBe(allowed.includes(m.id));
        }
      }
      // The check above means something only if some meetings are hidden from some people.
      expect(hiddenFromSomeone.size).toBeGreaterThanOrEqual(5);
    });
  });

  describe("paging through the list", () => {
    beforeAll(async () => {
      // Several meetings on one day, so the order must fall back on the id.
      for (const n of [1, 2, 3, 4]) {
        await createMeeting(t.db, v["staff@eeas.example"], meetingInput.parse({ title: `Working group session ${n}`, heldOn: "2022-09-20", format: "virtual" }));
      }
    });

    it.each(["admin@eeas.example", "staff@unodc.example"] as const)("walks every meeting once, one at a time, as %s", async (email) => {
      const viewer = v[email];
      const all = (await listMeetings(t.db, viewer, { limit: 200 })).items.map((m) => m.id);
      const walked: string[] = [];
      let cursor: string | undefined;
      for (let page = 0; page <= all.length; page++) {
        const { items, nextCursor } = await listMeetings(t.db, viewer, { limit: 1, cursor });
        walked.push(...items.map((m) => m.id));
        if (!nextCursor) break;
        cursor = nextCursor;
      }
      expect(walked).toEqual(all);
      expect(new Set(walked).size).toBe(walked.length);
    });

    it("gives pages that do not overlap and end with no next page", async () => {
      const admin = v["admin@eeas.example"];
      const first = await listMeetings(t.db, admin, { limit: 3, q: "Working group session" });
      expect(first.items).toHaveLength(3);
      expect(first.nextCursor).toEqual(expect.any(String));
      const second = await listMeetings(t.db, admin, { limit: 3, q: "Working group session", cursor: first.nextCursor ?? undefined });
      expect(second.items).toHaveLength(1);
      expect(second.nextCursor).toBeNull();
      const ids = [...first.items, ...second.items].map((m) => m.id);
      expect(new Set(ids).size).toBe(4);
    });
  });
});
