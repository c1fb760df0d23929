import { z } from "zod";
import { vm } from "@/lib/i18n/validation";
import { webhookEvents } from "./lists";

export { type WebhookEvent, webhookEvents } from "./lists";

const url = z
  .string({ error: vm("urlText") })
  .trim()
  .max(2000, { error: vm("urlMaxChars", { max: 2000 }) })
  .refine((u) => URL.canParse(u) && ["https:", "http:"].includes(new URL(u).protocol), { error: vm("urlFormat") });

const events = z
  .array(z.enum(webhookEvents, { error: vm("eventsAre", { list: webhookEvents.join(", ") }) }), { error: vm("mustBeList", { label: "Events" }) })
  .min(1, { error: vm("chooseEvent") })
  .transform((list) => [...new Set(list)]);

/** An admin registers a webhook (https only, unless WEBHOOK_ALLOW_PRIVATE=true: checked on the server). */
export const webhookInput = z.object({
  url,
  events,
  includeRestricted: z.boolean({ error: vm("booleanParam", { param: "includeRestricted" }) }).default(false),
});
export type WebhookInput = z.infer<typeof webhookInput>;

export const webhookPatch = z
  .object({ url, events, includeRestricted: z.boolean({ error: vm("booleanParam", { param: "includeRestricted" }) }), active: z.boolean({ error: vm("booleanParam", { param: "active" }) }) })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { error: vm("changeOneField"), path: ["_"] });
export type WebhookPatch = z.infer<typeof webhookPatch>;
