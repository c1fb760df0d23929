import { accountability } from "@/db/queries/continuity";
import { toFollowUpJson } from "@/db/queries/follow-ups";
import { apiRoute, uuidParam } from "@/server/api";

type P = { organisationId: string };

/** GET /api/v1/organisations/{id}/accountability — what it and its sub-units own, its on-time rate and overdue items. */
export const GET = apiRoute<P>(async ({ db, viewer, params }) => {
  const a = await accountability(db, viewer, uuidParam(params.organisationId, "organisation"));
  return { organisation: a.organisation, totals: a.totals, units: a.units, overdue: a.overdue.map(toFollowUpJson), items: a.items.map(toFollowUpJson) };
});
