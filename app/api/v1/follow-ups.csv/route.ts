import { countFollowUpsByStatus, type FollowUp, latestComments, listFollowUps } from "@/db/queries/follow-ups";
import { apiRoute, readQuery } from "@/lib/api";
import { type CsvValue, toCsv, unHeader, unRow } from "@/lib/csv";
import { AppError } from "@/lib/errors";
import { priorityLabels, statusLabels, todayIso } from "@/lib/format";
import { defaultFollowUpColumns, type FollowUpColumn, followUpExportOptions, followUpFilters } from "@/lib/validation/follow-ups";

/** Enough for any briefing; past it, the export asks for narrower filters rather than time out. */
const MAX_ROWS = 50_000;
const PAGE = 1_000;

const owner = (f: FollowUp) => f.ownerOrganisationAcronym ?? f.ownerOrganisationName;
const columns: Record<FollowUpColumn, { header: string; value: (f: FollowUp) => CsvValue }> = {
  meeting: { header: "Meeting", value: (f) => f.meetingTitle ?? "" },
  title: { header: "Title", value: (f) => f.title },
  priorityArea: { header: "Priority area", value: (f) => f.priorityAreaName },
  ownerOrganisation: { header: "Owner organisation", value: owner },
  owner: { header: "Owner", value: (f) => f.ownerUserName ?? "" },
  due: { header: "Due", value: (f) => f.dueOn ?? "" },
  status: { header: "Status", value: (f) => statusLabels[f.status] },
  overdue: { header: "Overdue", value: (f) => (f.overdue ? "Yes" : "No") },
  priority: { header: "Priority", value: (f) => priorityLabels[f.priority] },
  description: { header: "Description", value: (f) => f.description },
  updated: { header: "Updated", value: (f) => f.updatedAt.toISOString() },
};

/** GET /api/v1/follow-ups.csv?<the list's filters>&columns=…|layout=un — every matching row, not one page. */
export const GET = apiRoute(async ({ req, db, viewer }) => {
  const filters = readQuery(req, followUpFilters);
  const options = readQuery(req, followUpExportOptions);
  const counts = await countFollowUpsByStatus(db, viewer, filters);
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  if (total > MAX_ROWS) {
    throw new AppError("bad_request:export", `This view has ${total} follow-ups; an export holds at most ${MAX_ROWS}. Narrow the filters and export again.`);
  }
  const rows: FollowUp[] = [];
  let cursor: string | undefined;
  do {
    const page = await listFollowUps(db, viewer, { ...filters, cursor, limit: PAGE });
    rows.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && rows.length < MAX_ROWS);

  let header: string[];
  let records: CsvValue[][];
  if (options.layout === "un") {
    const progress = await latestComments(db, rows.map((f) => f.id));
    header = [...unHeader];
    records = rows.map((f) => unRow(f, progress.get(f.id)));
  } else {
    const chosen = options.columns ?? defaultFollowUpColumns;
    header = chosen.map((c) => columns[c].header);
    records = rows.map((f) => chosen.map((c) => columns[c].value(f)));
  }
  const name = `follow-ups${options.layout === "un" ? "-un" : ""}-${todayIso()}.csv`;
  return new Response(toCsv(header, records), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${name}"`,
      "cache-control": "no-store",
    },
  });
});
