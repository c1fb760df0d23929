"use client";

import { type ColumnDef, type RowSelectionState, rowSelectionFeature, rowSortingFeature, type SortingState, tableFeatures, type Updater, useTable } from "@tanstack/react-table";
import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useSearchParams } from "next/navigation";
import { useEffect, useMemo, useRef } from "react";
import { Chip, OrgName } from "@/components/ui/chip";
import type { MeetingFollowUpItem } from "@/components/meetings/meeting-follow-up-row";
import { useFormat } from "@/components/i18n/use-format";
import type { priorityLabels } from "@/lib/format";
import type { FollowUpColumn, FollowUpSort } from "@/lib/validation/follow-ups";
import { useSelection } from "./bulk-edit-bar";
import { columnLabel } from "./column-params";
import { DueDate } from "./due-date";
import { StatusBadge } from "./status-badge";
import { isClosed } from "@/lib/follow-ups/status";

/** One follow-up as the table shows it: only what its cells need (the server fetched and sorted it). */
export type FollowUpTableRow = MeetingFollowUpItem & {
  meetingTitle: string | null;
  priority: keyof typeof priorityLabels;
  description: string;
  updatedAt: string;
};

type Props = {
  rows: FollowUpTableRow[];
  /** The chosen columns, in order (the URL's `columns`). */
  columns: FollowUpColumn[];
  /** The server's sort: the column it sorts by and the direction. */
  sorting: { column: FollowUpColumn; desc: boolean };
  selectable: boolean;
  today: string;
};

const features = tableFeatures({ rowSortingFeature, rowSelectionFeature });
type Column = ColumnDef<typeof features, FollowUpTableRow>;

/** The columns the server can sort by, and the sort each asks for. */
const sortKeys: Partial<Record<FollowUpColumn, FollowUpSort>> = { title: "title", due: "due", status: "status", updated: "updated" };

/** Widths that keep the title readable and let long labels truncate (the full text is on hover). */
const cellWidth: Partial<Record<FollowUpColumn, string>> = {
  meeting: "min-w-[6.5rem] max-w-[8.5rem]",
  // On a phone the title stays in view while the other columns scroll under it.
  title: "min-w-[11rem] sm:min-w-[13rem] max-w-md max-sm:sticky max-sm:left-0 max-sm:z-[1] max-sm:bg-inherit",
  priorityArea: "max-w-[9rem]",
  due: "min-w-[8rem]",
  description: "min-w-[14rem]",
};

/** What each column holds (TanStack sorts only columns with a value; here the server does the sorting). */
const values: Record<FollowUpColumn, (f: FollowUpTableRow) => string | boolean | null> = {
  meeting: (f) => f.meetingTitle,
  title: (f) => f.title,
  priorityArea: (f) => f.priorityAreaName,
  ownerOrganisation: (f) => f.ownerOrganisationAcronym ?? f.ownerOrganisationName,
  owner: (f) => f.ownerUserName,
  due: (f) => f.dueOn,
  status: (f) => f.status,
  overdue: (f) => f.overdue,
  priority: (f) => f.priority,
  description: (f) => f.description,
  updated: (f) => f.updatedAt,
};

const checkboxClass = "size-4 cursor-pointer accent-accent-700";

/** Each column's cell. The title is the row's link (j/k move between them). */
const cells = (today: string, t: ReturnType<typeof useTranslations<"followUps">>, fmt: ReturnType<typeof useFormat>): Record<FollowUpColumn, (f: FollowUpTableRow) => React.ReactNode> => ({
  meeting: (f) => <span className="text-xs text-zinc-700">{f.meetingTitle ?? "—"}</span>,
  title: (f) => (
    <Link href={`/follow-ups/${f.id}`} data-row-link className="break-words font-medium text-zinc-900">
      {f.title}
    </Link>
  ),
  priorityArea: (f) => <Chip title={f.priorityAreaName}>{f.priorityAreaName}</Chip>,
  ownerOrganisation: (f) => <OrgName acronym={f.ownerOrganisationAcronym} name={f.ownerOrganisationName} />,
  owner: (f) => <span className="text-zinc-800">{f.ownerUserName ?? "—"}</span>,
  due: (f) => (
    <span className="text-xs">
      <DueDate dueOn={f.dueOn} overdue={f.overdue} closed={isClosed(f.status)} today={today} />
    </span>
  ),
  status: (f) => <StatusBadge status={f.status} />,
  overdue: (f) => (f.overdue ? <span className="font-semibold text-red-700">{t("yes")}</span> : t("no")),
  priority: (row) => fmt.priority(row.priority),
  description: (f) => <span className="line-clamp-2 max-w-xs text-xs text-zinc-700">{f.description || "—"}</span>,
  updated: (row) => (
    <span className="whitespace-nowrap text-xs text-zinc-600">
      <time dateTime={row.updatedAt}>{fmt.date(row.updatedAt)}</time>
    </span>
  ),
});

function SelectAll({ checked, indeterminate, disabled, count, onChange, label }: { checked: boolean; indeterminate: boolean; disabled: boolean; count: number; onChange: (on: boolean) => void; label: (count: number) => string }) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = indeterminate;
  }, [indeterminate]);
  return (
    <input
      ref={ref}
      type="checkbox"
     className={checkboxClass}
      checked={checked}
      disabled={disabled}
      onChange={(e) => onChange(e.target.checked)}
      aria-label={label(count)}
    />
  );
}

/**
 * The follow-ups table: one page of rows the server filtered, sorted and paged (never the whole
 * list), rendered with TanStack Table. Sorting is a link per header, so the server sorts across
 * every page; the selection feeds the bulk-edit bar.
 */
export function FollowUpsTable({ rows, columns, sorting, selectable, today }: Props) {
  const t = useTranslations("followUps");
  const f = useFormat();
  const { selected, select } = useSelection();
  const params = useSearchParams();
  // Stable column definitions while the chosen columns stay the same.
  const columnKey = columns.join(",");
  const defs = useMemo<Column[]>(() => {
    const render = cells(today, t, f);
    return (columnKey.split(",") as FollowUpColumn[]).map((column) => ({
      id: column,
      accessorFn: values[column],
      header: columnLabel(t, column),
      enableSorting: column in sortKeys,
      cell: ({ row }) => render[column](row.original),
    }));
  }, [columnKey, today, t, f]);

  /**
   * The link that sorts by a column: the URL as it is now (filters just changed may not have
   * reached this render yet), from the first page, ascending unless it is already.
   */
  const sortHref = (column: FollowUpColumn) => {
    const key = sortKeys[column];
    if (!key) return undefined;
    const q = new URLSearchParams(params.toString());
    q.delete("after");
    q.set("sort", key);
    q.set("dir", sorting.column === column && !sorting.desc ? "desc" : "asc");
    return `/follow-ups?${q.toString()}`;
  };

  const rowSelection = useMemo<RowSelectionState>(() => Object.fromEntries([...selected].map((id) => [id, true])), [selected]);
  // A sort by a column not shown (a saved link, say) still sorts the rows; no header shows it.
  const sortedShown = columns.includes(sorting.column);
  const sortingState = useMemo<SortingState>(() => (sortedShown ? [{ id: sorting.column, desc: sorting.desc }] : []), [sortedShown, sorting.column, sorting.desc]);
  const table = useTable({
    features,
    columns: defs,
    data: rows,
    getRowId: (r) => r.id,
    manualSorting: true,
    enableMultiSort: false,
    enableRowSelection: selectable,
    state: { sorting: sortingState, rowSelection },
    onRowSelectionChange: (updater: Updater<RowSelectionState>) => {
      const next = typeof updater === "function" ? updater(rowSelection) : updater;
      select(Object.keys(next).filter((id) => next[id]));
    },
  });

  const direction = sorting.desc ? t("descending") : t("ascending");
  return (
    <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white">
      <table className="w-full min-w-[56rem] border-collapse text-sm">
        <caption className="sr-only">
          {t("tableCaption", { column: columnLabel(t, sorting.column).toLowerCase(), direction })}
        </caption>
        <thead className="border-b border-zinc-200 bg-zinc-50">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {selectable && (
                <th scope="col" className="w-8 py-2 pl-3 pr-1 text-left">
                  <SelectAll
                    checked={table.getIsAllRowsSelected()}
                    indeterminate={table.getIsSomeRowsSelected()}
                    disabled={!rows.length}
                    count={rows.length}
                    onChange={(on) => table.toggleAllRowsSelected(on)}
                    label={(count) => t("selectAllOnPage", { count })}
                  />
                </th>
              )}
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                const href = sortHref(header.column.id as FollowUpColumn);
                const SortIcon = sorted === "asc" ? ArrowUp : sorted === "desc" ? ArrowDown : ArrowUpDown;
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={sorted ? (sorted === "asc" ? "ascending" : "descending") : header.column.getCanSort() ? "none" : undefined}
                   className={`px-2 py-2 text-left align-bottom font-semibold text-zinc-900 ${header.column.id === "title" ? "max-sm:sticky max-sm:left-0 max-sm:z-[1] max-sm:bg-zinc-50" : ""}`}
                  >
                    {header.column.getCanSort() && href ? (
                      <Link href={href} className="group inline-flex items-center gap-1 text-zinc-900 no-underline hover:underline">
                        <table.FlexRender header={header} />
                        <SortIcon aria-hidden className={`size-3.5 ${sorted ? "" : "text-zinc-400 group-hover:text-zinc-700"}`} />
                      </Link>
                    ) : (
                      <table.FlexRender header={header} />
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody className="divide-y divide-zinc-100">
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id} className={`align-top ${row.getIsSelected() ? "bg-accent-50" : "bg-white hover:bg-zinc-50"}`}>
              {selectable && (
                <td className="py-2 pl-3 pr-1">
                  <input
                    type="checkbox"
                   className={checkboxClass}
                    checked={row.getIsSelected()}
                    onChange={(e) => row.toggleSelected(e.target.checked)}
                    aria-label={t("selectRow", { title: row.original.title })}
                  />
                </td>
              )}
              {row.getAllCells().map((cell) => (
                <td key={cell.id} className={`px-2 py-2 ${cellWidth[cell.column.id as FollowUpColumn] ?? ""}`}>
                  <table.FlexRender cell={cell} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {!rows.length && <p className="px-4 py-6 text-center text-sm text-zinc-600">{t("tableEmpty")}</p>}
    </div>
  );
}
