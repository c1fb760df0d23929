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
import { countFollowUpsByStatus, listFollowUps } from "@/db/queries/follow-ups";
import { followUpStatuses } from "@/db/schema";
import { plural } from "@/lib/format";
import { requireViewer } from "@/lib/session";

export const metadata: Metadata = { title: "Board" };

/**
 * Per column: the cards due soonest, enough to review at a glance; a column with more links to the
 * table with the same filters, which pages through the rest. (Each card is rendered and sent twice,
 * as HTML and for the client board: 100 per column made the page slow to serve.)
 */
const PER_COLUMN = 25;

export default async function BoardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireViewer();
  const db = await getDb();
  const { filters, group, problems } = resolveFilters(viewer, await searchParams);
  const statuses = followUpStatuses.filter((s) => !filters.status || (Array.isArray(filters.status) ? filters.status : [filters.status]).includes(s));

  const [columns, totals, options] = await Promise.all([
    Promise.all(statuses.map((s) => listFollowUps(db, viewer, { ...filters, status: s, limit: PER_COLUMN }))),
    countFollowUpsByStatus(db, viewer, filters),
    filterOptions(db, viewer, { ownersLater: { selectedId: filters.ownerUserId } }),
  ]);
  const cards = columns.flatMap((c) => c.items.map(toBoardCard));
  const total = statuses.reduce((n, s) => n + totals[s], 0);
  const query = apiQuery(filters);
  // The table's own default is the viewer's organisation: "all" must be said.
  const tableHref = (status?: (typeof statuses)[number]) =>
    `/follow-ups?${apiQuery({ ...filters, ...(status ? { status } : {}) }, filters.organisationId ? {} : { organisationId: ALL_ORGANISATIONS })}`;
  const moreHrefs = Object.fromEntries(statuses.map((s) => [s, tableHref(s)])) as Record<(typeof statuses)[number], string>;

  return (
    <>
      <PageHeader wide title="Board" description={`${plural(total, "follow-up")} match these filters${cards.length < total ? `; showing the ${cards.length} due soonest` : ""}.`}>
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
          {cards.length < total && (
            <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
              Showing {cards.length} of {total} follow-ups (at most {PER_COLUMN} per column, soonest due first). Refine the filters,{" "}
              <Link href={tableHref()} className="font-medium underline">
                see them all in the table
              </Link>
              , or export them.
            </p>
          )}
          <FollowUpBoard cards={cards} boardKey={query + `&group=${group}`} statuses={statuses} totals={totals} moreHrefs={moreHrefs} group={group} />
        </NuqsAdapter>
      </div>
    </>
  );
}
