/**
 * The words of the reminder e-mails, as plain text and HTML: pure functions of what they list, so a
 * retry sends the same message and tests can read them exactly.
 */
import type { statusLabels } from "@/lib/format";
import { formatterFor } from "@/lib/i18n/format-server";
import type { Locale } from "@/lib/i18n/locale";
import { translate } from "@/lib/i18n/translate";

export type MailItem = {
  id: string;
  title: string;
  dueOn: string | null;
  overdue: boolean;
  status: keyof typeof statusLabels;
  meetingTitle: string | null;
  ownerLabel: string;
};
export type Message = { subject: string; text: string; html: string };

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
const link = (base: string, id: string) => `${base}/follow-ups/${id}`;
/** The words of one language: the `email` namespace and the formatter (dates, "Overdue by 3 days", plurals). */
const words = (locale: Locale) => ({ t: translate(locale, "email"), f: formatterFor(locale) });
type Words = ReturnType<typeof words>;

const due = ({ t, f }: Words, item: MailItem, today: string) => (item.dueOn ? `${f.date(item.dueOn)} (${f.due(item.dueOn, item.overdue, today)})` : t("noDueDate"));
const facts = (w: Words, item: MailItem, today: string) =>
  [
    w.t("due", { due: due(w, item, today) }),
    w.t("status", { status: w.f.status(item.status) }),
    w.t("owner", { owner: item.ownerLabel }),
    item.meetingTitle ? w.t("meeting", { meeting: item.meetingTitle }) : null,
  ].filter((s): s is string => s !== null);

function html({ t }: Words, locale: Locale, title: string, body: string, unsubscribe: { url: string; what: string }) {
  const unsubscribeLink = t.markup("footerUnsubscribeHtml", { what: escape(unsubscribe.what), a: (chunks) => `<a href="${escape(unsubscribe.url)}">${chunks}</a>` });
  return `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><title>${escape(title)}</title></head>
<body style="font-family: system-ui, sans-serif; color: #18181b; line-height: 1.5; max-width: 40rem;">
${body}
<hr style="border: none; border-top: 1px solid #e4e4e7; margin-top: 2rem;">
<p style="font-size: 0.85rem; color: #52525b;">${escape(t("footer"))} ${unsubscribeLink}</p>
</body></html>
`;
}

const footer = ({ t }: Words, unsubscribe: { url: string; what: string }) =>
  `\n-- \n${t("footer")}\n${t("footerUnsubscribeText", { what: unsubscribe.what, url: unsubscribe.url })}\n`;

const itemHtml = (w: Words, base: string, item: MailItem, today: string) =>
  `<li style="margin-bottom: 0.75rem;"><a href="${escape(link(base, item.id))}">${escape(item.title)}</a><br><span style="font-size: 0.9rem; color: #3f3f46;">${facts(w, item, today).map(escape).join(" · ")}</span></li>`;
const itemText = (w: Words, base: string, item: MailItem, today: string) => `- ${item.title}\n  ${facts(w, item, today).join(" · ")}\n  ${link(base, item.id)}`;

/** "A follow-up was assigned to you" (or to your organisation, for its managers). */
export function assignmentMessage(o: {
  base: string;
  recipientName: string;
  toOrganisation: string | null;
  assignedBy: string;
  item: MailItem;
  today: string;
  unsubscribeUrl: string;
  /** The recipient's language (their saved choice; English if none). */
  locale?: Locale;
}): Message {
  const locale = o.locale ?? "en";
  const w = words(locale);
  const { t } = w;
  const subject = o.toOrganisation ? t("assignedSubjectOrg", { organisation: o.toOrganisation, title: o.item.title }) : t("assignedSubjectYou", { title: o.item.title });
  const unsubscribe = { url: o.unsubscribeUrl, what: t("whatAssignment") };
  const lead = o.toOrganisation ? t("assignedLeadOrg", { by: o.assignedBy, organisation: o.toOrganisation }) : t("assignedLeadYou", { by: o.assignedBy });
  const hello = t("hello", { name: o.recipientName });
  const text = `${hello}\n\n${lead}\n\n${itemText(w, o.base, o.item, o.today)}\n${footer(w, unsubscribe)}`;
  const body = `<p>${escape(hello)}</p>\n<p>${escape(lead)}</p>\n<ul style="padding-left: 1.25rem;">${itemHtml(w, o.base, o.item, o.today)}</ul>`;
  return { subject, text, html: html(w, locale, subject, body, unsubscribe) };
}

/** The digest: overdue first, then due within the next days. */
export function digestMessage(o: {
  base: string;
  recipientName: string;
  days: number;
  overdue: MailItem[];
  dueSoon: MailItem[];
  today: string;
  unsubscribeUrl: string;
  /** Notifications since the last digest that the user gets in it (their choice per kind): sentence and link. */
  updates?: { text: string; href: string }[];
  /** The recipient's language (their saved choice; English if none). */
  locale?: Locale;
}): Message {
  const locale = o.locale ?? "en";
  const w = words(locale);
  const { t } = w;
  const updates = o.updates ?? [];
  const counts = [
    o.overdue.length ? t("digestOverdueCount", { count: o.overdue.length }) : null,
    o.dueSoon.length ? t("digestDueSoonCount", { count: o.dueSoon.length, days: o.days }) : null,
    updates.length ? t("digestUpdatesCount", { count: updates.length }) : null,
  ].filter(Boolean);
  const subject = t("digestSubject", { counts: counts.join(", ") });
  const unsubscribe = { url: o.unsubscribeUrl, what: t("whatDigest") };
  const sections = [
    { title: t("digestOverdue"), items: o.overdue },
    { title: t("digestDueSoon", { days: o.days }), items: o.dueSoon },
  ].filter((s) => s.items.length);
  const hello = t("hello", { name: o.recipientName });
  const since = t("digestSince");
  const all = t("digestAll");
  const text =
    `${hello}\n\n${t("digestIntro")}\n` +
    sections.map((s) => `\n${s.title}\n\n${s.items.map((i) => itemText(w, o.base, i, o.today)).join("\n\n")}\n`).join("") +
    (updates.length ? `\n${since}\n\n${updates.map((u) => `- ${u.text}\n  ${o.base}${u.href}`).join("\n")}\n` : "") +
    `\n${all}: ${o.base}/my-follow-ups\n${footer(w, unsubscribe)}`;
  const body =
    `<p>${escape(hello)}</p>\n<p>${escape(t("digestIntro"))}</p>\n` +
    sections.map((s) => `<h2 style="font-size: 1.05rem;">${escape(s.title)}</h2>\n<ul style="padding-left: 1.25rem;">${s.items.map((i) => itemHtml(w, o.base, i, o.today)).join("\n")}</ul>\n`).join("") +
    (updates.length
      ? `<h2 style="font-size: 1.05rem;">${escape(since)}</h2>\n<ul style="padding-left: 1.25rem;">${updates.map((u) => `<li><a href="${escape(`${o.base}${u.href}`)}">${escape(u.text)}</a></li>`).join("\n")}</ul>\n`
      : "") +
    `<p><a href="${escape(`${o.base}/my-follow-ups`)}">${escape(all)}</a></p>`;
  return { subject, text, html: html(w, locale, subject, body, unsubscribe) };
}

/** An in-app notification the recipient wants by e-mail at once ("Amina Okafor mentioned you on …"). */
export function noticeMessage(o: { base: string; recipientName: string; sentence: string; href: string; title: string; unsubscribeUrl: string; kind: string; locale?: Locale }): Message {
  const locale = o.locale ?? "en";
  const w = words(locale);
  const { t } = w;
  const subject = o.sentence.length > 150 ? `${o.sentence.slice(0, 149)}…` : o.sentence;
  const unsubscribe = { url: o.unsubscribeUrl, what: t("whatNotice", { kind: o.kind }) };
  const url = `${o.base}${o.href}`;
  const hello = t("hello", { name: o.recipientName });
  const text = `${hello}\n\n${o.sentence}.\n\n${url}\n${footer(w, unsubscribe)}`;
  const body = `<p>${escape(hello)}</p>\n<p>${escape(o.sentence)}.</p>\n<p><a href="${escape(url)}">${escape(t("open", { title: o.title }))}</a></p>`;
  return { subject, text, html: html(w, locale, subject, body, unsubscribe) };
}
