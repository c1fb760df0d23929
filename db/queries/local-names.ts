import { type AnyColumn, sql, type SQL } from "drizzle-orm";
import { readerLocale } from "@/lib/i18n/locale";
import type { Viewer } from "@/lib/policy";

/**
 * Bilingual reference data in SQL: the French name (or acronym) of an organisation, priority area or
 * series for a reader of French when there is one, the English one otherwise (lib/i18n/names.ts does the
 * same for rows already read). English readers get the plain column, as before.
 */
/** Whose language: a viewer (its request's language) or anyone with a saved locale. */
type Reader = Pick<Viewer, "readLocale" | "locale">;

export function localNameSql(table: { name: AnyColumn; nameFr: AnyColumn }, viewer: Reader): SQL<string> {
  return readerLocale(viewer) === "fr" ? sql<string>`coalesce(nullif(${table.nameFr}, ''), ${table.name})` : sql<string>`${table.name}`;
}

export function localAcronymSql(table: { acronym: AnyColumn; acronymFr: AnyColumn }, viewer: Reader): SQL<string | null> {
  return readerLocale(viewer) === "fr" ? sql<string | null>`coalesce(nullif(${table.acronymFr}, ''), ${table.acronym})` : sql<string | null>`${table.acronym}`;
}
