import { reorderPriorityAreas } from "@/db/queries/priority-areas";
import { listPriorityAreas, toPriorityAreaJson } from "@/db/queries/reference";
import { apiRoute, readJson } from "@/server/api";
import { priorityAreaOrder } from "@/lib/validation/priority-areas";

/** PUT the whole order at once: { ids: [first, second, …] }. */
export const PUT = apiRoute(async ({ req, db, viewer }) => {
  await reorderPriorityAreas(db, viewer, (await readJson(req, priorityAreaOrder)).ids);
  return { items: (await listPriorityAreas(db)).map(toPriorityAreaJson) };
});
