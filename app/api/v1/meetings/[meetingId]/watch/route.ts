import { watchRecord, watchState } from "@/db/queries/user-notifications";
import { apiRoute, uuidParam } from "@/server/api";

type P = { meetingId: string };
const target = (p: P) => ({ meetingId: uuidParam(p.meetingId, "meeting") });

export const GET = apiRoute<P>(async ({ db, viewer, params }) => watchState(db, viewer, target(params)));
export const PUT = apiRoute<P>(async ({ db, viewer, params }) => watchRecord(db, viewer, target(params), true));
export const DELETE = apiRoute<P>(async ({ db, viewer, params }) => watchRecord(db, viewer, target(params), false));
