import { ChevronRight, Inbox, Plus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { followUpRow, followUpRowLabels, type FollowUpRowLabels } from "@/components/follow-ups/follow-up-list-item";
import { FollowUpRows } from "@/components/follow-ups/follow-up-rows";
import { todayIso } from "@/lib/format";
import { PageBody, PageHeader } from "@/components/shell/page";
import { ButtonLink } from "@/components/ui/button";
import { OrgName } from "@/components/ui/chip";
import { type FollowUp, listFollowUps } from "@/db/queries/follow-ups";
import { listOrganisations } from "@/db/queries/organisations";
import { activeStatuses, closedStatuses } from "@/lib/follow-ups/status";
import type { Db } from "@/db/client";
import { AppError } from "@/lib/errors";
import { localAcronym, localName } from "@/lib/i18n/names";
import type { Viewer } from "@/lib/policy";
import { pageContext } from "@/server/session";
import type { FollowUpFilters } from "@/lib/validation/follow-ups";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("myFollowUps"))("title") };
}

const LIMIT = 50;
const views = ["all", "me", "org"] as const;
type View = (typeof views)[number];
type SearchParams = Record<string, string | string[] | undefined>;

const one = (v: string | string[] | undefined) => (typeof v === "string" && v ? v : undefined);
const isView = (v: string | undefined): v is View => (views as readonly string[]).includes(v ?? "");

function scope(view: View, viewer: Viewer): FollowUpFilters {
  if (view === "me") return { ownerUserId: viewer.id };
  if (view === "org") return { organisationId: viewer.organisationId };
  return { mine: true };
}

/** A list page, or the first page with a note if the page link (cursor) was tampered with or stale. */
async function page(db: Db, viewer: Viewer, filters: FollowUpFilters): Promise<{ items: FollowUp[]; nextCursor: string | null; badCursor: boolean }> {
  try {
    return { ...(await listFollowUps(db, viewer, filters)), badCursor: false };
  } catch (e) {
    if (!(e instanceof AppError) || e.type !== "bad_request" || !filters.cursor) throw e;
    return { ...(await listFollowUps(db, viewer, { ...filters, cursor: undefined })), badCursor: true };
  }
}

function href(params: { view: View; after?: string; closedAfter?: string }) {
  const q = new URLSearchParams();
  if (params.view !== "all") q.set("view", params.view);
  if (params.after) q.set("after", params.after);
  if (params.closedAfter) q.set("closedAfter", params.closedAfter);
  const s = q.toString();
  return s ? `/my-follow-ups?${s}` : "/my-follow-ups";
}

export default async function MyFollowUpsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { viewer, db } = await pageContext();
  const sp = await searchParams;
  const rawView = one(sp.view);
  const view: View = isView(rawView) ? rawView : "all";
  const after = one(sp.after);
  const closedAfter = one(sp.closedAfter);

  // The rows name their area and organisation in the reader's language already (listFollowUps).
  const [active, closed, organisations] = await Promise.all([
    page(db, viewer, { ...scope(view, viewer), status: [...activeStatuses], limit: LIMIT, cursor: after }),
    page(db, viewer, { ...scope(view, viewer), status: [...closedStatuses], limit: LIMIT, cursor: closedAfter }),
    listOrganisations(db),
  ]);
  const [t, labels] = await Promise.all([getTranslations("myFollowUps"), getTranslations("followUps").then(followUpRowLabels)]);
  const rowsOf = { labels, today: todayIso() };
  const locale = await getLocale();
  const found = organisations.find((o) => o.id === viewer.organisationId);
  const org = found ? { acronym: localAcronym(found, locale), name: localName(found, locale) } : null;
  const orgLabel = org?.acronym ?? org?.name ?? t("yourOrganisation");

  const overdue = active.items.filter((f) => f.overdue);
  const later = active.items.filter((f) => !f.overdue && f.dueOn);
  const undated = active.items.filter((f) => !f.dueOn);
  const nothingAtAll = !active.items.length && !closed.items.length && !after && !closedAfter;

  const tabs: { view: View; label: string }[] = [
    { view: "all", label: t("tabAll") },
    { view: "me", label: t("tabMe") },
    { view: "org", label: t("tabOrg", { org: orgLabel }) },
  ];

  return (
    <>
      <PageHeader
        title={t("title")}
        description={
          <>{org ? t.rich("descriptionOrg", { org: () => <OrgName acronym={org.acronym} name={org.name} /> }) : t("descriptionNoOrg")}</>
        }
      >
        <ButtonLink href="/follow-ups/new">
          <Plus aria-hidden className="size-4" />
          {t("newFollowUp")}
        </ButtonLink>
      </PageHeader>
      <PageBody>
        <nav aria-label={t("whose")} className="mb-5 overflow-x-auto border-b border-zinc-200">
          <ul className="-mb-px flex gap-4 text-sm">
            {tabs.map((tab) => {
              const current = tab.view === view;
              return (
                <li key={tab.view}>
                  <Link
                    href={href({ view: tab.view })}
                    aria-current={current ? "page" : undefined}
                    className={`block whitespace-nowrap border-b-2 px-0.5 pb-2 font-medium no-underline hover:no-underline ${
                      current ? "border-accent-700 text-zinc-900" : "border-transparent text-zinc-600 hover:border-zinc-300 hover:text-zinc-900"
                    }`}
                  >
                    {tab.label}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>

        {(active.badCursor || closed.badCursor) && (
          <p role="status" className="mb-4 rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm text-zinc-700">
            {t("badCursor")}
          </p>
        )}

        {nothingAtAll ? (
          <EmptyState view={view} orgLabel={orgLabel} t={t} />
        ) : (
          <div className="space-y-6">
            {active.items.length ? (
              <p className="text-sm text-zinc-600">
                {active.nextCursor ? t("activeOnPage", { count: active.items.length }) : t("active", { count: active.items.length })}
                {overdue.length > 0 && (
                  <>
                    {" · "}
                    <span className="font-semibold text-red-700">{t("overdueCount", { count: overdue.length })}</span>
                  </>
                )}
              </p>
            ) : (
              !after && (
                <p className="rounded-md border border-zinc-200 bg-white px-4 py-3 text-sm text-zinc-700">
                  {view === "me" ? t("nothingOpenMine") : t("nothingOpen")}
                </p>
              )
            )}

            <Group id="overdue" title={t("groupOverdue")} items={overdue} loud {...rowsOf} />
            <Group id="due-later" title={t("groupLater")} items={later} {...rowsOf} />
            <Group id="no-due-date" title={t("groupUndated")} items={undated} {...rowsOf} />

            {(active.nextCursor || after) && (
              <div className="flex flex-wrap gap-3 text-sm">
                {active.nextCursor && (
                  <Link href={href({ view, after: active.nextCursor })} className="font-medium">
                    {t("moreActive")}
                  </Link>
                )}
                {after && (
                  <Link href={href({ view })} className="font-medium">
                    {t("firstPage")}
                  </Link>
                )}
              </div>
            )}

            {(closed.items.length > 0 || closedAfter) && (
              <details open={!!closedAfter} className="group rounded-md border border-zinc-200 bg-white">
                <summary className="flex cursor-pointer list-none items-center gap-2 px-4 py-3 text-sm font-semibold text-zinc-800 [&::-webkit-details-marker]:hidden">
                  <ChevronRight aria-hidden className="size-4 text-zinc-500 transition-transform group-open:rotate-90" />
                  {t("closedHeading")}
                  <span className="rounded-full bg-zinc-100 px-2 py-0.5 text-xs font-medium text-zinc-700">
                    {closed.items.length}
                    {closed.nextCursor ? "+" : ""}
                  </span>
                </summary>
                <FollowUpRows rows={closed.items.map(followUpRow)} {...rowsOf} className="divide-y divide-zinc-200 border-t border-zinc-200" />
                {(closed.nextCursor || closedAfter) && (
                  <div className="flex flex-wrap gap-3 border-t border-zinc-200 px-4 py-3 text-sm">
                    {closed.nextCursor && (
                      <Link href={href({ view, after, closedAfter: closed.nextCursor })} className="font-medium">
                        {t("moreClosed")}
                      </Link>
                    )}
                    {closedAfter && (
                      <Link href={href({ view, after })} className="font-medium">
                        {t("firstOfThese")}
                      </Link>
                    )}
                  </div>
                )}
              </details>
            )}
          </div>
        )}
      </PageBody>
    </>
  );
}

function Group({ id, title, items, loud, labels, today }: { id: string; title: string; items: FollowUp[]; loud?: boolean; labels: FollowUpRowLabels; today: string }) {
  if (!items.length) return null;
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className={`mb-2 flex items-center gap-2 text-sm font-semibold ${loud ? "text-red-700" : "text-zinc-800"}`}>
        {title}
        <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${loud ? "bg-red-50 text-red-800" : "bg-zinc-100 text-zinc-700"}`}>{items.length}</span>
      </h2>
      <FollowUpRows rows={items.map(followUpRow)} labels={labels} today={today} className="divide-y divide-zinc-200 rounded-md border border-zinc-200 bg-white" />
    </section>
  );
}

function EmptyState({ view, orgLabel, t }: { view: View; orgLabel: string; t: Awaited<ReturnType<typeof getTranslations<"myFollowUps">>> }) {
  return (
    <div className="rounded-md border border-dashed border-zinc-300 bg-white px-6 py-10 text-center">
      <Inbox aria-hidden className="mx-auto size-8 text-zinc-400" />
      <h2 className="mt-3 text-base font-semibold">{t("emptyTitle", { view, org: orgLabel })}</h2>
      <p className="mx-auto mt-1 max-w-md text-sm text-zinc-600">
        {t("emptyText", { view, org: orgLabel })} {t("emptyWhere")}
      </p>
      <ButtonLink href="/meetings" variant="secondary" className="mt-4">
        {t("goToMeetings")}
      </ButtonLink>
    </div>
  );
}
