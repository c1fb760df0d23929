/**
 * The value lists of the schema's enums, without drizzle: client code (forms, filters, zod
 * schemas) imports them from here, so the ORM stays out of the browser bundle.
 */
export const organisationKinds = ["eu", "un", "member_state", "other"] as const;
export const roles = ["staff", "manager", "admin"] as const;
export const meetingFormats = ["in_person", "virtual", "hybrid"] as const;
export const visibilities = ["internal", "restricted"] as const;
export const followUpStatuses = ["open", "in_progress", "blocked", "done", "cancelled"] as const;
export const followUpPriorities = ["low", "normal", "high"] as const;
export const savedViewPaths = ["/board", "/follow-ups"] as const;
/** How often a user gets the e-mail digest of their follow-ups due soon and overdue. */
export const digestFrequencies = ["daily", "weekly", "never"] as const;
/** assignment and digest: the reminders; notice: an in-app notification the user wants by e-mail at once. */
export const notificationKinds = ["assignment", "digest", "notice"] as const;
export const notificationStatuses = ["pending", "sending", "sent", "failed", "skipped"] as const;
/** What an agenda item's outcome is, as UN minutes keep them apart (OpenProject: information, decision, work package). */
export const outcomeKinds = ["decision", "information", "action"] as const;
/** A decision's implementation status, in the UN General Assembly's mandate-review terms. */
export const implementationStatuses = ["implemented", "in_progress", "not_implemented", "not_applicable"] as const;
/** What an in-app notification (user_notifications) says happened. */
export const userNotificationKinds = ["assigned", "mentioned", "commented", "status_changed", "document", "redated", "due_tomorrow", "overdue"] as const;
/** How a user wants each kind by e-mail: at once, in the digest, or not at all. */
export const notificationMailModes = ["immediately", "digest", "never"] as const;
