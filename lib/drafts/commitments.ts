/**
 * Commitments in minutes and press releases, recognised by their grammar rather than by phrases:
 * a subject that is an organisation, a person or the partners together; then a modal or future
 * ("will", "shall", "would" in reported speech; "partagera", "va organiser"), or "agreed to",
 * "undertook to", "s'engage à", "est chargé de", or the minutes' "UNODC to circulate"; then an
 * action verb. Two commitments in one sentence are two clauses, each with its own subject and
 * deadline.
 *
 * English is tagged by wink-nlp with its English model (parts of speech and lemmas: "agreed" is
 * "agree", "would" is an auxiliary, "also" an adverb); French by a small morphology of its own
 * (future and conditional endings, infinitives), since the model reads English only.
 * The work is linear: each sentence is tagged once, each walk is bounded.
 */
import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";
import type { Mention } from "./references";
import { plain, type Span } from "./text";

export type Language = "en" | "fr";

type Unit = Span & { kind: "ORG" | "PERSON" | "GROUP" | "WORD" | "PUNCT"; lower: string; lemma: string; pos: string; ownerId: string | null; text: string };

export type Commitment = {
  /** From the subject (with its article) to the end of the clause. */
  span: Span;
  /** The clause: where its deadline and topic are looked for. */
  clause: Span;
  ownerId: string | null;
  /** The subject is the partners together ("both organisations", "les partenaires"), no one organisation. */
  group: boolean;
  /** "agreed to", "s'engage à": a decision when the partners together agree. */
  agreed: boolean;
  /** How sure the grammar is: an organisation as subject and a modal is surer than "the partners". */
  confidence: number;
};

let tagger: ReturnType<typeof winkNLP> | undefined;
/** The English model loads once, on first use (a few megabytes; the server keeps it). */
function english() {
  tagger ??= winkNLP(model);
  return tagger;
}

/** French or English, by their commonest short words. */
export function languageOf(lower: string): Language {
  let fr = 0;
  let en = 0;
  for (const m of lower.matchAll(/(?<![\p{L}'])(les|des|du|la|le|et|est|une|pour|dans|sur|aux|the|and|of|is|will|for|with|on|was)(?![\p{L}])/gu)) {
    if (/^(?:les|des|du|la|le|et|est|une|pour|dans|sur|aux)$/.test(m[1] ?? "")) fr++;
    else en++;
  }
  return fr > en ? "fr" : "en";
}

const groupHeads = new Set([
  "organisations", "organizations", "partners", "participants", "parties", "sides", "co-chairs", "cochairs", "secretariat", "secretariats", "delegations", "eu", "european union",
  "partenaires", "copresidents", "co-presidents", "secretariat", "ue", "union europeenne",
]);
const listJoints = new Set(["and", ",", "&", "together with", "as well as", "jointly with", "with", "et", "ainsi que", "avec", "conjointement avec"]);
const articles = new Set(["the", "l'", "la", "le", "les", "both", "l"]);

const modals = new Set(["will", "shall", "'ll", "wo"]);
const reportedModals = new Set(["would", "should"]);
const reportVerbs = new Set(["agree", "decide", "confirm", "say", "indicate", "announce", "undertake", "commit", "offer", "propose", "conclude", "recommend", "request", "note", "explain", "state"]);
const commitVerbs = new Set(["agree", "undertake", "commit", "pledge", "offer", "volunteer", "promise", "decide", "plan", "intend", "propose"]);
const tasked = new Set(["tasked", "asked", "requested", "invited", "expected", "mandated", "entrusted", "responsible", "charged"]);
/** Verbs after a modal that promise nothing to follow up. */
const vague = new Set(["continue", "remain", "have", "need", "welcome", "note", "look", "be", "reconvene", "stay", "keep", "hope", "wish", "can", "may"]);
const adverbs = new Set(["also", "jointly", "together", "further", "then", "subsequently", "promptly", "swiftly", "soon", "in", "turn", "therefore", "accordingly", "each", "both", "now", "formally", "still"]);
const labels = new Set(["action", "actions", "point", "points", "follow-up", "follow-ups", "follow", "up", "to", "do", "decision", "item", "responsible", "owner", "suite", "suites", "a", "donner", "suivi", "suivis", "mesure", "mesures", "decisions", "b", "c", "d", "e", "i", "ii", "iii", "iv", "v"]);

/* French morphology: a third person future or conditional, an infinitive. */
const frFuture = /^[a-z]{1,20}(?:era|eront|ira|iront|ra|ront)$/;
const frConditional = /^[a-z]{1,20}(?:rait|raient)$/;
const frInfinitive = /^[a-z-]{1,25}(?:er|ir|re|oir)$/;
const frVague = new Set(["sera", "seront", "aura", "auront", "tiendra", "tiendront", "reunira", "reuniront", "continuera", "continueront", "restera", "resteront", "pourra", "pourront", "poursuivra", "poursuivront", "voudra", "saura", "serait", "seraient", "aurait", "auraient", "pourrait", "pourraient", "verra", "accueillera"]);
const frReport = new Set(["convenu", "convenus", "convenue", "convenues", "decide", "decidee", "decides", "indique", "annonce", "accepte", "confirme", "propose", "conclu", "souhaite"]);

/** Words and punctuation of a French sentence, with elisions split off ("l'ONUDC" is "l'" and "ONUDC"). */
function frenchTokens(text: string, lower: string, base: number): Unit[] {
  const out: Unit[] = [];
  for (const m of lower.matchAll(/(?:qu|jusqu|lorsqu|[ldjnmstc])'(?=\p{L})|[\p{L}\p{N}]+(?:[-.][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu)) {
    const start = base + m.index;
    const word = m[0];
    const pos = /^[\p{N}]+$/u.test(word) ? "NUM" : /^[\p{L}\p{N}'-]/u.test(word) ? (/^\p{Lu}/u.test(text[m.index] ?? "") ? "PROPN" : "X") : "PUNCT";
    out.push({ start, end: start + word.length, kind: pos === "PUNCT" ? "PUNCT" : "WORD", lower: word, lemma: word, pos, ownerId: null, text: text.slice(m.index, m.index + word.length) });
  }
  return out;
}

/** English words with their parts of speech and lemmas, by wink-nlp; offsets found in the text itself. */
function englishTokens(text: string, lower: string, base: number): Unit[] {
  const nlp = english();
  const doc = nlp.readDoc(text);
  const values = doc.tokens().out() as string[];
  const pos = doc.tokens().out(nlp.its.pos) as string[];
  // The lemma function's declared type differs from the token-level one `out` takes; it is one at run time.
  const lemmas = doc.tokens().out(nlp.its.lemma as unknown as typeof nlp.its.pos) as string[];
  const out: Unit[] = [];
  let cursor = 0;
  values.forEach((value, i) => {
    // The model keeps every character; a token not found where expected is looked for a little further.
    let at = text.startsWith(value, cursor) ? cursor : text.indexOf(value, cursor);
    if (at < 0 || at - cursor > 40) at = cursor;
    const end = Math.min(text.length, at + value.length);
    cursor = end;
    const p = pos[i] ?? "X";
    if (/^\s+$/.test(value)) return;
    out.push({ start: base + at, end: base + end, kind: p === "PUNCT" || p === "SYM" ? "PUNCT" : "WORD", lower: lower.slice(at, end), lemma: plain(lemmas[i] ?? value), pos: p, ownerId: null, text: value });
  });
  return out;
}

/**
 * Units: a mention of an organisation is one unit (its words merged); "Ms. Okafor" one; "both
 * organisations" one.
 */
function unitsOf(tokens: Unit[], organisations: Mention[], people: (Span & { ownerId: string | null })[]): Unit[] {
  const out: Unit[] = [];
  let o = 0;
  let p = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Unit;
    while (o < organisations.length && (organisations[o] as Mention).end <= t.start) o++;
    while (p < people.length && (people[p] as Span).end <= t.start) p++;
    const org = organisations[o];
    const person = people[p];
    const merge = (span: Span, kind: Unit["kind"], ownerId: string | null) => {
      let j = i;
      while (j + 1 < tokens.length && (tokens[j + 1] as Unit).start < span.end) j++;
      const last = tokens[j] as Unit;
      out.push({ start: Math.min(t.start, span.start), end: Math.max(last.end, span.end), kind, lower: kind, lemma: kind, pos: "PROPN", ownerId, text: "" });
      i = j;
    };
    if (org && org.start < t.end && t.start < org.end) merge(org, "ORG", org.id);
    else if (person && person.start < t.end && t.start < person.end) merge(person, "PERSON", person.ownerId);
    else if (groupHeads.has(t.lower) || (t.lower === "european" && tokens[i + 1]?.lower === "union") || (t.lower === "union" && tokens[i + 1]?.lower === "europeenne")) {
      const two = t.lower === "european" || t.lower === "union";
      const end = two ? (tokens[i + 1] as Unit).end : t.end;
      // "the EU" as a subject, "the partners", "both organisations": the article is part of the unit.
      out.push({ start: t.start, end, kind: "GROUP", lower: "GROUP", lemma: "GROUP", pos: "PROPN", ownerId: null, text: "" });
      if (two) i++;
    } else out.push(t);
  }
  return out;
}

/** Honorific and capitalised words ("Ms. Amina Okafor", "Mme Diallo"), and co-chairs named bare, as people. */
export function findPeople(text: string, folded: string, coChairs: { name: string; organisationId: string | null }[], limit: number): (Span & { ownerId: string | null })[] {
  const out: (Span & { ownerId: string | null })[] = [];
  for (const m of folded.matchAll(/\b(?:Ms|Mr|Mrs|Dr|Prof|H\.E|Ambassador|Amb|Judge|Mme|M|S\.E)\.?[ \t]+(\p{Lu}[\p{L}'-]*(?:[ \t]+\p{Lu}[\p{L}'-]*){0,3})/gu)) {
    if (out.length >= limit) break;
    const name = m[1] ?? "";
    const chair = coChairs.find((c) => c.name.endsWith(name.split(/\s+/).pop() ?? name));
    out.push({ start: m.index, end: m.index + m[0].length, ownerId: chair?.organisationId ?? null });
  }
  for (const c of coChairs) {
    if (c.name.length < 5) continue;
    let from = 0;
    for (let n = 0; n < limit; n++) {
      const at = text.indexOf(c.name, from);
      if (at < 0) break;
      if (!out.some((o) => o.start <= at && at < o.end)) out.push({ start: at, end: at + c.name.length, ownerId: c.organisationId });
      from = at + c.name.length;
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

const isSubject = (u: Unit | undefined) => !!u && (u.kind === "ORG" || u.kind === "PERSON" || u.kind === "GROUP");
const isAdverb = (u: Unit | undefined, lang: Language) => !!u && (lang === "en" ? u.pos === "ADV" || adverbs.has(u.lower) : /^(?:egalement|aussi|conjointement|ensuite|notamment|rapidement|desormais|donc|sa|part|pour)$/.test(u.lower));

/**
 * The start of the subject that ends at `end` (inclusive), walking back over a list ("UNODC and
 * DG INTPA", "l'ONUDC et la DG HOME"), at most a few units; -1 when there is no subject there.
 */
function subjectStart(units: Unit[], end: number, floor: number): number {
  if (!isSubject(units[end])) {
    // "the Commission (DG HOME) will": a bracket after the subject.
    if (units[end]?.lower !== ")") return -1;
    let j = end - 1;
    while (j > floor && end - j < 8 && units[j]?.lower !== "(") j--;
    if (units[j]?.lower !== "(" || !isSubject(units[j - 1])) return -1;
    end = j - 1;
  }
  let start = end;
  for (let steps = 0; steps < 6; steps++) {
    let j = start - 1;
    // "UNODC and the EEAS": an article between the joint and the name.
    if (j >= floor && articles.has(units[j]?.lower ?? "")) j--;
    if (j < floor || !listJoints.has(units[j]?.lower ?? "")) break;
    if (j - 1 < floor || !isSubject(units[j - 1])) break;
    start = j - 1;
  }
  return start;
}

/** The first organisation of a subject, or null ("the partners", a person whose organisation is unknown). */
function ownerOf(units: Unit[], start: number, end: number): string | null {
  for (let i = start; i <= end; i++) if (units[i]?.ownerId) return units[i]?.ownerId ?? null;
  return null;
}

type Trigger = { subjectEnd: number; verbAt: number; kind: "modal" | "agreed" | "bare" | "tasked" | "reported"; confidence: number };

/** An English commitment whose auxiliary or verb is at `i`, or undefined. */
function englishTrigger(units: Unit[], i: number, reported: boolean): Trigger | undefined {
  const u = units[i] as Unit;
  const back = (from: number) => {
    let j = from;
    // "The UNODC Country Office Afghanistan, for its part, will": a short aside between commas.
    if (units[j]?.lower === ",") {
      let k = j - 1;
      while (k >= 0 && j - k < 8 && units[k]?.lower !== ",") k--;
      if (units[k]?.lower === "," && isSubject(units[k - 1])) return k - 1;
    }
    while (j >= 0 && isAdverb(units[j], "en") && from - j < 3) j--;
    return j;
  };
  const forward = (from: number) => {
    let j = from;
    while (j < units.length && isAdverb(units[j], "en") && j - from < 3) j++;
    return j;
  };
  if (modals.has(u.lower) || (reportedModals.has(u.lower) && reported)) {
    if (units[i + 1]?.lower === "not" || units[i + 1]?.lower === "n't") return undefined;
    return { subjectEnd: back(i - 1), verbAt: forward(i + 1), kind: reportedModals.has(u.lower) ? "reported" : "modal", confidence: 0.85 };
  }
  if (commitVerbs.has(u.lemma) && units[i + 1]?.lower === "to" && u.pos !== "NOUN") {
    // "has agreed to", "have committed to": the auxiliary sits between the subject and the verb.
    let j = back(i - 1);
    if (/^(?:has|have|had|was|were|is|are)$/.test(units[j]?.lower ?? "")) j = back(j - 1);
    return { subjectEnd: j, verbAt: forward(i + 2), kind: "agreed", confidence: 0.85 };
  }
  if (u.lemma === "be" && tasked.has(units[i + 1]?.lower ?? "") && /^(?:to|with|for)$/.test(units[i + 2]?.lower ?? "")) {
    let j = back(i - 1);
    if (/^(?:has|have|will)$/.test(units[j]?.lower ?? "")) j = back(j - 1);
    return { subjectEnd: j, verbAt: forward(i + 3), kind: "tasked", confidence: 0.8 };
  }
  if (u.lower === "to" && isSubject(units[back(i - 1)])) return { subjectEnd: back(i - 1), verbAt: forward(i + 1), kind: "bare", confidence: 0.85 };
  if (/^(?:is|are)$/.test(u.lower) && units[i + 1]?.lower === "to") return { subjectEnd: back(i - 1), verbAt: forward(i + 2), kind: "modal", confidence: 0.75 };
  return undefined;
}

/** Whether the verb at `at` is an action to follow up (not "take place", "meet again", "continue"). */
function englishAction(units: Unit[], at: number, trigger: Trigger): boolean {
  const v = units[at];
  if (!v || v.kind !== "WORD" || !/^[a-z]/.test(v.lower)) return false;
  const next = units[at + 1]?.lower ?? "";
  if (trigger.kind === "agreed" || trigger.kind === "tasked") {
    if (v.lemma === "continue" || v.lemma === "remain") return false;
    return v.pos !== "DET" && v.pos !== "NUM";
  }
  if (v.lemma === "be") return /^(?:responsible|in)$/.test(next) && (next !== "in" || units[at + 2]?.lower === "charge");
  if (vague.has(v.lemma) || vague.has(v.lower)) return false;
  if (v.lemma === "take" && next === "place") return false;
  if ((v.lemma === "meet" || v.lemma === "convene" || v.lemma === "gather") && /^(?:again|in|on|at|next|\.|,|before|after|during|later|$)$/.test(next)) return false;
  if (next === "again") return false;
  return !/^(?:DET|NUM|PRON|ADP|CCONJ|SCONJ|PUNCT)$/.test(v.pos);
}

/** A French commitment whose verb (or "s'engage", "est chargé", "à") is at `i`. */
function frenchTrigger(units: Unit[], i: number, reported: boolean): Trigger | undefined {
  const u = units[i] as Unit;
  const back = (from: number) => {
    let j = from;
    // "L'ONUDC, pour sa part, partagera": a short aside between commas.
    if (units[j]?.lower === ",") {
      let k = j - 1;
      while (k >= 0 && j - k < 8 && units[k]?.lower !== ",") k--;
      if (units[k]?.lower === "," && isSubject(units[k - 1])) return k - 1;
    }
    while (j >= 0 && isAdverb(units[j], "fr") && from - j < 3 && !isSubject(units[j])) j--;
    return j;
  };
  const next = units[i + 1]?.lower ?? "";
  const infinitiveAt = (from: number) => {
    let j = from;
    while (j < units.length && j - from < 3 && !frInfinitive.test(units[j]?.lower ?? "")) j++;
    return frInfinitive.test(units[j]?.lower ?? "") ? j : -1;
  };
  // s'engage à, s'est engagé à, se sont engagés à, se chargera de, s'attachera à
  if (u.lower === "s'" || u.lower === "se") {
    const verb = units[i + 1]?.lower ?? "";
    const participle = /^(?:est|sont)$/.test(verb) ? (units[i + 2]?.lower ?? "") : verb;
    if (/^(?:engage|engagent|engagee?s?|chargera|chargeront|charge|chargent|attachera|attacheront|emploiera|emploieront)$/.test(participle)) {
      const inf = infinitiveAt(i + (/^(?:est|sont)$/.test(verb) ? 3 : 2));
      return inf < 0 ? undefined : { subjectEnd: back(i - 1), verbAt: inf, kind: "agreed", confidence: 0.85 };
    }
    return undefined;
  }
  // a accepté de, ont convenu de, est convenu de, sont chargés de, a proposé de
  if (/^(?:a|ont|est|sont|sera|seront)$/.test(u.lower) && /^(?:accepte|convenu|convenus|convenue|convenues|propose|decide|charge|chargee|charges|chargees|responsable|responsables|invite|invitee|invites|prie|priee)$/.test(next)) {
    const inf = infinitiveAt(i + 2);
    return inf < 0 ? undefined : { subjectEnd: back(i - 1), verbAt: inf, kind: "tasked", confidence: 0.8 };
  }
  // va organiser, vont présenter, doit transmettre, devra rendre compte
  if (/^(?:va|vont|doit|doivent|devra|devront)$/.test(u.lower)) {
    const inf = infinitiveAt(i + 1);
    return inf < 0 || inf > i + 2 ? undefined : { subjectEnd: back(i - 1), verbAt: inf, kind: "modal", confidence: 0.8 };
  }
  // partagera, organiseront; transmettrait (reported: "il a été convenu que l'ONUDC transmettrait")
  if ((frFuture.test(u.lower) && !frVague.has(u.lower)) || (reported && frConditional.test(u.lower) && !frVague.has(u.lower))) {
    return { subjectEnd: back(i - 1), verbAt: i, kind: frConditional.test(u.lower) ? "reported" : "modal", confidence: 0.85 };
  }
  // Minutes: "ONUDC à transmettre …", "SEAE : organiser …"
  if ((u.lower === "a" || u.lower === ":") && frInfinitive.test(next) && isSubject(units[i - 1])) return { subjectEnd: i - 1, verbAt: i + 1, kind: "bare", confidence: 0.85 };
  return undefined;
}

/** Whether a subject starts a clause: only a bullet, a number or a label before it, or a ";", ":", "and". */
function startsClause(units: Unit[], start: number, floor: number, listItem: boolean): boolean {
  // "Action 2 – The EU Delegation in Vienna to coordinate …": the article is the subject's.
  if (start > floor && articles.has(units[start - 1]?.lower ?? "")) start--;
  const before = units[start - 1];
  if (!before || start <= floor) return true;
  if (/^(?:;|:|and|et|-|\u2013|\u2022|\*|\))$/.test(before.lower)) {
    for (let j = start - 1; j >= floor; j--) {
      const u = units[j] as Unit;
      if (u.kind === "PUNCT" || u.pos === "NUM" || labels.has(u.lower) || /^(?:;|:|and|et)$/.test(u.lower)) continue;
      return before.lower === ";" || before.lower === ":" || before.lower === "and" || before.lower === "et";
    }
    return true;
  }
  if (before.lower === "," && listItem) return true;
  return false;
}

/** Words that join one commitment to the next and belong to neither, and the next one's article. */
const joints = ["and", "et", "while", "whilst", "whereas", "tandis que", "alors que", "the", "both", "l'", "la", "le", "les"];

/** The length of a clause without what joins it to the next ("…, and the"): a loop, not an end-anchored pattern. */
function withoutJoints(lower: string): number {
  let end = lower.length;
  for (let changed = true; changed && end > 0; ) {
    changed = false;
    while (end > 0 && /[\s,;]/.test(lower[end - 1] ?? "")) {
      end--;
      changed = true;
    }
    for (const j of joints) {
      if (lower.endsWith(j, end) && (end === j.length || /[\s,;]/.test(lower[end - j.length - 1] ?? ""))) {
        end -= j.length;
        changed = true;
        break;
      }
    }
  }
  return end;
}

/**
 * The commitments of one sentence. `floor`: units before it are another sentence's. `max`: at most
 * this many are returned (each costs a deadline search).
 */
export function findCommitments(
  text: string,
  lower: string,
  sentence: Span,
  lang: Language,
  organisations: Mention[],
  people: (Span & { ownerId: string | null })[],
  max: number,
): { commitments: Commitment[]; steps: number } {
  const slice = text.slice(sentence.start, sentence.end);
  const sliceLower = lower.slice(sentence.start, sentence.end);
  const tokens = lang === "en" ? englishTokens(slice, sliceLower, sentence.start) : frenchTokens(slice, sliceLower, sentence.start);
  const units = unitsOf(tokens, organisations, people);
  // "1. With regard to …, DG ENV to extend …": the number may have been split off as a sentence of its own.
  const before = text.slice(Math.max(0, sentence.start - 8), sentence.start);
  const line = `${before.slice(before.lastIndexOf("\n") + 1)}${slice.slice(0, 20)}`;
  const listItem = /^\s*(?:[-*\u2022\u2013]|\(?[0-9a-z]{1,3}[.)]|action|follow-up|suite|mesure)/i.test(line);
  const found: { start: number; verbAt: number; trigger: Trigger; ownerId: string | null; group: boolean }[] = [];
  let reported = false;
  let floor = 0;
  let steps = tokens.length + units.length;
  for (let i = 0; i < units.length && found.length < max; i++) {
    const u = units[i] as Unit;
    if (u.lower === ";" || u.lower === ":") floor = i + 1;
    if (lang === "en" ? reportVerbs.has(u.lemma) : frReport.has(u.lower)) reported = true;
    const trigger = lang === "en" ? englishTrigger(units, i, reported) : frenchTrigger(units, i, reported);
    steps += 8;
    if (!trigger) continue;
    const last = found[found.length - 1];
    const lowest = Math.max(floor, last ? last.verbAt + 1 : 0);
    const start = subjectStart(units, trigger.subjectEnd, lowest);
    if (start < 0 || start < lowest) continue;
    if (trigger.kind === "bare" && !startsClause(units, start, lowest, listItem)) continue;
    if (lang === "en" ? !englishAction(units, trigger.verbAt, trigger) : trigger.verbAt < 0 || trigger.verbAt >= units.length) continue;
    const owner = ownerOf(units, start, trigger.subjectEnd);
    const group = units.slice(start, trigger.subjectEnd + 1).every((x) => x.kind !== "ORG" && x.kind !== "PERSON");
    found.push({ start, verbAt: trigger.verbAt, trigger: { ...trigger, confidence: group ? 0.6 : trigger.confidence }, ownerId: owner, group });
    i = Math.max(i, trigger.verbAt);
  }
  const commitments: Commitment[] = found.map((f, n) => {
    let startAt = (units[f.start] as Unit).start;
    // The article before an organisation's name belongs to the candidate's text ("The EEAS will …", "L'ONUDC partagera …").
    const lead = /(?:^|[\s(])(the|both|l'|la|le|les)\s*$/i.exec(lower.slice(Math.max(sentence.start, startAt - 6), startAt));
    if (lead?.[1]) startAt -= lower.slice(Math.max(sentence.start, startAt - 6), startAt).length - lower.slice(Math.max(sentence.start, startAt - 6), startAt).lastIndexOf(lead[1]);
    const nextStart = found[n + 1] ? (units[(found[n + 1] as (typeof found)[number]).start] as Unit).start : sentence.end;
    let endAt = nextStart;
    // The joint and the next clause's article belong to neither.
    endAt = startAt + withoutJoints(lower.slice(startAt, endAt));
    while (endAt > startAt && /[\s.,;:]/.test(text[endAt - 1] ?? "")) endAt--;
    // A quotation's closing mark ends it.
    const quote = text.slice(startAt, endAt).search(/["\u201d\u00bb]/);
    if (quote > 0) endAt = startAt + quote;
    while (endAt > startAt && /[\s.,;:]/.test(text[endAt - 1] ?? "")) endAt--;
    steps += endAt - startAt;
    return { span: { start: startAt, end: endAt }, clause: { start: startAt, end: nextStart }, ownerId: f.ownerId, group: f.group, agreed: f.trigger.kind === "agreed" || f.trigger.kind === "tasked", confidence: f.trigger.confidence };
  });
  return { commitments, steps };
}
