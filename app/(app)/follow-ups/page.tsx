import { Download, Plus, Upload } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import { filterOptions } from "@/app/(app)/board/board-data";
import { BoardFilters } from "@/components/board/board-filters";
import { apiQuery, resolveFilters } from "@/app/(app)/board/resolve-filters";
import { BulkEditBar, BulkEditProvider } from "@/components/follow-ups/bulk-edit-bar";
import { ColumnChooser } from "@/components/follow-ups/column-chooser";
import { resolveColumns } from "@/components/follow-ups/column-params";
import { type FollowUpTableRow, FollowUpsTable } from "@/components/follow-ups/follow-ups-table";
import { SaveViewButton } from "@/components/saved-views/save-view-button";
import { PageHeader } from "@/components/shell/page";
import { buttonClass, ButtonLink } from "@/components/ui/button";
import { CsvDownload } from "@/components/ui/csv-download";
import { countFollowUpsByStatus, listFollowUps } from "@/db/queries/follow-ups";
import { AppError } from "@/lib/errors";
import { todayIso } from "@/lib/format";
import { localAcronym, localName } from "@/lib/i18n/names";
import { pageContext } from "@/server/session";
import { type FollowUpSort, followUpSorts } from "@/lib/validation/follow-ups";
import { isClosed } from "@/lib/follow-ups/status";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("followUps"))("listTitle") };
}

type SearchParams = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);
const PAGE = 100;
const truncate = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** The description is clamped to two lines in the table; no need to send a whole essay. */
const DESCRIPTION_CHARS = 300;

export default async function FollowUpsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { viewer, db } = await pageContext();
  const t = await getTranslations("followUps");
  const locale = await getLocale();
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
  const [counts, options] = await Promise.all([countFollowUpsByStatus(db, viewer, filters), filterOptions(db, viewer, filters)]);
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  // Bulk edit is for managers (within their subtree) and admins; the server checks each row again.
  const canBulkEdit = viewer.role !== "staff";
  const bulkRows = page.items.map((f) => ({ id: f.id, title: f.title, owner: f.ownerOrganisationAcronym ?? f.ownerOrganisationName, closed: isClosed(f.status) }));
  const bulkOrganisations = options.organisations
    .filter((o) => !o.archived && (viewer.role === "admin" || viewer.subtreeOrganisationIds.has(o.id)))
    .map((o) => {
      const acronym = localAcronym(o, locale);
      return { id: o.id, label: `${"\u00a0\u00a0".repeat(o.depth)}${acronym ? `${acronym} — ` : ""}${localName(o, locale)}` };
    });

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
  const showDescription = columns.includes("description");
  const rows: FollowUpTableRow[] = page.items.map((f) => ({
    id: f.id,
    title: f.title,
    meetingTitle: f.meetingTitle,
    priorityAreaName: f.priorityAreaName,
    ownerOrganisationAcronym: f.ownerOrganisationAcronym,
    ownerOrganisationName: f.ownerOrganisationName,
    ownerUserName: f.ownerUserName,
    dueOn: f.dueOn,
    overdue: f.overdue,
    status: f.status,
    priority: f.priority,
    description: showDescription ? truncate(f.description, DESCRIPTION_CHARS) : "",
    updatedAt: f.updatedAt.toISOString(),
  }));

  return (
    <>
      <PageHeader wide title={t("listTitle")} description={t("listMatches", { count: total })}>
        <SaveViewButton path="/follow-ups" />
        <CsvDownload href={`/api/v1/follow-ups.csv?${apiQuery({ ...filters, sort, dir }, { columns: columns.join(",") })}`} />
        <a href={`/api/v1/follow-ups.xlsx?${apiQuery({ ...filters, sort, dir }, { columns: columns.join(",") })}`} download className={buttonClass("secondary")}>
          <Download aria-hidden className="size-4" />
          {t("exportExcel")}
        </a>
        <ButtonLink href="/follow-ups/import" variant="secondary">
          <Upload aria-hidden className="size-4" />
          {t("import")}
        </ButtonLink>
        <ButtonLink href="/follow-ups/new">
          <Plus aria-hidden className="size-4" />
          {t("newFollowUp")}
        </ButtonLink>
      </PageHeader>
      <div className="space-y-4 px-4 py-6 md:px-8">
        <NuqsAdapter>
          <BoardFilters viewerOrganisationId={viewer.organisationId} {...options} showGroup={false} />
          <ColumnChooser />
        </NuqsAdapter>
        {(badCursor || Object.keys(problems).length > 0) && (
          <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
            {badCursor ? `${t("badCursor")} ` : ""}
            {Object.values(problems).join(" ")}
          </p>
        )}
        <BulkEditProvider rows={canBulkEdit ? bulkRows : []}>
          {canBulkEdit && <BulkEditBar organisations={bulkOrganisations} />}
          <FollowUpsTable rows={rows} columns={columns} sorting={{ column: sort, desc: dir === "desc" }} selectable={canBulkEdit} today={todayIso()} />
        </BulkEditProvider>
        {(page.nextCursor || cursor) && (
          <nav aria-label={t("pages")} className="flex gap-4 text-sm">
            {page.nextCursor && <Link href={href({ after: page.nextCursor })}>{t("nextPage", { count: PAGE })}</Link>}
            {cursor && <Link href={href({ after: undefined })}>{t("firstPage")}</Link>}
          </nav>
        )}
      </div>
    </>
  );
}
