/**
 * Follow-ups as the people in the access table use them: staff move their own along, managers
 * reassign, re-date and cancel within their part of the organisation, and nothing is lost when
 * two people edit at once.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  addComment,
  createFollowUp,
  followUpActivity,
  getFollowUp,
  type FollowUp,
  listComments,
  listFollowUps,
  listMeetingFollowUps,
  updateFollowUp,
} from "@/db/queries/follow-ups";
import { activity, followUps, organisations, users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { Viewer } from "@/lib/policy";
import { type FollowUpFilters, followUpInput, followUpPatch } from "@/lib/validation/follow-ups";
import { engines, type TestDatabase } from "../support/databases";
import {
  activityOf,
  areaId,
  count,
  type DemoEmail,
  demoViewers,
  followUpRow,
  meetingId,
  orgIds,
  refuseMarkedActivity,
  refusedMarker,
  thrown,
  viewerFor,
} from "../support/demo";

const unknownId = "00000000-0000-4000-8000-000000000000";

describe.each(engines)("follow-ups on $name", (engine) => {
  let t: TestDatabase;
  let v: Record<DemoEmail, Viewer>;
  const acronyms = ["EEAS", "EC", "DG HOME", "UNODC", "ROSEN", "COCOL"] as const;
  let org: Record<(typeof acronyms)[number], string>;
  let drugs: string;
  let som16: string;

  beforeAll(async () => {
    t = await engine.open();
    v = await demoViewers(t.db);
    org = await orgIds(t.db, acronyms);
    drugs = await areaId(t.db, "drugs");
    som16 = await meetingId(t.db, "16th EU–UNODC Senior Officials Meeting");
  });
  afterAll(async () => {
    await t?.close();
  });

  const titles = async (viewer: Viewer, filters: FollowUpFilters = {}) =>
    (await listFollowUps(t.db, viewer, { limit: 200, ...filters })).items.map((f) => f.title).sort();

  /** A new follow-up from the 16th SOM, owned by `owner`, recorded by an admin. */
  async function fresh(owner: (typeof acronyms)[number], extra: Record<string, unknown> = {}): Promise<FollowUp> {
    return createFollowUp(
      t.db,
      v["admin@eeas.example"],
      followUpInput.parse({ title: "Circulate the draft joint work plan", meetingId: som16, priorityAreaId: drugs, ownerOrganisationId: org[owner], dueOn: "2031-03-31", ...extra }),
    );
  }

  async function expectRefused(attempt: Promise<unknown>, code: string, status: number) {
    const e = await thrown(() => attempt);
    expect(e).toBeInstanceOf(AppError);
    expect(e).toMatchObject({ code, status });
    return e as AppError;
  }

  /** The row as stored, and its history: what a refused change must leave untouched. */
  const snapshot = async (id: string) => ({
    row: (await t.db.select().from(followUps).where(eq(followUps.id, id)))[0],
    history: await activityOf(t.db, id),
  });

  describe("finding follow-ups", () => {
    const overdue = [
      "Extend the Global Maritime Crime Programme to the Gulf of Guinea ports",
      "Joint maritime security workshop for the Indian Ocean",
      "Map EU funding for anti-money-laundering work in West Africa",
      "Set up a working group on anti-money-laundering in West Africa",
      "Share the joint assessment of drug trafficking routes from Afghanistan",
      "Support cybercrime legislation in the Western Balkans",
      "Update the counterterrorism cooperation roadmap for Central Asia",
    ];

    it("derives overdue: due before today and neither done nor cancelled", async () => {
      const admin = v["admin@eeas.example"];
      expect(await titles(admin, { overdue: true })).toEqual(overdue);
      const notOverdue = (await listFollowUps(t.db, admin, { overdue: false, limit: 200 })).items;
      expect(notOverdue).toHaveLength(30 - overdue.length);
      expect(notOverdue.every((f) => !f.overdue)).toBe(true);
      // Long past due, but done: not overdue.
      expect(notOverdue.map((f) => f.title)).toContain("Report on the UNGASS drug policy commitments follow-up");
    });

    it("filters by one or several statuses, within what the viewer may see", async () => {
      const closed = ["done", "cancelled"] as const;
      expect(await titles(v["admin@eeas.example"], { status: [...closed] })).toHaveLength(17);
      // The EU-only pre-brief's done follow-up is not among UNODC's.
      expect(await titles(v["staff@unodc.example"], { status: [...closed] })).toHaveLength(16);
      expect(await titles(v["staff@unodc.example"], { status: "blocked" })).toEqual([
        "Joint maritime security workshop for the Indian Ocean",
        "Map EU funding for anti-money-laundering work in West Africa",
      ]);
    });

    it("shows 'mine': owned by the viewer or by their organisation", async () => {
      expect(await titles(v["staff@unodc.example"], { mine: true })).toEqual([
        "Exchange on youth crime-prevention programmes",
        "Extend the Global Maritime Crime Programme to the Gulf of Guinea ports",
        "Involve youth networks in the Education for Justice initiative",
        "Share the joint assessment of drug trafficking routes from Afghanistan",
      ]);
    });

    it("shows a follow-up agreed by e-mail, without a meeting, to everyone", async () => {
      for (const viewer of Object.values(v)) {
        expect(await titles(viewer, { q: "press release" })).toEqual(["Send the SOM joint press release to the Delegations"]);
      }
    });

    it("lists a meeting's follow-ups by due date", async () => {
      const africa = await listMeetingFollowUps(t.db, v["admin@eeas.example"], await meetingId(t.db, "EU–UNODC Africa Dialogue"));
      expect(africa.map((f) => f.ownerOrganisationAcronym)).toEqual(["ROSEN", "ROEA"]);
    });

    it("walks every follow-up once, one at a time, the undated ones last", async () => {
      await fresh("EEAS", { title: "Undated follow-up A", dueOn: null });
      await fresh("EEAS", { title: "Undated follow-up B", dueOn: null });
      const viewer = v["staff@unodc.example"];
      const all = (await listFollowUps(t.db, viewer, { limit: 200 })).items.map((f) => f.id);
      const walked: string[] = [];
      let cursor: string | undefined;
      for (let page = 0; page <= all.length; page++) {
        const { items, nextCursor } = await listFollowUps(t.db, viewer, { limit: 1, cursor });
        walked.push(...items.map((f) => f.id));
        if (!nextCursor) break;
        cursor = nextCursor;
      }
      expect(walked).toEqual(all);
      expect(new Set(walked).size).toBe(all.length);
      const last = (await listFollowUps(t.db, viewer, { limit: 200 })).items.slice(-2);
      expect(last.map((f) => f.dueOn)).toEqual([null, null]);
    });
  });

  describe("moving a follow-up along", () => {
    it("lets staff of the owner organisation change its status, and records it", async () => {
      const rahul = v["staff@unodc.example"];
      const f = await fresh("UNODC");
      const updated = await updateFollowUp(t.db, rahul, f.id, { version: 1, status: "in_progress" });
      expect(updated).toMatchObject({ status: "in_progress", version: 2, completedAt: null });
      const [change] = (await activityOf(t.db, f.id)).filter((a) => a.action === "updated");
      expect(change).toMatchObject({ actorId: rahul.id, field: "status", before: "open", after: "in_progress" });
    });

    it("sets completedAt when done and clears it when reopened", async () => {
      const rahul = v["staff@unodc.example"];
      const f = await fresh("UNODC", { dueOn: "2020-01-31" });
      expect(f.overdue).toBe(true);
      const done = await updateFollowUp(t.db, rahul, f.id, { version: 1, status: "done" });
      expect(done.completedAt).toBeInstanceOf(Date);
      expect(Date.now() - (done.completedAt?.getTime() ?? 0)).toBeLessThan(60_000);
      expect(done.overdue).toBe(false);
      const reopened = await updateFollowUp(t.db, rahul, f.id, { version: 2, status: "open" });
      expect(reopened).toMatchObject({ status: "open", completedAt: null, overdue: true, version: 3 });
      expect((await activityOf(t.db, f.id)).filter((a) => a.field === "status").map((a) => [a.before, a.after])).toEqual([
        ["open", "done"],
        ["done", "open"],
      ]);
    });

    it("lets the person who owns it change it even when their organisation does not", async () => {
      const sofia = v["staff@eeas.example"];
      const f = await fresh("UNODC", { ownerUserId: sofia.id });
      await expect(updateFollowUp(t.db, sofia, f.id, { version: 1, status: "blocked" })).resolves.toMatchObject({ status: "blocked" });
    });

    it("refuses staff of another organisation (403), changing and recording nothing", async () => {
      const f = await fresh("UNODC");
      const before = await snapshot(f.id);
      const e = await expectRefused(updateFollowUp(t.db, v["staff@eeas.example"], f.id, { version: 1, status: "done" }), "forbidden:follow_up", 403);
      expect(e.message).toMatch(/you or your organisation own/);
      await expectRefused(updateFollowUp(t.db, v["staff@eeas.example"], f.id, { version: 1, title: "Renamed by a stranger" }), "forbidden:follow_up", 403);
      expect(await snapshot(f.id)).toEqual(before);
    });

    it("lets any manager who can see it change its status", async () => {
      const f = await fresh("UNODC");
      await expect(updateFollowUp(t.db, v["manager@eeas.example"], f.id, { version: 1, status: "in_progress" })).resolves.toMatchObject({ status: "in_progress" });
    });

    it.each([
      ["cancel it", { status: "cancelled" as const }],
      ["re-date it", { dueOn: "2032-01-01" }],
      ["hand it to another organisation in their tree", { ownerOrganisationId: "ROSEN" as const }],
      ["name a person as its owner", { ownerUserId: "staff@unodc.example" }],
    ])("does not let staff %s, even their own (403)", async (_what, change) => {
      const rahul = v["staff@unodc.example"];
      const f = await fresh("UNODC");
      const before = await snapshot(f.id);
      const patch = {
        ...change,
        ...("ownerOrganisationId" in change ? { ownerOrganisationId: org[change.ownerOrganisationId] } : {}),
        ...("ownerUserId" in change ? { ownerUserId: rahul.id } : {}),
      };
      await expectRefused(updateFollowUp(t.db, rahul, f.id, { version: 1, ...patch }), "forbidden:follow_up", 403);
      expect(await snapshot(f.id)).toEqual(before);
    });

    it("writes the change and its activity record together or not at all", async () => {
      await refuseMarkedActivity(t.db);
      const f = await fresh("UNODC");
      await expect(updateFollowUp(t.db, v["staff@unodc.example"], f.id, { version: 1, title: `Renamed ${refusedMarker}` })).rejects.toThrow();
      expect((await snapshot(f.id)).row).toMatchObject({ title: f.title, version: 1 });
    });

    // The edit form and the status control send only what changed; the action parses it with
    // followUpPatch. A default filled in there would reopen the follow-up or wipe its description.
    it("renaming an in-progress follow-up through the edit schema leaves its status, priority and description", async () => {
      const f = await fresh("UNODC", { status: "in_progress", priority: "high", description: "Draft with DPA." });
      const renamed = await updateFollowUp(t.db, v["staff@unodc.example"], f.id, followUpPatch.parse({ version: 1, title: "Circulate the joint work plan" }));
      expect(renamed).toMatchObject({ title: "Circulate the joint work plan", status: "in_progress", priority: "high", description: "Draft with DPA." });
    });

    it("changing the status through the edit schema leaves the description and priority", async () => {
      const f = await fresh("UNODC", { priority: "high", description: "Draft with DPA." });
      const done = await updateFollowUp(t.db, v["staff@unodc.example"], f.id, followUpPatch.parse({ version: 1, status: "done" }));
      expect(done).toMatchObject({ status: "done", priority: "high", description: "Draft with DPA." });
    });
  });

  describe("managing follow-ups", () => {
    it("lets a manager reassign within their organisation's subtree, and records before and after", async () => {
      const amina = v["manager@unodc.example"];
      const f = await fresh("UNODC");
      const moved = await updateFollowUp(t.db, amina, f.id, { version: 1, ownerOrganisationId: org.ROSEN });
      expect(moved).toMatchObject({ ownerOrganisationAcronym: "ROSEN", version: 2 });
      const [change] = (await activityOf(t.db, f.id)).filter((a) => a.field === "ownerOrganisationId");
      expect(change).toMatchObject({ actorId: amina.id, before: org.UNODC, after: org.ROSEN });
    });

    it("refuses a manager who hands a follow-up outside their subtree (403), changing nothing", async () => {
      const f = await fresh("ROSEN");
      const before = await snapshot(f.id);
      await expectRefused(updateFollowUp(t.db, v["manager@unodc.example"], f.id, { version: 1, ownerOrganisationId: org.EEAS }), "forbidden:follow_up", 403);
      expect(await snapshot(f.id)).toEqual(before);
    });

    it("refuses a manager who reassigns, re-dates or cancels another organisation's follow-up", async () => {
      const f = await fresh("UNODC");
      const before = await snapshot(f.id);
      const marc = v["manager@eeas.example"];
      for (const patch of [{ ownerOrganisationId: org.EEAS }, { dueOn: "2032-01-01" }, { status: "cancelled" as const }]) {
        await expectRefused(updateFollowUp(t.db, marc, f.id, { version: 1, ...patch }), "forbidden:follow_up", 403);
      }
      expect(await snapshot(f.id)).toEqual(before);
    });

    it("lets a manager re-date and cancel in their subtree, and an admin reopen", async () => {
      const amina = v["manager@unodc.example"];
      const f = await fresh("ROSEN");
      await updateFollowUp(t.db, amina, f.id, { version: 1, dueOn: "2031-06-30" });
      const cancelled = await updateFollowUp(t.db, amina, f.id, { version: 2, status: "cancelled" });
      expect(cancelled).toMatchObject({ dueOn: "2031-06-30", status: "cancelled", completedAt: null });
      // Reopening a cancelled follow-up is managing too: staff of the owner may not.
      const mensah = await viewerFor(t.db, "k.mensah@unodc.example");
      await expectRefused(updateFollowUp(t.db, mensah, f.id, { version: 3, status: "open" }), "forbidden:follow_up", 403);
      await expect(updateFollowUp(t.db, v["admin@eeas.example"], f.id, { version: 3, status: "open", ownerOrganisationId: org.EEAS })).resolves.toMatchObject({
        status: "open",
        ownerOrganisationAcronym: "EEAS",
      });
    });

    it("refuses an archived organisation or an inactive person as the new owner, naming the field", async () => {
      const [archived] = await t.db.insert(organisations).values({ name: "Closed project office", acronym: "CPO", kind: "un", parentId: org.UNODC, archived: true }).returning();
      const [gone] = await t.db.insert(users).values({ name: "Left Already", email: "left@unodc.example", organisationId: org.UNODC, active: false }).returning();
      const f = await fresh("UNODC");
      const before = await snapshot(f.id);
      // Viewers are loaded per request: this one knows the new office is in UNODC's subtree.
      const amina = await viewerFor(t.db, "manager@unodc.example");
      expect(amina.subtreeOrganisationIds.has(archived?.id ?? "")).toBe(true);
      const e1 = await expectRefused(updateFollowUp(t.db, amina, f.id, { version: 1, ownerOrganisationId: archived?.id }), "bad_request:reference", 400);
      expect(e1.fields).toEqual({ ownerOrganisationId: expect.stringMatching(/archived/) });
      const e2 = await expectRefused(updateFollowUp(t.db, amina, f.id, { version: 1, ownerUserId: gone?.id }), "bad_request:reference", 400);
      expect(e2.fields).toEqual({ ownerUserId: expect.stringMatching(/active person/) });
      expect(await snapshot(f.id)).toEqual(before);
    });
  });

  describe("recording a follow-up", () => {
    it("stores it and records its creation", async () => {
      const sofia = v["staff@eeas.example"];
      const f = await createFollowUp(
        t.db,
        sofia,
        followUpInput.parse({ title: "Brief the Delegations on the SOM outcome", meetingId: som16, priorityAreaId: drugs, ownerOrganisationId: org.EEAS, status: "done" }),
      );
      expect(f).toMatchObject({ meetingTitle: "16th EU–UNODC Senior Officials Meeting", priorityAreaName: "Drugs", ownerOrganisationAcronym: "EEAS", createdById: sofia.id, version: 1 });
      expect(f.completedAt).toBeInstanceOf(Date);
      expect(await activityOf(t.db, f.id)).toMatchObject([{ action: "created", actorId: sofia.id }]);
    });

    it.each([
      ["an unknown priority area", "priorityAreaId", { priorityAreaId: unknownId }, /no such priority area/i],
      ["an unknown owner organisation", "ownerOrganisationId", { ownerOrganisationId: unknownId }, /no such organisation/i],
      ["an unknown owner", "ownerUserId", { ownerUserId: unknownId }, /active person/i],
      ["an unknown meeting", "meetingId", { meetingId: unknownId }, /no such meeting/i],
    ])("refuses %s with a 400 naming %s, and writes nothing", async (_what, field, change, message) => {
      const before = [await count(t.db, followUps), await count(t.db, activity)];
      const e = await expectRefused(
        createFollowUp(t.db, v["staff@eeas.example"], followUpInput.parse({ title: "Bad reference", priorityAreaId: drugs, ownerOrganisationId: org.EEAS, ...change })),
        field === "meetingId" ? "bad_request:follow_up" : "bad_request:reference",
        400,
      );
      expect(e.fields).toEqual({ [field]: expect.stringMatching(message) });
      expect([await count(t.db, followUps), await count(t.db, activity)]).toEqual(before);
    });

    it("refuses an archived owner organisation, naming the field", async () => {
      const [archived] = await t.db.insert(organisations).values({ name: "Closed liaison desk", acronym: "CLD", kind: "eu", archived: true }).returning();
      const before = await count(t.db, followUps);
      const e = await expectRefused(
        createFollowUp(t.db, v["staff@eeas.example"], followUpInput.parse({ title: "To an archived org", priorityAreaId: drugs, ownerOrganisationId: archived?.id })),
        "bad_request:reference",
        400,
      );
      expect(e.fields).toEqual({ ownerOrganisationId: expect.stringMatching(/archived/) });
      expect(await count(t.db, followUps)).toBe(before);
    });

    it("does not add a follow-up to a meeting the author cannot see, nor reveal that it exists", async () => {
      const prebrief = await meetingId(t.db, "EU coordination ahead of the 16th SOM");
      const e = await expectRefused(
        createFollowUp(t.db, v["staff@unodc.example"], followUpInput.parse({ title: "Sneak in", meetingId: prebrief, priorityAreaId: drugs, ownerOrganisationId: org.UNODC })),
        "bad_request:follow_up",
        400,
      );
      expect(e.fields).toEqual({ meetingId: expect.stringMatching(/no such meeting/i) });
    });
  });

  describe("two people editing at once", () => {
    it("refuses a stale version with a conflict, changing and recording nothing", async () => {
      const rahul = v["staff@unodc.example"];
      const f = await fresh("UNODC");
      await updateFollowUp(t.db, v["manager@unodc.example"], f.id, { version: 1, status: "blocked" });
      const before = await snapshot(f.id);
      const e = await expectRefused(updateFollowUp(t.db, rahul, f.id, { version: 1, status: "done" }), "conflict:follow_up", 409);
      // It names who changed it, and when.
      expect(e.message).toMatch(new RegExp(`^${v["manager@unodc.example"].name} changed this follow-up at \\d{4}-`));
      expect(await snapshot(f.id)).toEqual(before);
    });

    it("lets exactly one of eight simultaneous changes of the same version through, with one activity record", async () => {
      const f = await fresh("UNODC");
      const statuses = ["in_progress", "blocked", "done", "in_progress", "blocked", "done", "in_progress", "blocked"] as const;
      const results = await Promise.allSettled(statuses.map((status) => updateFollowUp(t.db, v["staff@unodc.example"], f.id, { version: 1, status })));
      const won = results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
      const lost = results.flatMap((r) => (r.status === "rejected" ? [r.reason as unknown] : []));
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(7);
      for (const e of lost) expect(e).toMatchObject({ code: "conflict:follow_up", status: 409 });
      const changes = (await activityOf(t.db, f.id)).filter((a) => a.action === "updated");
      expect(changes).toHaveLength(1);
      const { row } = await snapshot(f.id);
      expect(row).toMatchObject({ version: 2, status: changes[0]?.after });
      expect(row?.status).toBe(won[0]?.status);
    });
  });

  describe("comments and history", () => {
    const maritime = "Extend the Global Maritime Crime Programme";

    it("lets the owner organisation's staff comment, and shows the comments oldest first with their authors", async () => {
      const rahul = v["staff@unodc.example"];
      const f = await followUpRow(t.db, maritime);
      const added = await addComment(t.db, rahul, f.id, "Tema assessment moved to next quarter.");
      expect(added).toMatchObject({ authorName: "Rahul Mehta", body: "Tema assessment moved to next quarter." });
      const thread = await listComments(t.db, v["manager@eeas.example"], f.id);
      expect(thread.map((c) => [c.authorName, c.body])).toEqual([
        ["Amina Okafor", "Port assessments done in Lomé and Cotonou; Tema scheduled next month."],
        ["Rahul Mehta", "Tema assessment moved to next quarter."],
      ]);
    });

    it("refuses a comment from staff of another organisation (403), writing nothing", async () => {
      const f = await followUpRow(t.db, maritime);
      const before = await listComments(t.db, v["admin@eeas.example"], f.id);
      await expectRefused(addComment(t.db, v["staff@eeas.example"], f.id, "Not mine to say."), "forbidden:comment", 403);
      expect(await listComments(t.db, v["admin@eeas.example"], f.id)).toEqual(before);
    });

    it("keeps comments and history of a hidden follow-up hidden (404)", async () => {
      const hidden = await followUpRow(t.db, "Prepare EU line-to-take on Afghanistan");
      const rahul = v["staff@unodc.example"];
      await expectRefused(listComments(t.db, rahul, hidden.id), "not_found:follow_up", 404);
      await expectRefused(followUpActivity(t.db, rahul, hidden.id), "not_found:follow_up", 404);
      await expectRefused(addComment(t.db, rahul, hidden.id, "Hello?"), "not_found:follow_up", 404);
      await expectRefused(updateFollowUp(t.db, v["manager@unodc.example"], hidden.id, { version: 1, status: "open" }), "not_found:follow_up", 404);
    });

    it("tells the story of a follow-up: created, moved on, commented, who and when", async () => {
      const rahul = v["staff@unodc.example"];
      const f = await fresh("UNODC");
      await updateFollowUp(t.db, rahul, f.id, { version: 1, status: "in_progress" });
      await addComment(t.db, rahul, f.id, "Draft shared with DPA.");
      await updateFollowUp(t.db, v["manager@unodc.example"], f.id, { version: 2, dueOn: "2031-04-30" });
      const history = await followUpActivity(t.db, v["staff@eeas.example"], f.id);
      expect(history.map((h) => [h.actorName, h.action, h.field, h.before, h.after])).toEqual([
        ["Elena Vasquez", "created", null, null, { title: "Circulate the draft joint work plan", status: "open" }],
        ["Rahul Mehta", "updated", "status", "open", "in_progress"],
        ["Rahul Mehta", "commented", null, null, { commentId: expect.any(String) }],
        ["Amina Okafor", "updated", "dueOn", "2031-03-31", "2031-04-30"],
      ]);
      expect(history.every((h) => !Number.isNaN(Date.parse(h.at)))).toBe(true);
    });
  });

  it("names the area and the owner in the reader's language on pages; writes and the API keep English", async () => {
    const english = v["staff@eeas.example"];
    const french = { ...english, readLocale: "fr" as const };
    const filters = { ownerOrganisationId: org.EEAS, limit: 200 } as FollowUpFilters;
    const en = (await listFollowUps(t.db, english, filters)).items.find((f) => f.ownerOrganisationId === org.EEAS);
    const fr = (await listFollowUps(t.db, french, filters)).items.find((f) => f.id === en!.id)!;
    expect(en!.ownerOrganisationAcronym).toBe("EEAS");
    expect(fr.ownerOrganisationAcronym).toBe("SEAE");
    expect(fr.ownerOrganisationName).toBe("Service européen pour l’action extérieure");
    const area = await t.db.query.priorityAreas.findFirst({ where: (a, { eq }) => eq(a.id, en!.priorityAreaId) });
    expect(fr.priorityAreaName).toBe(area!.nameFr ?? area!.name);
    expect(en!.priorityAreaName).toBe(area!.name);
    // The row a write builds on (webhooks, e-mails) stays English unless a page asks.
    expect((await getFollowUp(t.db, french, en!.id)).ownerOrganisationAcronym).toBe("EEAS");
    expect((await getFollowUp(t.db, french, en!.id, { localNames: true })).ownerOrganisationAcronym).toBe("SEAE");
  });

  it("never leaves a follow-up owned by nobody", async () => {
    // A sanity check over everything the tests above wrote.
    expect(await count(t.db, followUps)).toBeGreaterThan(15);
    const orphans = await t.db.select({ id: followUps.id }).from(followUps).leftJoin(organisations, eq(organisations.id, followUps.ownerOrganisationId)).where(eq(organisations.archived, true));
    expect(orphans).toEqual([]);
  });
});
