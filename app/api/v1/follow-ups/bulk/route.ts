import { bulkUpdateFollowUps } from "@/db/queries/follow-ups";
import { apiRoute, readJson } from "@/server/api";
import { followUpBulkPatch } from "@/lib/validation/follow-ups";

/** One change to many follow-ups: those in the caller's scope change, the rest are listed as refused. */
export const POST = apiRoute(async ({ req, db, viewer }) => bulkUpdateFollowUps(db, viewer, await readJson(req, followUpBulkPatch)));
