/**
 * A meeting draft from pasted minutes or a press release: deterministic rules over the text
 * and the reference lists, no network and no model. Every field carries the words it came
 * from (offsets into the text) and a confidence, so a person can check it before accepting.
 */
import type { meetingFormats } from "@/db/schema";
import { findCommitments, findPeople, languageOf } from "./commitments";
import { findDates, findRelativeMonths, type FoundDate } from "./dates";
import { findDeadline } from "./deadlines";
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
import { findAll, fold, lastWord, plain, sentenceAt, sentences, type Span, trailingBracket, trimChars, whitespace } from "./text";

export type Evidence = Span & { text: string; confidence: number };
export type ItemEvidence = Evidence & { id: string };
export type MeetingFormat = (typeof meetingFormats)[number];
export type CoChairDraft = { name: string; title: string; organisationId: string | null };
export type RelatedEventDraft = { title: string; date: string | null };
/** dueApproximate: the due date was read from words like "in the autumn" (the season's end). */
export type FollowUpCandidate = { text: string; ownerOrganisationId: string | null; priorityAreaId: string | null; dueOn: string | null; dueApproximate: boolean };
/** A numbered topic of the minutes ("3. Maritime crime: …"), with the candidates agreed under it (their indexes). */
export type AgendaItemDraft = { title: string; priorityAreaId: string | null; followUpCandidateIndexes: number[] };

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
  agendaItems: AgendaItemDraft[];
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
    agendaItems: Evidence[];
  };
};

type Sentence = Span & { text: string };
/** `steps` counts the characters the per-match rules look at, so a test can bound the work without a clock. */
type Ctx = { text: string; lower: string; folded: string; sentences: Sentence[]; organisations: Mention[]; refs: References; steps: number };

/**
 * Every rule that looks around one match reads a bounded window, never the whole sentence or line:
 * a 50,000-character line with a date every few words must cost linear, not quadratic, work.
 */
const reach = 240;
/** At most this many candidates of one kind are weighed: more is no press release, and each costs work. */
const most = 400;

function look(ctx: Ctx, from: number, to: number, source: "lower" | "text" | "folded" = "lower"): string {
  const start = Math.max(0, from);
  const end = Math.min(ctx.text.length, Math.max(start, to));
  ctx.steps += end - start + 1;
  return ctx[source].slice(start, end);
}

const ev = (ctx: Ctx, span: Span, confidence: number): Evidence => ({
  start: span.start,
  end: span.end,
  text: ctx.text.slice(span.start, span.end),
  confidence: Math.round(confidence * 100) / 100,
});

const meetingVerbs = /\b(held|hold|took place|take place|met|meet|meeting (?:on|of)|convened|gathered|hosted|visited|visit|call (?:on|of)|joined|s'est tenue?|s'est deroulee?|a eu lieu|se sont reunis|se sont retrouves|ont tenu|a accueilli|reunion du)\b/;
const futureWords = /\b(will|shall|next|by|before|until|deadline|due|no later than|d'ici|avant|au plus tard|prochaine?)\b/;

/** The sentence around a position, cut to `reach` characters either side. */
function sentenceText(ctx: Ctx, at: number): string {
  const s = sentenceAt(ctx.sentences, at);
  return s ? look(ctx, Math.max(s.start, at - reach), Math.min(s.end, at + reach)) : "";
}

/** The line before a position, at most 80 characters of it. */
function lineBefore(ctx: Ctx, at: number): string {
  const before = look(ctx, at - 80, at);
  return before.slice(before.lastIndexOf("\n") + 1);
}

function pickHeldOn(ctx: Ctx, dates: FoundDate[]): { value: string; evidence: Evidence } | null {
  let best: { score: number; date: FoundDate; confidence: number } | undefined;
  dates
    .filter((d) => d.precision === "day")
    .slice(0, most)
    .forEach((d, i) => {
      const s = sentenceText(ctx, d.start);
      const before = lineBefore(ctx, d.start);
      let score = 0;
      let confidence = 0.6;
      const label = before.trimEnd();
      if (/\b(?:date|held on|when|le)$/.test(label.endsWith(":") ? label.slice(0, -1).trimEnd() : label) && before.includes(":")) {
        score += 4;
        confidence = 0.95;
      }
      if (meetingVerbs.test(s)) {
        score += 2;
        confidence = Math.max(confidence, 0.9);
      }
      if (futureWords.test(s) && !meetingVerbs.test(s)) score -= 3;
      if (/\b(next meeting|will take place|will be held|prochaine)\b/.test(s)) score -= 4;
      const near = look(ctx, d.start - 30, d.start);
      if (/\b(?:by|before|until|no later than|d'ici)\s+(?:the\s+end\s+of\s+)?$/.test(near)) score -= 4;
      else if (/\b(?:of|since|following|after)\s+$/.test(near)) score -= 1.5; // "the dialogue of 9 December 2021"
      else if (/\b(?:on|le)\s+$/.test(near)) score += 1;
      if (i === 0) score += 0.5;
      if (/^[\p{L}\s,.'-]*$/u.test(before) && /^\s*(?:\n|$)/.test(look(ctx, d.end, d.end + 2))) {
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
    const before = look(ctx, m.start - 40, m.start);
    const heading = ctx.sentences[0] && m.start < ctx.sentences[0].end;
    // "a follow-up call to the 16th SOM" is about another meeting.
    const another = /\b(?:to|ahead of|before|after|following|since|outcome of|results of|follow-up (?:of|from)|margins of|parallel to|alongside)\s+(?:the\s+)?$/.test(before);
    return (m.number ? 3 : 0) + (meetingVerbs.test(s) ? 1 : 0) + (heading ? 2 : 0) - (/\b(next|will|prochaine)\b/.test(s) ? 4 : 0) - (another ? 5 : 0);
  };
  const ids = [...new Set(mentions.map((m) => m.id))];
  const scores = new Map(mentions.slice(0, most).map((m) => [m, score(m)]));
  const scoreOf = (m: SeriesMention) => scores.get(m) ?? -Infinity;
  let chosen: { id: string; total: number; main: SeriesMention } | undefined;
  for (const id of ids) {
    const own = mentions.filter((m) => m.id === id && scores.has(m));
    const main = [...own].sort((a, b) => scoreOf(b) - scoreOf(a) || a.start - b.start)[0];
    if (!main) continue;
    const total = own.length + own.reduce((best, m) => Math.max(best, scoreOf(m)), 0);
    if (!chosen || total > chosen.total) chosen = { id, total, main };
  }
  return chosen && scoreOf(chosen.main) > 0 ? chosen.main : undefined;
}

function pickTitle(ctx: Ctx, series: SeriesMention | undefined): { value: string; evidence: Evidence } | null {
  const seriesRef = series ? ctx.refs.series.find((s) => s.id === series.id) : undefined;
  if (seriesRef && series?.number) return { value: `${ordinal(series.number)} ${seriesRef.name}`, evidence: ev(ctx, series, 0.85) };
  const label = /^[ \t]*(?:title|subject|meeting|re|objet)[ \t]*:[ \t]*(\S.*)$/im.exec(ctx.folded);
  if (label?.[1]) {
    const start = label.index + label[0].length - label[1].length;
    return { value: label[1].trim(), evidence: ev(ctx, { start, end: start + label[1].trimEnd().length }, 0.9) };
  }
  const first = ctx.sentences[0];
  const firstLine = first && !ctx.text.slice(first.start, first.end).includes("\n") ? first : undefined;
  if (firstLine && firstLine.text.length <= 160 && !/[.!?]$/.test(firstLine.text) && !/^\W*\d{1,2}[\s/.]/.test(firstLine.text)) {
    const prefix = /^(?:minutes|summary record|record|notes|report|compte rendu|compte-rendu|releve de conclusions|relevé de conclusions|proces-verbal|procès-verbal)(?:\s+(?:of|from|de|du))?(?:\s+(?:the|la|le))?\s*[:\-–—]?\s*/i.exec(firstLine.text);
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
  ["in_person", "in[- ]person|face[- ]to[- ]face|on[- ]site|en presentiel|en personne|sur place|field visit|study visit|joint mission|visit(?:ed)? (?:to )?the|mission conjointe|s'est rendue?s?|se sont rendu(?:e?s)?|visite de terrain", 0.75],
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
  // French names of cities written otherwise in English.
  "Vienne", "Genève", "La Haye", "Lisbonne", "Varsovie", "Le Caire", "Addis-Abeba", "Abidjan", "Conakry", "Bissau", "Praia", "Libreville", "Yaoundé",
  "Douala", "Kinshasa", "N'Djamena", "Alger", "Londres", "Bruxelles", "Bogota", "Mexico", "Panama", "Lomé", "Port-au-Prince",
];

function pickLocation(ctx: Ctx, format: MeetingFormat | null, formatEvidence: Evidence | null): { value: string; evidence: Evidence } | null {
  const label = /^[ \t]*(?:location|venue|place|lieu)[ \t]*:[ \t]*(\S.*)$/im.exec(ctx.folded);
  if (label?.[1]) {
    const start = label.index + label[0].length - label[1].length;
    return { value: label[1].trim(), evidence: ev(ctx, { start, end: start + label[1].trimEnd().length }, 0.95) };
  }
  // Cities the organisation list knows ("… (Dakar)") besides the built-in ones.
  const known = new Set(cities);
  for (const o of ctx.refs.organisations) {
    const city = trailingBracket(o.name)?.inside;
    if (city) known.add(city);
  }
  const inOrganisation = (s: Span) => ctx.organisations.some((o) => o.start <= s.start && s.end <= o.end);
  let best: { score: number; span: Span; value: string } | undefined;
  for (const city of known) {
    for (const m of findAll(ctx.lower, plain(city).replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "\\s+")).slice(0, most)) {
      if (inOrganisation(m)) continue;
      const s = sentenceText(ctx, m.start);
      const before = look(ctx, m.start - 40, m.start);
      let score = 1;
      if (meetingVerbs.test(s) || /\bformat\b/.test(s)) score += 2;
      if (/\b(in|at|a|en)\s+$/.test(before)) score += 1;
      // At the start of a line: only white space since the last line break (or since the window's start).
      const startsLine = !before.trim() || before.slice(before.trimEnd().length).includes("\n");
      if (startsLine && /^,?\s*(?:le\s+|du\s+|on\s+)?\d/.test(look(ctx, m.end, m.end + 8, "text"))) score += 2; // "Brussels, 15 February 2022", "Nairobi, du 11 au 12 septembre"
      if (/\b(launched|based|office in|from)\s+$/.test(before)) score -= 2;
      // "The next meeting will take place in Nairobi", "a workshop in Dushanbe by 30 November": another meeting's place.
      if (/\b(?:will|shall|agreed to|next|prochaine|d'ici|by \d)\b/.test(s) || /(?:ra|ront)\b/.test(look(ctx, m.start - 60, m.start).replace(/\b(?:nigeria|angkara)\b/g, ""))) score -= 2;
      if (!best || score > best.score) best = { score, span: m, value: city };
    }
  }
  if (best && best.score >= 2) return { value: best.value, evidence: ev(ctx, best.span, best.score >= 4 ? 0.85 : 0.65) };
  if (format === "virtual" && formatEvidence) return { value: "Online", evidence: { ...formatEvidence, confidence: 0.7 } };
  return null;
}

function pickHost(ctx: Ctx): { value: string; evidence: Evidence } | null {
  for (const m of ctx.organisations) {
    const before = look(ctx, m.start - 60, m.start);
    const after = look(ctx, m.end, m.end + 30);
    // "hosted by the European Commission's DG HOME": the host is the one after the possessive.
    if (/^'s\s/.test(after)) continue;
    if (/(hosted by(?: the european commission's| the commission's)?|host(?:ed)?(?: organi[sz]ation)?\s*:|at the invitation of|convened by|accueillie?s? par|a l'invitation d[eu]|sous l'egide d[eu]|hote\s*:|organisateur\s*:|pays hote\s*:)\s*(?:the\s+|l'|la\s+|le\s+)?$/.test(before))
      return { value: m.id, evidence: ev(ctx, m, 0.9) };
    if (/^\s*(?:\([^)]{2,12}\)\s*)?(?:hosted|was the host|acted as host|a accueilli|accueillait|etait l'hote)\b/.test(after)) return { value: m.id, evidence: ev(ctx, m, 0.85) };
  }
  for (const m of ctx.organisations) {
    const before = look(ctx, m.start - 40, m.start);
    if (/(?:(?<!co-)chair\s*:|(?<!co-)presidence\s*:|organi[sz]ed by|organisee?s? par|visit(?:ed)? (?:to )?|(?<!co-)chaired by|\bled by|conduite? par|menee? par|(?<!co-)presidee? par|(?:held|met|took place)\b[^.\n]{0,30}\bat|(?:tenue?|reunis)\b[^.\n]{0,30}\bau(?:\s+siege\s+d[eu])?)\s*(?:the\s+|l'|la\s+|le\s+)?$/.test(before))
      return { value: m.id, evidence: ev(ctx, m, 0.6) };
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
    titleText = !before.trim() ? after : withoutTrailingLink(`${before}${after}`);
  }
  titleText = trimChars(trimChars(titleText, `${whitespace},(`, "start"), `${whitespace},;.)`, "end").replace(/\s+/g, " ");
  const span = { start: Math.min(name.start, title?.start ?? name.start), end: Math.max(name.end, title?.end ?? name.end) };
  while (span.end > span.start && /[\s.,;]/.test(ctx.text[span.end - 1] ?? "")) span.end--;
  return {
    value: { name: ctx.text.slice(name.start, name.end).trim(), title: titleText, organisationId: org?.id ?? null },
    evidence: ev(ctx, span, org ? 0.85 : 0.7),
  };
}

/** "Director of the" → "Director": the words that led into an organisation's name. */
function withoutTrailingLink(title: string): string {
  let t = title.trimEnd();
  const dropWord = (w: string) => {
    if (t.endsWith(w) && (t.length === w.length || /[\s,]/.test(t[t.length - w.length - 1] ?? ""))) t = t.slice(0, -w.length).trimEnd();
  };
  dropWord("the");
  dropWord("of");
  dropWord("at");
  return t.endsWith(",") ? t.slice(0, -1) : t;
}

/** The title after a name: ", EEAS Managing Director, and" → "EEAS Managing Director". */
function titleAfter(segment: string): { text: string; offset: number } | undefined {
  const lead = /^\s*[,(]\s*/.exec(segment);
  if (!lead) return undefined;
  let t = segment.trimEnd();
  const endsWithWord = (w: string) => t.endsWith(w) && t.length > w.length && /[\s,;)]/.test(t[t.length - w.length - 1] ?? "");
  const conjunction = endsWithWord("and") ? 3 : endsWithWord("et") ? 2 : 0;
  if (conjunction) t = t.slice(0, -conjunction).trimEnd();
  if (t.endsWith(";") || t.endsWith(")") || (conjunction && t.endsWith(","))) t = t.slice(0, -1).trimEnd();
  const text = t.slice(lead[0].length);
  return text ? { text, offset: lead[0].length } : undefined;
}

function pickCoChairs(ctx: Ctx): { value: CoChairDraft; evidence: Evidence }[] {
  const clauses: Span[] = [];
  for (const m of ctx.folded.matchAll(/\b(?:co-?chaired|jointly chaired|chaired jointly|co-?presided)\s+by\s+/gi)) {
    const s = sentenceAt(ctx.sentences, m.index);
    // A clause names a few people: bounded, so a long text with many "chaired by" stays linear.
    if (s) clauses.push({ start: m.index + m[0].length, end: Math.min(s.end, m.index + m[0].length + 600) });
  }
  for (const m of ctx.folded.matchAll(/^[ \t]*(?:co-?chairs?|chairs?|chaired by|co-?presidents?)[ \t]*:[ \t]*/gim)) {
    const start = m.index + m[0].length;
    const lineEnd = ctx.folded.indexOf("\n", start);
    clauses.push({ start, end: Math.min(lineEnd === -1 ? ctx.text.length : lineEnd, start + 600) });
  }
  const out: { value: CoChairDraft; evidence: Evidence }[] = [];
  for (const clause of clauses.slice(0, 20)) {
    const body = look(ctx, clause.start, clause.end, "folded");
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
          const tail = titleAfter(body.slice(nameEnd, next));
          title = tail ? { start: nameEnd + tail.offset, end: nameEnd + tail.offset + tail.text.length } : undefined;
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
  const label = /(?:^|[.;])[ \t]*(?:participants|attendance|number of participants)[ \t]*:[ \t]*(\d{1,5})\b/im.exec(ctx.folded);
  if (label?.[1]) {
    const start = label.index + Math.max(0, label[0].search(/[a-z]/i));
    return { value: Number(label[1]), evidence: ev(ctx, { start, end: label.index + label[0].length }, 0.9) };
  }
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
    if (out.length >= most) break;
    let at = m.index;
    let start = -1;
    for (let words = 0; words < 12; words++) {
      const word = lastWord(folded.slice(Math.max(0, at - 60), at));
      if (!word) break;
      const wordStart = at - word.length;
      if (capWord.test(word.word)) start = wordStart;
      else if (!linkWord.test(word.word)) break;
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
  for (const m of series.slice(0, most)) {
    if (current && m.id === current.id && (m.number === null || m.number === current.number)) continue;
    if (found.some((f) => f.span.start < m.end && m.start < f.span.end)) continue;
    const ref = ctx.refs.series.find((s) => s.id === m.id);
    if (ref) found.push({ title: m.number ? `${ordinal(m.number)} ${ref.name}` : ref.name, span: m, kind: "event" });
  }
  for (const [kind, head] of [["event", eventHead], ["document", documentHead]] as const) {
    for (const m of namedSpans(ctx.folded, head)) {
      let span: Span = m;
      const lead = /^(?:The|This|That|Its|Their|Our)\s+/.exec(look(ctx, m.start, Math.min(m.end, m.start + 12), "text"));
      if (lead) span = { start: m.start + lead[0].length, end: m.end };
      ctx.steps += found.length + series.length;
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
    ctx.steps += dates.length;
    const nextEvent = found[i + 1]?.span.start ?? Infinity;
    const prevEvent = found[i - 1]?.span.end ?? -Infinity;
    const inSentence = (d: Span) => !!s && d.start >= s.start && d.end <= s.end;
    const after = dates.find((d) => inSentence(d) && d.start >= f.span.end && d.start < nextEvent);
    const before = [...dates].reverse().find((d) => inSentence(d) && d.end <= f.span.start && d.end > prevEvent && !/\b(on|held)\s*$/.test(look(ctx, d.start - 8, d.start)));
    const parallel = /(in parallel (?:to|with)|alongside|on the margins? of|in the margins? of|back-to-back with)\s+(?:the\s+)?$/.test(look(ctx, f.span.start - 40, f.span.start));
    const date = after ?? before;
    const end = Math.max(f.span.end, date && date.start > f.span.end ? date.end : f.span.end);
    const start = Math.min(f.span.start, date && date.end <= f.span.start ? date.start : f.span.start);
    return {
      value: { title: f.title, date: date?.value ?? (parallel ? heldOn : null) },
      evidence: ev(ctx, { start, end }, date ? 0.75 : parallel ? 0.6 : 0.55),
    };
  });
}

/** The meeting's own arrangements, not work to follow up: "will host the next meeting", "se tiendra à Vienne". */
const notACommitment = /\b(?:(?:hold|host|convene|organi[sz]e|schedule|tenir|accueillir|organiser|accueillera|organisera)\s+(?:the\s+|its\s+|their\s+|la\s+|sa\s+|leur\s+)?(?:next|prochaine)\s+(?:meeting|session|reunion)|take place|be held|be hosted|meet again|se tiendra|aura lieu)\b/;
/** A sentence without any of these words holds no commitment, and is not tagged. */
const englishHint = /\b(?:will|shall|would|should|to|agreed|agrees|undertook|undertakes|committed|commits|pledged|offered|volunteered|tasked|asked|requested|invited|expected|responsible|is|are|'ll)\b/;
const frenchHint = /(?:ra|ront|rait|raient)\b|\b(?:va|vont|doit|doivent|devra|devront|engage|engagent|engages|engagee|convenu|convenus|accepte|charge|chargee|charges|chargera|propose|a)\b|:/;

/** The index of the first span that starts at or after `at` (spans sorted by start). */
function firstFrom(spans: Span[], at: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((spans[mid]?.start ?? Infinity) < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

type CandidateFound = { value: FollowUpCandidate; evidence: Evidence };

/**
 * Candidate follow-ups: each commitment of each sentence, from its subject to the end of its clause,
 * with the subject's organisation as owner, the clause's deadline read against the meeting's date,
 * and the clause's (else the sentence's) priority area.
 */
function pickFollowUps(ctx: Ctx, areas: Mention[], heldOn: string | null, coChairs: CoChairDraft[]): CandidateFound[] {
  const out: CandidateFound[] = [];
  const lang = languageOf(ctx.lower);
  const people = findPeople(ctx.text, ctx.folded, coChairs, most);
  // Areas by position, keeping their order of preference (the list's order) for a clause with several.
  const areasByStart = areas.map((a, rank) => ({ ...a, rank })).sort((a, b) => a.start - b.start);
  const areaIn = (span: Span) => {
    let area: (Mention & { rank: number }) | undefined;
    for (let i = firstFrom(areasByStart, span.start); i < areasByStart.length && (areasByStart[i]?.start ?? Infinity) < span.end; i++) {
      const a = areasByStart[i];
      ctx.steps++;
      if (a && a.end <= span.end && (!area || a.rank < area.rank)) area = a;
    }
    return area;
  };
  const within = <T extends Span>(all: T[], s: Span) => {
    const from = firstFrom(all, s.start);
    let to = from;
    while (to < all.length && (all[to]?.start ?? Infinity) < s.end) to++;
    ctx.steps += to - from;
    return all.slice(from, to);
  };
  // A meeting on one topic ("… on illicit financial flows"): its follow-ups are that topic's unless they name another.
  const heading = ctx.sentences[0];
  const titleAreas = heading ? new Set(within(areasByStart, heading).map((a) => a.id)) : new Set<string>();
  const titleArea = titleAreas.size === 1 && heading ? areaIn(heading) : undefined;
  for (const s of ctx.sentences) {
    if (out.length >= most) break;
    const lower = look(ctx, s.start, s.end);
    if (!(lang === "en" ? englishHint : frenchHint).test(lower)) continue;
    const { commitments, steps } = findCommitments(ctx.text, ctx.lower, s, lang, within(ctx.organisations, s), within(people, s), most - out.length);
    ctx.steps += steps;
    for (const c of commitments) {
      const raw = ctx.text.slice(c.span.start, c.span.end).replace(/\s+/g, " ").trim();
      if (raw.length < 12 || notACommitment.test(plain(raw))) continue;
      // A bounded window for the deadline: a clause that runs on for pages is read at its start.
      const clauseEnd = Math.min(c.clause.end, c.clause.start + 2 * reach);
      const deadline = findDeadline(look(ctx, c.clause.start, clauseEnd, "text"), heldOn);
      // "The partners agreed to align the strategies" is a decision; with a deadline it is work to follow.
      if (c.group && c.agreed && !deadline) continue;
      const area = areaIn({ start: c.clause.start, end: clauseEnd }) ?? areaIn(s) ?? titleArea;
      const text = raw.length > 300 ? `${raw.slice(0, 297)}…` : raw;
      out.push({
        value: {
          text: text.charAt(0).toUpperCase() + text.slice(1),
          ownerOrganisationId: c.ownerId,
          priorityAreaId: area?.id ?? null,
          dueOn: deadline?.value ?? null,
          dueApproximate: deadline?.approximate ?? false,
        },
        evidence: ev(ctx, c.span, c.confidence),
      });
    }
  }
  return out;
}

/**
 * Agenda items of minutes that number their topics: "1. Opening", "3. Maritime crime: …",
 * "Item 4 – Youth engagement", "Point 2 : Flux illicites". A numbered line that is itself a
 * commitment ("1. UNODC to circulate …") is an action point, not an item.
 */
function pickAgendaItems(ctx: Ctx, areas: Mention[], candidates: CandidateFound[]) {
  const heads: { title: Span; line: number }[] = [];
  for (const m of ctx.folded.matchAll(/^[ \t]*(?:#{1,4}[ \t]*)?(?:(?:agenda item|item|point)[ \t]+)?(?:\d{1,2}|[IVX]{1,4})(?:[.)]|[ \t]*[:-])[ \t]*(?=\S)/gim)) {
    if (heads.length >= 100) break;
    const start = m.index + m[0].length;
    const lineEnd = ctx.folded.indexOf("\n", start);
    const line = look(ctx, start, Math.min(lineEnd < 0 ? ctx.text.length : lineEnd, start + 400), "folded");
    const colon = /[:\u2013\u2014]|\s-\s/.exec(line.slice(0, 100));
    const title = trimChars(colon ? line.slice(0, colon.index) : line, `${whitespace}.`);
    if (title.length < 3 || title.length > 90 || title.split(/\s+/).length > 12 || !/\p{L}/u.test(title)) continue;
    if (!colon && /[.;]\s*$/.test(line) && line.length > 60) continue;
    const at = start + line.indexOf(title);
    const titleSpan = { start: at, end: at + title.length };
    ctx.steps += candidates.length;
    if (candidates.some((c) => c.evidence.start < titleSpan.end && titleSpan.start < c.evidence.end)) continue;
    heads.push({ title: titleSpan, line: m.index });
  }
  // One numbered line is a list, not an agenda.
  if (heads.length < 2) return [];
  return heads.map((h, i) => {
    const end = heads[i + 1]?.line ?? ctx.text.length;
    ctx.steps += candidates.length + areas.length;
    const area = areas.find((a) => a.start >= h.title.start && a.end <= h.title.end);
    const indexes: number[] = [];
    candidates.forEach((c, n) => {
      if (c.evidence.start >= h.line && c.evidence.start < end) indexes.push(n);
    });
    return {
      value: { title: ctx.text.slice(h.title.start, h.title.end), priorityAreaId: area?.id ?? null, followUpCandidateIndexes: indexes },
      evidence: ev(ctx, h.title, area ? 0.85 : 0.75),
    };
  });
}

/** The whole draft. `refs` are the reference lists to match against (archived entries are skipped). */
export function extractMeetingDraft(text: string, refs: References): MeetingDraft {
  return extractMeetingDraftCounted(text, refs).draft;
}

/** The draft, and the steps its rules took (for the tests that keep the extractor linear). */
export function extractMeetingDraftCounted(text: string, refs: References): { draft: MeetingDraft; steps: number } {
  const ctx: Ctx = { text, lower: plain(text), folded: fold(text), sentences: sentences(text), organisations: findOrganisations(text, refs.organisations), refs, steps: 0 };
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
  const followUps = pickFollowUps(ctx, areaMentions, heldOn?.value ?? null, coChairs.map((c) => c.value));
  const agendaItems = pickAgendaItems(ctx, areaMentions, followUps);
  // A candidate with no topic of its own takes its agenda item's.
  for (const item of agendaItems) {
    for (const n of item.value.followUpCandidateIndexes) {
      const c = followUps[n];
      if (c && !c.value.priorityAreaId && item.value.priorityAreaId) c.value.priorityAreaId = item.value.priorityAreaId;
    }
  }

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

  const draft: MeetingDraft = {
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
    agendaItems: agendaItems.map((a) => a.value),
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
      agendaItems: agendaItems.map((a) => a.evidence),
    },
  };
  return { draft, steps: ctx.steps };
}

export type { OrganisationRef, References };
