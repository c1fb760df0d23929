import { apiRoute, readQuery } from "@/server/api";
import { toCsv } from "@/lib/csv";
import { exportFollowUps } from "@/server/export/follow-ups";
import { todayIso } from "@/lib/format";
import { followUpExportOptions, followUpFilters } from "@/lib/validation/follow-ups";

/** GET /api/v1/follow-ups.csv?<the list's filters>&columns=…|layout=un[&sep=semicolon] — every matching row, not one page. */
export const GET = apiRoute(async ({ req, db, viewer, locale }) => {
  const options = readQuery(req, followUpExportOptions);
  const table = await exportFollowUps(db, viewer, readQuery(req, followUpFilters), { ...options, locale });
  const name = `follow-ups${options.layout === "un" ? "-un" : ""}-${todayIso()}.csv`;
  return new Response(toCsv(table.header, table.rows.map((r) => r.map((c) => c.value)), options.sep), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${name}"`,
      "cache-control": "no-store",
    },
  });
});
