import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { meetings, meetingSeries, organisations, priorityAreas, users } from "@/db/schema";
import { localNameSql } from "@/db/queries/local-names";
import { visibleMeetingSql } from "@/db/queries/meetings";
import { documentRefs } from "@/db/queries/attachments";
import { countFollowUpsByStatus, type FollowUp, latestComments, listFollowUps } from "@/db/queries/follow-ups";
import { type CsvValue, unDueIndex, unHeaderFor, unRow, unStatusIndex } from "@/lib/csv";
import { formatterFor } from "@/lib/i18n/format-server";
import type { Locale } from "@/lib/i18n/locale";
import { translate } from "@/lib/i18n/translate";
import { AppError } from "@/lib/errors";
import { vm } from "@/lib/i18n/validation";
import type { Viewer } from "@/lib/policy";
import { defaultFollowUpColumns, type FollowUpColumn, type FollowUpFilters } from "@/lib/validation/follow-ups";

/**
 * What the CSV and the .xlsx exports share: the rows of the filtered list (every one, not a page)
 * and their columns, in the normal layout or the UN decision-tracking one. Each cell also says
 * whether it is a date, so the workbook writes a real date where the CSV writes ISO text.
 */

/** Enough for any briefing; past it, the export asks for narrower filters rather than time out. */
const MAX_ROWS = 50_000;
const PAGE = 1_000;

export type ExportCell = { value: CsvValue; kind?: "date" | "datetime"; overdue?: boolean };

const owner = (f: FollowUp) => f.ownerOrganisationAcronym ?? f.ownerOrganisationName;
type ExportColumn = { header: string; cell: (f: FollowUp) => ExportCell };

/** The columns of the normal layout, their headers and cells in a language (English: as they have always been). */
export function exportColumnsFor(locale: Locale): Record<FollowUpColumn, ExportColumn> {
  const t = translate(locale, "export");
  const f = formatterFor(locale);
  return {
    meeting: { header: t("meeting"), cell: (r) => ({ value: r.meetingTitle ?? "" }) },
    title: { header: t("title"), cell: (r) => ({ value: r.title }) },
    priorityArea: { header: t("priorityArea"), cell: (r) => ({ value: r.priorityAreaName }) },
    ownerOrganisation: { header: t("ownerOrganisation"), cell: (r) => ({ value: owner(r) }) },
    owner: { header: t("owner"), cell: (r) => ({ value: r.ownerUserName ?? "" }) },
    due: { header: t("due"), cell: (r) => ({ value: r.dueOn ?? "", kind: "date", overdue: r.overdue }) },
    status: { header: t("status"), cell: (r) => ({ value: f.status(r.status), overdue: r.overdue }) },
    overdue: { header: t("overdue"), cell: (r) => ({ value: f.yesNo(r.overdue), overdue: r.overdue }) },
    priority: { header: t("priority"), cell: (r) => ({ value: f.priority(r.priority) }) },
    description: { header: t("description"), cell: (r) => ({ value: r.description }) },
    updated: { header: t("updated"), cell: (r) => ({ value: r.updatedAt.toISOString(), kind: "datetime" }) },
  };
}
export const exportColumns = exportColumnsFor("en");

export type ExportTable = { header: string[]; rows: ExportCell[][] };

export async function exportFollowUps(db: Db, viewer: Viewer, filters: FollowUpFilters, options: { layout?: "default" | "un"; columns?: FollowUpColumn[]; locale?: Locale }): Promise<ExportTable> {
  const locale = options.locale ?? "en";
  const counts = await countFollowUpsByStatus(db, viewer, filters);
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  if (total > MAX_ROWS) {
    throw new AppError("bad_request:export", vm("exportTooMany", { count: String(total), max: String(MAX_ROWS) }));
  }
  const rows: FollowUp[] = [];
  let cursor: string | undefined;
  do {
    const page = await listFollowUps(db, viewer, { ...filters, cursor, limit: PAGE });
    rows.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && rows.length < MAX_ROWS);

  if (options.layout === "un") {
    const ids = rows.map((f) => f.id);
    const [progress, documents] = await Promise.all([latestComments(db, ids), documentRefs(db, ids)]);
    return {
      header: unHeaderFor(locale),
      rows: rows.map((f) =>
        unRow(f, progress.get(f.id), documents.get(f.id), locale).map((value, i): ExportCell => (i === unDueIndex ? { value, kind: "date", overdue: f.overdue } : { value, overdue: i === unStatusIndex ? f.overdue : undefined })),
      ),
    };
  }
  const chosen = options.columns ?? defaultFollowUpColumns;
  const columns = exportColumnsFor(locale);
  return { header: chosen.map((c) => columns[c].header), rows: rows.map((f) => chosen.map((c) => columns[c].cell(f))) };
}

/**
 * The filters in words, for the workbook's second sheet: names instead of ids. A meeting's title is
 * read through the visibility rule, so an id of a meeting the viewer may not see stays an id.
 */
export async function describeFilters(db: Db, viewer: Viewer, f: FollowUpFilters, layout: string | undefined, locale: Locale = "en"): Promise<[string, string][]> {
  const t = translate(locale, "workbook");
  const say = formatterFor(locale);
  const out: [string, string][] = [];
  const one = async <T extends { name: string }>(rows: Promise<T[]>) => (await rows)[0]?.name;
  if (f.status) out.push([t("fStatus"), (Array.isArray(f.status) ? f.status : [f.status]).map((s) => say.status(s)).join(", ")]);
  if (f.priorityAreaId) out.push([t("fPriorityArea"), (await one(db.select({ name: localNameSql(priorityAreas, { readLocale: locale }) }).from(priorityAreas).where(eq(priorityAreas.id, f.priorityAreaId)))) ?? f.priorityAreaId]);
  if (f.organisationId) out.push([t("fOrganisation"), (await one(db.select({ name: localNameSql(organisations, { readLocale: locale }) }).from(organisations).where(eq(organisations.id, f.organisationId)))) ?? f.organisationId]);
  if (f.meetingId) {
    const [m] = await db.select({ name: meetings.title }).from(meetings).where(and(eq(meetings.id, f.meetingId), visibleMeetingSql(viewer)));
    out.push([t("fMeeting"), m?.name ?? f.meetingId]);
  }
  if (f.seriesId) out.push([t("fSeries"), (await one(db.select({ name: localNameSql(meetingSeries, { readLocale: locale }) }).from(meetingSeries).where(eq(meetingSeries.id, f.seriesId)))) ?? f.seriesId]);
  if (f.ownerUserId) out.push([t("fOwner"), (await one(db.select({ name: users.name }).from(users).where(eq(users.id, f.ownerUserId)))) ?? f.ownerUserId]);
  if (f.dueFrom) out.push([t("fDueFrom"), f.dueFrom]);
  if (f.dueTo) out.push([t("fDueTo"), f.dueTo]);
  if (f.overdue !== undefined) out.push([t("fOverdue"), f.overdue ? t("overdueOnly") : t("overdueNot")]);
  if (f.mine) out.push([t("fMine"), t("mineValue")]);
  if (f.q) out.push([t("fSearch"), f.q]);
  if (f.sort) out.push([t("fSort"), t("sortValue", { sort: f.sort, dir: f.dir ?? "asc" })]);
  out.push([t("fLayout"), layout === "un" ? t("layoutUn") : t("layoutNormal")]);
  return out;
}
