/**
 * What a follow-up's status means, in one place: which statuses close it, when it is overdue and
 * when it was completed. Pure, so pages, client components and queries share it; the SQL twin
 * (`closedSql`, `overdueSql` in db/queries/follow-ups.ts) is built from the same list.
 */
import type { followUpStatuses } from "@/db/enums";

export type FollowUpStatus = (typeof followUpStatuses)[number];

/** Done or cancelled: nothing more is expected of the follow-up. */
export const closedStatuses = ["done", "cancelled"] as const satisfies readonly FollowUpStatus[];

/** Open, in progress or blocked: still expected. */
export const activeStatuses = ["open", "in_progress", "blocked"] as const satisfies readonly FollowUpStatus[];

export const isClosed = (status: string) => (closedStatuses as readonly string[]).includes(status);

/** Overdue is derived, never stored: due before today (an ISO day) and not closed. */
export const isOverdue = (dueOn: string | null | undefined, status: string, today: string) => !!dueOn && dueOn < today && !isClosed(status);

/**
 * The completedAt to store when the status becomes `next` (from `current`, for an existing one):
 * now when it becomes done, null when it becomes anything else, undefined (leave it) when the
 * status does not change.
 */
export function completedAtFor(next: FollowUpStatus | undefined, current?: FollowUpStatus, now: Date = new Date()): Date | null | undefined {
  if (next === undefined || next === current) return undefined;
  return next === "done" ? now : null;
}
