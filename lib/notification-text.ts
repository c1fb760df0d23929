import type { Locale } from "@/lib/i18n/locale";
import { translate } from "@/lib/i18n/translate";
import type { UserNotificationKind } from "@/lib/validation/user-notifications";

/** English has always written a status as its code with a space ("in progress"); French its label. */
const statusWord = (s: string | null | undefined, locale: Locale) => {
  if (!s) return "";
  return locale === "en" ? s.replace("_", " ") : translate(locale, "format")("status", { status: s }).toLowerCase();
};

/** The sentence of a notification ("Amina Okafor mentioned you on ‘…’"), the same in the app and in e-mail, in the reader's language. */
export function notificationSentence(kind: UserNotificationKind, who: string | null, title: string, detail: Record<string, string | null> | null, locale: Locale = "en") {
  const tr = translate(locale, "notifications");
  const name = who ?? tr("someone");
  const t = tr("quoted", { title: title.length > 80 ? `${title.slice(0, 79)}…` : title });
  switch (kind) {
    case "mentioned":
      return tr(detail?.in === "summary" ? "mentionedInSummary" : "mentioned", { name, title: t });
    case "assigned":
    case "commented":
    case "document":
      return tr(kind, { name, title: t });
    case "status_changed":
      return tr("status_changed", { name, title: t, from: statusWord(detail?.from, locale), to: statusWord(detail?.to, locale) });
    case "redated":
      return tr("redated", { name, title: t, to: detail?.to ?? tr("none") });
    case "due_tomorrow":
    case "overdue":
      return tr(kind, { title: t });
  }
}

/** What a notice e-mail is about, as its unsubscribe link and page name it ("e-mails when someone mentions you"). */
export const noticeMailTopic: Record<UserNotificationKind, string> = {
  assigned: "e-mails when something is assigned to you",
  mentioned: "e-mails when someone mentions you",
  commented: "e-mails about comments on what you watch",
  status_changed: "e-mails about status changes on what you watch",
  document: "e-mails about new documents on what you watch",
  redated: "e-mails about new due dates on what you watch",
  due_tomorrow: "e-mails when something you own is due tomorrow",
  overdue: "e-mails when something you own becomes overdue",
};

/** What an unsubscribe link turns off, in words. */
export function unsubscribeTopic(kind: "digest" | "assignment" | `notice:${UserNotificationKind}`): string {
  if (kind === "digest") return "the follow-up digest";
  if (kind === "assignment") return "assignment notices";
  return noticeMailTopic[kind.slice("notice:".length) as UserNotificationKind];
}
