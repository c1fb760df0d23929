import { parseAsArrayOf, parseAsStringLiteral } from "nuqs/server";
import { defaultFollowUpColumns, type FollowUpColumn, followUpColumns } from "@/lib/validation/lists";

/** The table's `columns` URL param: comma-separated, in display order (the CSV export's own form). */
export const columnsParser = parseAsArrayOf(parseAsStringLiteral(followUpColumns)).withDefault([...defaultFollowUpColumns]);

/** A column's heading, from the catalogue: `t("column", { column })` in the "followUps" namespace (a select over the columns). */
export const columnLabel = (t: (key: "column", values: { column: FollowUpColumn }) => string, column: FollowUpColumn) => t("column", { column });

/** The columns to show: the URL's, without repeats, and always the title (the row's link). */
export function resolveColumns(raw: string | string[] | undefined): FollowUpColumn[] {
  const parsed = columnsParser.parseServerSide(typeof raw === "string" ? raw : Array.isArray(raw) ? raw.join(",") : undefined);
  const unique = [...new Set(parsed)];
  return unique.includes("title") ? unique : ["title", ...unique];
}
