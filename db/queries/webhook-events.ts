import "server-only";
import type { Db } from "@/db/client";
import { env } from "@/server/env";
import type { WebhookEvent } from "@/lib/validation/webhooks";
import type { FollowUp } from "./follow-ups";
import type { Meeting } from "./meetings";
import { queueWebhookEvent } from "./webhooks";

/**
 * What webhooks receive about a follow-up or a meeting: the record as the API shows it, with names
 * and a link. Queued inside the change's transaction (see queueWebhookEvent). Type-only imports:
 * the query modules call these, so they must not import them back.
 */
function followUpData(f: FollowUp) {
  return {
    id: f.id,
    title: f.title,
    status: f.status,
    priority: f.priority,
    dueOn: f.dueOn,
    overdue: f.overdue,
    meetingId: f.meetingId,
    meetingTitle: f.meetingTitle,
    priorityAreaId: f.priorityAreaId,
    priorityAreaName: f.priorityAreaName,
    ownerOrganisationId: f.ownerOrganisationId,
    ownerOrganisationName: f.ownerOrganisationName,
    ownerUserId: f.ownerUserId,
    ownerUserName: f.ownerUserName,
    version: f.version,
    updatedAt: f.updatedAt.toISOString(),
    url: `${env().APP_URL}/follow-ups/${f.id}`,
  };
}

export function followUpEvent(tx: Db, event: WebhookEvent, f: FollowUp, extra: Record<string, unknown> = {}) {
  return queueWebhookEvent(tx, event, { key: `follow_up:${f.id}`, restricted: f.meetingVisibility === "restricted", data: { followUp: followUpData(f), ...extra } });
}

const watched = ["title", "description", "status", "priority", "dueOn", "priorityAreaId", "ownerOrganisationId", "ownerUserId"] as const;

/** After an edit: `follow_up.updated` with what changed, and `follow_up.status_changed` when the status did. */
export async function queueFollowUpChange(tx: Db, before: FollowUp, after: FollowUp) {
  const changes = Object.fromEntries(watched.filter((k) => before[k] !== after[k]).map((k) => [k, { from: before[k], to: after[k] }]));
  if (!Object.keys(changes).length) return;
  await followUpEvent(tx, "follow_up.updated", after, { changes });
  if (before.status !== after.status) await followUpEvent(tx, "follow_up.status_changed", after, { from: before.status, to: after.status });
}

export function meetingEvent(tx: Db, event: WebhookEvent, m: Meeting) {
  return queueWebhookEvent(tx, event, {
    key: `meeting:${m.id}`,
    restricted: m.visibility === "restricted",
    data: {
      meeting: {
        id: m.id,
        title: m.title,
        heldOn: m.heldOn,
        format: m.format,
        location: m.location,
        hostOrganisationId: m.hostOrganisationId,
        participantOrganisationIds: m.participantOrganisationIds,
        priorityAreaIds: m.priorityAreaIds,
        visibility: m.visibility,
        version: m.version,
        url: `${env().APP_URL}/meetings/${m.id}`,
      },
    },
  });
}
