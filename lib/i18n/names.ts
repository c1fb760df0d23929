import type { Locale } from "./locale";

/**
 * Reference data can be bilingual: organisations, priority areas and series have a French name (and
 * organisations a French acronym: ONUDC, SEAE). A French reader gets it when there is one, the
 * English one otherwise; user content (titles, minutes, comments) is never translated.
 */
export function localName(row: { name: string; nameFr?: string | null }, locale: Locale | string): string {
  return locale === "fr" && row.nameFr ? row.nameFr : row.name;
}

export function localAcronym(row: { acronym: string | null; acronymFr?: string | null }, locale: Locale | string): string | null {
  return locale === "fr" && row.acronymFr ? row.acronymFr : row.acronym;
}
