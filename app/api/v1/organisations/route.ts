import { createOrganisation, listOrganisations, toOrganisationJson } from "@/db/queries/organisations";
import { apiRoute, readJson } from "@/server/api";
import { organisationInput } from "@/lib/validation/organisations";

export const GET = apiRoute(async ({ db }) => ({ items: (await listOrganisations(db)).map(toOrganisationJson) }));

export const POST = apiRoute(async ({ req, db, viewer }) => toOrganisationJson(await createOrganisation(db, viewer, await readJson(req, organisationInput))), { status: 201 });
