/**
 * Drafts against the seeded reference lists (organisations, priority areas with their
 * keywords, series) on both engines, and a meeting created from an accepted draft together
 * with its ticked follow-ups — all or nothing.
 */
import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMeetingWithFollowUps, draftMeeting } from "@/db/queries/meeting-drafts";
import { listMeetingSeries, listPriorityAreas } from "@/db/queries/reference";
import { listOrganisations } from "@/db/queries/organisations";
import { followUps, meetings } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { Viewer } from "@/lib/policy";
import { meetingDraftInput, meetingWithFollowUpsInput } from "@/lib/validation/meeting-drafts";
import { fieldErrors } from "@/lib/validation/common";
import { engines, type TestDatabase } from "../support/databases";
import { activityOf, count, demoViewers, type DemoEmail, thrown } from "../support/demo";

const dir = path.join(__dirname, "../fixtures/drafts");
const read = (name: string) => fs.readFileSync(path.join(dir, name), "utf8");

describe.each(engines)("meeting drafts on $name", (engine) => {
  let t: TestDatabase;
  let v: Record<DemoEmail, Viewer>;
  /** The fixtures' readable ids ("org:DG HOME", "area:drugs", "series:som") → the database's. */
  let ids: Map<string, string>;
  const names = (draftIds: string[]) => {
    const back = new Map([...ids].map(([k, id]) => [id, k]));
    return draftIds.map((id) => back.get(id) ?? id).sort();
  };

  beforeAll(async () => {
    t = await engine.open();
    v = await demoViewers(t.db);
    const [orgs, areas, series] = await Promise.all([listOrganisations(t.db), listPriorityAreas(t.db), listMeetingSeries(t.db)]);
    ids = new Map([
      ...orgs.map((o) => [`org:${o.acronym}`, o.id] as const),
      ...areas.map((a) => [`area:${a.slug}`, a.id] as const),
      ["series:som", series.find((s) => s.name.includes("Senior Officials"))?.id ?? ""],
      ["series:africa", series.find((s) => s.name.includes("Africa"))?.id ?? ""],
    ]);
  });
  afterAll(async () => {
    await t?.close();
  });

  it("reads the 16th SOM press release against the seeded lists", async () => {
    const draft = await draftMeeting(t.db, v["staff@eeas.example"], read("som16-press-release.txt"));
    expect(draft).toMatchObject({
      title: "16th EU–UNODC Senior Officials Meeting",
      heldOn: "2022-02-15",
      format: "hybrid",
      location: "Brussels",
      seriesId: ids.get("series:som"),
      seriesNumber: 16,
      hostOrganisationId: ids.get("org:EEAS"),
      participantCount: 60,
    });
    expect(draft.coChairs).toEqual([
      { name: "Belen Martinez Carbonell", title: "Managing Director for Human Rights, Global Agenda and Multilateral Relations", organisationId: ids.get("org:EEAS") },
      { name: "Jean-Luc Lemahieu", title: "Director for Policy Analysis and Public Affairs", organisationId: ids.get("org:UNODC") },
    ]);
    expect(names(draft.participantOrganisationIds)).toEqual(
      ["org:EEAS", "org:EC", "org:DG HOME", "org:DG INTPA", "org:DG NEAR", "org:FPI", "org:DG ENV", "org:DG JUST", "org:EUDEL Vienna", "org:UNODC"].sort(),
    );
    // All ten areas, "environmental and maritime crime" being two of them.
    expect(names(draft.priorityAreaIds)).toHaveLength(10);
    expect(draft.relatedEvents).toEqual([
      { title: "EU-Africa Week", date: "2022-02-15" },
      { title: "EU–UNODC Africa Dialogue", date: "2021-12" },
      { title: "Launch of the UNODC Strategic Vision for Latin America and the Caribbean", date: "2022-02" },
    ]);
  });

  it.each(["som16-minutes", "follow-up-call", "field-visit", "africa-dialogue"])("reads %s as the expected draft", async (name) => {
    const expected = JSON.parse(read(`${name}.expected.json`)) as Record<string, unknown> & { participantOrganisationIds: string[]; priorityAreaIds: string[] };
    const draft = await draftMeeting(t.db, v["staff@unodc.example"], read(`${name}.txt`));
    const id = (x: unknown) => (typeof x === "string" ? (ids.get(x) ?? x) : x);
    expect(draft).toMatchObject({
      title: expected.title,
      heldOn: expected.heldOn,
      format: expected.format,
      location: expected.location,
      seriesId: id(expected.seriesId),
      seriesNumber: expected.seriesNumber,
      hostOrganisationId: id(expected.hostOrganisationId),
      participantCount: expected.participantCount,
    });
    expect(names(draft.participantOrganisationIds)).toEqual([...expected.participantOrganisationIds].sort());
    // The seeded keywords are the admins' own, so an area may be found by other words than the
    // built-in synonyms; the areas themselves are the same.
    expect(names(draft.priorityAreaIds)).toEqual([...expected.priorityAreaIds].sort());
  });

  it("refuses empty and oversized text, naming the field", () => {
    for (const text of ["", "   ", "x".repeat(50_001)]) {
      const parsed = meetingDraftInput.safeParse({ text });
      expect(parsed.success).toBe(false);
      if (!parsed.success) expect(Object.keys(fieldErrors(parsed.error))).toEqual(["text"]);
    }
  });

  describe("accepting a draft", () => {
    const meeting = (extra: Record<string, unknown>) =>
      meetingWithFollowUpsInput.parse({ title: "Follow-up call on maritime crime", heldOn: "2022-03-22", format: "virtual", location: "Online", ...extra });

    it("creates the meeting and its ticked follow-ups in one go, each with its activity", async () => {
      const viewer = v["staff@eeas.example"];
      const input = meeting({
        hostOrganisationId: ids.get("org:EEAS"),
        followUps: [
          { title: "Share the annual action programme", priorityAreaId: ids.get("area:maritime-crime"), ownerOrganisationId: ids.get("org:DG INTPA"), dueOn: "2022-04-15" },
          { title: "Send the port assessments", priorityAreaId: ids.get("area:maritime-crime"), ownerOrganisationId: ids.get("org:ROSEN"), dueOn: null },
        ],
      });
      const created = await createMeetingWithFollowUps(t.db, viewer, input);
      const rows = await t.db.select().from(followUps).where(eq(followUps.meetingId, created.id));
      expect(rows.map((r) => [r.title, r.status, r.dueOn]).sort()).toEqual([
        ["Send the port assessments", "open", null],
        ["Share the annual action programme", "open", "2022-04-15"],
      ]);
      expect((await activityOf(t.db, created.id)).map((a) => a.action)).toContain("created");
      for (const r of rows) expect((await activityOf(t.db, r.id)).map((a) => a.action)).toContain("created");
    });

    it("creates nothing when one follow-up is refused, and names it", async () => {
      const viewer = v["staff@unodc.example"];
      const [meetingsBefore, followUpsBefore] = [await count(t.db, meetings), await count(t.db, followUps)];
      const error = await thrown(() =>
        createMeetingWithFollowUps(
          t.db,
          viewer,
          meeting({
            followUps: [
              { title: "A good one", priorityAreaId: ids.get("area:drugs"), ownerOrganisationId: ids.get("org:UNODC") },
              { title: "A bad one", priorityAreaId: "00000000-0000-4000-8000-000000000000", ownerOrganisationId: ids.get("org:UNODC") },
            ],
          }),
        ),
      );
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).fields?.followUps).toMatch(/^Follow-up 2 \(“A bad one”\): No such priority area/);
      expect([await count(t.db, meetings), await count(t.db, followUps)]).toEqual([meetingsBefore, followUpsBefore]);
    });
  });
});
