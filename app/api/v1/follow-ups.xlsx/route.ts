import { apiRoute, readQuery } from "@/server/api";
import { describeFilters, exportFollowUps } from "@/server/export/follow-ups";
import { toXlsx } from "@/server/export/xlsx";
import { todayIso } from "@/lib/format";
import { followUpExportOptions, followUpFilters } from "@/lib/validation/follow-ups";

/** GET /api/v1/follow-ups.xlsx?<the list's filters>&columns=…|layout=un — the CSV export as a workbook. */
export const GET = apiRoute(async ({ req, db, viewer, locale }) => {
  const filters = readQuery(req, followUpFilters);
  const options = readQuery(req, followUpExportOptions);
  const table = await exportFollowUps(db, viewer, filters, { ...options, locale });
  const body = await toXlsx(table, {
    layout: options.layout,
    locale,
    filters: await describeFilters(db, viewer, filters, options.layout, locale),
    exportedBy: `${viewer.name} <${viewer.email}>`,
    exportedAt: new Date(),
  });
  const name = `follow-ups${options.layout === "un" ? "-un" : ""}-${todayIso()}.xlsx`;
  return new Response(new Uint8Array(body), {
    headers: {
      "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "content-disposition": `attachment; filename="${name}"`,
      "cache-control": "no-store",
    },
  });
});
