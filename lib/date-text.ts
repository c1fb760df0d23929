/**
 * Dates as people type them and as the app writes them: "15 Feb 2022" (also "15 February 2022"),
 * in French "15 févr. 2022" (also "15 février 2022", with or without accents), or the ISO
 * "2022-02-15". Shared by the date input (client) and the zod schemas (both sides), so an error
 * says what the field shows.
 */
export const MIN_DATE = "1900-01-01";
export const MAX_DATE = "2999-12-31";

const months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const shortMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
/** French abbreviations as Intl writes them in fr-FR ("15 févr. 2022"). */
const shortMonthsFr = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."];
const fullMonthsFr = ["janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre", "novembre", "decembre"];
/** "Févr" → "fevr": lower case without accents. */
const plain = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** A structural date (it may not exist: "2022-02-31"), or null when the text is no date at all. */
export function parseDateText(input: string): string | null {
  const text = input.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (iso) return `${iso[1]}-${pad(Number(iso[2]))}-${pad(Number(iso[3]))}`;
  const words = /^(\d{1,2})[\s-]+(\p{L}{3,9})\.?,?[\s-]+(\d{4})$/u.exec(text);
  if (words) {
    const name = plain(words[2] ?? "");
    // "Feb", "February", "Sept", "févr.", "juillet": a month's name or its start (three letters at least),
    // in English or French; a start that fits two months ("jui") is no date.
    const fits = new Set<number>();
    months.forEach((m, i) => name.startsWith(m) && (fullMonths[i] ?? "").startsWith(name) && fits.add(i));
    fullMonthsFr.forEach((m, i) => m.startsWith(name) && fits.add(i));
    if (fits.size !== 1) return null;
    const [month = 0] = fits;
    return `${words[3]}-${pad(month + 1)}-${pad(Number(words[1]))}`;
  }
  return null;
}
const fullMonths = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/** Whether an ISO date exists on the calendar (no 31 April, no 29 February 2023). */
export function isRealIsoDate(iso: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return false;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
}

export const inDateRange = (iso: string) => iso >= MIN_DATE && iso <= MAX_DATE;

/** "15 Feb 2022" for a real ISO date; anything else as it is. */
export function dateText(iso: string | null | undefined, locale: "en" | "fr" = "en"): string {
  if (!iso) return "";
  if (!isRealIsoDate(iso)) return iso;
  const [y = 0, m = 1, d = 1] = iso.split("-").map(Number);
  return `${d} ${(locale === "fr" ? shortMonthsFr : shortMonths)[m - 1]} ${pad(y, 4)}`;
}
