import { ArrowDown, ArrowUp, Download, Plus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { Fragment } from "react";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import { filterOptions } from "@/components/board/board-data";
import { BoardFilters } from "@/components/board/board-filters";
import { apiQuery, resolveFilters } from "@/components/board/resolve-filters";
import { BulkEditBar, BulkEditProvider, RowCheckbox, SelectAllCheckbox } from "@/components/follow-ups/bulk-edit-bar";
import { ColumnChooser } from "@/components/follow-ups/column-chooser";
import { columnLabels, resolveColumns } from "@/components/follow-ups/column-params";
import { DueDate } from "@/components/follow-ups/due-date";
import { StatusBadge } from "@/components/follow-ups/status-badge";
import { SaveViewButton } from "@/components/saved-views/save-view-button";
import { PageHeader } from "@/components/shell/page";
import { ButtonLink, buttonClass } from "@/components/ui/button";
import { Chip, OrgName } from "@/components/ui/chip";
import { getDb } from "@/db/connection";
import { countFollowUpsByStatus, type FollowUp, isClosed, listFollowUps } from "@/db/queries/follow-ups";
import { AppError } from "@/lib/errors";
import { formatDate, plural, priorityLabels } from "@/lib/format";
import { requireViewer } from "@/lib/session";
import { type FollowUpColumn, type FollowUpSort, followUpSorts } from "@/lib/validation/follow-ups";

export const metadata: Metadata = { title: "Follow-ups" };

type SearchParams = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);
const PAGE = 100;

/** How each chosen column shows one follow-up. The title is the row's link (j/k move between them). */
const cells: Record<FollowUpColumn, (f: FollowUp) => React.ReactNode> = {
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
      <DueDate dueOn={f.dueOn} overdue={f.overdue} closed={isClosed(f.status)} />
    </span>
  ),
  status: (f) => <StatusBadge status={f.status} />,
  overdue: (f) => (f.overdue ? <span className="font-semibold text-red-700">Yes</span> : "No"),
  priority: (f) => priorityLabels[f.priority],
  description: (f) => <span className="line-clamp-2 max-w-xs text-xs text-zinc-700">{f.description || "—"}</span>,
  updated: (f) => (
    <span className="whitespace-nowrap text-xs text-zinc-600">
      <time dateTime={f.updatedAt.toISOString()}>{formatDate(f.updatedAt)}</time>
    </span>
  ),
};
const sortableColumns: Partial<Record<FollowUpColumn, FollowUpSort>> = { title: "title", due: "due", status: "status", updated: "updated" };

export default async function FollowUpsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const viewer = await requireViewer();
  const db = await getDb();
  const sp = await searchParams;
  const { filters, problems } = resolveFilters(viewer, sp);
  const sortParam = one(sp.sort);
  const sort: FollowUpSort = (followUpSorts as readonly string[]).includes(sortParam ?? "") ? (sortParam as FollowUpSort) : "due";
  const dir = one(sp.dir) === "desc" ? "desc" : "asc";
  const cursor = one(sp.after);
  const columns = resolveColumns(sp.columns);

  let page;
  let badCursor = false;
  try {
    page = await listFollowUps(db, viewer, { ...filters, sort, dir, cursor, limit: PAGE });
  } catch (e) {
    if (!(e instanceof AppError) || e.type !== "bad_request") throw e;
    badCursor = true;
    page = await listFollowUps(db, viewer, { ...filters, sort, dir, limit: PAGE });
  }
  const [counts, options] = await Promise.all([countFollowUpsByStatus(db, viewer, filters), filterOptions(db, viewer)]);
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  // Bulk edit is for managers (within their subtree) and admins; the server checks each row again.
  const canBulkEdit = viewer.role !== "staff";
  const bulkRows = page.items.map((f) => ({ id: f.id, title: f.title, owner: f.ownerOrganisationAcronym ?? f.ownerOrganisationName }));
  const bulkOrganisations = options.organisations
    .filter((o) => !o.archived && (viewer.role === "admin" || viewer.subtreeOrganisationIds.has(o.id)))
    .map((o) => ({ id: o.id, label: `${"\u00a0\u00a0".repeat(o.depth)}${o.acronym ? `${o.acronym} — ` : ""}${o.name}` }));

  // The URL's own filters (not the resolved defaults), so sorting keeps the page's link intact.
  const href = (patch: Record<string, string | undefined>) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(sp)) if (k !== "after") for (const x of typeof v === "string" ? [v] : (v ?? [])) q.append(k, x);
    for (const [k, v] of Object.entries(patch)) {
      q.delete(k);
      if (v) q.set(k, v);
    }
    return `/follow-ups?${q.toString()}`;
  };
  const sortHeader = (key: FollowUpSort, label: string) => {
    const current = sort === key;
    const next = current && dir === "asc" ? "desc" : "asc";
    return (
      <th scope="col" aria-sort={current ? (dir === "asc" ? "ascending" : "descending") : undefined} className="px-3 py-2 text-left font-semibold">
        <Link href={href({ sort: key, dir: next })} className="inline-flex items-center gap-1 text-zinc-900 no-underline hover:underline">
          {label}
          {current && (dir === "asc" ? <ArrowUp aria-hidden className="size-3.5" /> : <ArrowDown aria-hidden className="size-3.5" />)}
        </Link>
      </th>
    );
  };

  return (
    <>
      <PageHeader title="Follow-ups" description={`${plural(total, "follow-up")} match these filters.`}>
        <SaveViewButton path="/follow-ups" />
        <a href={`/api/v1/follow-ups.csv?${apiQuery({ ...filters, sort, dir }, { columns: columns.join(",") })}`} download className={buttonClass("secondary")}>
          <Download aria-hidden className="size-4" />
          Export CSV
        </a>
        <ButtonLink href="/follow-ups/new">
          <Plus aria-hidden className="size-4" />
          New follow-up
        </ButtonLink>
      </PageHeader>
      <div className="space-y-4 px-4 py-6 md:px-8">
        <NuqsAdapter>
          <BoardFilters viewerOrganisationId={viewer.organisationId} {...options} showGroup={false} />
          <ColumnChooser />
        </NuqsAdapter>
        {(badCursor || Object.keys(problems).length > 0) && (
          <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
            {badCursor ? "That page link is no longer valid, so this is the first page. " : ""}
            {Object.values(problems).join(" ")}
          </p>
        )}
        <BulkEditProvider rows={canBulkEdit ? bulkRows : []}>
          {canBulkEdit && <BulkEditBar organisations={bulkOrganisations} />}
          <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white">
            <table className="w-full min-w-[56rem] border-collapse text-sm">
              <caption className="sr-only">Follow-ups, sorted by {sort} ({dir === "asc" ? "ascending" : "descending"})</caption>
              <thead className="border-b border-zinc-200 bg-zinc-50">
                <tr>
                  {canBulkEdit && (
                    <th scope="col" className="w-8 px-3 py-2 text-left">
                      <SelectAllCheckbox />
                    </th>
                  )}
                  {columns.map((c) => {
                    const key = sortableColumns[c];
                    return key ? (
                      <Fragment key={c}>{sortHeader(key, columnLabels[c])}</Fragment>
                    ) : (
                      <th key={c} scope="col" className="px-3 py-2 text-left font-semibold">
                        {columnLabels[c]}
                      </th>
                    );
                  })}
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-100">
                {page.items.map((f) => (
                  <tr key={f.id} className="align-top hover:bg-zinc-50">
                    {canBulkEdit && (
                      <td className="px-3 py-2">
                        <RowCheckbox id={f.id} title={f.title} />
                      </td>
                    )}
                    {columns.map((c) => (
                      <td key={c} className={c === "title" ? "max-w-md px-3 py-2" : "px-3 py-2"}>
                        {cells[c](f)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
            {!page.items.length && <p className="px-4 py-6 text-center text-sm text-zinc-600">No follow-ups match these filters. Reset the filters, or choose “All organisations”.</p>}
          </div>
        </BulkEditProvider>
        {(page.nextCursor || cursor) && (
          <nav aria-label="Pages" className="flex gap-4 text-sm">
            {page.nextCursor && <Link href={href({ after: page.nextCursor })}>Next {PAGE}</Link>}
            {cursor && <Link href={href({ after: undefined })}>Back to the first page</Link>}
          </nav>
        )}
      </div>
    </>
  );
}
