import { z } from "zod";
import { vm } from "@/lib/i18n/validation";
import { organisationKinds } from "@/db/enums";
import { id, optionalText, requiredText, version } from "./common";
import { limits } from "./limits";

/** One e-mail domain, like unodc.org. */
export const emailDomain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{3,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, { error: vm("emailDomainFormat") });

/** E-mail domains: a list, or (from a form field or a CSV cell) text separated by commas, spaces or semicolons. */
export const domainList = z
  .union([z.array(z.string(), { error: vm("mustBeList", { label: "Domains" }) }), z.string()], { error: vm("mustBeList", { label: "Domains" }) })
  .transform((v) => (typeof v === "string" ? v.split(/[\s,;]+/).filter(Boolean) : v))
  .pipe(z.array(emailDomain).max(20, { error: vm("atMostDomains", { max: 20 }) }))
  .transform((list) => [...new Set(list)]);

const acronym = optionalText("Acronym", limits.acronym);

const organisationFields = z.object({
  name: requiredText("Name", limits.name),
  acronym,
  /** The French name and acronym (ONUDC, SEAE); empty means French readers see the English one. */
  nameFr: optionalText("French name", limits.name),
  acronymFr: optionalText("French acronym", limits.acronym),
  kind: z.enum(organisationKinds, { error: vm("organisationKind") }),
  parentId: id("Parent organisation").nullable(),
  domains: domainList,
});

/** The new-organisation form; the same schema checks the request on the server. */
export const organisationInput = organisationFields.extend({
  acronym: acronym.optional().default(null),
  nameFr: organisationFields.shape.nameFr.optional().default(null),
  acronymFr: organisationFields.shape.acronymFr.optional().default(null),
  parentId: organisationFields.shape.parentId.optional().default(null),
  domains: domainList.optional().default([]),
});
export type OrganisationInput = z.input<typeof organisationInput>;
export type OrganisationValues = z.output<typeof organisationInput>;

/** Rename, move in the tree, archive or restore: any of the fields, plus the version it was based on. */
export const organisationPatch = organisationFields
  .partial()
  .extend({ archived: z.boolean({ error: vm("booleanField", { label: "Archived" }) }).optional(), version })
  .refine((v) => Object.keys(v).some((k) => k !== "version"), { error: vm("changeOneField"), path: ["_"] });
export type OrganisationPatch = z.output<typeof organisationPatch>;

/** Merge this organisation into another: every reference moves to `intoId`, this one is archived. */
export const organisationMerge = z.object({ intoId: id("Organisation to keep"), version });
export type OrganisationMerge = z.output<typeof organisationMerge>;

/** An organisation import: the CSV text (name, acronym, kind, parent acronym, domains) and whether only to preview it. */
export const organisationImport = z.object({
  csv: z.string({ error: vm("csvPasteOrChoose") }).max(2_000_000, { error: vm("csvTooLarge", { max: 2 }) }),
  dryRun: z.boolean({ error: vm("booleanParam", { param: "dryRun" }) }).optional().default(true),
});
export type OrganisationImport = z.output<typeof organisationImport>;
