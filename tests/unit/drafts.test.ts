/**
 * The meeting-draft extractor: pasted minutes or a press release in, a reviewable draft out,
 * every field with the words it came from. Texts of our own under tests/fixtures/drafts, each
 * with the draft a careful reader would write down (`*.expected.json`).
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findDates } from "@/lib/drafts/dates";
import { findDeadline } from "@/lib/drafts/deadlines";
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

describe("commitments in ordinary prose", () => {
  const candidates = (text: string) => extractMeetingDraft(text, references).followUpCandidates;

  it("reads two commitments in one sentence as two, each with its own owner and deadline", () => {
    expect(candidates("On 9 March 2023 the partners met in Vienna. UNODC will present the study before the summer, and the EEAS will convene a workshop in the autumn.")).toEqual([
      { text: "UNODC will present the study before the summer", ownerOrganisationId: "org:UNODC", priorityAreaId: null, dueOn: "2023-06-21", dueApproximate: true },
      { text: "The EEAS will convene a workshop in the autumn", ownerOrganisationId: "org:EEAS", priorityAreaId: null, dueOn: "2023-12-20", dueApproximate: true },
    ]);
  });

  it("reads reported speech: the subject after 'agreed that'", () => {
    expect(candidates("Held on 2 February 2023. The partners agreed that UNODC would share the findings by the end of February.")).toMatchObject([
      { text: "UNODC would share the findings by the end of February", ownerOrganisationId: "org:UNODC", dueOn: "2023-02-28" },
    ]);
  });

  it("reads a numbered action point whose verb comes late", () => {
    expect(candidates("(a) On the basis of the assessments presented under item 4, and subject to funding, FPI to prepare a proposal for a second phase.")).toMatchObject([
      { text: "FPI to prepare a proposal for a second phase", ownerOrganisationId: "org:FPI" },
    ]);
  });

  it("leaves out decisions of the meeting as a whole, briefings, and the next meeting", () => {
    expect(candidates("The meeting agreed to align the two strategies. UNODC briefed on the Strategic Vision. The next meeting will be held in Vienna. UNODC will continue to support the region.")).toEqual([]);
  });

  it("reads French commitments: future, s'engage à, reported conditional, and the minutes' 'ONUDC à'", () => {
    const text = [
      "Bruxelles, le 14 mars 2024",
      "L'ONUDC partagera les données avec la DG HOME d'ici le 30 juin.",
      "Le SEAE s'engage à organiser un atelier sur les flux illicites.",
      "Il a été convenu que la Commission européenne transmettrait ses observations avant l'été.",
      "Action : ONUDC à transmettre le rapport d'ici fin novembre.",
      "La prochaine réunion se tiendra à Vienne.",
    ].join("\n");
    expect(candidates(text)).toEqual([
      { text: "L'ONUDC partagera les données avec la DG HOME d'ici le 30 juin", ownerOrganisationId: "org:UNODC", priorityAreaId: null, dueOn: "2024-06-30", dueApproximate: false },
      { text: "Le SEAE s'engage à organiser un atelier sur les flux illicites", ownerOrganisationId: "org:EEAS", priorityAreaId: "area:illicit-flows", dueOn: null, dueApproximate: false },
      { text: "La Commission européenne transmettrait ses observations avant l'été", ownerOrganisationId: "org:EC", priorityAreaId: null, dueOn: "2024-06-21", dueApproximate: true },
      { text: "ONUDC à transmettre le rapport d'ici fin novembre", ownerOrganisationId: "org:UNODC", priorityAreaId: null, dueOn: "2024-11-30", dueApproximate: false },
    ]);
  });
});

describe("French drafts", () => {
  it("reads organisations by their French names and acronyms", () => {
    const ids = findOrganisations(
      "Présents : l'ONUDC, le SEAE, la Commission européenne, la DG HOME, le Service des instruments de politique étrangère et le Bureau régional de l'ONUDC pour l'Afrique de l'Ouest et du Centre.",
      references.organisations,
    ).map((m) => m.id);
    expect(ids).toEqual(["org:UNODC", "org:EEAS", "org:EC", "org:DG HOME", "org:FPI", "org:ROSEN"]);
  });

  it("reads priority areas by their French names", () => {
    const ids = [...new Set(findPriorityAreas("Traite des êtres humains et trafic de migrants ; Flux illicites ; Afghanistan et pays voisins ; criminalité environnementale et maritime ; cybercriminalité.", references.priorityAreas).map((m) => m.id))].sort();
    expect(ids).toEqual(["area:afghanistan", "area:digitalisation", "area:environmental-crime", "area:illicit-flows", "area:maritime-crime", "area:trafficking-smuggling"]);
  });

  it("reads a French compte rendu's date, place, format, host and series", () => {
    const draft = extractMeetingDraft(read("rhf18-compte-rendu.txt"), references);
    expect(draft).toMatchObject({ heldOn: "2024-03-14", location: "Bruxelles", format: "hybrid", hostOrganisationId: "org:EEAS", seriesId: "series:som", seriesNumber: 18 });
    expect(extractMeetingDraft("Réunion tenue le 15 février 2022 à Vienne, en présentiel.", references)).toMatchObject({ heldOn: "2022-02-15", location: "Vienne", format: "in_person" });
    expect(extractMeetingDraft("Date : 15/02/2022\nFormat : virtuel", references)).toMatchObject({ heldOn: "2022-02-15", format: "virtual" });
  });
});

describe("deadlines read against the meeting's date", () => {
  it.each([
    ["by 30 June 2022", "2022-06-30", false],
    ["d'ici le 30 juin", "2022-06-30", false],
    ["by 15 January", "2023-01-15", false],
    ["by the end of February", "2023-02-28", false],
    ["d'ici fin mars", "2022-03-31", false],
    ["by the end of January", "2023-01-31", false],
    ["before the summer", "2022-06-21", true],
    ["avant l'été", "2022-06-21", true],
    ["in the autumn", "2022-12-20", true],
    ["à l'automne", "2022-12-20", true],
    ["by the end of the year", "2022-12-31", false],
    ["d'ici la fin de l'année", "2022-12-31", false],
    ["in the first quarter of 2023", "2023-03-31", false],
    ["au premier trimestre 2023", "2023-03-31", false],
    ["within three months", "2022-06-15", false],
    ["dans les deux semaines", "2022-03-29", false],
    ["next month", "2022-04-30", true],
    ["in early 2023", "2023-03-31", true],
  ])("%s → %s", (words, value, approximate) => {
    expect(findDeadline(`UNODC will share the report ${words}.`, "2022-03-15")).toMatchObject({ value, approximate });
  });

  it("gives nothing for a year-less day without the meeting's date", () => {
    expect(findDeadline("UNODC will share the report by 30 June.", null)).toBeUndefined();
  });
});
