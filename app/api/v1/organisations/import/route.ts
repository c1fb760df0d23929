import { applyOrganisationImport, previewOrganisationImport } from "@/db/queries/organisation-import";
import { apiRoute, readJson } from "@/server/api";
import { bodyLimits } from "@/server/body-limits";
import { organisationImport } from "@/lib/validation/organisations";

/**
 * `{ csv, dryRun }` → the plan, row by row. With dryRun false the file is imported only if every
 * row is valid; otherwise 400 with the plan and nothing written.
 */
export const POST = apiRoute(async ({ req, db, viewer }) => {
  const { csv, dryRun } = await readJson(req, organisationImport);
  return dryRun ? previewOrganisationImport(db, viewer, csv) : applyOrganisationImport(db, viewer, csv);
}, { maxBody: bodyLimits.import });
