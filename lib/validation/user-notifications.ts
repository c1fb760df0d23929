import { z } from "zod";
import { vm } from "@/lib/i18n/validation";
import { notificationMailModes, userNotificationKinds } from "@/db/enums";

export type UserNotificationKind = (typeof userNotificationKinds)[number];
export type NotificationMailMode = (typeof notificationMailModes)[number];

/** The notifications page's filters (and the API's query): unread only, mentions, assignments. */
export const notificationFilterKinds = ["mentions", "assigned"] as const;
const bool = z.enum(["true", "false"], { error: vm("trueOrFalse") }).transform((v) => v === "true");

export const userNotificationFilters = z.object({
  unread: bool.optional(),
  kind: z.enum(notificationFilterKinds, { error: vm("notificationKindParam") }).optional(),
  cursor: z.string().max(100, { error: vm("pageLinkInvalid") }).optional(),
  limit: z.coerce.number({ error: vm("limitNumber") }).int().min(1, { error: vm("limitRange", { min: 1, max: 100 }) }).max(100, { error: vm("limitRange", { min: 1, max: 100 }) }).optional(),
});
export type UserNotificationFilters = z.infer<typeof userNotificationFilters>;

/** Mark some notifications read ({ ids }), or all of them ({ all: true }). */
export const markReadInput = z.union(
  [
    z.object({ ids: z.array(z.coerce.number().int().positive(), { error: vm("notificationIdsList") }).min(1, { error: vm("nameOneNotification") }).max(500, { error: vm("atMostAtOnce", { max: 500 }) }) }),
    z.object({ all: z.literal(true, { error: vm("allTrue") }) }),
  ],
  { error: vm("sendIdsOrAll") },
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

const mode = z.enum(notificationMailModes, { error: vm("mailMode") });
/** The profile's "E-mail me about…" form: one choice per kind. */
export const notificationMailInput = z.object(Object.fromEntries(userNotificationKinds.map((k) => [k, mode])) as Record<UserNotificationKind, typeof mode>);
export type NotificationMailValues = z.infer<typeof notificationMailInput>;
