import "server-only";
import nodemailer from "nodemailer";
import type { Db } from "@/db/client";
import {
  claimDueNotifications,
  type ClaimedNotification,
  mailOn,
  markFailed,
  markSent,
  markSkipped,
  oneClickUrl,
  queueDigests,
  staleReason,
} from "@/db/queries/notifications";
import { env } from "@/lib/env";

export type RunSummary = { sent: number; failed: number; skipped: number; digestsQueued: number };

export class MailOffError extends Error {
  constructor() {
    super("Mail is off: SMTP_URL is not set, so no reminders can be sent. Set SMTP_URL (and MAIL_FROM) and try again.");
  }
}

type Transport = { sendMail(message: nodemailer.SendMailOptions): Promise<unknown>; close(): void };
const createTransport = (): Transport => nodemailer.createTransport(env().SMTP_URL, { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000 });

/**
 * One run: queue the digests that are due (unless `digests` is false), then send every due row of
 * the outbox, each recorded as sent or failed (with its next attempt) as it goes.
 *
 * The one unavoidable window: a crash after the SMTP server accepted a message but before its row
 * is marked sent. The row stays "sending" until its lease runs out (LEASE_MINUTES), then the next
 * run sends it again — with the same Message-ID, which lets mail systems and clients that
 * de-duplicate by Message-ID drop the copy, but a recipient may still see it twice. That is the
 * price of never skipping one: at least once, exactly once in every case but this crash.
 */
export async function runReminders(db: Db, opts: { now?: Date; digests?: boolean; transport?: Transport } = {}): Promise<RunSummary> {
  if (!mailOn()) throw new MailOffError();
  const now = opts.now ?? new Date();
  const summary: RunSummary = { sent: 0, failed: 0, skipped: 0, digestsQueued: 0 };
  if (opts.digests !== false) {
    const { queued, empty } = await queueDigests(db, now);
    summary.digestsQueued = queued;
    summary.skipped += empty;
  }
  let transport: Transport | undefined = opts.transport;
  try {
    for (;;) {
      const batch = await claimDueNotifications(db, now);
      if (!batch.length) break;
      for (const n of batch) {
        const stale = await staleReason(db, n);
        if (stale) {
          await markSkipped(db, n, stale);
          summary.skipped++;
          continue;
        }
        transport ??= createTransport();
        try {
          await transport.sendMail(mailFor(n));
          await markSent(db, n, new Date());
          summary.sent++;
        } catch (e) {
          await markFailed(db, n, now, e instanceof Error ? e.message : String(e));
          summary.failed++;
        }
      }
    }
  } finally {
    if (transport && transport !== opts.transport) transport.close();
  }
  return summary;
}

function mailFor(n: ClaimedNotification): nodemailer.SendMailOptions {
  return {
    from: env().MAIL_FROM,
    to: n.toAddress,
    subject: n.subject,
    text: n.text,
    html: n.html,
    messageId: n.messageId,
    date: n.createdAt,
    headers: {
      // RFC 8058: a mail client's "unsubscribe" button POSTs here; the token is the proof.
      "List-Unsubscribe": `<${oneClickUrl(n.userId, n.kind)}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      "Auto-Submitted": "auto-generated",
    },
  };
}
