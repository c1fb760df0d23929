/** The demo data: the world of the 16th EU–UNODC Senior Officials Meeting, written once. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listMeetings } from "@/db/queries/meetings";
import { listOrganisations } from "@/db/queries/organisations";
import { listMeetingSeries, listPriorityAreas } from "@/db/queries/reference";
import { listUsers } from "@/db/queries/users";
import { activity, comments, followUps, meetingParticipants, meetingPriorityAreas, meetings, organisations, priorityAreas, users } from "@/db/schema";
import { seedDemoData } from "@/db/seed";
import { engines, type TestDatabase } from "../support/databases";
import { count, demoEmails, viewerFor } from "../support/demo";

describe.each(engines)("the demo data on $name", (engine) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await engine.open();
  });
  afterAll(async () => {
    await t?.close();
  });

  it("has the 16th Senior Officials Meeting: 15 February 2022, hybrid, in Brussels, hosted by the EEAS", async () => {
    const admin = await viewerFor(t.db, "admin@eeas.example");
    const { items } = await listMeetings(t.db, admin, { q: "Senior Officials" });
    const som = items.find((m) => m.seriesNumber === 16);
    expect(som).toMatchObject({
      title: "16th EU–UNODC Senior Officials Meeting",
      heldOn: "2022-02-15",
      format: "hybrid",
      location: "Brussels",
      hostAcronym: "EEAS",
      seriesName: "EU–UNODC Senior Officials Meeting",
      visibility: "internal",
    });
    expect(som?.priorityAreaIds).toHaveLength(10);
    expect(som?.participantOrganisationIds.length).toBeGreaterThanOrEqual(10);
  });

  it("has the ten priority areas of the press release, in its order", async () => {
    const areas = await listPriorityAreas(t.db);
    expect(areas.map((a) => a.name)).toEqual([
      "Afghanistan and neighbouring countries",
      "Human trafficking and migrant smuggling",
      "Illicit flows",
      "Environmental crime",
      "Maritime crime",
      "Digitalisation",
      "Drugs",
      "Corruption",
      "Counterterrorism",
      "Youth engagement",
    ]);
  });

  it("has the EU and UNODC organisations with their hierarchy", async () => {
    const orgs = await listOrganisations(t.db);
    expect(orgs.length).toBeGreaterThanOrEqual(10);
    const byAcronym = new Map(orgs.map((o) => [o.acronym, o]));
    expect(byAcronym.get("DG HOME")?.parentId).toBe(byAcronym.get("EC")?.id);
    expect(byAcronym.get("ROSEN")?.parentId).toBe(byAcronym.get("UNODC")?.id);
    expect(byAcronym.get("EEAS")?.parentId).toBeNull();
    expect(await listMeetingSeries(t.db)).toHaveLength(2);
  });

  it("has the five demo accounts, active, with a password", async () => {
    const people = await listUsers(t.db);
    for (const email of demoEmails) expect(people.find((p) => p.email === email)).toMatchObject({ active: true });
    expect((await viewerFor(t.db, "Manager@UNODC.example ")).role).toBe("manager");
  });

  it("writes nothing when seeded a second time", async () => {
    const tables = [organisations, users, priorityAreas, meetings, meetingParticipants, meetingPriorityAreas, followUps, comments, activity];
    const before = await Promise.all(tables.map((table) => count(t.db, table)));
    expect(before.every((n) => n > 0)).toBe(true);
    expect(await seedDemoData(t.db)).toBe(false);
    expect(await Promise.all(tables.map((table) => count(t.db, table)))).toEqual(before);
  });
});
