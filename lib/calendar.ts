/**
 * iCalendar (RFC 5545) files: one meeting as a download, and a user's feed of their meetings and
 * the due dates of their follow-ups. Built with ical-generator, which escapes text and folds lines
 * at 75 octets; this module decides what goes in.
 *
 * Meetings and due dates are whole days (a date, no time), written as DTSTART;VALUE=DATE with the
 * next day as DTEND: a floating date stays on its calendar day in every time zone. No calendar
 * time zone is set on purpose — with one, ical-generator would format dates in the server's zone.
 */
import ical, { ICalEventTransparency, type ICalCalendar } from "ical-generator";
import type { formatLabels, statusLabels } from "./format";
import { formatterFor } from "./i18n/format-server";
import type { Locale } from "./i18n/locale";
import { translate } from "./i18n/translate";

export type CalendarMeeting = {
  id: string;
  title: string;
  heldOn: string;
  format: keyof typeof formatLabels;
  location: string;
  summary: string;
  hostName: string | null;
  updatedAt: Date;
  /** Follow-ups agreed at the meeting. */
  followUpCount: number;
};

export type CalendarDueDate = {
  id: string;
  title: string;
  dueOn: string;
  status: keyof typeof statusLabels;
  ownerName: string;
  meetingTitle: string | null;
  updatedAt: Date;
};

const prodId = (locale: Locale) => ({ company: "Cooperation Tracker", product: "Cooperation Tracker", language: locale.toUpperCase() });
/** UIDs are stable per record, so a calendar updates an event instead of adding a second one. */
const uidDomain = "cooperation-tracker";
export const meetingUid = (id: string) => `meeting-${id}@${uidDomain}`;
export const dueDateUid = (id: string) => `follow-up-${id}@${uidDomain}`;

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const nextDay = (iso: string) => new Date(day(iso).getTime() + 86_400_000);

/** The first few sentences of the minutes: a calendar shows a preview, the page has the rest. */
function preview(text: string, max = 300) {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  return `${cut.slice(0, cut.lastIndexOf(" ") > max / 2 ? cut.lastIndexOf(" ") : max)}…`;
}

function addMeeting(cal: ICalCalendar, m: CalendarMeeting, appUrl: string, locale: Locale) {
  const t = translate(locale, "calendar");
  const url = `${appUrl}/meetings/${m.id}`;
  const facts = [formatterFor(locale).meetingFormat(m.format), m.hostName ? t("host", { host: m.hostName }) : null].filter(Boolean).join(" · ");
  const description = [
    preview(m.summary) || null,
    facts,
    t("agreed", { count: m.followUpCount }),
    t("meetingPage", { url }),
  ].filter(Boolean);
  cal.createEvent({
    id: meetingUid(m.id),
    start: day(m.heldOn),
    end: nextDay(m.heldOn),
    allDay: true,
    summary: m.title,
    location: m.location || null,
    description: description.join("\n\n"),
    url,
    // DTSTAMP: when the record was last revised in the store (RFC 5545 §3.8.7.2, no METHOD).
    stamp: m.updatedAt,
    lastModified: m.updatedAt,
  });
}

function addDueDate(cal: ICalCalendar, f: CalendarDueDate, appUrl: string, locale: Locale) {
  const t = translate(locale, "calendar");
  const url = `${appUrl}/follow-ups/${f.id}`;
  const description = [
    `${formatterFor(locale).status(f.status)} · ${t("owner", { owner: f.ownerName })}`,
    f.meetingTitle ? t("agreedAt", { meeting: f.meetingTitle }) : null,
    t("followUp", { url }),
  ].filter(Boolean);
  cal.createEvent({
    id: dueDateUid(f.id),
    start: day(f.dueOn),
    end: nextDay(f.dueOn),
    allDay: true,
    summary: t("due", { title: f.title }),
    description: description.join("\n"),
    url,
    stamp: f.updatedAt,
    lastModified: f.updatedAt,
    // A due date is a reminder, not an appointment: it does not make the person look busy.
    transparency: ICalEventTransparency.TRANSPARENT,
  });
}

/** TEXT escaping (RFC 5545 §3.3.11) for the calendar's NAME and description, which ical-generator 10 writes as given. */
const escapeText = (s: string) => s.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, "\\n");

/** RFC 5545 ends every content line, the last one too, with CRLF. */
const finish = (cal: ICalCalendar) => `${cal.toString()}\r\n`;

/** One meeting as an .ics file to open or import. */
export function meetingCalendar(m: CalendarMeeting, appUrl: string, locale: Locale = "en"): string {
  const cal = ical({ prodId: prodId(locale) });
  addMeeting(cal, m, appUrl, locale);
  return finish(cal);
}

/** A user's subscribed feed: their meetings and the due dates of their open follow-ups. */
export function feedCalendar(feed: { userName: string; meetings: CalendarMeeting[]; dueDates: CalendarDueDate[] }, appUrl: string, locale: Locale = "en"): string {
  const t = translate(locale, "calendar");
  const cal = ical({
    prodId: prodId(locale),
    name: escapeText(t("feedName", { name: feed.userName })),
    description: escapeText(t("feedDescription")),
    ttl: 3600, // REFRESH-INTERVAL and X-PUBLISHED-TTL: clients re-read it hourly
  });
  for (const m of feed.meetings) addMeeting(cal, m, appUrl, locale);
  for (const f of feed.dueDates) addDueDate(cal, f, appUrl, locale);
  return finish(cal);
}

/** A file name for a meeting's .ics: its title in lower-case words, safe in a header. */
export function meetingFileName(m: Pick<CalendarMeeting, "title" | "heldOn">) {
  const slug = m.title.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60);
  return `${m.heldOn}-${slug || "meeting"}.ics`;
}

/** An .ics answer: a download (a meeting) or a file a calendar app reads in place (a feed); never cached by a shared cache. */
export function calendarResponse(body: string, file: { attachment: string } | { inline: string }) {
  const disposition = "attachment" in file ? `attachment; filename="${file.attachment}"` : `inline; filename="${file.inline}"`;
  return new Response(body, {
    headers: { "content-type": "text/calendar; charset=utf-8", "content-disposition": disposition, "cache-control": "private, no-store" },
  });
}
