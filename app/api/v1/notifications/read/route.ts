import { markNotificationsRead } from "@/db/queries/user-notifications";
import { apiRoute, readJson } from "@/server/api";
import { markReadInput } from "@/lib/validation/user-notifications";

export const POST = apiRoute(async ({ req, db, viewer }) => markNotificationsRead(db, viewer, await readJson(req, markReadInput)));
