import "server-only";
import crypto from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { followUps, meetings, notifications, userNotifications, users } from "@/db/schema";
import { env } from "@/server/env";
import { recipientLocale } from "@/lib/i18n/locale";
import { translate } from "@/lib/i18n/translate";
import type { Viewer } from "@/lib/policy";
import { noticeMessage } from "@/lib/reminders/messages";
import { mailModeFor } from "@/lib/validation/user-notifications";
import { notificationSentence } from "@/lib/notification-text";
import { unsubscribeToken } from "@/server/reminders/tokens";

const messageId = (id: string) => `<notice-${id}@${new URL(env().APP_URL).hostname || "localhost"}>`;

/**
 * The e-mails of new in-app notifications that their recipients want at once, queued in the same
 * transaction through the outbox (its idempotency key: the notification's id; its retries). An
 * assignment is e-mailed as the existing assignment notice, so it is not queued twice here.
 */
export async function queueNoticeMails(tx: Db, actor: Viewer, written: (typeof userNotifications.$inferSelect)[]) {
  if (!env().SMTP_URL) return;
  const wanted = written.filter((n) => n.kind !== "assigned");
  if (!wanted.length) return;
  const people = await tx.select({ id: users.id, name: users.name, email: users.email, prefs: users.notificationMail, locale: users.locale }).from(users).where(inArray(users.id, wanted.map((n) => n.userId)));
  for (const n of wanted) {
    const p = people.find((u) => u.id === n.userId);
    if (!p || mailModeFor(p.prefs, n.kind) !== "immediately") continue;
    const [record] = n.followUpId
      ? await tx.select({ title: followUps.title }).from(followUps).where(eq(followUps.id, n.followUpId))
      : n.meetingId ? await tx.select({ title: meetings.title }).from(meetings).where(eq(meetings.id, n.meetingId)) : [];
    const locale = recipientLocale(p.locale);
    const title = record?.title ?? translate(locale, "notifications")("aRecord");
    const href = n.followUpId ? `/follow-ups/${n.followUpId}${n.commentId ? `#comment-${n.commentId}` : ""}` : `/meetings/${n.meetingId}`;
    const id = crypto.randomUUID();
    const message = noticeMessage({
      locale,
      base: env().APP_URL,
      recipientName: p.name,
      sentence: notificationSentence(n.kind, actor.name, title, n.detail, locale),
      href,
      title,
      // One click turns this kind's e-mail off (the mail's List-Unsubscribe header does the same, RFC 8058).
      unsubscribeUrl: `${env().APP_URL}/unsubscribe?token=${unsubscribeToken(p.id, `notice:${n.kind}`)}`,
      kind: n.kind,
    });
    await tx
      .insert(notifications)
      .values({ id, kind: "notice", dedupeKey: `notice:${n.id}`, userId: p.id, followUpId: n.followUpId, toAddress: p.email, ...message, messageId: messageId(id) })
      .onConflictDoNothing();
  }
}
