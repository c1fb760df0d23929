import { getPriorityArea, updatePriorityArea } from "@/db/queries/priority-areas";
import { toPriorityAreaJson } from "@/db/queries/reference";
import { apiRoute, readJson, uuidParam } from "@/server/api";
import { priorityAreaPatch } from "@/lib/validation/priority-areas";

type P = { priorityAreaId: string };

export const GET = apiRoute<P>(async ({ db, params }) => toPriorityAreaJson(await getPriorityArea(db, uuidParam(params.priorityAreaId, "priority_area"))));

export const PATCH = apiRoute<P>(async ({ req, db, viewer, params }) => {
  const id = uuidParam(params.priorityAreaId, "priority_area");
  return toPriorityAreaJson(await updatePriorityArea(db, viewer, id, await readJson(req, priorityAreaPatch)));
});
