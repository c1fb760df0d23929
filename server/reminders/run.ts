import "server-only";
import { attachmentHousekeeping } from "@/db/queries/attachments";
import { purgeExpired } from "@/db/queries/personal-data";
import nodemailer from "nodemailer";
import type { Db } from "@/db/client";
import {
  claimDueNotifications,
  type ClaimedNotification,
  markFailed,
  markSent,
  markSkipped,
  noticeKind,
  oneClickUrl,
  queueDigests,
  staleReason,
} from "@/db/queries/notifications";
import { env, mailOn } from "@/server/env";
import type { UnsubscribeKind } from "@/server/reminders/tokens";

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
  const now = opts.now ?? new Date();
  // The retention period's purge rides on the scheduled run (and runs at start, instrumentation-node.ts).
  await purgeExpired(db); // by the real clock: retention counts from today, whatever day a run stands for
  // Removed documents past their 30 days, and bytes no document refers to (a crash mid-upload).
  await attachmentHousekeeping(db).catch((e) => console.error(`Documents: the purge and orphan sweep failed (the next run tries again): ${e instanceof Error ? e.message : String(e)}`));
  if (!mailOn()) throw new MailOffError();
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
          await transport.sendMail(mailFor(n, await unsubscribeKindOf(db, n)));
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

/** What one click on a mail's unsubscribe button turns off: its kind, or a notice's kind of notification. */
async function unsubscribeKindOf(db: Db, n: ClaimedNotification): Promise<UnsubscribeKind | null> {
  if (n.kind !== "notice") return n.kind;
  const kind = await noticeKind(db, n);
  return kind ? `notice:${kind}` : null;
}

function mailFor(n: ClaimedNotification, unsubscribe: UnsubscribeKind | null): nodemailer.SendMailOptions {
  return {
    from: env().MAIL_FROM,
    to: n.toAddress,
    subject: n.subject,
    text: n.text,
    html: n.html,
    messageId: n.messageId,
    date: n.createdAt,
    headers: {
      // RFC 8058: a mail client's "unsubscribe" button POSTs here; the token is the proof. A notice's
      // token names its kind of notification, whose e-mail it turns off (the profile's "Never").
      ...(unsubscribe ? { "List-Unsubscribe": `<${oneClickUrl(n.userId, unsubscribe)}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" } : {}),
      "Auto-Submitted": "auto-generated",
    },
  };
}
