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
export const notificationKinds = ["assignment", "digest"] as const;
export const notificationStatuses = ["pending", "sending", "sent", "failed", "skipped"] as const;
