/**
 * The meeting-draft extractor: pasted minutes or a press release in, a reviewable draft out,
 * every field with the words it came from. Texts of our own under tests/fixtures/drafts, each
 * with the draft a careful reader would write down (`*.expected.json`).
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findDates } from "@/lib/drafts/dates";
import { extractMeetingDraft, type MeetingDraft } from "@/lib/drafts/extract";
import { findOrganisations, findPriorityAreas, type References } from "@/lib/drafts/references";
import { references } from "../fixtures/drafts/references";

const dir = path.join(__dirname, "../fixtures/drafts");
const read = (name: string) => fs.readFileSync(path.join(dir, name), "utf8");
const fixtures = ["som16-press-release", "som16-minutes", "follow-up-call", "field-visit", "africa-dialogue"] as const;

type Expected = Omit<MeetingDraft, "evidence"> & { evidenceText: Record<string, string | string[] | null> };

describe.each(fixtures)("the draft of %s", (name) => {
  const text = read(`${name}.txt`);
  const { evidenceText, ...expected } = JSON.parse(read(`${name}.expected.json`)) as Expected;
  const draft = extractMeetingDraft(text, references);

  it("has the expected fields", () => {
    const { evidence: _e, ...fields } = draft;
    expect(fields).toEqual(expected);
  });

  it("points at the words each field came from", () => {
    const texts = Object.fromEntries(
      Object.entries(draft.evidence).map(([k, v]) => [k, Array.isArray(v) ? v.map((e) => e.text) : (v?.text ?? null)]),
    );
    expect(texts).toEqual(evidenceText);
    for (const e of Object.values(draft.evidence).flatMap((v) => (Array.isArray(v) ? v : v ? [v] : []))) {
      expect(text.slice(e.start, e.end)).toBe(e.text);
      expect(e.confidence).toBeGreaterThan(0);
      expect(e.confidence).toBeLessThanOrEqual(1);
    }
  });

  it("has one piece of evidence per item of a list", () => {
    expect(draft.evidence.coChairs).toHaveLength(draft.coChairs.length);
    expect(draft.evidence.participantOrganisationIds.map((e) => e.id)).toEqual(draft.participantOrganisationIds);
    expect(draft.evidence.priorityAreaIds.map((e) => e.id)).toEqual(draft.priorityAreaIds);
    expect(draft.evidence.relatedEvents).toHaveLength(draft.relatedEvents.length);
    expect(draft.evidence.followUpCandidates).toHaveLength(draft.followUpCandidates.length);
  });

  it("is deterministic", () => {
    expect(extractMeetingDraft(text, references)).toEqual(draft);
  });
});

describe("dates", () => {
  it.each([
    ["15/02/2022", "2022-02-15"],
    ["15 February 2022", "2022-02-15"],
    ["15 février 2022", "2022-02-15"],
    ["le 1er mars 2022", "2022-03-01"],
    ["February 15, 2022", "2022-02-15"],
    ["15th of Feb. 2022", "2022-02-15"],
    ["15.02.2022", "2022-02-15"],
    ["2022-02-15", "2022-02-15"],
    ["December 2021", "2021-12"],
    ["décembre 2021", "2021-12"],
  ])("reads %s as %s", (written, value) => {
    expect(findDates(`On ${written}, they met.`).map((d) => d.value)).toEqual([value]);
  });

  it("refuses days that do not exist", () => {
    expect(findDates("31/04/2022 and 30 February 2022")).toEqual([]);
  });

  it("takes the meeting's own date, not a deadline or an earlier meeting", () => {
    const draft = extractMeetingDraft(
      "Following the dialogue of 9 December 2021, the partners met in Vienna on 3 March 2022. UNODC will report by 30 June 2022.",
      references,
    );
    expect(draft.heldOn).toBe("2022-03-03");
  });
});

describe("organisations", () => {
  const ids = (text: string, refs: References = references) => findOrganisations(text, refs.organisations).map((m) => m.id);

  it.each([
    ["DG Migration and Home Affairs", "org:DG HOME"],
    ["Directorate-General for Migration and Home Affairs", "org:DG HOME"],
    ["Directorate General for Migration and Home Affairs", "org:DG HOME"],
    ["DG HOME", "org:DG HOME"],
    ["the European External Action Service", "org:EEAS"],
    ["EEAS", "org:EEAS"],
    ["United Nations Office on Drugs and Crime", "org:UNODC"],
    ["UN Office on Drugs and Crime", "org:UNODC"],
    ["the Foreign Policy Instrument Service", "org:FPI"],
    ["DG Justice", "org:DG JUST"],
    ["UNODC Regional Office for West and Central Africa", "org:ROSEN"],
    ["Regional Office for Eastern Africa", "org:ROEA"],
  ])("finds %s as %s", (text, id) => {
    expect(ids(`Present: ${text}.`)).toEqual([id]);
  });

  it("takes the longest name where names overlap", () => {
    expect(ids("the UNODC Division for Operations and UNODC")).toEqual(["org:DO", "org:UNODC"]);
  });

  it("reads short acronyms only in capitals", () => {
    expect(ids("What do we do next? DO will answer.")).toEqual(["org:DO"]);
  });

  it("skips archived organisations", () => {
    const refs = { ...references, organisations: references.organisations.map((o) => (o.acronym === "FPI" ? { ...o, archived: true } : o)) };
    expect(ids("FPI and DG ENV", refs)).toEqual(["org:DG ENV"]);
  });
});

describe("priority areas", () => {
  const ids = (text: string, areas = references.priorityAreas) => [...new Set(findPriorityAreas(text, areas).map((m) => m.id))].sort();

  it("reads a list sharing its last word as one area each", () => {
    expect(ids("They discussed environmental and maritime crime.")).toEqual(["area:environmental-crime", "area:maritime-crime"]);
    expect(ids("environmental, maritime and organised crime")).toEqual(["area:environmental-crime", "area:maritime-crime"]);
  });

  it("finds an area by its name and by its synonyms", () => {
    expect(ids("human trafficking and migrant smuggling")).toEqual(["area:trafficking-smuggling"]);
    expect(ids("the smuggling of migrants")).toEqual(["area:trafficking-smuggling"]);
    expect(ids("counter-terrorism")).toEqual(["area:counterterrorism"]);
    expect(ids("digitalization and cybercrime")).toEqual(["area:digitalisation"]);
  });

  it("uses an area's own keywords instead of the built-in synonyms when it has them", () => {
    const areas = references.priorityAreas.map((a) => (a.slug === "environmental-crime" ? { ...a, keywords: ["wildlife", "waste trafficking"] } : a));
    expect(ids("wildlife and waste trafficking", areas)).toEqual(["area:environmental-crime"]);
    // "forest crime" is only a built-in synonym, which the area's own keywords replace.
    expect(ids("forest crime", areas)).toEqual([]);
  });

  it("does not take a topic from an organisation's name", () => {
    const text = "The United Nations Office on Drugs and Crime attended.";
    const orgs = findOrganisations(text, references.organisations);
    expect(findPriorityAreas(text, references.priorityAreas, orgs)).toEqual([]);
  });
});

describe("a text with little in it", () => {
  it("gives an empty draft rather than a guess", () => {
    const draft = extractMeetingDraft("Thanks all, see you soon.", references);
    expect(draft).toMatchObject({
      heldOn: null, format: null, location: null, seriesId: null, hostOrganisationId: null, coChairs: [],
      participantOrganisationIds: [], priorityAreaIds: [], participantCount: null, relatedEvents: [], followUpCandidates: [],
    });
  });
});
