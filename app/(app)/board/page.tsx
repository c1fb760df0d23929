import { Download } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import { BoardFilters } from "@/components/board/board-filters";
import { filterOptions, toBoardCard } from "@/components/board/board-data";
import { FollowUpBoard } from "@/components/board/follow-up-board";
import { apiQuery, resolveFilters } from "@/components/board/resolve-filters";
import { ALL_ORGANISATIONS } from "@/components/board/search-params";
import { SaveViewButton } from "@/components/saved-views/save-view-button";
import { PageHeader } from "@/components/shell/page";
import { buttonClass } from "@/components/ui/button";
import { getDb } from "@/db/connection";
import { countFollowUpsByStatus, listFollowUpColumns } from "@/db/queries/follow-ups";
import { followUpStatuses } from "@/db/schema";
import { plural } from "@/lib/format";
import { requireViewer } from "@/lib/session";

export const metadata: Metadata = { title: "Board" };

/**
 * Per column, the cards due soonest: as many as fill a screen come with the page (each card is
 * rendered and sent twice, as HTML and for the client board, so a page of 125 cards cost three times
 * the server time of one of 50); the rest load as the column scrolls into view, up to 100 a
 * column (components/board/follow-up-board.tsx), then a link leads to the table, which pages on. Grouped by lanes, the
 * board sends up to 25 per column and links to the table for the rest.
 */
const FIRST = 10;
const PER_COLUMN_GROUPED = 25;

export default async function BoardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireViewer();
  const db = await getDb();
  const { filters, group, problems } = resolveFilters(viewer, await searchParams);
  const statuses = followUpStatuses.filter((s) => !filters.status || (Array.isArray(filters.status) ? filters.status : [filters.status]).includes(s));

  const [columns, totals, options] = await Promise.all([
    listFollowUpColumns(db, viewer, filters, statuses, group === "none" ? FIRST : PER_COLUMN_GROUPED),
    countFollowUpsByStatus(db, viewer, filters),
    filterOptions(db, viewer, filters),
  ]);
  const cards = statuses.flatMap((s) => columns.get(s)?.items.map(toBoardCard) ?? []);
  // Ungrouped, each column pages on with its cursor; grouped, it ends at the table link.
  const nextCursors = Object.fromEntries(statuses.map((s) => [s, group === "none" ? (columns.get(s)?.nextCursor ?? null) : null]));
  const total = statuses.reduce((n, s) => n + totals[s], 0);
  const query = apiQuery(filters);
  // The table's own default is the viewer's organisation: "all" must be said.
  const tableHref = (status?: (typeof statuses)[number]) =>
    `/follow-ups?${apiQuery({ ...filters, ...(status ? { status } : {}) }, filters.organisationId ? {} : { organisationId: ALL_ORGANISATIONS })}`;
  const moreHrefs = Object.fromEntries(statuses.map((s) => [s, tableHref(s)])) as Record<(typeof statuses)[number], string>;

  return (
    <>
      <PageHeader wide title="Board" description={`${plural(total, "follow-up")} match these filters${cards.length < total ? `, the soonest due first` : ""}.`}>
        <SaveViewButton path="/board" />
        <a href={`/api/v1/follow-ups.csv?${query}`} download className={buttonClass("secondary")}>
          <Download aria-hidden className="size-4" />
          Export CSV
        </a>
        <a href={`/api/v1/follow-ups.csv?${apiQuery(filters, { layout: "un" })}`} download className={buttonClass("ghost", "max-sm:hidden")}>
          UN layout
        </a>
      </PageHeader>
      <div className="space-y-4 px-4 py-6 md:px-8">
        <NuqsAdapter>
          <BoardFilters viewerOrganisationId={viewer.organisationId} {...options} />
          {Object.keys(problems).length > 0 && (
            <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
              Some filters in this link are not valid and were left out: {Object.values(problems).join(" ")}
            </p>
          )}
          {total === 0 && !Object.keys(problems).length && (
            <p className="rounded-md border border-zinc-200 bg-white px-3 py-2 text-sm text-zinc-700">
              No follow-ups match these filters. Reset the filters, or choose “All organisations” to see every organisation’s.
            </p>
          )}
          {group !== "none" && cards.length < total && (
            <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
              Showing {cards.length} of {total} follow-ups (at most {PER_COLUMN_GROUPED} per column, soonest due first). Refine the filters,{" "}
              <Link href={tableHref()} className="font-medium underline">
                see them all in the table
              </Link>
              , or export them.
            </p>
          )}
          <FollowUpBoard
            cards={cards}
            boardKey={query + `&group=${group}`}
            filters={filters}
            nextCursors={nextCursors}
            statuses={statuses}
            totals={totals}
            moreHrefs={moreHrefs}
            group={group}
          />
        </NuqsAdapter>
      </div>
    </>
  );
}
