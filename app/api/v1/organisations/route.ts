import { listOrganisations, toOrganisationJson } from "@/db/queries/organisations";
import { apiRoute } from "@/lib/api";

export const GET = apiRoute(async ({ db }) => ({ items: (await listOrganisations(db)).map(toOrganisationJson) }));
