/** The briefing pack as Markdown and CSV: the same content as the printable page. */
import type { Briefing } from "@/db/queries/continuity";
import { tally } from "@/db/queries/continuity";
import type { FollowUp } from "@/db/queries/follow-ups";
import { type CsvSeparator, toCsv, unHeaderFor, unRow } from "@/lib/csv";
import { formatterFor } from "@/lib/i18n/format-server";
import type { Locale } from "@/lib/i18n/locale";
import { translate } from "@/lib/i18n/translate";

export const byArea = (items: FollowUp[]) => tally(items, (f) => f.priorityAreaId, (f) => f.priorityAreaName);
export const byOwner = (items: FollowUp[]) => tally(items, (f) => f.ownerOrganisationId, (f) => f.ownerOrganisationAcronym ?? f.ownerOrganisationName);

export function briefingFileName(b: Briefing, ext: "md" | "csv") {
  const slug = b.meeting.title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60);
  return `briefing-${slug}${b.wide ? "-wide" : ""}.${ext}`;
}

/** What the briefing covers, in words (in the reader's language). */
export function briefingScope(b: Briefing, locale: Locale = "en") {
  const t = translate(locale, "briefing");
  const parts: string[] = [];
  if (b.meeting.seriesName) parts.push(t("scopeSeries", { series: b.meeting.seriesName }));
  const reviewed = b.sources.filter((s) => s.reason === "reviewed").map((s) => s.title);
  if (reviewed.length) parts.push(t("scopeReviewed", { meetings: reviewed.join("; ") }));
  return parts.length ? t("scope", { parts: parts.join(t("and")) }) : t("noScope");
}

const md = (s: string) => s.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");

function mdTable(header: readonly string[], rows: string[][], none: string) {
  if (!rows.length) return `${none}\n`;
  return [`| ${header.join(" | ")} |`, `| ${header.map(() => "---").join(" | ")} |`, ...rows.map((r) => `| ${r.map(md).join(" | ")} |`)].join("\n") + "\n";
}

export function briefingMarkdown(b: Briefing, locale: Locale = "en"): string {
  const t = translate(locale, "briefing");
  const f = formatterFor(locale);
  const un = unHeaderFor(locale);
  const overdue = b.open.filter((x) => x.overdue).length;
  const counts = (rows: ReturnType<typeof byArea>) => rows.map((r) => [r.label, String(r.open), String(r.overdue)]);
  const row = (x: (typeof b.open)[number]) => unRow(x, b.progress.get(x.id), b.documents.get(x.id), locale);
  return [
    `# ${t("title", { meeting: b.meeting.title })}`,
    "",
    `${f.date(b.meeting.heldOn)}${b.meeting.location ? ` · ${b.meeting.location}` : ""}${b.wide ? ` · ${t("wide")}` : ""}`,
    "",
    briefingScope(b, locale),
    "",
    `- ${t("openCount", { open: String(b.open.length), overdue: String(overdue) })}`,
    `- ${b.previous ? t("completedSincePrevious", { date: f.date(b.previous.heldOn), count: String(b.completed.length) }) : t("completedSince", { date: f.date(b.since ?? b.meeting.heldOn), count: String(b.completed.length) })}`,
    "",
    `## ${t("byArea")}`,
    "",
    mdTable([t("priorityArea"), t("open"), t("overdue")], counts(byArea(b.open)), t("none")),
    `## ${t("byOwner")}`,
    "",
    mdTable([t("organisation"), t("open"), t("overdue")], counts(byOwner(b.open)), t("none")),
    `## ${t("openFollowUps")}`,
    "",
    mdTable(un, b.open.map(row), t("none")),
    `## ${t("completedSinceLast")}`,
    "",
    mdTable(un, b.completed.map(row), t("none")),
  ].join("\n");
}

/** The UN decision-tracking layout: the open follow-ups, then those completed since the last meeting. */
export function briefingCsv(b: Briefing, sep: CsvSeparator = "comma", locale: Locale = "en"): string {
  return toCsv(unHeaderFor(locale), [...b.open, ...b.completed].map((f) => unRow(f, b.progress.get(f.id), b.documents.get(f.id), locale)), sep);
}
