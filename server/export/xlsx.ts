import "server-only";
import ExcelJS from "exceljs";
import type { Locale } from "@/lib/i18n/locale";
import { translate } from "@/lib/i18n/translate";
import type { ExportTable } from "@/server/export/follow-ups";

/**
 * A workbook Excel opens as a table: the header row styled and filterable, frozen while scrolling,
 * dates as real dates (sortable, filterable by month), overdue cells shaded, and the filters that
 * made the export on a second sheet.
 *
 * Formula injection: every value is written as a text (or date) cell, never as a formula, so a
 * title such as `=HYPERLINK(…)` is shown as those characters and never runs. (The CSV needs the
 * apostrophe trick because a CSV has no cell types; a workbook has them.)
 */
const HEADER_FILL = "FF1F3A5F";
const OVERDUE_FILL = "FFFDE2E1";

const asDate = (iso: string) => new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);

/** The workbook in `locale` (its sheet names, labels and title); English by default. */
export async function toXlsx(table: ExportTable, about: { layout?: "default" | "un"; filters: [string, string][]; exportedBy: string; exportedAt: Date; locale?: Locale }) {
  const t = translate(about.locale ?? "en", "workbook");
  const wb = new ExcelJS.Workbook();
  wb.creator = "Cooperation Tracker";
  wb.created = about.exportedAt;
  const ws = wb.addWorksheet(t("sheetFollowUps"), { views: [{ state: "frozen", ySplit: 1 }] });

  const header = ws.addRow(table.header);
  header.font = { bold: true, color: { argb: "FFFFFFFF" } };
  header.eachCell((cell) => {
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: HEADER_FILL } };
    cell.alignment = { vertical: "middle" };
  });
  for (const r of table.rows) {
    const row = ws.addRow(r.map((c) => (c.kind && typeof c.value === "string" && c.value ? asDate(c.value) : (c.value ?? ""))));
    r.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      if (c.kind === "date") cell.numFmt = "yyyy-mm-dd";
      if (c.kind === "datetime") cell.numFmt = "yyyy-mm-dd hh:mm";
      if (c.overdue) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: OVERDUE_FILL } };
    });
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: Math.max(1, table.header.length) } };
  ws.columns.forEach((col, i) => {
    const longest = Math.max(table.header[i]?.length ?? 8, ...table.rows.slice(0, 200).map((r) => String(r[i]?.value ?? "").length));
    col.width = Math.min(60, Math.max(10, longest + 2));
  });

  const info = wb.addWorksheet(t("sheetFilters"));
  info.addRow([about.layout === "un" ? t("titleUn") : t("title")]).font = { bold: true, size: 13 };
  info.addRow([t("exported"), about.exportedAt]).getCell(2).numFmt = "yyyy-mm-dd hh:mm";
  info.addRow([t("exportedBy"), about.exportedBy]);
  info.addRow([t("rows"), table.rows.length]);
  info.addRow([]);
  info.addRow([t("filter"), t("value")]).font = { bold: true };
  if (!about.filters.length) info.addRow([t("none"), t("everything")]);
  for (const [k, v] of about.filters) info.addRow([k, v]);
  info.getColumn(1).width = 22;
  info.getColumn(2).width = 60;

  return Buffer.from(await wb.xlsx.writeBuffer());
}
