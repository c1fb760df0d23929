import { listRemovedAttachments } from "@/db/queries/attachments";
import { apiRoute } from "@/server/api";

/** Admins: documents removed within the last 30 days, which can still be restored. */
export const GET = apiRoute(async ({ db, viewer }) => ({ items: await listRemovedAttachments(db, viewer) }));
