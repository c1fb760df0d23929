import { followUpActivity } from "@/db/queries/follow-ups";
import { apiRoute, uuidParam } from "@/server/api";

type P = { followUpId: string };

export const GET = apiRoute<P>(async ({ db, viewer, params }) => ({ items: await followUpActivity(db, viewer, uuidParam(params.followUpId, "follow_up")) }));
