import { z } from "zod";
import { organisationKinds } from "@/db/enums";
import { id, requiredText, text, version } from "./common";

/** One e-mail domain, like unodc.org. */
export const emailDomain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{3,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, { error: "Each e-mail domain must look like unodc.org (no @, no spaces)." });

/** E-mail domains: a list, or (from a form field or a CSV cell) text separated by commas, spaces or semicolons. */
export const domainList = z
  .union([z.array(z.string(), { error: "Domains must be a list." }), z.string()], { error: "Domains must be a list." })
  .transform((v) => (typeof v === "string" ? v.split(/[\s,;]+/).filter(Boolean) : v))
  .pipe(z.array(emailDomain).max(20, { error: "At most 20 e-mail domains." }))
  .transform((list) => [...new Set(list)]);

const acronym = text("Acronym", 30)
  .trim()
  .transform((s) => s || null)
  .nullable();

const organisationFields = z.object({
  name: requiredText("Name", 200),
  acronym,
  kind: z.enum(organisationKinds, { error: "Choose the kind: EU, UN, member state or other." }),
  parentId: id("Parent organisation").nullable(),
  domains: domainList,
});

/** The new-organisation form; the same schema checks the request on the server. */
export const organisationInput = organisationFields.extend({
  acronym: acronym.optional().default(null),
  parentId: organisationFields.shape.parentId.optional().default(null),
  domains: domainList.optional().default([]),
});
export type OrganisationInput = z.input<typeof organisationInput>;
export type OrganisationValues = z.output<typeof organisationInput>;

/** Rename, move in the tree, archive or restore: any of the fields, plus the version it was based on. */
export const organisationPatch = organisationFields
  .partial()
  .extend({ archived: z.boolean({ error: "Archived must be true or false." }).optional(), version })
  .refine((v) => Object.keys(v).some((k) => k !== "version"), { error: "Change at least one field.", path: ["_"] });
export type OrganisationPatch = z.output<typeof organisationPatch>;

/** Merge this organisation into another: every reference moves to `intoId`, this one is archived. */
export const organisationMerge = z.object({ intoId: id("Organisation to keep"), version });
export type OrganisationMerge = z.output<typeof organisationMerge>;

/** An organisation import: the CSV text (name, acronym, kind, parent acronym, domains) and whether only to preview it. */
export const organisationImport = z.object({
  csv: z.string({ error: "Paste the CSV text or choose a file." }).max(2_000_000, { error: "The file is too large (at most 2 MB)." }),
  dryRun: z.boolean({ error: "dryRun must be true or false." }).optional().default(true),
});
export type OrganisationImport = z.output<typeof organisationImport>;
