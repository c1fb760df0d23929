/**
 * The words of the reminder e-mails, as plain text and HTML: pure functions of what they list, so a
 * retry sends the same message and tests can read them exactly.
 */
import { dueText, formatDate, plural, statusLabels } from "@/lib/format";

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
const due = (item: MailItem, today: string) => (item.dueOn ? `${formatDate(item.dueOn)} (${dueText(item.dueOn, item.overdue, today)})` : "no due date");
const facts = (item: MailItem, today: string) =>
  [`Due: ${due(item, today)}`, `Status: ${statusLabels[item.status]}`, `Owner: ${item.ownerLabel}`, item.meetingTitle ? `Meeting: ${item.meetingTitle}` : null].filter(
    (s): s is string => s !== null,
  );

function html(title: string, body: string, unsubscribe: { url: string; what: string }) {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title></head>
<body style="font-family: system-ui, sans-serif; color: #18181b; line-height: 1.5; max-width: 40rem;">
${body}
<hr style="border: none; border-top: 1px solid #e4e4e7; margin-top: 2rem;">
<p style="font-size: 0.85rem; color: #52525b;">You get this e-mail from the Cooperation Tracker. <a href="${escape(unsubscribe.url)}">Unsubscribe from ${escape(unsubscribe.what)}</a>, or change it on your profile.</p>
</body></html>
`;
}

const footer = (unsubscribe: { url: string; what: string }) =>
  `\n-- \nYou get this e-mail from the Cooperation Tracker.\nUnsubscribe from ${unsubscribe.what}: ${unsubscribe.url}\n`;

const itemHtml = (base: string, item: MailItem, today: string) =>
  `<li style="margin-bottom: 0.75rem;"><a href="${escape(link(base, item.id))}">${escape(item.title)}</a><br><span style="font-size: 0.9rem; color: #3f3f46;">${facts(item, today).map(escape).join(" · ")}</span></li>`;
const itemText = (base: string, item: MailItem, today: string) => `- ${item.title}\n  ${facts(item, today).join(" · ")}\n  ${link(base, item.id)}`;

/** "A follow-up was assigned to you" (or to your organisation, for its managers). */
export function assignmentMessage(o: {
  base: string;
  recipientName: string;
  toOrganisation: string | null;
  assignedBy: string;
  item: MailItem;
  today: string;
  unsubscribeUrl: string;
}): Message {
  const whom = o.toOrganisation ? `to ${o.toOrganisation}, which you manage` : "to you";
  const subject = `Assigned ${o.toOrganisation ? `to ${o.toOrganisation}` : "to you"}: ${o.item.title}`;
  const unsubscribe = { url: o.unsubscribeUrl, what: "assignment notices" };
  const lead = `${o.assignedBy} assigned a follow-up ${whom}.`;
  const text = `Hello ${o.recipientName},\n\n${lead}\n\n${itemText(o.base, o.item, o.today)}\n${footer(unsubscribe)}`;
  const body = `<p>Hello ${escape(o.recipientName)},</p>\n<p>${escape(lead)}</p>\n<ul style="padding-left: 1.25rem;">${itemHtml(o.base, o.item, o.today)}</ul>`;
  return { subject, text, html: html(subject, body, unsubscribe) };
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
}): Message {
  const counts = [o.overdue.length ? `${o.overdue.length} overdue` : null, o.dueSoon.length ? `${o.dueSoon.length} due in the next ${plural(o.days, "day")}` : null].filter(Boolean);
  const subject = `Your follow-ups: ${counts.join(", ")}`;
  const unsubscribe = { url: o.unsubscribeUrl, what: "the follow-up digest" };
  const sections = [
    { title: "Overdue", items: o.overdue },
    { title: `Due in the next ${plural(o.days, "day")}`, items: o.dueSoon },
  ].filter((s) => s.items.length);
  const text =
    `Hello ${o.recipientName},\n\nThese follow-ups of yours or your organisation need attention.\n` +
    sections.map((s) => `\n${s.title}\n\n${s.items.map((i) => itemText(o.base, i, o.today)).join("\n\n")}\n`).join("") +
    `\nAll your follow-ups: ${o.base}/my-follow-ups\n${footer(unsubscribe)}`;
  const body =
    `<p>Hello ${escape(o.recipientName)},</p>\n<p>These follow-ups of yours or your organisation need attention.</p>\n` +
    sections.map((s) => `<h2 style="font-size: 1.05rem;">${escape(s.title)}</h2>\n<ul style="padding-left: 1.25rem;">${s.items.map((i) => itemHtml(o.base, i, o.today)).join("\n")}</ul>\n`).join("") +
    `<p><a href="${escape(`${o.base}/my-follow-ups`)}">All your follow-ups</a></p>`;
  return { subject, text, html: html(subject, body, unsubscribe) };
}
