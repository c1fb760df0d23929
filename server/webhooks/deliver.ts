import "server-only";
import http from "node:http";
import https from "node:https";
import type { Db } from "@/db/client";
import { claimDueDeliveries, type ClaimedDelivery, markDelivered, markDeliveryFailed, queueOverdueEvents, setWebhookPoke } from "@/db/queries/webhooks";
import { sign } from "@/server/webhooks/signature";
import { checkUrl, pinnedLookup, UnsafeUrlError } from "@/server/webhooks/ssrf";

const TIMEOUT_MS = 10_000;

export type SendResult = { ok: true; status: number } | { ok: false; status: number | null; error: string };

/**
 * One POST, signed. The host is resolved and checked again now (DNS may have changed since the
 * webhook was registered) and the connection goes to the checked address. A redirect is an answer
 * like any other non-2xx: not followed (it could point anywhere, the internal network included).
 */
export async function post(url: string, secret: string, body: string, event: string, deliveryId: string, now = new Date()): Promise<SendResult> {
  let addresses;
  try {
    addresses = await checkUrl(url);
  } catch (e) {
    return { ok: false, status: null, error: e instanceof UnsafeUrlError ? e.message : String(e) };
  }
  const u = new URL(url);
  const client = u.protocol === "https:" ? https : http;
  return new Promise<SendResult>((resolve) => {
    const req = client.request(
      u,
      {
        method: "POST",
        lookup: pinnedLookup(addresses),
        timeout: TIMEOUT_MS,
        headers: {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(body),
          "user-agent": "CooperationTracker-Webhook/1",
          "x-tracker-event": event,
          "x-tracker-delivery": deliveryId,
          "x-tracker-signature": sign(secret, body, Math.floor(now.getTime() / 1000)),
        },
      },
      (res) => {
        // Read (and drop) at most a little of the answer, so the socket is freed.
        let seen = 0;
        res.on("data", (chunk: Buffer) => {
          seen += chunk.length;
          if (seen > 64 * 1024) res.destroy();
        });
        const status = res.statusCode ?? 0;
        const done = () => resolve(status >= 200 && status < 300 ? { ok: true, status } : { ok: false, status, error: `The receiver answered ${status}${status >= 300 && status < 400 ? " (a redirect, which is not followed)" : ""}.` });
        res.on("end", done);
        res.on("close", done);
        res.on("error", done);
      },
    );
    req.on("timeout", () => req.destroy(new Error(`No answer within ${TIMEOUT_MS / 1000} seconds.`)));
    req.on("error", (e) => resolve({ ok: false, status: null, error: e.message }));
    req.end(body);
  });
}

export type WebhookRunSummary = { sent: number; failed: number; disabled: number };

/** Sends every due delivery, in order per record; safe to run in several processes at once (claims). */
export async function runWebhookDeliveries(db: Db, opts: { now?: () => Date } = {}): Promise<WebhookRunSummary> {
  const now = opts.now ?? (() => new Date());
  const summary: WebhookRunSummary = { sent: 0, failed: 0, disabled: 0 };
  for (let round = 0; round < 50; round++) {
    const batch = await claimDueDeliveries(db, now());
    if (!batch.length) break;
    // One record's deliveries in order; records side by side.
    const byRecord = new Map<string, ClaimedDelivery[]>();
    for (const d of batch) byRecord.set(`${d.webhookId}:${d.recordKey}`, [...(byRecord.get(`${d.webhookId}:${d.recordKey}`) ?? []), d]);
    await Promise.all(
      [...byRecord.values()].map(async (list) => {
        for (const d of list) {
          const result = await post(d.webhook.url, d.webhook.secret, d.body, d.event, d.id, now());
          if (result.ok) {
            await markDelivered(db, d, result.status, now());
            summary.sent++;
          } else {
            const { disabled } = await markDeliveryFailed(db, d, now(), { responseCode: result.status, error: result.error });
            summary.failed++;
            if (disabled) summary.disabled++;
            break; // the rest of this record waits for this one
          }
        }
      }),
    );
  }
  return summary;
}

/**
 * In the server: a run shortly after each change commits (queries poke this; the short delay lets
 * the transaction that queued the delivery commit first), and one every 15 seconds for retries,
 * for deliveries queued by another process, and for the overdue events (once a minute).
 */
export function startWebhookSender(getDb: () => Promise<Db>, timing = { afterPokeMs: 250, everyMs: 15_000 }) {
  let running = false;
  let again = false;
  let lastOverdue = 0;
  const tick = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      const db = await getDb();
      if (Date.now() - lastOverdue > 60_000) {
        lastOverdue = Date.now();
        await queueOverdueEvents(db);
      }
      const s = await runWebhookDeliveries(db);
      if (s.failed || s.disabled) console.log(`Webhooks: ${s.sent} sent, ${s.failed} failed, ${s.disabled} disabled.`);
    } catch (e) {
      console.error(`Webhooks: the run failed: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      running = false;
      if (again) {
        again = false;
        setTimeout(tick, timing.afterPokeMs).unref();
      }
    }
  };
  let pending: NodeJS.Timeout | null = null;
  setWebhookPoke(() => {
    pending ??= setTimeout(() => {
      pending = null;
      void tick();
    }, timing.afterPokeMs).unref();
  });
  const every = setInterval(tick, timing.everyMs).unref();
  return () => {
    setWebhookPoke(null);
    clearInterval(every);
    if (pending) clearTimeout(pending);
  };
}
