/**
 * A meeting draft from pasted minutes or a press release: deterministic rules over the text
 * and the reference lists, no network and no model. Every field carries the words it came
 * from (offsets into the text) and a confidence, so a person can check it before accepting.
 */
import type { meetingFormats } from "@/db/schema";
import { findDates, findRelativeMonths, type FoundDate } from "./dates";
import {
  findOrganisations,
  findPriorityAreas,
  findSeries,
  type Mention,
  ordinal,
  type OrganisationRef,
  type References,
  type SeriesMention,
} from "./references";
import { findAll, fold, plain, sentenceAt, sentences, type Span } from "./text";

export type Evidence = Span & { text: string; confidence: number };
export type ItemEvidence = Evidence & { id: string };
export type MeetingFormat = (typeof meetingFormats)[number];
export type CoChairDraft = { name: string; title: string; organisationId: string | null };
export type RelatedEventDraft = { title: string; date: string | null };
export type FollowUpCandidate = { text: string; ownerOrganisationId: string | null; priorityAreaId: string | null; dueOn: string | null };

export type MeetingDraft = {
  title: string | null;
  heldOn: string | null;
  format: MeetingFormat | null;
  location: string | null;
  seriesId: string | null;
  seriesNumber: number | null;
  hostOrganisationId: string | null;
  coChairs: CoChairDraft[];
  participantOrganisationIds: string[];
  priorityAreaIds: string[];
  participantCount: number | null;
  relatedEvents: RelatedEventDraft[];
  followUpCandidates: FollowUpCandidate[];
  evidence: {
    title: Evidence | null;
    heldOn: Evidence | null;
    format: Evidence | null;
    location: Evidence | null;
    seriesId: Evidence | null;
    seriesNumber: Evidence | null;
    hostOrganisationId: Evidence | null;
    coChairs: Evidence[];
    participantOrganisationIds: ItemEvidence[];
    priorityAreaIds: ItemEvidence[];
    participantCount: Evidence | null;
    relatedEvents: Evidence[];
    followUpCandidates: Evidence[];
  };
};

type Sentence = Span & { text: string };
type Ctx = { text: string; lower: string; folded: string; sentences: Sentence[]; organisations: Mention[]; refs: References };

const ev = (ctx: Ctx, span: Span, confidence: number): Evidence => ({
  start: span.start,
  end: span.end,
  text: ctx.text.slice(span.start, span.end),
  confidence: Math.round(confidence * 100) / 100,
});

const meetingVerbs = /\b(held|hold|took place|take place|met|meet|meeting (?:on|of)|convened|gathered|hosted|visited|visit|call (?:on|of)|joined|s'est tenue?|a eu lieu|se sont reunis|reunion du)\b/;
const futureWords = /\b(will|shall|next|by|before|until|deadline|due|no later than|d'ici)\b/;

function sentenceText(ctx: Ctx, at: number): string {
  const s = sentenceAt(ctx.sentences, at);
  return s ? ctx.lower.slice(s.start, s.end) : "";
}

function lineBefore(ctx: Ctx, at: number): string {
  const lineStart = ctx.lower.lastIndexOf("\n", at - 1) + 1;
  return ctx.lower.slice(lineStart, at);
}

function pickHeldOn(ctx: Ctx, dates: FoundDate[]): { value: string; evidence: Evidence } | null {
  let best: { score: number; date: FoundDate; confidence: number } | undefined;
  dates
    .filter((d) => d.precision === "day")
    .forEach((d, i) => {
      const s = sentenceText(ctx, d.start);
      const before = lineBefore(ctx, d.start);
      let score = 0;
      let confidence = 0.6;
      if (/\b(date|held on|when|le)\s*:?\s*$/.test(before) && /:/.test(before)) {
        score += 4;
        confidence = 0.95;
      }
      if (meetingVerbs.test(s)) {
        score += 2;
        confidence = Math.max(confidence, 0.9);
      }
      if (futureWords.test(s) && !meetingVerbs.test(s)) score -= 3;
      if (/\b(next meeting|will take place|will be held|prochaine)\b/.test(s)) score -= 4;
      const near = ctx.lower.slice(Math.max(0, d.start - 30), d.start);
      if (/\b(?:by|before|until|no later than|d'ici)\s+(?:the\s+end\s+of\s+)?$/.test(near)) score -= 4;
      else if (/\b(?:of|since|following|after)\s+$/.test(near)) score -= 1.5; // "the dialogue of 9 December 2021"
      else if (/\b(?:on|le)\s+$/.test(near)) score += 1;
      if (i === 0) score += 0.5;
      if (/^[\p{L}\s,.'-]*$/u.test(before) && /^\s*(?:\n|$)/.test(ctx.lower.slice(d.end, d.end + 2))) {
        // A dateline: "15 February 2022", "Brussels, 15 February 2022".
        score += 0.5;
        confidence = Math.max(confidence, 0.8);
      }
      if (!best || score > best.score) best = { score, date: d, confidence };
    });
  return best ? { value: best.date.value, evidence: ev(ctx, best.date, best.confidence) } : null;
}

/** The series this meeting belongs to: the most mentioned, numbered ones first, "next" ones last. */
function pickSeries(ctx: Ctx, mentions: SeriesMention[]) {
  const score = (m: SeriesMention) => {
    const s = sentenceText(ctx, m.start);
    const before = ctx.lower.slice(Math.max(0, m.start - 40), m.start);
    const heading = ctx.sentences[0] && m.start < ctx.sentences[0].end;
    // "a follow-up call to the 16th SOM" is about another meeting.
    const another = /\b(?:to|ahead of|before|after|following|since|outcome of|results of|follow-up (?:of|from)|margins of|parallel to|alongside)\s+(?:the\s+)?$/.test(before);
    return (m.number ? 3 : 0) + (meetingVerbs.test(s) ? 1 : 0) + (heading ? 2 : 0) - (/\b(next|will|prochaine)\b/.test(s) ? 4 : 0) - (another ? 5 : 0);
  };
  const ids = [...new Set(mentions.map((m) => m.id))];
  let chosen: { id: string; total: number; main: SeriesMention } | undefined;
  for (const id of ids) {
    const own = mentions.filter((m) => m.id === id);
    const main = [...own].sort((a, b) => score(b) - score(a) || a.start - b.start)[0];
    if (!main) continue;
    const total = own.length + Math.max(0, ...own.map(score));
    if (!chosen || total > chosen.total) chosen = { id, total, main };
  }
  return chosen && score(chosen.main) > 0 ? chosen.main : undefined;
}

function pickTitle(ctx: Ctx, series: SeriesMention | undefined): { value: string; evidence: Evidence } | null {
  const seriesRef = series ? ctx.refs.series.find((s) => s.id === series.id) : undefined;
  if (seriesRef && series?.number) return { value: `${ordinal(series.number)} ${seriesRef.name}`, evidence: ev(ctx, series, 0.85) };
  const label = /^[ \t]*(?:title|subject|meeting|re|objet)[ \t]*:[ \t]*(.+)$/im.exec(ctx.folded);
  if (label?.[1]) {
    const start = label.index + label[0].length - label[1].length;
    return { value: label[1].trim(), evidence: ev(ctx, { start, end: start + label[1].trimEnd().length }, 0.9) };
  }
  const first = ctx.sentences[0];
  const firstLine = first && !ctx.text.slice(first.start, first.end).includes("\n") ? first : undefined;
  if (firstLine && firstLine.text.length <= 160 && !/[.!?]$/.test(firstLine.text) && !/^\W*\d{1,2}[\s/.]/.test(firstLine.text)) {
    const prefix = /^(?:minutes|summary record|record|notes|report|compte rendu)(?:\s+(?:of|from|de))?(?:\s+(?:the|la|le))?\s*[:\-–—]?\s*/i.exec(firstLine.text);
    const start = firstLine.start + (prefix?.[0].length ?? 0);
    const value = ctx.text.slice(start, firstLine.end).trim();
    if (value.length >= 4) return { value: value.charAt(0).toUpperCase() + value.slice(1), evidence: ev(ctx, { start, end: firstLine.end }, seriesRef ? 0.5 : 0.6) };
  }
  if (seriesRef && series) return { value: seriesRef.name, evidence: ev(ctx, series, 0.5) };
  return null;
}

const formatWords: [MeetingFormat, string, number][] = [
  ["hybrid", "hybrid|hybride", 0.9],
  ["virtual", "virtual(?:ly)?|virtuel(?:le)?|video[- ]?conference|video call|videocall|by video|online|teleconference|vtc|zoom|ms teams|microsoft teams|webex|visio(?:conference)?|en ligne", 0.85],
  ["in_person", "in[- ]person|face[- ]to[- ]face|on[- ]site|en presentiel|field visit|study visit|visit(?:ed)? (?:to )?the", 0.75],
];

function pickFormat(ctx: Ctx): { value: MeetingFormat; evidence: Evidence } | null {
  for (const [value, pattern, confidence] of formatWords) {
    const hits = findAll(ctx.lower, pattern);
    const first = hits[0];
    if (!first) continue;
    if (value === "virtual" && findAll(ctx.lower, formatWords[2]?.[1] ?? "").length > hits.length) continue;
    return { value, evidence: ev(ctx, first, confidence) };
  }
  return null;
}

const cities = [
  "Brussels", "Bruxelles", "Vienna", "Wien", "Geneva", "Genève", "New York", "Nairobi", "Dakar", "Kabul", "Bogotá", "Bogota", "Luxembourg", "Strasbourg",
  "The Hague", "Paris", "Rome", "Madrid", "Lisbon", "Berlin", "Tashkent", "Dushanbe", "Islamabad", "Tehran", "Bangkok", "Panama City", "Lima", "Abuja",
  "Cairo", "Tunis", "Rabat", "Addis Ababa", "Pretoria", "Doha", "Abu Dhabi", "Almaty", "Bishkek", "Mexico City", "Brasília", "Buenos Aires", "Accra",
  "Lomé", "Cotonou", "Mombasa", "Dar es Salaam", "Kampala", "Maputo", "Bamako", "Niamey", "Ouagadougou", "Nouakchott", "Beirut", "Amman", "Ankara",
  "Istanbul", "Kyiv", "Chisinau", "Belgrade", "Sarajevo", "Tirana", "Skopje", "Warsaw", "Prague", "Budapest", "Bucharest", "Sofia", "Athens",
  "Valletta", "Dublin", "Copenhagen", "Stockholm", "Helsinki", "Tallinn", "Riga", "Vilnius", "Amsterdam", "Quito", "Santo Domingo", "Port of Spain",
];

function pickLocation(ctx: Ctx, format: MeetingFormat | null, formatEvidence: Evidence | null): { value: string; evidence: Evidence } | null {
  const label = /^[ \t]*(?:location|venue|place|lieu)[ \t]*:[ \t]*(.+)$/im.exec(ctx.folded);
  if (label?.[1]) {
    const start = label.index + label[0].length - label[1].length;
    return { value: label[1].trim(), evidence: ev(ctx, { start, end: start + label[1].trimEnd().length }, 0.95) };
  }
  // Cities the organisation list knows ("… (Dakar)") besides the built-in ones.
  const known = new Set(cities);
  for (const o of ctx.refs.organisations) {
    const city = /\(([^)]+)\)\s*$/.exec(o.name)?.[1];
    if (city) known.add(city);
  }
  const inOrganisation = (s: Span) => ctx.organisations.some((o) => o.start <= s.start && s.end <= o.end);
  let best: { score: number; span: Span; value: string } | undefined;
  for (const city of known) {
    for (const m of findAll(ctx.lower, plain(city).replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "\\s+"))) {
      if (inOrganisation(m)) continue;
      const s = sentenceText(ctx, m.start);
      const before = ctx.lower.slice(Math.max(0, m.start - 40), m.start);
      let score = 1;
      if (meetingVerbs.test(s) || /\bformat\b/.test(s)) score += 2;
      if (/\b(in|at|a|en)\s+$/.test(before)) score += 1;
      if (/(?:^|\n)\s*$/.test(before) && /^,?\s*\d/.test(ctx.text.slice(m.end, m.end + 4))) score += 2; // "Brussels, 15 February 2022"
      if (/\b(launched|based|office in|from)\s+$/.test(before)) score -= 2;
      if (!best || score > best.score) best = { score, span: m, value: city };
    }
  }
  if (best && best.score >= 2) return { value: best.value, evidence: ev(ctx, best.span, best.score >= 4 ? 0.85 : 0.65) };
  if (format === "virtual" && formatEvidence) return { value: "Online", evidence: { ...formatEvidence, confidence: 0.7 } };
  return null;
}

function pickHost(ctx: Ctx): { value: string; evidence: Evidence } | null {
  for (const m of ctx.organisations) {
    const before = ctx.lower.slice(Math.max(0, m.start - 60), m.start);
    const after = ctx.lower.slice(m.end, m.end + 30);
    if (/(hosted by|host(?:ed)?(?: organi[sz]ation)?\s*:|at the invitation of|convened by|accueillie? par|hote\s*:)\s*(?:the\s+)?$/.test(before))
      return { value: m.id, evidence: ev(ctx, m, 0.9) };
    if (/^\s*(?:\([^)]{2,12}\)\s*)?(?:hosted|was the host|acted as host)\b/.test(after)) return { value: m.id, evidence: ev(ctx, m, 0.85) };
  }
  for (const m of ctx.organisations) {
    const before = ctx.lower.slice(Math.max(0, m.start - 40), m.start);
    if (/(?:organi[sz]ed by|visit(?:ed)? (?:to )?)\s*(?:the\s+)?$/.test(before)) return { value: m.id, evidence: ev(ctx, m, 0.6) };
  }
  return null;
}

const honorific = /\b(?:Ms|Mr|Mrs|Dr|Prof|H\.E|Ambassador|Amb|Judge|Mme|M)\.?\s+(?=\p{Lu})/gu;
const personName = /^(?:\p{Lu}[\p{L}'-]+)(?:\s+(?:(?:de|del|della|da|dos|van|von|der|den|di|du|al|bin|ter)\s+)*\p{Lu}[\p{L}'-]+)*/u;

function organisationIn(ctx: Ctx, span: Span): Mention | undefined {
  return ctx.organisations.find((o) => o.start >= span.start && o.end <= span.end);
}

function coChairFrom(ctx: Ctx, name: Span, title: Span | undefined): { value: CoChairDraft; evidence: Evidence } {
  const org = title ? organisationIn(ctx, title) : undefined;
  let titleText = title ? ctx.text.slice(title.start, title.end) : "";
  if (org && title) {
    // "EEAS Managing Director for …": the organisation is a field of its own.
    const before = ctx.text.slice(title.start, org.start);
    const after = ctx.text.slice(org.end, title.end);
    titleText = /^\s*$/.test(before) ? after : `${before}${after}`.replace(/,?\s*(?:of|at)?\s*(?:the\s*)?$/, "");
  }
  titleText = titleText.replace(/^[\s,(]+|[\s,;.)]+$/g, "").replace(/\s+/g, " ");
  const span = { start: Math.min(name.start, title?.start ?? name.start), end: Math.max(name.end, title?.end ?? name.end) };
  while (span.end > span.start && /[\s.,;]/.test(ctx.text[span.end - 1] ?? "")) span.end--;
  return {
    value: { name: ctx.text.slice(name.start, name.end).trim(), title: titleText, organisationId: org?.id ?? null },
    evidence: ev(ctx, span, org ? 0.85 : 0.7),
  };
}

function pickCoChairs(ctx: Ctx): { value: CoChairDraft; evidence: Evidence }[] {
  const clauses: Span[] = [];
  for (const m of ctx.folded.matchAll(/\b(?:co-?chaired|jointly chaired|chaired jointly|co-?presided)\s+by\s+/gi)) {
    const s = sentenceAt(ctx.sentences, m.index);
    if (s) clauses.push({ start: m.index + m[0].length, end: s.end });
  }
  for (const m of ctx.folded.matchAll(/^[ \t]*(?:co-?chairs?|chairs?|chaired by|co-?presidents?)[ \t]*:[ \t]*/gim)) {
    const start = m.index + m[0].length;
    const lineEnd = ctx.folded.indexOf("\n", start);
    clauses.push({ start, end: lineEnd === -1 ? ctx.text.length : lineEnd });
  }
  const out: { value: CoChairDraft; evidence: Evidence }[] = [];
  for (const clause of clauses) {
    const body = ctx.folded.slice(clause.start, clause.end);
    const titles = [...body.matchAll(honorific)];
    if (titles.length) {
      let segStart = 0;
      // "Ms. X, EEAS Managing Director …, and Mr. Y, …": titles follow the names.
      const titlesAfter = !body.slice(0, titles[0]?.index ?? 0).trim();
      titles.forEach((h, i) => {
        const nameStart = h.index + h[0].length;
        const name = personName.exec(body.slice(nameStart));
        if (!name) return;
        const nameEnd = nameStart + name[0].length;
        let title: Span | undefined;
        const head = body.slice(segStart, h.index).replace(/^[\s,;]*(?:and\s+)?/, "");
        if (titlesAfter) {
          const next = titles[i + 1]?.index ?? body.length;
          const tail = /^\s*[,(]\s*([^]*?)\s*(?:,?\s*(?:and|et)\s*$|[;)]\s*(?:and\s*)?$|$)/.exec(body.slice(nameEnd, next));
          title = tail?.[1] ? { start: nameEnd + tail[0].indexOf(tail[1]), end: nameEnd + tail[0].indexOf(tail[1]) + tail[1].length } : undefined;
        } else if (head.trim()) title = { start: segStart + body.slice(segStart, h.index).indexOf(head), end: h.index };
        out.push(coChairFrom(ctx, { start: clause.start + nameStart, end: clause.start + nameEnd }, title && { start: clause.start + title.start, end: clause.start + title.end }));
        segStart = nameEnd;
      });
      continue;
    }
    // "X (EEAS) and Y (UNODC)", "X, EEAS; Y, UNODC"
    for (const p of splitPeople(body)) {
      const raw = p.text.replace(/^[\s,]*(?:and\s+)?/, "");
      const offset = p.start + p.text.indexOf(raw);
      const name = personName.exec(raw);
      if (!name || name[0].split(/\s+/).length < 2) continue;
      const rest = raw.slice(name[0].length);
      const titleMatch = /^\s*[,(]\s*([^)]*)/.exec(rest);
      const titleStart = titleMatch?.[1] ? offset + name[0].length + titleMatch[0].indexOf(titleMatch[1]) : undefined;
      out.push(
        coChairFrom(
          ctx,
          { start: clause.start + offset, end: clause.start + offset + name[0].length },
          titleStart !== undefined && titleMatch?.[1] ? { start: clause.start + titleStart, end: clause.start + titleStart + titleMatch[1].trimEnd().length } : undefined,
        ),
      );
    }
  }
  // One person named twice (a caption and the text) is one co-chair.
  const seen = new Set<string>();
  return out.filter((c) => (seen.has(c.value.name) ? false : (seen.add(c.value.name), true)));
}

/** Split a list of people at ";" or, when there is none, at "and" — never inside brackets. */
function splitPeople(body: string): { start: number; text: string }[] {
  const separator = body.includes(";") ? /^;/ : /^,?\s+and\s+(?=\p{Lu})/u;
  const out: { start: number; text: string }[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === "(") depth++;
    else if (c === ")") depth = Math.max(0, depth - 1);
    else if (depth === 0) {
      const sep = separator.exec(body.slice(i, i + 8));
      if (sep) {
        out.push({ start, text: body.slice(start, i) });
        start = i + sep[0].length;
        i = start - 1;
      }
    }
  }
  out.push({ start, text: body.slice(start) });
  return out;
}

const numberWords: Record<string, number> = {
  ten: 10, twelve: 12, fifteen: 15, twenty: 20, "twenty-five": 25, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100, "a hundred": 100, "one hundred": 100,
};

function pickParticipantCount(ctx: Ctx): { value: number; evidence: Evidence } | null {
  const label = /^[ \t]*(?:participants|attendance|number of participants)[ \t]*:[ \t]*(\d{1,5})\b/im.exec(ctx.folded);
  if (label?.[1]) return { value: Number(label[1]), evidence: ev(ctx, { start: label.index, end: label.index + label[0].length }, 0.9) };
  const qualifier = "(over|more than|some|about|around|approximately|nearly|almost|close to|up to|plus de|environ)";
  const count = `(\\d{1,5}|${Object.keys(numberWords).join("|")})`;
  const people = "(participants|attendees|delegates|officials|representatives|people|experts|colleagues|staff members|persons)";
  for (const m of findAll(ctx.lower, `(?:${qualifier}\\s+)?${count}\\s+(?:[\\p{L}-]+\\s+){0,4}?${people}`)) {
    const raw = m.groups[1] ?? "";
    const value = /^\d+$/.test(raw) ? Number(raw) : numberWords[raw];
    if (!value || (value >= 1900 && value <= 2100)) continue;
    return { value, evidence: ev(ctx, m, m.groups[0] ? 0.7 : 0.85) };
  }
  for (const m of findAll(ctx.lower, `(?:attended by|brought together|gathered)\\s+(?:${qualifier}\\s+)?${count}\\b`)) {
    const raw = m.groups[1] ?? "";
    const value = /^\d+$/.test(raw) ? Number(raw) : numberWords[raw];
    if (value) return { value, evidence: ev(ctx, m, 0.7) };
  }
  return null;
}

const eventHead = "(?:Week|Dialogue|Conference|Summit|Forum|Meeting|Session|Congress|Ministerial|Roundtable|Round Table|Workshop|Seminar|Symposium|Consultations|Assembly|Commission on Narcotic Drugs)";
const documentHead = "(?:Strategic Vision|Strategy|Action Plan|Programme|Program|Declaration|Roadmap|Road Map|Report|Agenda|Framework)";
const months = "(?:January|February|March|April|May|June|July|August|September|October|November|December)\\b";
// "… Strategic Vision for Latin America and the Caribbean"; bounded, so a long text cannot make it crawl.
const continuation = new RegExp(`\\s+(?:for|on|of|in)\\s+(?:the\\s+)?(?!${months})\\p{Lu}[\\p{L}'-]*(?:(?:\\s+and\\s+the|\\s+and|\\s+of|\\s+the)?\\s+\\p{Lu}[\\p{L}'-]*){0,8}`, "uy");
const capWord = /^(?:\d+(?:st|nd|rd|th)|\p{Lu}[\p{L}\p{N}'-]*)$/u;
const linkWord = /^(?:of|on|for|and|the|in|de|du|des|to)$/;

/**
 * Capitalised names ending in a head noun ("EU-Africa Week"): find the head, then walk back
 * over capitalised words (and "of", "and" between them), then forward over "for …".
 */
function namedSpans(folded: string, head: string): Span[] {
  const out: Span[] = [];
  for (const m of folded.matchAll(new RegExp(`(?<=\\s)${head}(?![\\p{L}\\p{N}])`, "gu"))) {
    let at = m.index;
    let start = -1;
    for (let words = 0; words < 12; words++) {
      const word = /(\S+)\s+$/.exec(folded.slice(Math.max(0, at - 60), at));
      if (!word?.[1]) break;
      const wordStart = at - word[0].length;
      if (capWord.test(word[1])) start = wordStart;
      else if (!linkWord.test(word[1])) break;
      at = wordStart;
    }
    if (start < 0) continue;
    continuation.lastIndex = m.index + m[0].length;
    const more = continuation.exec(folded);
    out.push({ start, end: more ? more.index + more[0].length : m.index + m[0].length });
  }
  return out;
}

function pickRelatedEvents(ctx: Ctx, series: SeriesMention[], current: SeriesMention | undefined, heldOn: string | null) {
  const dates = [...findDates(ctx.text), ...findRelativeMonths(ctx.text, heldOn)].sort((a, b) => a.start - b.start);
  const found: { title: string; span: Span; kind: "event" | "document" }[] = [];
  const isCurrent = (s: Span) =>
    series.some((m) => m.start < s.end && s.start < m.end && current && m.id === current.id && (m.number === null || m.number === current.number));
  // Another meeting of a series: the next one, or an earlier one.
  for (const m of series) {
    if (current && m.id === current.id && (m.number === null || m.number === current.number)) continue;
    if (found.some((f) => f.span.start < m.end && m.start < f.span.end)) continue;
    const ref = ctx.refs.series.find((s) => s.id === m.id);
    if (ref) found.push({ title: m.number ? `${ordinal(m.number)} ${ref.name}` : ref.name, span: m, kind: "event" });
  }
  for (const [kind, head] of [["event", eventHead], ["document", documentHead]] as const) {
    for (const m of namedSpans(ctx.folded, head)) {
      let span: Span = m;
      const lead = /^(?:The|This|That|Its|Their|Our)\s+/.exec(ctx.text.slice(m.start, m.end));
      if (lead) span = { start: m.start + lead[0].length, end: m.end };
      if (isCurrent(span) || found.some((f) => f.span.start < span.end && span.start < f.span.end)) continue;
      const title = ctx.text.slice(span.start, span.end).replace(/\s+/g, " ");
      if (kind === "document") {
        const s = sentenceText(ctx, span.start);
        const verb = /\b(launch(?:ed)?|adopted|adoption|presented|presentation|signed|signing|unveiled)\b/.exec(s)?.[1];
        if (!verb) continue;
        const noun = verb.startsWith("launch") || verb === "unveiled" ? "Launch" : verb.startsWith("adopt") ? "Adoption" : verb.startsWith("sign") ? "Signing" : "Presentation";
        found.push({ title: `${noun} of the ${title}`, span, kind });
      } else found.push({ title, span, kind });
    }
  }
  found.sort((a, b) => a.span.start - b.span.start);
  return found.map((f, i) => {
    const s = sentenceAt(ctx.sentences, f.span.start);
    const nextEvent = found[i + 1]?.span.start ?? Infinity;
    const prevEvent = found[i - 1]?.span.end ?? -Infinity;
    const inSentence = (d: Span) => !!s && d.start >= s.start && d.end <= s.end;
    const after = dates.find((d) => inSentence(d) && d.start >= f.span.end && d.start < nextEvent);
    const before = [...dates].reverse().find((d) => inSentence(d) && d.end <= f.span.start && d.end > prevEvent && !/\b(on|held)\s*$/.test(ctx.lower.slice(Math.max(0, d.start - 8), d.start)));
    const parallel = /(in parallel (?:to|with)|alongside|on the margins? of|in the margins? of|back-to-back with)\s+(?:the\s+)?$/.test(ctx.lower.slice(Math.max(0, f.span.start - 40), f.span.start));
    const date = after ?? before;
    const end = Math.max(f.span.end, date && date.start > f.span.end ? date.end : f.span.end);
    const start = Math.min(f.span.start, date && date.end <= f.span.start ? date.start : f.span.start);
    return {
      value: { title: f.title, date: date?.value ?? (parallel ? heldOn : null) },
      evidence: ev(ctx, { start, end }, date ? 0.75 : parallel ? 0.6 : 0.55),
    };
  });
}

const commitment = /\b(will|shall|agreed to|agree to|agrees to|undertook to|undertakes to|undertake to|committed to|commit to|commits to|is to|are to|was tasked|were tasked|is tasked|are tasked|to follow up|s'engage|s'engagent|va|vont)\b/;
const notACommitment = /\b(next meeting|will take place|will be held|will be hosted|will meet again|prochaine reunion)\b/;

function pickFollowUps(ctx: Ctx, areas: Mention[]) {
  const out: { value: FollowUpCandidate; evidence: Evidence }[] = [];
  for (const s of ctx.sentences) {
    const lower = ctx.lower.slice(s.start, s.end);
    const labelled = /^\s*(?:[-*\u2022]\s*)?(?:action(?: point)?s?|follow[- ]up|to do)\s*[:\-\u2013]\s*/i.exec(s.text);
    const bullet = /^\s*(?:[-*\u2022\u2013]|\d+[.)])\s+/.exec(s.text);
    // Minutes write "UNODC to circulate …": an organisation, then "to" and a verb.
    const subject = ctx.organisations.find((o) => o.start >= s.start && o.start <= s.start + (bullet?.[0].length ?? 0) + 4);
    const assigned = !!subject && /^(?:\s+and\s+(?:the\s+)?[\p{L} -]{2,60}?)?\s+(?:to|will|shall)\s+\p{L}/u.test(ctx.folded.slice(subject.end, subject.end + 80));
    if (notACommitment.test(lower) || (!labelled && !assigned && !commitment.test(lower))) continue;
    let start = s.start;
    let end = s.end;
    start += labelled?.[0].length ?? bullet?.[0].length ?? 0;
    // A quotation: the words inside the marks.
    const quoted = /^\s*["\u201c]([^"\u201d]+)["\u201d]/.exec(ctx.text.slice(start, end));
    if (quoted?.[1]) {
      start = start + quoted[0].indexOf(quoted[1]);
      end = start + quoted[1].length;
    }
    const raw = ctx.text.slice(start, end).replace(/\s+/g, " ").replace(/[\s,;.]+$/, "").trim();
    if (raw.length < 12) continue;
    const text = raw.length > 300 ? `${raw.slice(0, 297)}…` : raw;
    const within = (m: Span) => m.start >= s.start && m.end <= s.end;
    const owner = ctx.organisations.find(within);
    const area = areas.find(within);
    const due = findDates(ctx.text.slice(s.start, s.end)).find((d) => /\b(by|before|until|no later than|d'ici|avant)\s+(?:the\s+end\s+of\s+|end\s+)?$/.test(plain(ctx.text.slice(s.start, s.start + d.start))));
    out.push({
      value: { text: text.charAt(0).toUpperCase() + text.slice(1), ownerOrganisationId: owner?.id ?? null, priorityAreaId: area?.id ?? null, dueOn: due ? endOf(due) : null },
      evidence: ev(ctx, { start, end }, labelled || assigned ? 0.85 : owner ? 0.6 : 0.45),
    });
  }
  return out;
}

/** "by March 2022" is by the end of March. */
function endOf(d: FoundDate): string {
  if (d.precision === "day") return d.value;
  const [y, m] = d.value.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** The whole draft. `refs` are the reference lists to match against (archived entries are skipped). */
export function extractMeetingDraft(text: string, refs: References): MeetingDraft {
  const ctx: Ctx = { text, lower: plain(text), folded: fold(text), sentences: sentences(text), organisations: findOrganisations(text, refs.organisations), refs };
  const seriesMentions = findSeries(text, refs.series);
  const current = pickSeries(ctx, seriesMentions);
  const heldOn = pickHeldOn(ctx, findDates(text));
  const title = pickTitle(ctx, current);
  const format = pickFormat(ctx);
  const location = pickLocation(ctx, format?.value ?? null, format?.evidence ?? null);
  const host = pickHost(ctx);
  const coChairs = pickCoChairs(ctx);
  const areaMentions = findPriorityAreas(text, refs.priorityAreas, [...ctx.organisations, ...seriesMentions]);
  const count = pickParticipantCount(ctx);
  const events = pickRelatedEvents(ctx, seriesMentions, current, heldOn?.value ?? null);
  const followUps = pickFollowUps(ctx, areaMentions);

  // Participants: the host, the co-chairs' organisations, then everyone named, in the order they appear.
  const participants = new Map<string, ItemEvidence>();
  const addParticipant = (id: string | null, evidence: Evidence | null | undefined) => {
    if (id && evidence && !participants.has(id)) participants.set(id, { ...evidence, id });
  };
  const firstMention = (id: string) => ctx.organisations.find((m) => m.id === id);
  for (const m of ctx.organisations) addParticipant(m.id, ev(ctx, m, m.confidence));
  if (host) addParticipant(host.value, host.evidence);
  for (const c of coChairs) addParticipant(c.value.organisationId, firstMention(c.value.organisationId ?? ""));

  const areas = new Map<string, ItemEvidence>();
  // The clearest mention of each area is its evidence ("counterterrorism" over "terrorism").
  for (const m of areaMentions) if ((areas.get(m.id)?.confidence ?? 0) < m.confidence) areas.set(m.id, { ...ev(ctx, m, m.confidence), id: m.id });

  return {
    title: title?.value ?? null,
    heldOn: heldOn?.value ?? null,
    format: format?.value ?? null,
    location: location?.value ?? null,
    seriesId: current?.id ?? null,
    seriesNumber: current?.number ?? null,
    hostOrganisationId: host?.value ?? null,
    coChairs: coChairs.map((c) => c.value),
    participantOrganisationIds: [...participants.keys()],
    priorityAreaIds: [...areas.keys()],
    participantCount: count?.value ?? null,
    relatedEvents: events.map((e) => e.value),
    followUpCandidates: followUps.map((f) => f.value),
    evidence: {
      title: title?.evidence ?? null,
      heldOn: heldOn?.evidence ?? null,
      format: format?.evidence ?? null,
      location: location?.evidence ?? null,
      seriesId: current ? ev(ctx, current, current.confidence) : null,
      seriesNumber: current?.number ? ev(ctx, current, 0.9) : null,
      hostOrganisationId: host?.evidence ?? null,
      coChairs: coChairs.map((c) => c.evidence),
      participantOrganisationIds: [...participants.values()],
      priorityAreaIds: [...areas.values()],
      participantCount: count?.evidence ?? null,
      relatedEvents: events.map((e) => e.evidence),
      followUpCandidates: followUps.map((f) => f.evidence),
    },
  };
}

export type { OrganisationRef, References };
