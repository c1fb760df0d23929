import { Download } from "lucide-react";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import { BoardFilters } from "@/components/board/board-filters";
import { filterOptions } from "@/app/(app)/board/board-data";
import { toBoardCard } from "@/components/board/types";
import { FollowUpBoard } from "@/components/board/follow-up-board";
import { apiQuery, resolveFilters } from "@/app/(app)/board/resolve-filters";
import { ALL_ORGANISATIONS } from "@/components/board/search-params";
import { SaveViewButton } from "@/components/saved-views/save-view-button";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/shell/page";
import { CsvDownload } from "@/components/ui/csv-download";
import { countFollowUpsByStatus, listFollowUpColumns } from "@/db/queries/follow-ups";
import { followUpStatuses } from "@/db/schema";
import { pageContext } from "@/server/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("board"))("title") };
}

/**
 * Per column, the cards due soonest: as many as fill a screen come with the page (each card is
 * rendered and sent twice, as HTML and for the client board, so a page of 125 cards cost three times
 * the server time of one of 50); the rest load as the column scrolls into view, up to 100 a
 * column (components/board/follow-up-board.tsx), then a link leads to the table, which pages on. Grouped by lanes, the
 * board sends up to 25 per column and links to the table for the rest.
 */
const FIRST = 10;
const BOARD_PATH = "/board";
const PER_COLUMN_GROUPED = 25;

export default async function BoardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { viewer, db } = await pageContext();
  const t = await getTranslations("board");
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
      <PageHeader wide title={t("title")} description={t("description", { count: total, soonestFirst: cards.length < total ? "yes" : "no" })}>
        <SaveViewButton path={BOARD_PATH} />
        <CsvDownload href={`/api/v1/follow-ups.csv?${query}`} />
        <CsvDownload href={`/api/v1/follow-ups.csv?${apiQuery(filters, { layout: "un" })}`} label={t("unLayout")} variant="ghost" className="max-sm:hidden" />
        <a href={`/api/v1/follow-ups.xlsx?${query}`} download className={buttonClass("secondary")}>
          <Download aria-hidden className="size-4" />
          {t("exportExcel")}
        </a>
        <a href={`/api/v1/follow-ups.xlsx?${apiQuery(filters, { layout: "un" })}`} download className={buttonClass("ghost", "max-sm:hidden")}>
          {t("unLayoutExcel")}
        </a>
      </PageHeader>
      <div className="space-y-4 px-4 py-6 md:px-8">
        <NuqsAdapter>
          <BoardFilters viewerOrganisationId={viewer.organisationId} {...options} />
          {Object.keys(problems).length > 0 && (
            <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
              {t("invalidFilters", { problems: Object.values(problems).join(" ") })}
            </p>
          )}
          {total === 0 && !Object.keys(problems).length && (
            <p className="rounded-md border border-zinc-200 bg-white px-3 py-2 text-sm text-zinc-700">
              {t("noMatch")}
            </p>
          )}
          {group !== "none" && cards.length < total && (
            <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
              {t.rich("groupedCapped", {
                shown: cards.length,
                total,
                max: PER_COLUMN_GROUPED,
                link: (chunks) => (
                  <Link href={tableHref()} className="font-medium underline">
                    {chunks}
                  </Link>
                ),
              })}
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
