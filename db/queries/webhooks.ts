import "server-only";
import { randomBytes, randomUUID } from "node:crypto";
import { and, arrayContains, asc, desc, eq, inArray, lte, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { followUps, meetings, webhookDeliveries, webhooks } from "@/db/schema";
import { env } from "@/server/env";
import { invalid, notFound } from "@/lib/errors";
import type { Viewer } from "@/lib/policy";
import type { WebhookEvent, WebhookInput, WebhookPatch } from "@/lib/validation/webhooks";
import { checkUrl, UnsafeUrlError } from "@/server/webhooks/ssrf";
import { recordEvent } from "./activity";
import { closedList } from "./follow-up-rows";
import { assertAdmin } from "./admin";

/** A delivery is retried for a day after it was queued (backoff 30 s, 1, 2, 4 … minutes, capped at an hour), then dead. */
export const RETRY_FOR_MS = 24 * 3_600_000;
/** A webhook whose deliveries have failed for this long, without a success, is disabled. */
export const DISABLE_AFTER_MS = 24 * 3_600_000;
const LEASE_MS = 2 * 60_000;
export const retryDelayMs = (attempts: number) => Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);

const columns = {
  id: webhooks.id,
  url: webhooks.url,
  events: webhooks.events,
  includeRestricted: webhooks.includeRestricted,
  active: webhooks.active,
  failingSince: webhooks.failingSince,
  disabledReason: webhooks.disabledReason,
  createdAt: webhooks.createdAt,
};
type WebhookRow = { id: string; url: string; events: string[]; includeRestricted: boolean; active: boolean; failingSince: Date | null; disabledReason: string | null; createdAt: Date };
export const toWebhookJson = (w: WebhookRow) => ({
  id: w.id,
  url: w.url,
  events: w.events,
  includeRestricted: w.includeRestricted,
  active: w.active,
  failingSince: w.failingSince?.toISOString() ?? null,
  disabledReason: w.disabledReason,
  createdAt: w.createdAt.toISOString(),
});
export type WebhookJson = ReturnType<typeof toWebhookJson>;

/** The URL must be https (http only where private addresses are allowed) and resolve to a public address. */
async function checkWebhookUrl(url: string) {
  try {
    await checkUrl(url);
  } catch (e) {
    if (e instanceof UnsafeUrlError) throw invalid("webhook", { url: e.message });
    throw e;
  }
}

export async function listWebhooks(db: Db, viewer: Viewer) {
  assertAdmin(viewer);
  return (await db.select(columns).from(webhooks).orderBy(asc(webhooks.createdAt))).map(toWebhookJson);
}

async function getWebhookRow(db: Db, viewer: Viewer, id: string) {
  assertAdmin(viewer);
  const [row] = await db.select(columns).from(webhooks).where(eq(webhooks.id, id));
  if (!row) throw notFound("webhook");
  return row;
}
export const getWebhook = async (db: Db, viewer: Viewer, id: string) => toWebhookJson(await getWebhookRow(db, viewer, id));

/** Registers a webhook; its signing secret is in the answer this once. */
export async function createWebhook(db: Db, viewer: Viewer, input: WebhookInput) {
  assertAdmin(viewer);
  await checkWebhookUrl(input.url);
  const secret = `whsec_${randomBytes(32).toString("base64url")}`;
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(webhooks).values({ ...input, secret, createdById: viewer.id }).returning(columns);
    if (!row) throw new Error("insert returned nothing");
    await recordEvent(tx, viewer.id, "user", viewer.id, "webhook_created", { webhookId: row.id, url: row.url, events: row.events });
    return { ...toWebhookJson(row), secret };
  });
}

export async function updateWebhook(db: Db, viewer: Viewer, id: string, patch: WebhookPatch) {
  const current = await getWebhookRow(db, viewer, id);
  if (patch.url !== undefined && patch.url !== current.url) await checkWebhookUrl(patch.url);
  // Turning it back on starts its failure clock afresh.
  const revive = patch.active === true && !current.active ? { failingSince: null, disabledReason: null } : {};
  return db.transaction(async (tx) => {
    const [row] = await tx.update(webhooks).set({ ...patch, ...revive }).where(eq(webhooks.id, id)).returning(columns);
    await recordEvent(tx, viewer.id, "user", viewer.id, "webhook_updated", { webhookId: id, ...patch });
    return toWebhookJson(row!);
  });
}

export async function deleteWebhook(db: Db, viewer: Viewer, id: string) {
  await getWebhookRow(db, viewer, id);
  await db.transaction(async (tx) => {
    await tx.delete(webhooks).where(eq(webhooks.id, id)); // its deliveries cascade
    await recordEvent(tx, viewer.id, "user", viewer.id, "webhook_deleted", { webhookId: id });
  });
  return { id, deleted: true };
}

const envelope = (event: string, data: unknown) => JSON.stringify({ id: randomUUID(), event, occurredAt: new Date().toISOString(), data });

/**
 * Queues an event for every active webhook that wants it, inside the transaction of the change (so
 * it goes out only if the change commits, and exactly then). A record of a restricted meeting goes
 * only to webhooks that include restricted records. Then the sender is poked to run after commit.
 */
export async function queueWebhookEvent(tx: Db, event: WebhookEvent, record: { key: string; restricted: boolean; data: unknown; dedupe?: string }) {
  const targets = await tx
    .select({ id: webhooks.id })
    .from(webhooks)
    .where(and(eq(webhooks.active, true), arrayContains(webhooks.events, [event]), record.restricted ? eq(webhooks.includeRestricted, true) : undefined));
  if (!targets.length) return;
  const body = envelope(event, record.data);
  await tx
    .insert(webhookDeliveries)
    .values(targets.map((t) => ({ webhookId: t.id, event, recordKey: record.key, body, dedupeKey: record.dedupe ? `${record.dedupe}:${t.id}` : null })))
    .onConflictDoNothing();
  pokeSender();
}

/** Whether any active webhook wants this event (to skip building payloads nobody receives). */
export async function webhooksWant(db: Db, event: WebhookEvent) {
  const [row] = await db.select({ id: webhooks.id }).from(webhooks).where(and(eq(webhooks.active, true), arrayContains(webhooks.events, [event]))).limit(1);
  return !!row;
}

/** A test ping, queued like any event. */
export async function pingWebhook(db: Db, viewer: Viewer, id: string) {
  await getWebhookRow(db, viewer, id);
  const [row] = await db
    .insert(webhookDeliveries)
    .values({ webhookId: id, event: "ping", recordKey: `ping:${randomUUID()}`, body: envelope("ping", { message: "A test delivery from the Cooperation Tracker." }) })
    .returning({ id: webhookDeliveries.id });
  pokeSender();
  return { deliveryId: row!.id };
}

/** Sends one delivery again, as a new entry of the log (the old one stays as it was). */
export async function resendDelivery(db: Db, viewer: Viewer, webhookId: string, deliveryId: string) {
  await getWebhookRow(db, viewer, webhookId);
  const [d] = await db.select().from(webhookDeliveries).where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.webhookId, webhookId)));
  if (!d) throw notFound("webhook_delivery");
  const [row] = await db
    .insert(webhookDeliveries)
    .values({ webhookId, event: d.event, recordKey: `resend:${d.id}:${randomUUID()}`, body: d.body })
    .returning({ id: webhookDeliveries.id });
  pokeSender();
  return { deliveryId: row!.id };
}

/** The delivery log of one webhook, newest first. */
export async function listDeliveries(db: Db, viewer: Viewer, webhookId: string, limit = 100) {
  await getWebhookRow(db, viewer, webhookId);
  const rows = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.webhookId, webhookId)).orderBy(desc(webhookDeliveries.seq)).limit(limit);
  return rows.map((d) => ({
    id: d.id,
    event: d.event,
    status: d.status,
    attempts: d.attempts,
    responseCode: d.responseCode,
    lastError: d.lastError,
    createdAt: d.createdAt.toISOString(),
    sentAt: d.sentAt?.toISOString() ?? null,
    nextAttemptAt: d.nextAttemptAt?.toISOString() ?? null,
    payload: d.body,
  }));
}

/**
 * Claims due deliveries, atomically (FOR UPDATE SKIP LOCKED, as the e-mail outbox): pending or
 * failed ones whose time has come, and "sending" ones whose lease ran out (a run that died). In
 * order per record: one waits while an earlier delivery of the same record to the same webhook is
 * not yet sent (or given up).
 */
export async function claimDueDeliveries(db: Db, now: Date, limit = 20) {
  const due = db
    .select({ id: webhookDeliveries.id })
    .from(webhookDeliveries)
    .innerJoin(webhooks, eq(webhooks.id, webhookDeliveries.webhookId))
    .where(
      and(
        inArray(webhookDeliveries.status, ["pending", "sending", "failed"]),
        lte(webhookDeliveries.nextAttemptAt, now),
        eq(webhooks.active, true),
        sql`not exists (select 1 from webhook_deliveries e where e.webhook_id = ${webhookDeliveries.webhookId} and e.record_key = ${webhookDeliveries.recordKey}
              and e.seq < ${webhookDeliveries.seq} and e.status not in ('sent', 'dead'))`,
      ),
    )
    .orderBy(asc(webhookDeliveries.seq))
    .limit(limit)
    .for("update", { of: webhookDeliveries, skipLocked: true });
  const claimed = await db
    .update(webhookDeliveries)
    .set({ status: "sending", attempts: sql`${webhookDeliveries.attempts} + 1`, nextAttemptAt: new Date(now.getTime() + LEASE_MS) })
    .where(inArray(webhookDeliveries.id, due))
    .returning();
  if (!claimed.length) return [];
  const hooks = await db.select({ id: webhooks.id, url: webhooks.url, secret: webhooks.secret }).from(webhooks).where(inArray(webhooks.id, [...new Set(claimed.map((c) => c.webhookId))]));
  const byId = new Map(hooks.map((h) => [h.id, h]));
  return claimed.sort((a, b) => a.seq - b.seq).map((d) => ({ ...d, webhook: byId.get(d.webhookId)! }));
}
export type ClaimedDelivery = Awaited<ReturnType<typeof claimDueDeliveries>>[number];

export async function markDelivered(db: Db, d: ClaimedDelivery, responseCode: number, now: Date) {
  await db.transaction(async (tx) => {
    await tx.update(webhookDeliveries).set({ status: "sent", responseCode, sentAt: now, nextAttemptAt: null, lastError: null }).where(eq(webhookDeliveries.id, d.id));
    await tx.update(webhooks).set({ failingSince: null }).where(eq(webhooks.id, d.webhookId));
  });
}

/**
 * A failed attempt: retried with backoff until a day after it was queued, then dead. The webhook's
 * failure clock starts at its first failure since a success; after 24 hours the webhook is disabled,
 * its pending deliveries are given up, and the admins are told (the audit trail, the webhooks page
 * and the server log).
 */
export async function markDeliveryFailed(db: Db, d: ClaimedDelivery, now: Date, failure: { responseCode: number | null; error: string }) {
  return db.transaction(async (tx) => {
    const giveUp = now.getTime() - d.createdAt.getTime() >= RETRY_FOR_MS;
    await tx
      .update(webhookDeliveries)
      .set({
        status: giveUp ? "dead" : "failed",
        responseCode: failure.responseCode,
        lastError: failure.error.slice(0, 1000),
        nextAttemptAt: giveUp ? null : new Date(now.getTime() + retryDelayMs(d.attempts)),
      })
      .where(eq(webhookDeliveries.id, d.id));
    const [hook] = await tx
      .update(webhooks)
      .set({ failingSince: sql`coalesce(${webhooks.failingSince}, ${now.toISOString()}::timestamptz)` })
      .where(eq(webhooks.id, d.webhookId))
      .returning({ failingSince: webhooks.failingSince, active: webhooks.active, createdById: webhooks.createdById, url: webhooks.url });
    if (hook?.active && hook.failingSince && now.getTime() - hook.failingSince.getTime() >= DISABLE_AFTER_MS) {
      const reason = `Disabled on ${now.toISOString()}: every delivery failed for 24 hours (last: ${failure.error.slice(0, 200)}).`;
      await tx.update(webhooks).set({ active: false, disabledReason: reason }).where(eq(webhooks.id, d.webhookId));
      await tx
        .update(webhookDeliveries)
        .set({ status: "dead", nextAttemptAt: null, lastError: "The webhook was disabled." })
        .where(and(eq(webhookDeliveries.webhookId, d.webhookId), inArray(webhookDeliveries.status, ["pending", "failed"])));
      await recordEvent(tx, null, "user", hook.createdById ?? "00000000-0000-0000-0000-000000000000", "webhook_disabled", { webhookId: d.webhookId, url: hook.url, reason });
      console.warn(`Webhook ${hook.url} disabled: ${reason}`);
      return { disabled: true };
    }
    return { disabled: false };
  });
}

/**
 * Queues `follow_up.overdue` once per follow-up and due date: open follow-ups whose due date has
 * passed (the dedupe key makes a second run, or a restart, queue nothing new).
 */
export async function queueOverdueEvents(db: Db) {
  const [wanted] = await db.select({ n: sql<number>`count(*)::int` }).from(webhooks).where(and(eq(webhooks.active, true), arrayContains(webhooks.events, ["follow_up.overdue"])));
  if (!wanted?.n) return 0;
  const rows = rowsOf<{ id: string; title: string; dueOn: string; status: string; meetingId: string | null; ownerOrganisationId: string; ownerUserId: string | null; restricted: boolean }>(
    await db.execute(sql`
      select f.id, f.title, f.due_on::text as "dueOn", f.status, f.meeting_id as "meetingId", f.owner_organisation_id as "ownerOrganisationId",
        f.owner_user_id as "ownerUserId", coalesce(m.visibility = 'restricted', false) as restricted
      from ${followUps} f left join ${meetings} m on m.id = f.meeting_id
      where f.due_on < current_date and f.due_on >= current_date - 30 and f.status not in (${closedList})
      order by f.due_on limit 1000`),
  );
  let queued = 0;
  for (const f of rows) {
    await db.transaction((tx) =>
      queueWebhookEvent(tx, "follow_up.overdue", { key: `follow_up:${f.id}`, restricted: f.restricted, dedupe: `overdue:${f.id}:${f.dueOn}`, data: { followUp: { ...f, restricted: undefined, url: `${env().APP_URL}/follow-ups/${f.id}` } } }),
    );
    queued++;
  }
  return queued;
}

// The sender registers itself here at start (server/webhooks/deliver.ts); queries only poke it. On
// globalThis: the server's start-up code and its route handlers are bundled apart, each with its own
// copy of this module, so a module variable set by one is not seen by the other.
const POKE = Symbol.for("cooperation-tracker.webhook-poke");
type PokeHolder = { [POKE]?: (() => void) | null };
export const setWebhookPoke = (fn: (() => void) | null) => {
  (globalThis as PokeHolder)[POKE] = fn;
};
function pokeSender() {
  (globalThis as PokeHolder)[POKE]?.();
}
