import { intlTag, type Locale } from "@/lib/i18n/locale";

// One formatter each, made once: `toLocaleDateString(locale, options)` builds a new Intl.DateTimeFormat
// on every call, which was a fifth of the board's server CPU (125 cards, 200 meeting names).
const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const dateTimeFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC" });

/** Dates read "15 Feb 2022" in the UI, ISO in the API. */
export function formatDate(iso: string | Date | null | undefined): string {
  if (!iso) return "";
  const d = typeof iso === "string" ? new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso) : iso;
  return dateFormat.format(d);
}

export function formatDateTime(iso: string | Date): string {
  const d = typeof iso === "string" ? new Date(iso) : iso;
  return dateTimeFormat.format(d) + " UTC";
}

export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Whole days from today to the date (negative when past). */
export function daysFrom(iso: string, today = todayIso()): number {
  return Math.round((Date.parse(`${iso}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

export function plural(n: number, word: string) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** "due in 3 days", "due today", "Overdue by 12 days". */
export function dueText(dueOn: string, overdue: boolean, today = todayIso()): string {
  const d = daysFrom(dueOn, today);
  if (overdue) return `Overdue by ${plural(-d, "day")}`;
  if (d === 0) return "due today";
  if (d > 0) return `due in ${plural(d, "day")}`;
  return `${plural(-d, "day")} ago`;
}

export const statusLabels = { open: "Open", in_progress: "In progress", blocked: "Blocked", done: "Done", cancelled: "Cancelled" } as const;
export const formatLabels = { in_person: "In person", virtual: "Virtual", hybrid: "Hybrid" } as const;
export const priorityLabels = { low: "Low", normal: "Normal", high: "High" } as const;
export const outcomeLabels = { decision: "Decision", information: "Information", action: "Action" } as const;
/** A decision's implementation status, in the UN General Assembly's mandate-review terms. */
export const implementationLabels = { implemented: "Implemented", in_progress: "In progress", not_implemented: "Not implemented", not_applicable: "Not applicable" } as const;

/**
 * Locale-aware formatting: the one module pages, e-mails, files and exports use for dates, relative
 * due dates, counts (ICU plurals) and the enum labels, in English or French. The words come from the
 * catalogue's `format` namespace through `t` (server: `formatterFor(locale)` in lib/i18n/format-server.ts;
 * client: `useFormat()` in components/i18n/use-format.ts); dates from Intl ("15 févr. 2022").
 * English output is what the functions above have always written.
 */
type FormatKey = "days" | "followUps" | "overdueBy" | "dueToday" | "dueIn" | "daysAgo" | "status" | "meetingFormat" | "priority" | "yes" | "no";
export type FormatT = (key: FormatKey, values?: Record<string, string | number>) => string;

const dateFormats = new Map<string, Intl.DateTimeFormat>();
function cachedFormat(locale: Locale, withTime: boolean) {
  const key = `${locale}:${withTime}`;
  let f = dateFormats.get(key);
  if (!f) {
    const tag = locale === "fr" ? "fr-FR" : "en-GB";
    f = new Intl.DateTimeFormat(tag, { day: "numeric", month: "short", year: "numeric", ...(withTime ? { hour: "2-digit", minute: "2-digit" } : {}), timeZone: "UTC" });
    dateFormats.set(key, f);
  }
  return f;
}
const asDate = (iso: string | Date) => (typeof iso === "string" ? new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso) : iso);

export type Formatter = ReturnType<typeof makeFormatter>;

export function makeFormatter(locale: Locale, t: FormatT) {
  return {
    locale,
    /** "15 Feb 2022" / "15 févr. 2022". */
    date: (iso: string | Date | null | undefined) => (iso ? cachedFormat(locale, false).format(asDate(iso)) : ""),
    /** "15 Feb 2022, 10:30 UTC" / "15 févr. 2022, 10:30 UTC". */
    dateTime: (iso: string | Date) => `${cachedFormat(locale, true).format(asDate(iso))} UTC`,
    /** "Overdue by 3 days" / "en retard de 3 jours", "due today" / "échéance aujourd’hui", "due in 2 days" / "échéance dans 2 jours". */
    due: (dueOn: string, overdue: boolean, today = todayIso()) => {
      const d = daysFrom(dueOn, today);
      if (overdue) return t("overdueBy", { count: -d });
      if (d === 0) return t("dueToday");
      if (d > 0) return t("dueIn", { count: d });
      return t("daysAgo", { count: -d });
    },
    /** "1 follow-up" / "1 suivi", "2 follow-ups" / "2 suivis". */
    followUps: (count: number) => t("followUps", { count }),
    days: (count: number) => t("days", { count }),
    status: (status: keyof typeof statusLabels) => t("status", { status }),
    meetingFormat: (format: keyof typeof formatLabels) => t("meetingFormat", { format }),
    priority: (priority: keyof typeof priorityLabels) => t("priority", { priority }),
    yesNo: (yes: boolean) => t(yes ? "yes" : "no"),
  };
}

type SizeT = (key: "bytes" | "kilobytes" | "megabytes", values: { size: string | number }) => string;
const megabytes = new Map<Locale, Intl.NumberFormat>();
/** A file's size as people read it, `t` being the `attachments` namespace: "12 KB", "1.5 MB" / "12 Ko", "1,5 Mo". */
export function formatSize(bytes: number | null, t: SizeT, locale: Locale = "en") {
  if (bytes === null) return "";
  if (bytes < 1024) return t("bytes", { size: bytes });
  if (bytes < 1024 * 1024) return t("kilobytes", { size: Math.round(bytes / 1024) });
  let f = megabytes.get(locale);
  if (!f) megabytes.set(locale, (f = new Intl.NumberFormat(intlTag[locale], { minimumFractionDigits: 1, maximumFractionDigits: 1, useGrouping: false })));
  return t("megabytes", { size: f.format(bytes / 1024 / 1024) });
}
