/**
 * Finding the reference lists (organisations, priority areas, meeting series) in a text: by
 * name, acronym and the variants people write. The lists are the input; nothing here reads
 * a database.
 */
import { escapeRegExp, findAll, fold, longestFirst, phrasePattern, plain, type Span, trailingBracket } from "./text";

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

/**
 * French names and acronyms, by the English acronym: until the reference data carries French
 * names of its own, a French text is read with these.
 */
export const frenchOrganisationAliases: Record<string, string[]> = {
  UNODC: ["ONUDC", "Office des Nations Unies contre la drogue et le crime"],
  EEAS: ["SEAE", "Service européen pour l'action extérieure"],
  EC: ["Commission européenne", "la Commission", "services de la Commission"],
  "DG HOME": ["direction générale de la migration et des affaires intérieures", "DG Migration et affaires intérieures", "DG Affaires intérieures"],
  "DG JUST": ["direction générale de la justice et des consommateurs", "DG Justice et consommateurs"],
  "DG ENV": ["direction générale de l'environnement", "DG Environnement"],
  "DG INTPA": ["direction générale des partenariats internationaux", "DG Partenariats internationaux"],
  "DG NEAR": ["direction générale du voisinage et des négociations d'élargissement", "DG Voisinage et négociations d'élargissement", "DG Voisinage et élargissement"],
  FPI: ["Service des instruments de politique étrangère", "service des instruments de politique étrangère"],
  "EUDEL Vienna": ["Délégation de l'UE auprès des organisations internationales à Vienne", "Délégation de l'Union européenne auprès des organisations internationales à Vienne", "Délégation de l'UE à Vienne"],
  DPA: ["Division de l'analyse des politiques et des relations publiques"],
  DO: ["Division des opérations de l'ONUDC", "Division des opérations"],
  ROSEN: ["Bureau régional de l'ONUDC pour l'Afrique de l'Ouest et du Centre", "bureau régional pour l'Afrique de l'Ouest et du Centre"],
  ROEA: ["Bureau régional de l'ONUDC pour l'Afrique de l'Est", "bureau régional pour l'Afrique de l'Est"],
  COAFG: ["Bureau de pays de l'ONUDC en Afghanistan", "bureau de l'ONUDC en Afghanistan"],
  COCOL: ["Bureau de pays de l'ONUDC en Colombie", "bureau de l'ONUDC en Colombie"],
};

/** French names of the priority areas, by slug: read besides the area's own keywords, never instead of them. */
export const frenchAreaNames: Record<string, string[]> = {
  afghanistan: ["Afghanistan et pays voisins", "Afghanistan et ses voisins"],
  "trafficking-smuggling": ["Traite des êtres humains et trafic de migrants", "traite des êtres humains", "traite des personnes", "trafic de migrants", "trafic illicite de migrants"],
  "illicit-flows": ["Flux illicites", "flux financiers illicites", "blanchiment d'argent", "blanchiment de capitaux", "recouvrement d'avoirs"],
  "environmental-crime": ["Criminalité environnementale", "criminalité environnementale et maritime", "criminalité liée aux espèces sauvages", "trafic d'espèces sauvages", "crimes qui portent atteinte à l'environnement"],
  "maritime-crime": ["Criminalité maritime", "criminalité environnementale et maritime", "piraterie", "sûreté maritime", "sécurité maritime"],
  digitalisation: ["Numérisation", "Transformation numérique", "cybercriminalité", "preuves numériques", "preuve numérique"],
  drugs: ["Drogues", "drogue", "stupéfiants", "trafic de drogue", "cocaïne", "héroïne", "opium"],
  corruption: ["lutte contre la corruption", "anticorruption"],
  counterterrorism: ["Lutte contre le terrorisme", "antiterrorisme", "terrorisme", "extrémisme violent"],
  "youth-engagement": ["Engagement des jeunes", "jeunesse", "jeunes"],
};

/** French names of meeting series, by the series' name without its leading "EU–UNODC". */
export const frenchSeriesNames: Record<string, string[]> = {
  "Senior Officials Meeting": ["réunion des hauts fonctionnaires", "réunion de hauts fonctionnaires", "réunion des hauts responsables"],
  "Africa Dialogue": ["Dialogue Afrique", "dialogue sur l'Afrique", "Dialogue UE-ONUDC sur l'Afrique"],
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
  const bare = (trailingBracket(o.name)?.bare ?? o.name).trim();
  names.add(bare);
  const dg = /^Directorate[- ]General (?:for|of) (.+)$/i.exec(bare);
  if (dg?.[1]) names.add(`DG ${dg[1]}`);
  if (parent?.acronym && bare.startsWith(`${parent.acronym} `)) names.add(bare.slice(parent.acronym.length + 1));
  const out: Variant[] = [];
  for (const n of names) if (n.length >= 4) out.push({ pattern: `(?:the\\s+)?${phrasePattern(n)}`, caseSensitive: false, confidence: n === o.name ? 0.95 : 0.85, via: n === o.name ? "name" : "variant" });
  for (const alias of organisationAliases[o.acronym ?? ""] ?? []) out.push({ pattern: `(?:the\\s+)?${phrasePattern(alias)}`, caseSensitive: false, confidence: 0.85, via: "alias" });
  for (const alias of frenchOrganisationAliases[o.acronym ?? ""] ?? []) {
    // "ONUDC", "SEAE": acronyms in capitals only; names in any case.
    const acronym = /^[\p{Lu} ]+$/u.test(alias) ? acronymVariant(alias) : undefined;
    out.push(acronym ? { ...acronym, via: "french" } : { pattern: phrasePattern(alias), caseSensitive: false, confidence: 0.85, via: "french" });
  }
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
        const lead = /^(?:the\s+|la\s+|le\s+|les\s+|l')/i.exec(text.slice(m.start, m.end));
        const start = m.start + (lead?.[0].length ?? 0);
        all.push({ start, end: m.end, id: o.id, text: text.slice(start, m.end), confidence: v.confidence, via: v.via });
      }
    }
  }
  return longestFirst(all);
}

/** The ways an area is written: its name, its keywords (or built-in synonyms), and shared-head lists like "environmental and maritime crime". */
function areaPatterns(a: PriorityAreaRef): { pattern: string; confidence: number; via: string; caseSensitive?: boolean }[] {
  const keywords = [...(a.keywords?.length ? a.keywords : (builtInAreaKeywords[a.slug] ?? [])), ...(frenchAreaNames[a.slug] ?? [])];
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
  const outsideMask = new Uint8Array(text.length);
  for (const o of outside) outsideMask.fill(1, o.start, o.end);
  for (const a of areas) {
    if (a.archived) continue;
    for (const p of areaPatterns(a)) {
      for (const m of findAll(p.caseSensitive ? folded : lower, p.pattern)) {
        if (outsideMask.subarray(m.start, m.end).includes(1)) continue;
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

const frenchOrdinalWords = [
  "premier|premiere|1re|1er", "deuxieme|seconde?", "troisieme", "quatrieme", "cinquieme", "sixieme", "septieme", "huitieme", "neuvieme", "dixieme",
  "onzieme", "douzieme", "treizieme", "quatorzieme", "quinzieme", "seizieme", "dix-septieme", "dix-huitieme", "dix-neuvieme", "vingtieme",
];
/** "troisième" → 3, "seconde" → 2; undefined for any other word. */
function frenchOrdinal(word: string): number | undefined {
  const i = frenchOrdinalWords.findIndex((w) => w.split("|").includes(word));
  return i < 0 ? undefined : i + 1;
}

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
    const names = [...new Set([s.name, core, ...(frenchSeriesNames[core] ?? [])])].filter((n) => n.length >= 6);
    const found: SeriesMention[] = [];
    const acronyms = new Set<string>();
    for (const n of names) {
      for (const m of findAll(lower, `(?:(\\d{1,3})(?:st|nd|rd|th|eme|e|er|re)\\s+|(${ordinalWords.join("|")}|${frenchOrdinalWords.join("|")})\\s+)?${phrasePattern(n)}`)) {
        const word = m.groups[1];
        const number = m.groups[0] ? Number(m.groups[0]) : word ? (ordinalWords.includes(word) ? ordinalWords.indexOf(word) + 1 : (frenchOrdinal(word) ?? null)) : null;
        found.push({ start: m.start, end: m.end, id: s.id, text: text.slice(m.start, m.end), confidence: n === s.name ? 0.9 : 0.8, via: n === s.name ? "name" : "variant", number });
        // "Senior Officials Meeting (SOM)": the text names its own acronym.
        const defined = /^\s*\(([A-Z]{2,6})\)/.exec(folded.slice(m.end, m.end + 10));
        if (defined?.[1]) acronyms.add(defined[1]);
      }
    }
    // The series' initials after an ordinal ("the 16th SOM" for Senior Officials Meeting) are the series too, even
    // where the text never defines them: so "SOM" there is no topic (smuggling of migrants).
    const initials = core.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]).join("");
    if (initials.length >= 2 && initials.length <= 6 && !acronyms.has(initials)) {
      for (const a of findAll(folded, `(\\d{1,3})(?:st|nd|rd|th)\\s+${escapeRegExp(initials)}`, "g")) {
        found.push({ start: a.start, end: a.end, id: s.id, text: text.slice(a.start, a.end), confidence: 0.6, via: "acronym", number: Number(a.groups[0]) });
      }
    }
    // The definition itself counts too, so that nothing else reads "(SOM)" as a topic; each acronym is looked for once.
    for (const acronym of acronyms) {
      for (const a of findAll(folded, `(?:(\\d{1,3})(?:st|nd|rd|th)\\s+)?${escapeRegExp(acronym)}`, "g")) {
        found.push({ start: a.start, end: a.end, id: s.id, text: text.slice(a.start, a.end), confidence: 0.7, via: "acronym", number: a.groups[0] ? Number(a.groups[0]) : null });
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
