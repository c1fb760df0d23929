/**
 * Scoring the draft reader on the corpus under tests/fixtures/drafts: each `NAME.txt` with the
 * draft a careful reader would write down in `NAME.expected.json`. A field absent from an
 * expected file is not scored for that text. Used by `npm run bench:drafts` and by the unit
 * test that holds the floor.
 */
import fs from "node:fs";
import path from "node:path";
import { extractMeetingDraft, type AgendaItemDraft, type FollowUpCandidate, type MeetingDraft } from "@/lib/drafts/extract";
import { plain } from "@/lib/drafts/text";
import { references } from "../tests/fixtures/drafts/references";

export const corpusDir = path.join(__dirname, "../tests/fixtures/drafts");

type Expected = Partial<Omit<MeetingDraft, "evidence" | "followUpCandidates" | "agendaItems">> & {
  followUpCandidates?: (Omit<FollowUpCandidate, "dueApproximate"> & { dueApproximate?: boolean })[];
  agendaItems?: Pick<AgendaItemDraft, "title">[];
  language?: "en" | "fr";
  /** Written after the reader was finished, and not tuned on. */
  heldOut?: boolean;
  kind?: string;
};

export type Text = { name: string; text: string; expected: Expected };

export function corpus(): Text[] {
  return fs
    .readdirSync(corpusDir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => {
      const name = f.slice(0, -4);
      const expected = JSON.parse(fs.readFileSync(path.join(corpusDir, `${name}.expected.json`), "utf8")) as Expected;
      return { name, text: fs.readFileSync(path.join(corpusDir, f), "utf8"), expected };
    });
}

const scalarFields = ["title", "heldOn", "format", "location", "seriesId", "seriesNumber", "hostOrganisationId", "participantCount"] as const;
const setFields = ["participantOrganisationIds", "priorityAreaIds"] as const;

const words = (s: string) => plain(s).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 1);
/** Dice coefficient of the two texts' word sets. */
export function similarity(a: string, b: string): number {
  const x = new Set(words(a));
  const y = new Set(words(b));
  if (!x.size || !y.size) return 0;
  let both = 0;
  for (const w of x) if (y.has(w)) both++;
  return (2 * both) / (x.size + y.size);
}
/** A candidate is the expected one when they share most of their words. */
export const sameCandidate = 0.6;

export type Tally = { right: number; total: number };
export type Counts = { truePositives: number; produced: number; expected: number };
export type Score = {
  texts: number;
  fields: Record<string, Tally>;
  sets: Record<string, Counts>;
  candidates: Counts;
  candidateFields: Record<"owner" | "dueOn" | "priorityArea", Tally>;
  agendaItems: Counts;
  misses: string[];
};

const tally = (): Tally => ({ right: 0, total: 0 });
const counts = (): Counts => ({ truePositives: 0, produced: 0, expected: 0 });
export const ratio = (t: Tally) => (t.total ? t.right / t.total : 1);
export const precision = (c: Counts) => (c.produced ? c.truePositives / c.produced : 1);
export const recall = (c: Counts) => (c.expected ? c.truePositives / c.expected : 1);
const norm = (v: unknown) => (typeof v === "string" ? plain(v).replace(/\s+/g, " ").trim() : v);

export function score(texts: Text[]): Score {
  const s: Score = {
    texts: texts.length,
    fields: Object.fromEntries(scalarFields.map((f) => [f, tally()])),
    sets: Object.fromEntries(setFields.map((f) => [f, counts()])),
    candidates: counts(),
    candidateFields: { owner: tally(), dueOn: tally(), priorityArea: tally() },
    agendaItems: counts(),
    misses: [],
  };
  for (const { name, text, expected } of texts) {
    const draft = extractMeetingDraft(text, references);
    for (const f of scalarFields) {
      if (!(f in expected)) continue;
      const t = s.fields[f] as Tally;
      t.total++;
      if (norm(draft[f]) === norm(expected[f])) t.right++;
      else s.misses.push(`${name}: ${f} ${JSON.stringify(draft[f])}, expected ${JSON.stringify(expected[f])}`);
    }
    for (const f of setFields) {
      const want = expected[f];
      if (!want) continue;
      const c = s.sets[f] as Counts;
      const got = new Set(draft[f]);
      c.produced += got.size;
      c.expected += want.length;
      c.truePositives += want.filter((id) => got.has(id)).length;
      for (const id of want) if (!got.has(id)) s.misses.push(`${name}: ${f} misses ${id}`);
      for (const id of got) if (!want.includes(id)) s.misses.push(`${name}: ${f} has ${id} too`);
    }
    if (expected.followUpCandidates) {
      const want = expected.followUpCandidates;
      const got = draft.followUpCandidates;
      s.candidates.produced += got.length;
      s.candidates.expected += want.length;
      // Best pairs first, each used once.
      const pairs = want.flatMap((w, i) => got.map((g, j) => ({ i, j, sim: similarity(w.text, g.text) }))).filter((p) => p.sim >= sameCandidate);
      pairs.sort((a, b) => b.sim - a.sim);
      const usedW = new Set<number>();
      const usedG = new Set<number>();
      for (const p of pairs) {
        if (usedW.has(p.i) || usedG.has(p.j)) continue;
        usedW.add(p.i);
        usedG.add(p.j);
        s.candidates.truePositives++;
        const w = want[p.i] as (typeof want)[number];
        const g = got[p.j] as FollowUpCandidate;
        const check = (field: keyof Score["candidateFields"], a: unknown, b: unknown) => {
          s.candidateFields[field].total++;
          if (a === b) s.candidateFields[field].right++;
          else s.misses.push(`${name}: candidate "${w.text.slice(0, 50)}…" ${field} ${JSON.stringify(a)}, expected ${JSON.stringify(b)}`);
        };
        check("owner", g.ownerOrganisationId, w.ownerOrganisationId);
        check("dueOn", g.dueOn, w.dueOn);
        check("priorityArea", g.priorityAreaId, w.priorityAreaId);
      }
      want.forEach((w, i) => usedW.has(i) || s.misses.push(`${name}: missed candidate "${w.text}"`));
      got.forEach((g, j) => usedG.has(j) || s.misses.push(`${name}: extra candidate "${g.text}"`));
    }
    if (expected.agendaItems) {
      const want = expected.agendaItems.map((a) => norm(a.title));
      const got = draft.agendaItems.map((a) => norm(a.title));
      s.agendaItems.produced += got.length;
      s.agendaItems.expected += want.length;
      s.agendaItems.truePositives += want.filter((t) => got.includes(t)).length;
      for (const t of want) if (!got.includes(t)) s.misses.push(`${name}: missed agenda item "${t}"`);
      for (const t of got) if (!want.includes(t)) s.misses.push(`${name}: extra agenda item "${t}"`);
    }
  }
  return s;
}

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

/** The score as Markdown tables. */
export function report(s: Score): string {
  const lines = [`Texts: ${s.texts}`, "", "| field | accuracy | right / scored |", "| --- | --: | --: |"];
  for (const [f, t] of Object.entries(s.fields)) lines.push(`| ${f} | ${pct(ratio(t))} | ${t.right} / ${t.total} |`);
  for (const [f, t] of Object.entries(s.candidateFields)) lines.push(`| candidate ${f} (of matched candidates) | ${pct(ratio(t))} | ${t.right} / ${t.total} |`);
  lines.push("", "| list | precision | recall | found / produced / expected |", "| --- | --: | --: | --: |");
  const row = (label: string, c: Counts) => lines.push(`| ${label} | ${pct(precision(c))} | ${pct(recall(c))} | ${c.truePositives} / ${c.produced} / ${c.expected} |`);
  row("follow-up candidates", s.candidates);
  for (const [f, c] of Object.entries(s.sets)) row(f, c);
  row("agenda items", s.agendaItems);
  return lines.join("\n");
}
