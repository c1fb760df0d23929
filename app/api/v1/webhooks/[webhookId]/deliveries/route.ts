import { listDeliveries } from "@/db/queries/webhooks";
import { apiRoute, uuidParam } from "@/server/api";

/** The delivery log: status, response code, time and payload, newest first (the last 100). */
export const GET = apiRoute<{ webhookId: string }>(async ({ db, viewer, params }) => ({ items: await listDeliveries(db, viewer, uuidParam(params.webhookId, "webhook")) }));
