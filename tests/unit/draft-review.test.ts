import { describe, expect, it } from "vitest";
import type { MeetingDraft } from "@/lib/drafts/extract";
import { acceptedOf, confidenceOf, eventDate, followUpsByItem, isApproximate, marksOf, reviewOf, segments, summaryOf } from "@/lib/drafts/review";

const ev = (start: number, end: number, confidence = 0.9) => ({ start, end, text: "", confidence });
const organisations = [
  { id: "o-eu", name: "European Union", acronym: "EU", parentId: null, archived: false },
  { id: "o-un", name: "UN Office on Drugs and Crime", acronym: "UNODC", parentId: null, archived: false },
];
const areas = [
  { id: "a-1", name: "Drugs" },
  { id: "a-2", name: "Crime" },
];
const draft: MeetingDraft = {
  title: "Senior Officials Meeting",
  heldOn: "2022-02-15",
  format: "hybrid",
  location: "Vienna",
  seriesId: null,
  seriesNumber: 7,
  hostOrganisationId: "o-un",
  coChairs: [{ name: "Jean Dupont", title: "Director", organisationId: "o-eu" }],
  participantOrganisationIds: ["o-eu", "o-un"],
  priorityAreaIds: ["a-2"],
  participantCount: 40,
  relatedEvents: [{ title: "Side event", date: "2021-12" }],
  followUpCandidates: [{ text: "Share the report", ownerOrganisationId: null, priorityAreaId: null, dueOn: null, dueApproximate: false }],
  agendaItems: [],
  evidence: {
    title: ev(0, 5),
    heldOn: null,
    format: null,
    location: ev(3, 9),
    seriesId: null,
    seriesNumber: null,
    hostOrganisationId: null,
    coChairs: [],
    participantOrganisationIds: [{ ...ev(10, 12), id: "o-eu" }],
    priorityAreaIds: [{ ...ev(13, 14), id: "a-2" }],
    participantCount: null,
    relatedEvents: [],
    followUpCandidates: [],
    agendaItems: [],
  },
};

describe("the meeting draft's review model", () => {
  it("pre-fills the review from the draft: co-chairs with their role, candidates off, owned by the host, in the draft's first area", () => {
    const r = reviewOf(draft, organisations, areas, "o-fallback");
    expect(r.title).toBe("Senior Officials Meeting");
    expect(r.seriesNumber).toBe("7");
    expect(r.coChairs).toEqual([{ text: "Jean Dupont (EU Director)", on: true }]);
    expect(r.participants).toEqual([
      { organisationId: "o-eu", on: true },
      { organisationId: "o-un", on: true },
    ]);
    expect(r.agendaItems).toEqual([]);
    expect(r.followUps).toEqual([{ on: false, title: "Share the report", priorityAreaId: "a-2", ownerOrganisationId: "o-un", dueOn: "", approximateDueOn: "", agendaItem: null }]);
    expect(reviewOf({ ...draft, hostOrganisationId: null, priorityAreaIds: [] }, organisations, areas, "o-fallback").followUps[0]).toMatchObject({ ownerOrganisationId: "o-fallback", priorityAreaId: "a-1" });
  });

  it("adds what the meeting has no field for under the summary", () => {
    const r = reviewOf(draft, organisations, areas, "o-eu");
    expect(summaryOf("  The text.  ", r)).toBe("The text.\n\n**Participants:** 40\n\n**Related events:**\n\n- Side event (Dec 2021)");
    expect(summaryOf("The text.", { ...r, participantCount: " ", relatedEvents: [{ ...r.relatedEvents[0]!, on: false }] })).toBe("The text.");
  });

  it("cuts the text at every evidence boundary, each piece knowing its fields", () => {
    const marks = [
      { ...ev(0, 5), key: "title", field: "title" as const },
      { ...ev(3, 9), key: "location", field: "location" as const },
    ];
    const pieces = segments("0123456789AB", marks).map((p) => [p.start, p.end, p.marks.map((m) => m.key)]);
    expect(pieces).toEqual([
      [0, 3, ["title"]],
      [3, 5, ["title", "location"]],
      [5, 9, ["location"]],
      [9, 12, []],
    ]);
  });

  it("labels the evidence with the names the lists use", () => {
    const marks = marksOf(draft.evidence, new Map(organisations.map((o) => [o.id, o])), new Map(areas.map((a) => [a.id, a])));
    expect(marks.map((m) => [m.key, m.field, m.name])).toEqual([
      ["title", "title", undefined],
      ["location", "location", undefined],
      ["participants.o-eu", "organisation", "EU"],
      ["areas.a-2", "priorityArea", "Crime"],
    ]);
  });

  it("maps what the person accepts to the meeting form's values and the follow-ups to create", () => {
    const r = reviewOf(draft, organisations, areas, "o-eu");
    r.participants[1]!.on = false;
    r.seriesNumber = "7a";
    r.followUps[0]!.on = true;
    r.followUps.push({ on: true, title: "   ", priorityAreaId: "a-1", ownerOrganisationId: "o-eu", dueOn: "", approximateDueOn: "", agendaItem: null });
    const { values, followUps, agendaItems } = acceptedOf(r, "Text");
    expect(agendaItems).toEqual([]);
    expect(values).toMatchObject({ title: "Senior Officials Meeting", format: "hybrid", seriesId: null, seriesNumber: null, hostOrganisationId: "o-un", participantOrganisationIds: ["o-eu"], priorityAreaIds: ["a-2"], coChairs: ["Jean Dupont (EU Director)"] });
    expect(values.summary?.startsWith("Text\n\n**Participants:** 40")).toBe(true);
    expect(followUps).toEqual([{ title: "Share the report", priorityAreaId: "a-2", ownerOrganisationId: "o-un", dueOn: null }]);
  });

  it("reads the review of minutes with numbered topics: items kept, their commitments ticked under them, approximate dates marked", () => {
    const minutes: MeetingDraft = {
      ...draft,
      followUpCandidates: [
        { text: "UNODC will present a youth strategy before the summer", ownerOrganisationId: "o-un", priorityAreaId: null, dueOn: "2023-06-21", dueApproximate: true },
        { text: "The EU will share the report by 30 April", ownerOrganisationId: "o-eu", priorityAreaId: "a-1", dueOn: "2023-04-30", dueApproximate: false },
        { text: "Share the minutes", ownerOrganisationId: null, priorityAreaId: null, dueOn: null, dueApproximate: false },
      ],
      agendaItems: [
        { title: "Youth engagement", priorityAreaId: "a-2", followUpCandidateIndexes: [0] },
        { title: "Drugs", priorityAreaId: null, followUpCandidateIndexes: [1] },
        { title: "Any other business", priorityAreaId: null, followUpCandidateIndexes: [] },
      ],
    };
    const r = reviewOf(minutes, organisations, areas, "o-eu");
    expect(r.agendaItems).toEqual([
      { on: true, title: "Youth engagement", priorityAreaId: "a-2" },
      { on: true, title: "Drugs", priorityAreaId: "" },
      { on: true, title: "Any other business", priorityAreaId: "" },
    ]);
    expect(r.followUps.map((f) => [f.on, f.agendaItem, f.approximateDueOn])).toEqual([
      [true, 0, "2023-06-21"],
      [true, 1, ""],
      [false, null, ""],
    ]);
    expect(followUpsByItem(r)).toEqual({ items: [[0], [1], []], loose: [2] });
    expect(isApproximate(r.followUps[0]!)).toBe(true);
    expect(isApproximate({ ...r.followUps[0]!, dueOn: "2023-06-30" })).toBe(false);
    expect(isApproximate(r.followUps[1]!)).toBe(false);

    // The second item left out: its follow-up is created under no item; indexes follow the kept items.
    r.agendaItems[1]!.on = false;
    r.agendaItems[2]!.title = "  AOB  ";
    r.followUps[2]!.on = true;
    const accepted = acceptedOf(r, "Text");
    expect(accepted.agendaItems).toEqual([
      { title: "Youth engagement", priorityAreaId: "a-2" },
      { title: "AOB", priorityAreaId: null },
    ]);
    expect(accepted.followUps).toEqual([
      { title: "UNODC will present a youth strategy before the summer", priorityAreaId: "a-2", ownerOrganisationId: "o-un", dueOn: "2023-06-21", agendaItem: 0 },
      { title: "The EU will share the report by 30 April", priorityAreaId: "a-1", ownerOrganisationId: "o-eu", dueOn: "2023-04-30" },
      { title: "Share the minutes", priorityAreaId: "a-2", ownerOrganisationId: "o-un", dueOn: null },
    ]);
  });

  it("says the summary's additions, event dates and confidence in the reader's language", () => {
    const r = reviewOf(draft, organisations, areas, "o-eu");
    expect(summaryOf("Texte.", r, { participants: "Participants", relatedEvents: "Événements liés", locale: "fr" })).toBe("Texte.\n\n**Participants:** 40\n\n**Événements liés:**\n\n- Side event (déc. 2021)");
    expect(eventDate("2022-02-15", "en")).toBe("15 Feb 2022");
    expect(eventDate("2022-02-15", "fr")).toBe("15 févr. 2022");
    expect([0.9, 0.7, 0.3].map(confidenceOf)).toEqual(["high", "medium", "low"]);
  });
});
