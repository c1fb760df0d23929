import { getOrganisation, toOrganisationJson, updateOrganisation } from "@/db/queries/organisations";
import { apiRoute, readJson, uuidParam } from "@/server/api";
import { organisationPatch } from "@/lib/validation/organisations";

type P = { organisationId: string };

export const GET = apiRoute<P>(async ({ db, params }) => toOrganisationJson(await getOrganisation(db, uuidParam(params.organisationId, "organisation"))));

export const PATCH = apiRoute<P>(async ({ req, db, viewer, params }) => {
  const id = uuidParam(params.organisationId, "organisation");
  return toOrganisationJson(await updateOrganisation(db, viewer, id, await readJson(req, organisationPatch)));
});
