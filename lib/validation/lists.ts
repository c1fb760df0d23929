/**
 * Value lists and limits the forms and tables need in the browser, kept apart from the zod schemas
 * (lib/validation/*) so a page that only shows them does not load zod.
 */

/** The columns a follow-up list or export can show, in their default order. */
export const followUpColumns = ["meeting", "title", "priorityArea", "ownerOrganisation", "owner", "due", "status", "overdue", "priority", "description", "updated"] as const;
export type FollowUpColumn = (typeof followUpColumns)[number];
export const defaultFollowUpColumns: readonly FollowUpColumn[] = ["meeting", "title", "priorityArea", "ownerOrganisation", "owner", "due", "status", "overdue", "priority"];

/** At most this much pasted text: minutes of a long meeting fit; a book does not. */
export const draftTextLimit = 50_000;

/** What a webhook can subscribe to. */
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
