import { listPriorityAreas, toPriorityAreaJson } from "@/db/queries/reference";
import { apiRoute } from "@/lib/api";

export const GET = apiRoute(async ({ db }) => ({ items: (await listPriorityAreas(db)).map(toPriorityAreaJson) }));
