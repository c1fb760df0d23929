import { pingWebhook } from "@/db/queries/webhooks";
import { apiRoute, uuidParam } from "@/server/api";

/** Queues a test delivery (event "ping"). */
export const POST = apiRoute<{ webhookId: string }>(async ({ db, viewer, params }) => pingWebhook(db, viewer, uuidParam(params.webhookId, "webhook")), { status: 202 });
