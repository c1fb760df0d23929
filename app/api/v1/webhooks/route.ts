import { createWebhook, listWebhooks } from "@/db/queries/webhooks";
import { apiRoute, readJson } from "@/server/api";
import { webhookInput } from "@/lib/validation/webhooks";

export const GET = apiRoute(async ({ db, viewer }) => ({ items: await listWebhooks(db, viewer) }));

/** Registers a webhook (admins); the answer holds its signing secret, this once. */
export const POST = apiRoute(async ({ req, db, viewer }) => createWebhook(db, viewer, await readJson(req, webhookInput)), { status: 201 });
