import { mergeOrganisation, toOrganisationJson } from "@/db/queries/organisations";
import { apiRoute, readJson, uuidParam } from "@/server/api";
import { organisationMerge } from "@/lib/validation/organisations";

type P = { organisationId: string };

export const POST = apiRoute<P>(async ({ req, db, viewer, params }) => {
  const id = uuidParam(params.organisationId, "organisation");
  const result = await mergeOrganisation(db, viewer, id, await readJson(req, organisationMerge));
  return { merged: toOrganisationJson(result.merged), kept: toOrganisationJson(result.kept), moved: result.moved };
});
