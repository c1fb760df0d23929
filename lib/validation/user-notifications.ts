import { z } from "zod";
import { notificationMailModes, userNotificationKinds } from "@/db/enums";

export type UserNotificationKind = (typeof userNotificationKinds)[number];
export type NotificationMailMode = (typeof notificationMailModes)[number];

/** The notifications page's filters (and the API's query): unread only, mentions, assignments. */
export const notificationFilterKinds = ["mentions", "assigned"] as const;
const bool = z.enum(["true", "false"], { error: "Use true or false." }).transform((v) => v === "true");

export const userNotificationFilters = z.object({
  unread: bool.optional(),
  kind: z.enum(notificationFilterKinds, { error: "kind must be mentions or assigned." }).optional(),
  cursor: z.string().max(100, { error: "This page link is not valid." }).optional(),
  limit: z.coerce.number({ error: "limit must be a number." }).int().min(1, { error: "limit must be 1 to 100." }).max(100, { error: "limit must be 1 to 100." }).optional(),
});
export type UserNotificationFilters = z.infer<typeof userNotificationFilters>;

/** Mark some notifications read ({ ids }), or all of them ({ all: true }). */
export const markReadInput = z.union(
  [
    z.object({ ids: z.array(z.coerce.number().int().positive(), { error: "ids must be a list of notification ids." }).min(1, { error: "Name at least one notification." }).max(500, { error: "At most 500 at once." }) }),
    z.object({ all: z.literal(true, { error: "all must be true." }) }),
  ],
  { error: "Send { ids: [...] } or { all: true }." },
);
export type MarkReadInput = z.infer<typeof markReadInput>;

/** Mentions and assignments are e-mailed at once; the rest wait for the digest, unless the user chooses otherwise. */
export const defaultMailModes: Record<UserNotificationKind, NotificationMailMode> = {
  assigned: "immediately",
  mentioned: "immediately",
  commented: "digest",
  status_changed: "digest",
  document: "digest",
  redated: "digest",
  due_tomorrow: "digest",
  overdue: "digest",
};

export const mailModeFor = (prefs: Record<string, string> | null | undefined, kind: UserNotificationKind): NotificationMailMode => {
  const chosen = prefs?.[kind];
  return (notificationMailModes as readonly string[]).includes(chosen ?? "") ? (chosen as NotificationMailMode) : defaultMailModes[kind];
};

const mode = z.enum(notificationMailModes, { error: "Choose immediately, in the digest, or never." });
/** The profile's "E-mail me about…" form: one choice per kind. */
export const notificationMailInput = z.object(Object.fromEntries(userNotificationKinds.map((k) => [k, mode])) as Record<UserNotificationKind, typeof mode>);
export type NotificationMailValues = z.infer<typeof notificationMailInput>;
