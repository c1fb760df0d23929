/**
 * Dates as people write them in minutes and press releases, in English and French:
 * "15 February 2022", "February 15, 2022", "15 février 2022", "15/02/2022" (day first, as in
 * Europe), "15.02.2022", "2022-02-15"; a month alone ("December 2021") is a month, not a day.
 */
import { findAll, plain, type Span } from "./text";

const monthNames: Record<string, number> = {
  january: 1, jan: 1, janvier: 1, janv: 1,
  february: 2, feb: 2, fevrier: 2, fevr: 2, fev: 2,
  march: 3, mar: 3, mars: 3,
  april: 4, apr: 4, avril: 4, avr: 4,
  may: 5, mai: 5,
  june: 6, jun: 6, juin: 6,
  july: 7, jul: 7, juillet: 7, juil: 7,
  august: 8, aug: 8, aout: 8,
  september: 9, sep: 9, sept: 9, septembre: 9,
  october: 10, oct: 10, octobre: 10,
  november: 11, nov: 11, novembre: 11,
  december: 12, dec: 12, decembre: 12,
};
const month = `(${Object.keys(monthNames).sort((a, b) => b.length - a.length).join("|")})\\.?`;
const day = "(\\d{1,2})(?:st|nd|rd|th|er)?";
const year = "((?:19|20)\\d{2})";

export type FoundDate = Span & { value: string; precision: "day" | "month"; text: string };

const pad = (n: number) => String(n).padStart(2, "0");

function isoDay(y: number, m: number, d: number): string | undefined {
  const s = `${y}-${pad(m)}-${pad(d)}`;
  const date = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === s ? s : undefined;
}

/** Every date in the text, days before months where they overlap. */
export function findDates(text: string): FoundDate[] {
  const p = plain(text);
  const found: FoundDate[] = [];
  // A day that does not exist ("30 February 2022") is no date, and not a month either.
  const taken = new Uint8Array(text.length);
  const add = (span: Span, value: string | undefined, precision: "day" | "month") => {
    if (taken.subarray(span.start, span.end).includes(1)) return;
    taken.fill(1, span.start, span.end);
    if (value) found.push({ ...span, value, precision, text: text.slice(span.start, span.end) });
  };
  const num = (s: string | undefined) => Number(s ?? NaN);
  // 14–15 November 2022, du 14 au 15 novembre 2022: a meeting over days is dated by its first
  for (const m of findAll(p, `(?:du\\s+)?${day}\\s*(?:-|au|to)\\s*\\d{1,2}(?:st|nd|rd|th|er)?\\s+(?:of\\s+)?${month},?\\s+${year}`)) add(m, isoDay(num(m.groups[2]), monthNames[m.groups[1] ?? ""] ?? 0, num(m.groups[0])), "day");
  // 15 February 2022, 15th of February 2022, le 1er mars 2022
  for (const m of findAll(p, `${day}\\s+(?:of\\s+)?${month},?\\s+${year}`)) add(m, isoDay(num(m.groups[2]), monthNames[m.groups[1] ?? ""] ?? 0, num(m.groups[0])), "day");
  // February 15, 2022
  for (const m of findAll(p, `${month}\\s+${day},?\\s+${year}`)) add(m, isoDay(num(m.groups[2]), monthNames[m.groups[0] ?? ""] ?? 0, num(m.groups[1])), "day");
  // 2022-02-15
  for (const m of findAll(p, "((?:19|20)\\d{2})-(\\d{2})-(\\d{2})")) add(m, isoDay(num(m.groups[0]), num(m.groups[1]), num(m.groups[2])), "day");
  // 15/02/2022, 15.02.2022, 15-02-2022: day first
  for (const m of findAll(p, "(\\d{1,2})[/.-](\\d{1,2})[/.-]((?:19|20)\\d{2})")) add(m, isoDay(num(m.groups[2]), num(m.groups[1]), num(m.groups[0])), "day");
  // December 2021
  for (const m of findAll(p, `${month}\\s+${year}`)) {
    const mo = monthNames[m.groups[0] ?? ""];
    // "may 2022" is a month; "mar" alone is too risky without a year, which the pattern requires.
    if (mo) add(m, `${m.groups[1]}-${pad(mo)}`, "month");
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Phrases relative to the meeting's date: "earlier this month", "last month", "next month". */
export function findRelativeMonths(text: string, heldOn: string | null): FoundDate[] {
  if (!heldOn) return [];
  const p = plain(text);
  const [y, m] = heldOn.split("-").map(Number) as [number, number];
  const shift = (by: number) => {
    const d = new Date(Date.UTC(y, m - 1 + by, 1));
    return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
  };
  const phrases: [string, number][] = [
    ["(?:earlier|later)\\s+(?:this|that|the same)\\s+month", 0],
    ["(?:this|the same)\\s+month", 0],
    ["(?:last|the previous|the preceding)\\s+month", -1],
    ["(?:next|the following)\\s+month", 1],
  ];
  const out: FoundDate[] = [];
  for (const [pattern, by] of phrases) {
    for (const s of findAll(p, pattern)) {
      if (out.some((o) => o.start < s.end && s.start < o.end)) continue;
      out.push({ start: s.start, end: s.end, value: shift(by), precision: "month", text: text.slice(s.start, s.end) });
    }
  }
  return out;
}
