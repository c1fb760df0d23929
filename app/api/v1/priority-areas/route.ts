import { createPriorityArea } from "@/db/queries/priority-areas";
import { listPriorityAreas, toPriorityAreaJson } from "@/db/queries/reference";
import { apiRoute, readJson } from "@/server/api";
import { priorityAreaInput } from "@/lib/validation/priority-areas";

export const GET = apiRoute(async ({ db }) => ({ items: (await listPriorityAreas(db)).map(toPriorityAreaJson) }));

export const POST = apiRoute(async ({ req, db, viewer }) => toPriorityAreaJson(await createPriorityArea(db, viewer, await readJson(req, priorityAreaInput))), { status: 201 });
