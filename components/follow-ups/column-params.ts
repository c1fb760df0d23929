import { parseAsArrayOf, parseAsStringLiteral } from "nuqs/server";
import { defaultFollowUpColumns, type FollowUpColumn, followUpColumns } from "@/lib/validation/lists";

/** The table's `columns` URL param: comma-separated, in display order (the CSV export's own form). */
export const columnsParser = parseAsArrayOf(parseAsStringLiteral(followUpColumns)).withDefault([...defaultFollowUpColumns]);

export const columnLabels: Record<FollowUpColumn, string> = {
  meeting: "Meeting",
  title: "Follow-up",
  priorityArea: "Priority area",
  ownerOrganisation: "Owner organisation",
  owner: "Owner",
  due: "Due",
  status: "Status",
  overdue: "Overdue",
  priority: "Priority",
  description: "Description",
  updated: "Updated",
};

/** The columns to show: the URL's, without repeats, and always the title (the row's link). */
export function resolveColumns(raw: string | string[] | undefined): FollowUpColumn[] {
  const parsed = columnsParser.parseServerSide(typeof raw === "string" ? raw : Array.isArray(raw) ? raw.join(",") : undefined);
  const unique = [...new Set(parsed)];
  return unique.includes("title") ? unique : ["title", ...unique];
}
