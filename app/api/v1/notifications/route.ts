import { listUserNotifications } from "@/db/queries/user-notifications";
import { apiRoute, readQuery } from "@/server/api";
import { userNotificationFilters } from "@/lib/validation/user-notifications";

export const GET = apiRoute(async ({ req, db, viewer }) => listUserNotifications(db, viewer, readQuery(req, userNotificationFilters)));
