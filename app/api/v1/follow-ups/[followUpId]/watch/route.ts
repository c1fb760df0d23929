import { watchRecord, watchState } from "@/db/queries/user-notifications";
import { apiRoute, uuidParam } from "@/server/api";

type P = { followUpId: string };
const target = (p: P) => ({ followUpId: uuidParam(p.followUpId, "follow_up") });

export const GET = apiRoute<P>(async ({ db, viewer, params }) => watchState(db, viewer, target(params)));
export const PUT = apiRoute<P>(async ({ db, viewer, params }) => watchRecord(db, viewer, target(params), true));
export const DELETE = apiRoute<P>(async ({ db, viewer, params }) => watchRecord(db, viewer, target(params), false));
