import { getLocale } from "next-intl/server";
import { isLocale, type Locale } from "@/lib/i18n/locale";
import { localAcronym, localName } from "@/lib/i18n/names";
import type { OrganisationOption } from "@/lib/organisations/tree";

/**
 * Reference data as the meeting pages hand it to their components: in the reader's language (a French
 * name or acronym when there is one, the English one otherwise). User content is never translated.
 */
type Named = { id: string; name: string; nameFr?: string | null; archived: boolean };
type Org = Named & { acronym: string | null; acronymFr?: string | null; parentId: string | null };

export const localOptions = (rows: readonly Named[], locale: Locale) => rows.map((r) => ({ id: r.id, name: localName(r, locale), archived: r.archived }));

export const localOrganisations = (rows: readonly Org[], locale: Locale): OrganisationOption[] =>
  rows.map((o) => ({ id: o.id, name: localName(o, locale), acronym: localAcronym(o, locale), parentId: o.parentId, archived: o.archived }));

/** The request's language, for the formatter and reference names. */
export async function pageLocale(): Promise<Locale> {
  const raw = await getLocale();
  return isLocale(raw) ? raw : "en";
}
