/**
 * Text helpers for the draft extractor. Every match keeps the offsets of the words it came
 * from in the pasted text, so the normalised copy we search has exactly the same length.
 */

export type Span = { start: number; end: number };

/** Dashes, quotes and spaces folded, one character for one: offsets stay those of the original. */
export function fold(text: string): string {
  return remembered(folded, text, () => {
    let out = "";
    for (const c of text) {
      const code = c.charCodeAt(0);
      // Plain ASCII but the tab stays as it is (the fast path: most of any text).
      if (c.length === 1 && code < 128 && code !== 9) out += c;
      else if (c.length > 1) out += "  "; // An astral character (emoji) is two UTF-16 units; keep the length.
      else if (/[\u2010-\u2015\u2212]/.test(c)) out += "-";
      else if (/[\u2018\u2019\u201a\u201b\u2032]/.test(c)) out += "'";
      else if (/[\u201c\u201d\u201e\u201f\u00ab\u00bb]/.test(c)) out += '"';
      else if (/[\u00a0\u2000-\u200b\u202f\u3000\t]/.test(c)) out += " ";
      else out += c;
    }
    return out;
  });
}

/** Lower case without accents, one character for one ("Bogotá" → "bogota"). */
export function plain(text: string): string {
  return remembered(plained, text, () => {
    let out = "";
    for (const c of fold(text)) {
      if (c.charCodeAt(0) < 128) {
        out += c.toLowerCase();
        continue;
      }
      const base = c.normalize("NFD")[0] ?? c;
      const lower = base.toLowerCase();
      out += lower.length === 1 ? lower : base;
    }
    return out;
  });
}

/** The last text each of fold and plain saw: every finder of one draft folds the same text. */
const folded = { text: "", out: "" };
const plained = { text: "", out: "" };
function remembered(memo: { text: string; out: string }, text: string, make: () => string): string {
  if (memo.text !== text) {
    memo.out = make();
    memo.text = text;
  }
  return memo.out;
}

export const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A phrase as a pattern: any run of spaces (or a line break) between words, a dash or a space inside hyphenated ones. */
export function phrasePattern(phrase: string): string {
  return plain(phrase)
    .trim()
    .split(/\s+/)
    .map((word) => word.split("-").map(escapeRegExp).join("[- ]?"))
    .join("\\s+");
}

/** Every occurrence of a pattern, as spans; whole words only. */
export function findAll(haystack: string, pattern: string, flags = "g"): (Span & { groups: (string | undefined)[] })[] {
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${pattern})(?![\\p{L}\\p{N}])`, `${flags}u`);
  const out: (Span & { groups: (string | undefined)[] })[] = [];
  for (const m of haystack.matchAll(re)) {
    if (m.index === undefined || m[0].length === 0) continue;
    out.push({ start: m.index, end: m.index + m[0].length, groups: m.slice(1) });
  }
  return out;
}

export const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/** Keep the longest of overlapping spans (the earliest on a tie). */
export function longestFirst<T extends Span>(spans: T[]): T[] {
  const sorted = [...spans].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  // The characters already taken: checking a span costs its length, not the number kept so far.
  const taken = new Uint8Array(spans.reduce((max, s) => Math.max(max, s.end), 0));
  const kept: T[] = [];
  for (const s of sorted) {
    if (taken.subarray(s.start, s.end).includes(1)) continue;
    taken.fill(1, s.start, s.end);
    kept.push(s);
  }
  return kept.sort((a, b) => a.start - b.start);
}

const abbreviations = /(?:^|[\s(])(?:Mr|Ms|Mrs|Dr|Prof|St|No|Nos|Art|e\.g|i\.e|etc|H\.E|Amb|vs|approx|incl|cf|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|[A-Z])\.$/;

/**
 * Sentences and list items, with their spans. A line break ends a sentence when the line
 * is a heading or an item; "Ms." and "e.g." do not end one.
 */
export function sentences(text: string): (Span & { text: string })[] {
  const out: (Span & { text: string })[] = [];
  const push = (start: number, end: number) => {
    while (start < end && /\s/.test(text[start] ?? "")) start++;
    while (end > start && /\s/.test(text[end - 1] ?? "")) end--;
    if (end > start) out.push({ start, end, text: text.slice(start, end) });
  };
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? "";
    if (c === "\n") {
      push(start, i);
      start = i + 1;
      continue;
    }
    if (c !== "." && c !== "!" && c !== "?" && c !== ";") continue;
    let j = i + 1;
    while (j < text.length && /["”’')\]]/.test(text[j] ?? "")) j++;
    if (j < text.length && !/\s/.test(text[j] ?? "")) continue;
    if (c === "." && abbreviations.test(text.slice(Math.max(0, i - 8), i + 1))) continue;
    if (c === ";" && !/^\s*\n/.test(text.slice(j, j + 3))) continue;
    push(start, j);
    start = j;
  }
  push(start, text.length);
  return out;
}

/** The sentence a span lies in (sentences are in order: a binary search, so many look-ups stay cheap). */
export function sentenceAt<S extends Span>(all: S[], at: number): S | undefined {
  let lo = 0;
  let hi = all.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = all[mid] as S;
    if (at < s.start) hi = mid - 1;
    else if (at >= s.end) lo = mid + 1;
    else return s;
  }
  return undefined;
}

/**
 * Trim characters of a set from the ends, by a loop: a regular expression anchored at the end
 * (`/[\s,;.]+$/`) retries from every position and is quadratic on a long run of them.
 */
export function trimChars(s: string, set: string, ends: "both" | "start" | "end" = "both"): string {
  let start = 0;
  let end = s.length;
  if (ends !== "end") while (start < end && set.includes(s[start] as string)) start++;
  if (ends !== "start") while (end > start && set.includes(s[end - 1] as string)) end--;
  return s.slice(start, end);
}

export const whitespace = " \t\n\r\f\v\u00a0\u2028\u2029\u202f\u3000";

/** The last word of a text that ends in white space ("the Africa Week " → "Week"), or undefined. */
export function lastWord(s: string): { word: string; length: number } | undefined {
  const trimmed = s.trimEnd();
  if (trimmed.length === s.length || !trimmed) return undefined;
  let i = trimmed.length;
  while (i > 0 && !/\s/.test(trimmed[i - 1] as string)) i--;
  return { word: trimmed.slice(i), length: s.length - i };
}

/** "Name (City)" → { bare: "Name", inside: "City" }, or undefined when the name ends in no bracket. */
export function trailingBracket(name: string): { bare: string; inside: string } | undefined {
  const t = name.trimEnd();
  if (!t.endsWith(")")) return undefined;
  const close = t.length - 1;
  const open = t.indexOf("(", t.lastIndexOf(")", close - 1) + 1);
  if (open < 0 || open >= close) return undefined;
  return { bare: t.slice(0, open).trimEnd(), inside: t.slice(open + 1, close) };
}
