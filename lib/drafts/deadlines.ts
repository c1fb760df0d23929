/**
 * Deadlines as minutes write them, read against the meeting's date, in English and French:
 * "by 30 June 2022", "d'ici le 30 juin" (the next 30 June on or after the meeting), "by the end
 * of February", "before the summer" (21 June, approximate), "in the autumn" (the season's end, approximate),
 * "by the end of the year", "in the first quarter of 2023", "within three months", "early 2024".
 *
 * Every pattern runs once over one clause (a bounded window): the work is linear in the clause.
 */
import { findDates, type FoundDate } from "./dates";
import { findAll, plain, type Span } from "./text";

export type Deadline = Span & { value: string; approximate: boolean };

const monthNumbers: Record<string, number> = {
  january: 1, janvier: 1, jan: 1, janv: 1,
  february: 2, fevrier: 2, feb: 2, fevr: 2,
  march: 3, mars: 3,
  april: 4, avril: 4, apr: 4, avr: 4,
  may: 5, mai: 5,
  june: 6, juin: 6,
  july: 7, juillet: 7, jul: 7, juil: 7,
  august: 8, aout: 8, aug: 8,
  september: 9, septembre: 9, sept: 9, sep: 9,
  october: 10, octobre: 10, oct: 10,
  november: 11, novembre: 11, nov: 11,
  december: 12, decembre: 12, dec: 12,
};
const month = `(${Object.keys(monthNumbers).sort((a, b) => b.length - a.length).join("|")})\\.?`;
const numberWords: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, eight: 8, ten: 10, twelve: 12,
  un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, huit: 8, dix: 10, douze: 12,
};
const amount = `(\\d{1,2}|${Object.keys(numberWords).join("|")})`;

/** Words that make a date a deadline rather than the day something happens. */
export const deadlineLead =
  "(?:by|before|until|till|no later than|not later than|at the latest by|in time for|ahead of|d'ici(?: au| a)?|avant|au plus tard|jusqu'au|jusqu'a|pour)";

const pad = (n: number) => String(n).padStart(2, "0");
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const valid = (y: number, m: number, d: number) => m >= 1 && m <= 12 && d >= 1 && d <= lastDay(y, m);

/** A month and day without a year: the first one on or after the meeting. */
function nextOccurrence(heldOn: string | null, m: number, d: number): string | null {
  if (!heldOn) return null;
  const [y] = heldOn.split("-").map(Number) as [number];
  for (const year of [y, y + 1]) {
    if (!valid(year, m, d)) continue;
    const value = iso(year, m, d);
    if (value >= heldOn) return value;
  }
  return null;
}

/** Seasons, northern hemisphere: where each starts and ends (month, day). */
const seasons: Record<string, { start: [number, number]; end: [number, number] }> = {
  spring: { start: [3, 20], end: [6, 20] },
  printemps: { start: [3, 20], end: [6, 20] },
  summer: { start: [6, 21], end: [9, 22] },
  ete: { start: [6, 21], end: [9, 22] },
  autumn: { start: [9, 23], end: [12, 20] },
  fall: { start: [9, 23], end: [12, 20] },
  automne: { start: [9, 23], end: [12, 20] },
  winter: { start: [12, 21], end: [3, 19] },
  hiver: { start: [12, 21], end: [3, 19] },
};
const season = "(spring|summer|autumn|fall|winter|printemps|ete|automne|hiver)";

function addMonths(heldOn: string, months: number, days = 0): string {
  const [y, m, d] = heldOn.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1 + months, 1));
  const day = Math.min(d, lastDay(date.getUTCFullYear(), date.getUTCMonth() + 1));
  const out = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), day + days));
  return out.toISOString().slice(0, 10);
}

type Rule = { pattern: string; read: (g: (string | undefined)[], heldOn: string | null) => { value: string | null; approximate: boolean } | null };

const yearOf = (heldOn: string | null) => (heldOn ? Number(heldOn.slice(0, 4)) : null);

/**
 * The rules, most specific first. Each reads the groups of its own match; a rule that needs the
 * meeting's date gives nothing without it.
 */
const rules: Rule[] = [
  // by the end of February (2023) / d'ici (la) fin février (2023) / by end-March
  {
    pattern: `(?:(?:by|before|until|at)\\s+)?(?:the\\s+)?end[- ]of\\s+(?:the\\s+month\\s+of\\s+)?${month}(?:\\s+((?:19|20)\\d{2}))?|(?:by\\s+)?end-${month}(?:\\s+((?:19|20)\\d{2}))?|(?:d'ici|avant)\\s+(?:la\\s+)?fin(?:\\s+du\\s+mois)?\\s+(?:de\\s+|d')?${month}(?:\\s+((?:19|20)\\d{2}))?`,
    read: (g, heldOn) => {
      const mo = monthNumbers[g[0] ?? g[2] ?? g[4] ?? ""];
      const given = g[1] ?? g[3] ?? g[5];
      if (!mo) return null;
      const y = given ? Number(given) : yearOf(heldOn);
      if (!y) return null;
      let value = iso(y, mo, lastDay(y, mo));
      if (!given && heldOn && value < heldOn) value = iso(y + 1, mo, lastDay(y + 1, mo));
      return { value, approximate: false };
    },
  },
  // by the end of the year / d'ici la fin de l'année / by year-end
  {
    pattern: "(?:by|before|until)\\s+(?:the\\s+)?(?:end\\s+of\\s+(?:the|this)\\s+year|year[- ]end)|(?:d'ici|avant)\\s+(?:la\\s+)?fin\\s+(?:de\\s+l'annee|d'annee)|later\\s+this\\s+year|(?:d'ici|avant)\\s+la\\s+fin\\s+de\\s+l'exercice",
    read: (_g, heldOn) => {
      const y = yearOf(heldOn);
      return y ? { value: iso(y, 12, 31), approximate: false } : null;
    },
  },
  // by the end of 2023 / fin 2023 / end-2023
  {
    pattern: "(?:(?:by|before)\\s+)?(?:the\\s+)?end(?:\\s+of|-)\\s*((?:19|20)\\d{2})|(?:d'ici|avant)?\\s*(?:la\\s+)?fin\\s+((?:19|20)\\d{2})",
    read: (g) => {
      const y = Number(g[0] ?? g[1]);
      return { value: iso(y, 12, 31), approximate: false };
    },
  },
  // the first quarter of 2023 / Q1 2023 / premier trimestre 2023; the first half / premier semestre
  {
    pattern:
      "(first|second|third|fourth|1st|2nd|3rd|4th|premier|deuxieme|second|troisieme|quatrieme)\\s+(quarter|trimestre|half|semestre)(?:\\s+(?:of\\s+|de\\s+|d'|)((?:19|20)\\d{2}))?|q([1-4])\\s+((?:19|20)\\d{2})|h([12])\\s+((?:19|20)\\d{2})",
    read: (g, heldOn) => {
      const order: Record<string, number> = { first: 1, "1st": 1, premier: 1, second: 2, "2nd": 2, deuxieme: 2, third: 3, "3rd": 3, troisieme: 3, fourth: 4, "4th": 4, quatrieme: 4 };
      let part: number;
      let months: number;
      let given: string | undefined;
      if (g[3]) [part, months, given] = [Number(g[3]), 3, g[4]];
      else if (g[5]) [part, months, given] = [Number(g[5]), 6, g[6]];
      else [part, months, given] = [order[g[0] ?? ""] ?? 0, /^(?:quarter|trimestre)$/.test(g[1] ?? "") ? 3 : 6, g[2]];
      if (!part || part * months > 12) return null;
      const y = given ? Number(given) : yearOf(heldOn);
      if (!y) return null;
      const m = part * months;
      return { value: iso(y, m, lastDay(y, m)), approximate: false };
    },
  },
  // before the summer / avant l'été: the day the season starts, approximate (the text names no day)
  {
    pattern: `(?:before|by|ahead of|prior to)\\s+(?:the\\s+)?${season}(?:\\s+(?:break|recess))?(?:\\s+((?:19|20)\\d{2}))?|avant\\s+(?:l'|le\\s+|la\\s+pause\\s+(?:de\\s+l'|d'))${season}(?:\\s+((?:19|20)\\d{2}))?`,
    read: (g, heldOn) => {
      const name = g[0] ?? g[2] ?? "";
      const given = g[1] ?? g[3];
      const s = seasons[name];
      if (!s) return null;
      const [m, d] = s.start;
      if (given) return { value: iso(Number(given), m, d), approximate: true };
      return { value: nextOccurrence(heldOn, m, d), approximate: true };
    },
  },
  // by the end of the summer / d'ici la fin de l'été: the day the season ends
  {
    pattern: `(?:by|before)\\s+the\\s+end\\s+of\\s+(?:the\\s+)?${season}|(?:d'ici|avant)\\s+la\\s+fin\\s+(?:de\\s+l'|du\\s+|de\\s+l')${season}`,
    read: (g, heldOn) => {
      const s = seasons[g[0] ?? g[1] ?? ""];
      return s ? { value: nextOccurrence(heldOn, ...s.end), approximate: false } : null;
    },
  },
  // in the autumn / this autumn / à l'automne / cet été / au printemps: the end of the season, approximate
  {
    pattern: `(?:in|during|over)\\s+(?:the\\s+)?${season}(?:\\s+((?:19|20)\\d{2}))?|(?:this|next)\\s+${season}|(?:a\\s+l'|au\\s+|en\\s+|cet\\s+|d'ici\\s+l'|d'ici\\s+le\\s+|pour\\s+l'|dans\\s+le\\s+courant\\s+de\\s+l')${season}(?:\\s+((?:19|20)\\d{2}))?`,
    read: (g, heldOn) => {
      const name = g[0] ?? g[2] ?? g[3] ?? "";
      const given = g[1] ?? g[4];
      const s = seasons[name];
      if (!s) return null;
      const [m, d] = s.end;
      if (given) return { value: iso(Number(given) + (name === "winter" || name === "hiver" ? 1 : 0), m, d), approximate: true };
      return { value: nextOccurrence(heldOn, m, d), approximate: true };
    },
  },
  // within three months / dans les trois mois / sous deux semaines
  {
    pattern: `(?:within|in the next|over the next|in|dans\\s+les|d'ici|sous|dans\\s+un\\s+delai\\s+de)\\s+(?:the\\s+)?${amount}\\s+(weeks?|months?|semaines?|mois)(?:\\s+(?:of|after|following|suivant)\\b)?`,
    read: (g, heldOn) => {
      if (!heldOn) return null;
      const n = /^\d+$/.test(g[0] ?? "") ? Number(g[0]) : (numberWords[g[0] ?? ""] ?? 0);
      if (!n) return null;
      const unit = g[1] ?? "";
      return /^(?:week|semaine)/.test(unit) ? { value: addMonths(heldOn, 0, 7 * n), approximate: false } : { value: addMonths(heldOn, n), approximate: false };
    },
  },
  // next month / le mois prochain: its end, approximate
  {
    pattern: "(?:next|the following|in the coming)\\s+month|(?:le|au\\s+cours\\s+du)\\s+mois\\s+prochain",
    read: (_g, heldOn) => {
      if (!heldOn) return null;
      const next = addMonths(heldOn.slice(0, 8) + "01", 1);
      const [y, m] = next.split("-").map(Number) as [number, number];
      return { value: iso(y, m, lastDay(y, m)), approximate: true };
    },
  },
  // in 2023 / en 2023 / by 2024 / d'ici 2024: the year's end (approximate unless it is a deadline)
  {
    pattern: "(in|during|en|courant|by|before|d'ici|avant)\\s+((?:19|20)\\d{2})(?![-/.]?\\d)",
    read: (g) => ({ value: iso(Number(g[1]), 12, 31), approximate: /^(?:in|during|en|courant)$/.test(g[0] ?? "") }),
  },
  // early 2024 / mid-2024 / début 2024 / mi-2024: approximate
  {
    pattern: "(early|mid|late|debut|mi|courant|fin|au\\s+debut\\s+de|au\\s+milieu\\s+de)[- ]((?:19|20)\\d{2})|(early|later)\\s+next\\s+year",
    read: (g, heldOn) => {
      const which = g[0] ?? g[2] ?? "";
      const y = g[1] ? Number(g[1]) : (yearOf(heldOn) ?? 0) + 1;
      if (!y || y === 1) return null;
      const m = /^(?:early|debut|au\s+debut\s+de)$/.test(which) ? 3 : /^(?:mid|mi|au\s+milieu\s+de|courant)$/.test(which) ? 6 : 12;
      return { value: iso(y, m, lastDay(y, m)), approximate: true };
    },
  },
];

/** 30 June, June 30, le 30 juin: a day and a month without a year. */
function dayMonths(lower: string, heldOn: string | null): Deadline[] {
  const out: Deadline[] = [];
  const push = (s: Span, m: number | undefined, d: number) => {
    const value = m ? nextOccurrence(heldOn, m, d) : null;
    if (value) out.push({ start: s.start, end: s.end, value, approximate: false });
  };
  for (const m of findAll(lower, `(\\d{1,2})(?:st|nd|rd|th|er)?\\s+(?:of\\s+)?${month}(?!\\s*,?\\s*(?:19|20)\\d{2})`)) push(m, monthNumbers[m.groups[1] ?? ""], Number(m.groups[0]));
  for (const m of findAll(lower, `${month}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?!\\d|\\s*,?\\s*(?:19|20)\\d{2})`)) push(m, monthNumbers[m.groups[0] ?? ""], Number(m.groups[1]));
  return out;
}

/** A month alone after a deadline word: "by March", "d'ici mars", "by March 2023": the month's end. */
function monthsAfterLead(lower: string, heldOn: string | null): Deadline[] {
  const out: Deadline[] = [];
  for (const m of findAll(lower, `${deadlineLead}\\s+(?:(?:the\\s+)?(?:month\\s+of\\s+)|(?:le\\s+)?mois\\s+d(?:e\\s+|'))?${month}(?:\\s+((?:19|20)\\d{2}))?(?!\\s+\\d)`)) {
    const mo = monthNumbers[m.groups[0] ?? ""];
    if (!mo) continue;
    const given = m.groups[1];
    const y = given ? Number(given) : yearOf(heldOn);
    if (!y) continue;
    let value = iso(y, mo, lastDay(y, mo));
    if (!given && heldOn && value < heldOn) value = iso(y + 1, mo, lastDay(y + 1, mo));
    out.push({ start: m.start, end: m.end, value, approximate: false });
  }
  return out;
}

/** "by March 2022" is by the end of March. */
function endOf(d: FoundDate): string {
  if (d.precision === "day") return d.value;
  const [y, m] = d.value.split("-").map(Number) as [number, number];
  return iso(y, m, lastDay(y, m));
}

/**
 * The deadline of one clause (offsets relative to it), or undefined. A date after a deadline word
 * wins; then the relative phrases; then a date the action happens on ("a workshop on 12 May").
 */
export function findDeadline(clause: string, heldOn: string | null): Deadline | undefined {
  const lower = plain(clause);
  const leadBefore = (s: Span) => new RegExp(`(?<![\\p{L}])${deadlineLead}\\s+(?:(?:the\\s+)?end\\s+of\\s+|end\\s+|le\\s+|the\\s+)?$`, "u").test(lower.slice(Math.max(0, s.start - 30), s.start));
  const explicit: Deadline[] = findDates(clause).map((d) => ({ start: d.start, end: d.end, value: endOf(d), approximate: false }));
  const taken = (s: Span) => explicit.some((e) => e.start < s.end && s.start < e.end);
  const partial = dayMonths(lower, heldOn).filter((d) => !taken(d));
  const dated = [...explicit, ...partial].sort((a, b) => a.start - b.start);
  const led = dated.find(leadBefore);
  if (led) return led;
  const relative: Deadline[] = [...monthsAfterLead(lower, heldOn)];
  for (const rule of rules) {
    for (const m of findAll(lower, rule.pattern)) {
      const r = rule.read(m.groups, heldOn);
      if (r?.value) relative.push({ start: m.start, end: m.end, value: r.value, approximate: r.approximate });
    }
  }
  relative.sort((a, b) => a.start - b.start || b.end - a.end);
  const first = relative.find((r) => !taken(r)) ?? relative[0];
  if (first) return first;
  return dated[0];
}
