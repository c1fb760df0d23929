import { resendDelivery } from "@/db/queries/webhooks";
import { apiRoute, uuidParam } from "@/server/api";

/** Sends a delivery again, as a new entry of the log. */
export const POST = apiRoute<{ webhookId: string; deliveryId: string }>(
  async ({ db, viewer, params }) => resendDelivery(db, viewer, uuidParam(params.webhookId, "webhook"), uuidParam(params.deliveryId, "webhook_delivery")),
  { status: 202 },
);
