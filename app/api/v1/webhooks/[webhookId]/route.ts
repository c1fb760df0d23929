import { deleteWebhook, getWebhook, updateWebhook } from "@/db/queries/webhooks";
import { apiRoute, readJson, uuidParam } from "@/server/api";
import { webhookPatch } from "@/lib/validation/webhooks";

type P = { webhookId: string };
export const GET = apiRoute<P>(async ({ db, viewer, params }) => getWebhook(db, viewer, uuidParam(params.webhookId, "webhook")));
export const PATCH = apiRoute<P>(async ({ req, db, viewer, params }) => updateWebhook(db, viewer, uuidParam(params.webhookId, "webhook"), await readJson(req, webhookPatch)));
export const DELETE = apiRoute<P>(async ({ db, viewer, params }) => deleteWebhook(db, viewer, uuidParam(params.webhookId, "webhook")));
