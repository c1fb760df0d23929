import { listSdgTargets, toSdgTargetJson } from "@/db/queries/reference";
import { apiRoute } from "@/server/api";

/** The SDG targets a priority area can serve, goal by goal. */
export const GET = apiRoute(async ({ db }) => ({ items: (await listSdgTargets(db)).map(toSdgTargetJson) }));
