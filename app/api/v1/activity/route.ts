import { listActivity } from "@/db/queries/activity";
import { apiRoute, readQuery } from "@/server/api";
import { activityFilters } from "@/lib/validation/activity";

/** The whole audit trail, newest first: admins only (others read each record's own /activity). */
export const GET = apiRoute(async ({ req, db, viewer }) => listActivity(db, viewer, readQuery(req, activityFilters)));
