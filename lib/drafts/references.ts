/**
 * Finding the reference lists (organisations, priority areas, meeting series) in a text: by
 * name, acronym and the variants people write. The lists are the input; nothing here reads
 * a database.
 */
import { escapeRegExp, findAll, fold, longestFirst, phrasePattern, plain, type Span } from "./text";

export type OrganisationRef = { id: string; name: string; acronym: string | null; parentId: string | null; archived?: boolean };
export type PriorityAreaRef = { id: string; name: string; slug: string; keywords?: string[] | null; archived?: boolean };
export type SeriesRef = { id: string; name: string; archived?: boolean };
export type References = { organisations: OrganisationRef[]; priorityAreas: PriorityAreaRef[]; series: SeriesRef[] };

export type Mention = Span & { id: string; text: string; confidence: number; via: string };

/**
 * Names people use that cannot be derived from the name and acronym, by acronym. Harmless
 * when an organisation with that acronym does not exist.
 */
export const organisationAliases: Record<string, string[]> = {
  UNODC: ["UN Office on Drugs and Crime", "United Nations Office on Drugs and Crime"],
  EEAS: ["European External Action Service", "EU External Action Service"],
  EC: ["European Commission", "the Commission", "Commission services"],
  "DG HOME": ["DG Migration and Home Affairs", "DG Home Affairs", "DG Migration", "DG Home"],
  "DG JUST": ["DG Justice", "DG Justice and Consumers"],
  "DG ENV": ["DG Environment"],
  "DG INTPA": ["DG International Partnerships", "DG DEVCO"],
  "DG NEAR": ["DG Neighbourhood and Enlargement", "DG Neighbourhood Policy and Enlargement Negotiations"],
  FPI: ["Foreign Policy Instrument Service", "Foreign Policy Instruments Service", "Service for Foreign Policy Instruments", "Foreign Policy Instruments"],
  "EUDEL Vienna": ["EU Delegation in Vienna", "EU Delegation to the UN in Vienna", "EU Delegation to the International Organisations in Vienna", "EU Delegation to the International Organizations in Vienna"],
  "EU Delegation Vienna": ["EU Delegation in Vienna", "EU Delegation to the International Organisations in Vienna"],
};

/** Synonyms per priority area, by slug: used when an area has no keywords of its own yet. */
export const builtInAreaKeywords: Record<string, string[]> = {
  afghanistan: ["Afghanistan", "Afghan", "Afghanistan and its neighbours"],
  "trafficking-smuggling": ["human trafficking", "trafficking in persons", "trafficking in human beings", "migrant smuggling", "smuggling of migrants"],
  "illicit-flows": ["illicit flows", "illicit financial flows", "money laundering", "anti-money laundering", "asset recovery"],
  "environmental-crime": ["environmental crime", "environmental crimes", "crimes that affect the environment", "wildlife crime", "wildlife trafficking", "forest crime"],
  "maritime-crime": ["maritime crime", "piracy", "maritime security", "crime at sea"],
  digitalisation: ["digitalisation", "digitalization", "cybercrime", "cyber crime", "digital evidence", "digital transformation"],
  drugs: ["drugs", "drug", "narcotics", "drug trafficking", "drug use", "opium", "cocaine", "heroin"],
  corruption: ["corruption", "anti-corruption", "UNCAC"],
  counterterrorism: ["counterterrorism", "counter-terrorism", "terrorism", "countering terrorism", "violent extremism"],
  "youth-engagement": ["youth engagement", "youth", "young people"],
};

type Variant = { pattern: string; caseSensitive: boolean; confidence: number; via: string };

function acronymVariant(acronym: string): Variant | undefined {
  const a = fold(acronym).trim();
  // A one- or two-letter acronym that is also a word ("DO", "EC" in lower case) counts only in capitals.
  if (a.length < 2) return undefined;
  return { pattern: a.split(/\s+/).map(escapeRegExp).join("\\s+"), caseSensitive: true, confidence: 0.95, via: "acronym" };
}

/** Name, acronym, "DG X" for "Directorate-General for X", the name without its parent's acronym or its "(City)", and aliases. */
export function organisationVariants(o: OrganisationRef, parent?: OrganisationRef): Variant[] {
  const names = new Set<string>([o.name]);
  const bare = o.name.replace(/\s*\([^)]*\)\s*$/, "").trim();
  names.add(bare);
  const dg = /^Directorate[- ]General (?:for|of) (.+)$/i.exec(bare);
  if (dg?.[1]) names.add(`DG ${dg[1]}`);
  if (parent?.acronym && bare.startsWith(`${parent.acronym} `)) names.add(bare.slice(parent.acronym.length + 1));
  const out: Variant[] = [];
  for (const n of names) if (n.length >= 4) out.push({ pattern: `(?:the\\s+)?${phrasePattern(n)}`, caseSensitive: false, confidence: n === o.name ? 0.95 : 0.85, via: n === o.name ? "name" : "variant" });
  for (const alias of organisationAliases[o.acronym ?? ""] ?? []) out.push({ pattern: `(?:the\\s+)?${phrasePattern(alias)}`, caseSensitive: false, confidence: 0.85, via: "alias" });
  const acr = o.acronym ? acronymVariant(o.acronym) : undefined;
  if (acr) out.push(acr);
  return out;
}

/** Every mention of an organisation, the longest where they overlap ("DG Migration and Home Affairs" over "DG Migration"). */
export function findOrganisations(text: string, organisations: OrganisationRef[]): Mention[] {
  const folded = fold(text);
  const lower = plain(text);
  const byId = new Map(organisations.map((o) => [o.id, o]));
  const all: Mention[] = [];
  for (const o of organisations) {
    if (o.archived) continue;
    for (const v of organisationVariants(o, o.parentId ? byId.get(o.parentId) : undefined)) {
      for (const m of findAll(v.caseSensitive ? folded : lower, v.pattern)) {
        // "the" belongs to the sentence, not the name.
        const lead = /^the\s+/i.exec(text.slice(m.start, m.end));
        const start = m.start + (lead?.[0].length ?? 0);
        all.push({ start, end: m.end, id: o.id, text: text.slice(start, m.end), confidence: v.confidence, via: v.via });
      }
    }
  }
  return longestFirst(all);
}

/** The ways an area is written: its name, its keywords (or built-in synonyms), and shared-head lists like "environmental and maritime crime". */
function areaPatterns(a: PriorityAreaRef): { pattern: string; confidence: number; via: string; caseSensitive?: boolean }[] {
  const keywords = a.keywords?.length ? a.keywords : (builtInAreaKeywords[a.slug] ?? []);
  const out: { pattern: string; confidence: number; via: string; caseSensitive?: boolean }[] = [];
  for (const [i, term] of [a.name, ...keywords].entries()) {
    const words = plain(term).trim().split(/\s+/);
    const confidence = i === 0 ? 0.9 : 0.75;
    // An acronym keyword ("TIP", "AML") counts only in capitals: "tip" is a word.
    if (i > 0 && /^[\p{Lu}\p{N}./&-]+$/u.test(term.trim()) && /\p{Lu}.*\p{Lu}/u.test(term)) {
      out.push({ pattern: escapeRegExp(fold(term).trim()), confidence: 0.7, via: "keyword", caseSensitive: true });
      continue;
    }
    out.push({ pattern: phrasePattern(term), confidence, via: i === 0 ? "name" : "keyword" });
    if (words.length === 2 && !["and", "of", "in"].includes(words[0] ?? "")) {
      // "environmental and maritime crime", "environmental, maritime and wildlife crime": the
      // modifier stands in a list that shares the last word (the last modifier is a plain match).
      const [modifier, head] = words.map((w) => phrasePattern(w)) as [string, string];
      const other = "[\\p{L}-]+";
      const joint = "(?:\\s*,\\s*|\\s+(?:and|or|&)\\s+)";
      out.push({ pattern: `${modifier}(?:${joint}${other})+\\s+${head}`, confidence: confidence - 0.05, via: "list" });
    }
  }
  return out;
}

/** Every mention of a priority area outside the given spans (an organisation's name is not a topic). */
export function findPriorityAreas(text: string, areas: PriorityAreaRef[], outside: Span[] = []): Mention[] {
  const lower = plain(text);
  const folded = fold(text);
  const all: Mention[] = [];
  for (const a of areas) {
    if (a.archived) continue;
    for (const p of areaPatterns(a)) {
      for (const m of findAll(p.caseSensitive ? folded : lower, p.pattern)) {
        if (outside.some((o) => o.start < m.end && m.start < o.end)) continue;
        all.push({ start: m.start, end: m.end, id: a.id, text: text.slice(m.start, m.end), confidence: p.confidence, via: p.via });
      }
    }
  }
  // Overlaps are fine between areas ("environmental and maritime crime" is two), not within one.
  const out: Mention[] = [];
  for (const id of new Set(all.map((m) => m.id))) out.push(...longestFirst(all.filter((m) => m.id === id)));
  return out.sort((a, b) => a.start - b.start);
}

const ordinalWords = [
  "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
  "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth",
];

export type SeriesMention = Mention & { number: number | null };

/**
 * A series by its name, by its name without the leading "EU–UNODC", and by the acronym the
 * text itself defines for it ("Senior Officials Meeting (SOM)"); with the ordinal before it.
 */
export function findSeries(text: string, series: SeriesRef[]): SeriesMention[] {
  const lower = plain(text);
  const folded = fold(text);
  const all: SeriesMention[] = [];
  for (const s of series) {
    if (s.archived) continue;
    const core = s.name.replace(/^(?:[A-Z]{2,}(?:\s*[-\u2013\u2014]\s*|\s+and\s+))+[A-Z]{2,}\s+/, "").trim();
    const names = [...new Set([s.name, core])].filter((n) => n.length >= 6);
    const found: SeriesMention[] = [];
    for (const n of names) {
      for (const m of findAll(lower, `(?:(\\d{1,3})(?:st|nd|rd|th|e|eme)\\s+|(${ordinalWords.join("|")})\\s+)?${phrasePattern(n)}`)) {
        const number = m.groups[0] ? Number(m.groups[0]) : m.groups[1] ? ordinalWords.indexOf(m.groups[1]) + 1 : null;
        found.push({ start: m.start, end: m.end, id: s.id, text: text.slice(m.start, m.end), confidence: n === s.name ? 0.9 : 0.8, via: n === s.name ? "name" : "variant", number });
        // "Senior Officials Meeting (SOM)": the text names its own acronym.
        const defined = /^\s*\(([A-Z]{2,6})\)/.exec(folded.slice(m.end, m.end + 10));
        if (defined?.[1]) {
          // The definition itself counts too, so that nothing else reads "(SOM)" as a topic.
          for (const a of findAll(folded, `(?:(\\d{1,3})(?:st|nd|rd|th)\\s+)?${escapeRegExp(defined[1])}`, "g")) {
            found.push({ start: a.start, end: a.end, id: s.id, text: text.slice(a.start, a.end), confidence: 0.7, via: "acronym", number: a.groups[0] ? Number(a.groups[0]) : null });
          }
        }
      }
    }
    all.push(...found);
  }
  return longestFirst(all);
}

export const ordinal = (n: number) => {
  const rem100 = n % 100;
  const suffix = rem100 >= 11 && rem100 <= 13 ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th");
  return `${n}${suffix}`;
};
