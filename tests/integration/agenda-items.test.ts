/**
 * Meetings as minutes: the agenda written with the meeting (ordering, ids kept, versions and 409),
 * typed outcomes, actions as follow-ups linked both ways, the carry-over offer, decisions counted
 * per series, access, and the minutes as Word and PDF parsed back (mammoth, unpdf).
 */
import fs from "node:fs";
import path from "node:path";
import mammoth from "mammoth";
import { extractText } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { carryOverOffer, followUpAgendaLinks, listAgendaItems, seriesDecisionCounts, toAgendaItemsJson } from "@/db/queries/agenda-items";
import { createFollowUp, getFollowUp } from "@/db/queries/follow-ups";
import { createMeetingWithFollowUps, draftMeeting } from "@/db/queries/meeting-drafts";
import { createMeeting, getMeeting, updateMeeting } from "@/db/queries/meetings";
import { listOrganisations } from "@/db/queries/organisations";
import { listPriorityAreas } from "@/db/queries/reference";
import { meetings } from "@/db/schema";
import { acceptedOf, reviewOf } from "@/lib/drafts/review";
import { meetingWithFollowUpsInput } from "@/lib/validation/meeting-drafts";
import { meetingMinutes } from "@/db/queries/minutes";
import { AppError } from "@/lib/errors";
import { minutesDocx, minutesPdf } from "@/server/minutes";
import type { Viewer } from "@/lib/policy";
import { followUpInput } from "@/lib/validation/follow-ups";
import { meetingInput, meetingPatch } from "@/lib/validation/meetings";
import { engines, type TestDatabase } from "../support/databases";
import { areaId, count, type DemoEmail, demoViewers, meetingId, orgIds, thrown } from "../support/demo";

describe.each(engines)("agenda items on $name", (engine) => {
  let t: TestDatabase;
  let v: Record<DemoEmail, Viewer>;
  let som16: string, som17: string, prebrief17: string;
  let admin: Viewer;
  let org: Record<"EEAS" | "UNODC", string>;
  let maritime: string, youth: string;
  const patch = async (viewer: Viewer, id: string, body: unknown) => updateMeeting(t.db, viewer, id, meetingPatch.parse(body));
  const versionOf = async (id: string) => (await getMeeting(t.db, admin, id)).version;

  beforeAll(async () => {
    t = await engine.open();
    v = await demoViewers(t.db);
    admin = v["admin@eeas.example"];
    som16 = await meetingId(t.db, "16th EU–UNODC Senior Officials Meeting");
    som17 = await meetingId(t.db, "17th EU–UNODC Senior Officials Meeting");
    prebrief17 = await meetingId(t.db, "EU coordination ahead of the 17th SOM");
    org = await orgIds(t.db, ["EEAS", "UNODC"] as const);
    maritime = await areaId(t.db, "maritime-crime");
    youth = await areaId(t.db, "youth-engagement");
  });
  afterAll(async () => {
    await t?.close();
  });

  it("saves items in order with typed outcomes, keeps ids on reorder, and bumps the meeting's version", async () => {
    const v0 = await versionOf(som16);
    const saved = await patch(admin, som16, {
      version: v0,
      agendaItems: [
        {
          title: "Maritime crime",
          priorityAreaId: maritime,
          leadOrganisationId: org.UNODC,
          notes: "Piracy and **fisheries** crime.\n\n- Western Indian Ocean",
          outcomes: [
            { kind: "decision", text: "The meeting agreed to align the two maritime strategies.", implementationStatus: "in_progress" },
            { kind: "information", text: "UNODC briefed on the Global Maritime Crime Programme." },
          ],
        },
        { title: "Youth engagement", priorityAreaId: youth, outcomes: [] },
        { title: "Any other business" },
      ],
    });
    expect(saved.version).toBe(v0 + 1);
    const items = await listAgendaItems(t.db, admin, som16);
    expect(items.map((i) => [i.position, i.title])).toEqual([[1, "Maritime crime"], [2, "Youth engagement"], [3, "Any other business"]]);
    expect(items[0]?.outcomes.map((o) => o.kind)).toEqual(["decision", "information"]);
    expect(items[0]?.outcomes[0]?.implementationStatus).toBe("in_progress");
    expect(items[0]?.leadOrganisationAcronym).toBe("UNODC");

    // Reorder: the last item first; ids and outcomes go with their items.
    const json = toAgendaItemsJson(items);
    const reordered = [json[2]!, json[0]!, json[1]!];
    await patch(admin, som16, { version: v0 + 1, agendaItems: reordered });
    const after = await listAgendaItems(t.db, admin, som16);
    expect(after.map((i) => i.id)).toEqual(reordered.map((i) => i.id));
    expect(after.map((i) => i.position)).toEqual([1, 2, 3]);
    expect(after[1]?.outcomes.map((o) => o.id)).toEqual(json[0]?.outcomes.map((o) => o.id));

    // A stale agenda edit is a 409, and changes nothing.
    const stale = await thrown(() => patch(admin, som16, { version: v0 + 1, agendaItems: [] }));
    expect(stale).toBeInstanceOf(AppError);
    expect((stale as AppError).status).toBe(409);
    expect((await listAgendaItems(t.db, admin, som16)).length).toBe(3);
  });

  it("refuses bad outcomes and foreign ids with a 400 naming the field", async () => {
    const bad = meetingPatch.safeParse({ version: 1, agendaItems: [{ title: "x", outcomes: [{ kind: "information", text: "", implementationStatus: "implemented" }] }] });
    expect(bad.success).toBe(false);
    const paths = bad.error?.issues.map((i) => i.path.join(".")) ?? [];
    expect(paths).toContain("agendaItems.0.outcomes.0.text");
    expect(paths).toContain("agendaItems.0.outcomes.0.implementationStatus");
    expect(meetingPatch.safeParse({ version: 1, agendaItems: [{ title: "x", outcomes: [{ kind: "opinion", text: "y" }] }] }).success).toBe(false);
    // An item id of another meeting cannot be borrowed.
    const other = (await listAgendaItems(t.db, admin, som16))[0]!;
    const e = await thrown(async () => patch(admin, som17, { version: await versionOf(som17), agendaItems: [{ id: other.id, title: "Stolen" }] }));
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).status).toBe(400);
  });

  it("creates an action's follow-up in place, links an existing one, and shows the link on the follow-up", async () => {
    const existing = await createFollowUp(t.db, admin, followUpInput.parse({ title: "Agenda test: share the maritime assessment", meetingId: som16, priorityAreaId: maritime, ownerOrganisationId: org.UNODC }));
    const items = toAgendaItemsJson(await listAgendaItems(t.db, admin, som16));
    const maritimeItem = items.find((i) => i.title === "Maritime crime")!;
    maritimeItem.outcomes.push(
      { kind: "action", text: "", followUpId: existing.id } as never,
      { kind: "action", text: "Before the summer.", newFollowUp: { title: "Agenda test: present the joint maritime roadmap", priorityAreaId: maritime, ownerOrganisationId: org.EEAS, dueOn: "2022-06-21" } } as never,
    );
    await patch(admin, som16, { version: await versionOf(som16), agendaItems: items });
    const saved = (await listAgendaItems(t.db, admin, som16)).find((i) => i.title === "Maritime crime")!;
    const actions = saved.outcomes.filter((o) => o.kind === "action");
    expect(actions.length).toBe(2);
    expect(actions[0]?.followUpId).toBe(existing.id);
    const created = await getFollowUp(t.db, admin, actions[1]!.followUpId!);
    expect(created.title).toBe("Agenda test: present the joint maritime roadmap");
    expect(created.meetingId).toBe(som16);
    expect(created.dueOn).toBe("2022-06-21");
    // The other way: the follow-up knows the item it was agreed under.
    const links = await followUpAgendaLinks(t.db, admin, created.id);
    expect(links).toEqual([expect.objectContaining({ meetingId: som16, position: saved.position, title: "Maritime crime", meetingTitle: "16th EU–UNODC Senior Officials Meeting" })]);
  });

  it("offers the previous meeting's open and overdue follow-ups as a carry-over item, until it is on the agenda", async () => {
    const meeting = await getMeeting(t.db, admin, som17);
    // A second record of the 16th SOM (same series, date and number, logged later) does not take its place.
    const original = await getMeeting(t.db, admin, som16);
    await createMeeting(t.db, admin, meetingInput.parse({ title: "16th SOM, logged again", heldOn: original.heldOn, format: "hybrid", seriesId: original.seriesId, seriesNumber: original.seriesNumber }));
    const offer = await carryOverOffer(t.db, admin, meeting);
    expect(offer?.previous.id).toBe(som16);
    expect(offer?.title).toBe("Review of follow-ups from the 16th EU–UNODC Senior Officials Meeting");
    const all = await t.db.query.followUps.findMany({ where: (f, { eq }) => eq(f.meetingId, som16) });
    const open = all.filter((f) => f.status !== "done" && f.status !== "cancelled");
    expect(new Set(offer?.followUps.map((f) => f.id))).toEqual(new Set(open.map((f) => f.id)));
    expect(offer!.followUps.length).toBeGreaterThan(0);
    // Overdue ones first.
    const flags = offer!.followUps.map((f) => f.overdue);
    expect(flags).toEqual([...flags].sort((a, b) => Number(b) - Number(a)));
    // Accepted: the item lists them as actions; the offer is gone.
    await patch(admin, som17, {
      version: meeting.version,
      agendaItems: [{ title: offer!.title, carriedFromMeetingId: som16, outcomes: offer!.followUps.map((f) => ({ kind: "action", followUpId: f.id })) }],
    });
    const [item] = await listAgendaItems(t.db, admin, som17);
    expect(item?.carriedFromMeetingId).toBe(som16);
    expect(item?.outcomes.map((o) => o.followUp?.status)).toEqual(offer!.followUps.map((f) => f.status));
    expect(await carryOverOffer(t.db, admin, await getMeeting(t.db, admin, som17))).toBeNull();
  });

  it("says the carry-over's default title in the reader's language", async () => {
    const offer = await carryOverOffer(t.db, { ...admin, readLocale: "fr" }, await getMeeting(t.db, admin, prebrief17));
    // The pre-brief is no series meeting: no offer; the 17th SOM's title then, read in French.
    expect(offer).toBeNull();
    const som18 = await createMeeting(t.db, admin, meetingInput.parse({ title: "18th SOM (carry-over in French)", heldOn: "2099-01-01", format: "virtual", seriesId: (await getMeeting(t.db, admin, som17)).seriesId }));
    const french = await carryOverOffer(t.db, { ...admin, readLocale: "fr" }, som18);
    expect(french?.title).toBe("Examen des suivis : 17th EU–UNODC Senior Officials Meeting");
  });

  it("creates a meeting from minutes with numbered topics: the agenda items and, under them, the ticked commitments as actions, in one transaction", async () => {
    const viewer = v["staff@eeas.example"];
    const text = fs.readFileSync(path.join(__dirname, "../fixtures/drafts/som17-minutes.txt"), "utf8");
    const draft = await draftMeeting(t.db, viewer, text);
    expect(draft.agendaItems.map((a) => a.title)).toEqual(["Review of follow-ups from the 16th SOM", "Youth engagement", "Afghanistan and neighbouring countries", "Maritime crime", "Action points", "Next meeting"]);
    const [organisations, areas] = await Promise.all([listOrganisations(t.db), listPriorityAreas(t.db)]);
    const review = reviewOf(draft, organisations, areas, viewer.organisationId);
    // As the person leaves it: out of the series (the seeded SOMs stay as they are), the last item left out.
    review.seriesId = "";
    review.title = "17th SOM, drafted with its agenda";
    review.agendaItems[5]!.on = false;
    const accepted = acceptedOf(review, text);
    const input = meetingWithFollowUpsInput.parse({ ...accepted.values, followUps: accepted.followUps, agendaItems: accepted.agendaItems });
    const created = await createMeetingWithFollowUps(t.db, viewer, input);

    const agenda = await listAgendaItems(t.db, viewer, created.id);
    expect(agenda.map((i) => [i.position, i.title])).toEqual([
      [1, "Review of follow-ups from the 16th SOM"],
      [2, "Youth engagement"],
      [3, "Afghanistan and neighbouring countries"],
      [4, "Maritime crime"],
      [5, "Action points"],
    ]);
    expect(agenda[1]?.priorityAreaId).toBe(youth);
    const actions = (n: number) => agenda[n]!.outcomes.map((o) => [o.kind, o.followUp?.title, o.followUp?.dueOn]);
    expect(actions(1)).toEqual([
      ["action", "UNODC will present a youth participation strategy before the summer", "2023-06-21"],
      ["action", "The EEAS will convene a youth consultation with EU Delegations in the autumn", "2023-12-20"],
    ]);
    expect(actions(2).map((a) => a[1])).toEqual([
      "UNODC would share its updated opium survey with DG HOME and DG INTPA by the end of April",
      "DG NEAR undertook to map the border management projects it funds in Central Asia by the end of the year",
    ]);
    expect(actions(3)).toEqual([]);
    expect(actions(4)).toHaveLength(2);
    // Linked both ways: each action is a follow-up of the new meeting that knows its item.
    const first = agenda[1]!.outcomes[0]!.followUp!;
    expect(first.meetingId).toBe(created.id);
    expect(await followUpAgendaLinks(t.db, viewer, first.id)).toEqual([expect.objectContaining({ meetingId: created.id, position: 2, title: "Youth engagement" })]);
    expect(toAgendaItemsJson(agenda)[1]?.outcomes[0]).toMatchObject({ kind: "action", followUpId: first.id });

    // An item index the draft does not have is refused, naming the field; a refused follow-up creates nothing.
    const bad = meetingWithFollowUpsInput.safeParse({ ...accepted.values, followUps: [{ ...accepted.followUps[0]!, agendaItem: 9 }], agendaItems: accepted.agendaItems });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path.join("."))).toEqual(["followUps.0.agendaItem"]);
    const before = await count(t.db, meetings);
    const refused = meetingWithFollowUpsInput.parse({ ...accepted.values, followUps: [{ ...accepted.followUps[0]!, priorityAreaId: "00000000-0000-4000-8000-000000000000" }], agendaItems: accepted.agendaItems });
    expect(await thrown(() => createMeetingWithFollowUps(t.db, viewer, refused))).toBeInstanceOf(AppError);
    expect(await count(t.db, meetings)).toBe(before);
  });

  it("counts a series' decisions by implementation status, over the meetings the viewer can see", async () => {
    const seriesId = (await getMeeting(t.db, admin, som16)).seriesId!;
    const before = await seriesDecisionCounts(t.db, admin, seriesId);
    const pre = await getMeeting(t.db, admin, prebrief17);
    await patch(admin, prebrief17, {
      version: pre.version,
      agendaItems: [{ title: "EU line", outcomes: [{ kind: "decision", text: "EU line agreed.", implementationStatus: "implemented" }, { kind: "decision", text: "Unset one." }] }],
    });
    // The prebrief is not in the SOM series: set it to be, to check the restricted meeting is counted only for insiders.
    await patch(admin, prebrief17, { version: pre.version + 1, seriesId });
    const insider = await seriesDecisionCounts(t.db, admin, seriesId);
    expect(insider.implemented).toBe(before.implemented + 1);
    expect(insider.unset).toBe(before.unset + 1);
    expect(insider.in_progress).toBeGreaterThanOrEqual(1);
    const outsider = await seriesDecisionCounts(t.db, v["staff@unodc.example"], seriesId);
    expect(outsider.total).toBe(insider.total - 2);
  });

  it("keeps a restricted meeting's agenda and minutes from outsiders (404)", async () => {
    const outsider = v["staff@unodc.example"];
    for (const read of [() => getMeeting(t.db, outsider, prebrief17), () => meetingMinutes(t.db, outsider, prebrief17)]) {
      const e = await thrown(read);
      expect((e as AppError).status).toBe(404);
    }
    const e = await thrown(() => patch(outsider, prebrief17, { version: 1, agendaItems: [] }));
    expect((e as AppError).status).toBe(404);
    // A follow-up of the restricted meeting linked on an internal agenda: insiders see the link, outsiders see no id.
    const [secret] = await t.db.query.followUps.findMany({ where: (f, { eq }) => eq(f.meetingId, prebrief17), limit: 1 });
    const pre = await createFollowUp(t.db, admin, followUpInput.parse({ title: "Agenda test: EU-only action", meetingId: prebrief17, priorityAreaId: maritime, ownerOrganisationId: org.EEAS }));
    const items = toAgendaItemsJson(await listAgendaItems(t.db, admin, som17));
    items.push({ title: "Linked EU item", outcomes: [{ kind: "action", text: "EU-only", followUpId: pre.id }] } as never);
    await patch(admin, som17, { version: await versionOf(som17), agendaItems: items });
    const seen = (await listAgendaItems(t.db, outsider, som17)).find((i) => i.title === "Linked EU item")!;
    expect(seen.outcomes[0]?.followUpId).toBeNull();
    expect(JSON.stringify(seen)).not.toContain(pre.id);
    expect(secret).toBeDefined();
  });

  it("writes the minutes as Word and PDF with the sections and the action table; `wide` leaves restricted content out", async () => {
    const items = toAgendaItemsJson(await listAgendaItems(t.db, admin, som16));
    items.push({ title: "Restricted: EU internal coordination", restricted: true, notes: "EU-only line on funding.", outcomes: [{ kind: "decision", text: "Confidential decision on funding." }] } as never);
    await patch(admin, som16, { version: await versionOf(som16), agendaItems: items });

    const full = await meetingMinutes(t.db, admin, som16);
    const docx = (await mammoth.extractRawText({ buffer: await minutesDocx(full) })).value;
    const pdf = (await extractText(new Uint8Array(await minutesPdf(full)), { mergePages: true })).text.replace(/\s+/g, " ");
    for (const text of [docx.replace(/\s+/g, " "), pdf]) {
      expect(text).toContain("Minutes: 16th EU–UNODC Senior Officials Meeting");
      expect(text).toContain("Brussels");
      expect(text).toContain("Participating organisations");
      expect(text).toContain("Maritime crime");
      expect(text).toContain("Piracy and fisheries crime.");
      expect(text).toContain("Decision: The meeting agreed to align the two maritime strategies. (In progress)");
      expect(text).toContain("Information: UNODC briefed on the Global Maritime Crime Programme.");
      expect(text).toContain("Action Responsible Due Status");
      expect(text).toContain("Agenda test: present the joint maritime roadmap");
      expect(text).toContain("Restricted: EU internal coordination");
      expect(text).toContain("Confidential decision on funding.");
    }
    // The action table in Word: a real table, header then one row per action.
    const html = (await mammoth.convertToHtml({ buffer: await minutesDocx(full) })).value;
    expect(html).toContain("<table>");
    expect(html).toMatch(/<th><p><strong>Action<\/strong><\/p><\/th>|<td><p><strong>Action<\/strong><\/p><\/td>/);
    expect(html).toContain("<td><p>Agenda test: present the joint maritime roadmap</p></td><td><p>EEAS</p></td><td><p>21 Jun 2022</p></td>");

    const wide = await meetingMinutes(t.db, admin, som16, { wide: true });
    const wideDocx = (await mammoth.extractRawText({ buffer: await minutesDocx(wide) })).value;
    const widePdf = (await extractText(new Uint8Array(await minutesPdf(wide)), { mergePages: true })).text;
    for (const text of [wideDocx, widePdf]) {
      expect(text).toContain("Maritime crime");
      expect(text).toContain("restricted content is left out");
      expect(text).not.toContain("EU internal coordination");
      expect(text).not.toContain("Confidential decision");
    }
  });

  it("writes the minutes in French for a French reader: the catalogue's words, French dates and names, user content as written", async () => {
    const fr = await meetingMinutes(t.db, admin, som16, { locale: "fr" });
    const docxBytes = await minutesDocx(fr, "fr");
    // Word's own XML, unzipped, as well as the text mammoth reads out of it.
    const JSZip = (await import("jszip")).default;
    const xml = await (await JSZip.loadAsync(docxBytes)).file("word/document.xml")!.async("string");
    const docx = (await mammoth.extractRawText({ buffer: docxBytes })).value.replace(/\s+/g, " ");
    const pdf = (await extractText(new Uint8Array(await minutesPdf(fr, "fr")), { mergePages: true })).text.replace(/\s+/g, " ");
    expect(xml).toContain("Ordre du jour");
    expect(xml).toContain("Compte rendu : 16th EU–UNODC Senior Officials Meeting");
    for (const text of [docx, pdf]) {
      expect(text).toContain("Compte rendu : 16th EU–UNODC Senior Officials Meeting");
      expect(text).toContain("Ordre du jour");
      expect(text).toContain("Organisations participantes");
      expect(text).toContain("Mesures à prendre");
      expect(text).toContain("Lieu : Brussels");
      expect(text).toContain("Organisation hôte :");
      // Reference data by its French name; the users' own words untouched.
      expect(text).toContain("Criminalité maritime");
      expect(text).toContain("Office des Nations Unies contre la drogue et le crime (ONUDC)");
      expect(text).toContain("Décision : The meeting agreed to align the two maritime strategies. (En cours)");
      expect(text).toContain("Information : UNODC briefed on the Global Maritime Crime Programme.");
      expect(text).toContain("Point Mesure Responsable Échéance État");
      expect(text).toContain("Piracy and fisheries crime.");
      expect(text).toContain("juin 2022");
      // A follow-up's owner organisation by its French acronym, in the outcome and in the action table.
      expect(text).toContain("Agenda test: present the joint maritime roadmap — Before the summer. (SEAE, échéance le 21 juin 2022)");
      expect(text).toContain("Agenda test: present the joint maritime roadmap SEAE 21 juin 2022 Ouvert (en retard)");
      for (const english of ["Minutes:", "Participating organisations", "Actions", "Date:", "Place:", "Format:", "Host:", "Co-chairs", "Priority areas", "Decision:", "Action:", "Information:", "Responsible", "Status", "Generated", "lead:", "due ", "(overdue)", "In progress", " Jun "])
        expect(text, english).not.toContain(english);
      // The heading; "Agenda test: …" (a follow-up's title) and "Global Agenda and …" (a co-chair's title) are the users' own.
      expect(text).not.toMatch(/\bAgenda\b(?! test| and)/);
    }
    for (const heading of ["Minutes", "Agenda", "Participating organisations", "Actions", "Item", "Action", "Responsible", "Due", "Status"]) expect(xml).not.toContain(`>${heading}<`);
    const wide = await meetingMinutes(t.db, admin, som16, { wide: true, locale: "fr" });
    for (const text of [
      (await mammoth.extractRawText({ buffer: await minutesDocx(wide, "fr") })).value,
      (await extractText(new Uint8Array(await minutesPdf(wide, "fr")), { mergePages: true })).text,
    ]) {
      expect(text.replace(/\s+/g, " ")).toContain("Pour diffusion : le contenu restreint n’y figure pas.");
      expect(text).not.toContain("restricted content is left out");
      expect(text).not.toContain("EU internal coordination");
    }
  });
});
