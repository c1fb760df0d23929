import { z } from "zod";
import { vm } from "@/lib/i18n/validation";

export const webhookEvents = [
  "follow_up.created",
  "follow_up.updated",
  "follow_up.status_changed",
  "follow_up.overdue",
  "comment.created",
  "meeting.created",
  "meeting.updated",
] as const;
export type WebhookEvent = (typeof webhookEvents)[number];

const url = z
  .string({ error: "URL must be text." })
  .trim()
  .max(2000, { error: "URL must be at most 2,000 characters." })
  .refine((u) => URL.canParse(u) && ["https:", "http:"].includes(new URL(u).protocol), { error: "URL must be an https:// address, like https://example.org/hooks/tracker." });

const events = z
  .array(z.enum(webhookEvents, { error: `Events are ${webhookEvents.join(", ")}.` }), { error: "Events must be a list." })
  .min(1, { error: "Choose at least one event." })
  .transform((list) => [...new Set(list)]);

/** An admin registers a webhook (https only, unless WEBHOOK_ALLOW_PRIVATE=true: checked on the server). */
export const webhookInput = z.object({
  url,
  events,
  includeRestricted: z.boolean({ error: "includeRestricted must be true or false." }).default(false),
});
export type WebhookInput = z.infer<typeof webhookInput>;

export const webhookPatch = z
  .object({ url, events, includeRestricted: z.boolean({ error: "includeRestricted must be true or false." }), active: z.boolean({ error: "active must be true or false." }) })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { error: vm("changeOneField"), path: ["_"] });
export type WebhookPatch = z.infer<typeof webhookPatch>;
