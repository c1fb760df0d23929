import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { followUpRow, followUpRowLabels } from "@/components/follow-ups/follow-up-list-item";
import { FollowUpRows } from "@/components/follow-ups/follow-up-rows";
import { statusStyle } from "@/components/follow-ups/status-badge";
import { LazyCompletedChart, LazyOverdueChart } from "@/components/overview/lazy-charts";
import { PageBody, PageHeader } from "@/components/shell/page";
import { listOrganisations } from "@/db/queries/organisations";
import { overviewDueSoon, overviewFigures } from "@/db/queries/overview";
import { listPriorityAreas } from "@/db/queries/reference";
import { followUpStatuses } from "@/db/schema";
import { activeStatuses as active, followUpsHref, monthRange } from "@/lib/figure-links";
import { pageContext } from "@/server/session";
import { todayIso } from "@/lib/format";
import { formatterFor } from "@/lib/i18n/format-server";
import { intlTag, isLocale, type Locale } from "@/lib/i18n/locale";
import { localAcronym, localName } from "@/lib/i18n/names";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("overview"))("title") };
}

/** Every figure opens the table filtered to exactly the rows it counts (across all organisations). */
const figureHref = followUpsHref;

const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
// "Feb 22" / "févr. 22": one formatter per language, made once.
const monthFormats = new Map<Locale, Intl.DateTimeFormat>();
const monthLabel = (ym: string, locale: Locale) => {
  let f = monthFormats.get(locale);
  if (!f) monthFormats.set(locale, (f = new Intl.DateTimeFormat(intlTag[locale], { month: "short", year: "2-digit", timeZone: "UTC" })));
  return f.format(new Date(`${ym}-01T00:00:00Z`));
};

/** Heat: a darker cell for a larger share of the biggest count; text stays dark enough on every shade. */
function heat(n: number, max: number) {
  if (!n) return "bg-white text-zinc-500";
  const r = n / Math.max(max, 1);
  return r > 0.75 ? "bg-blue-300 text-zinc-900" : r > 0.5 ? "bg-blue-200 text-zinc-900" : r > 0.25 ? "bg-blue-100 text-zinc-900" : "bg-blue-50 text-zinc-900";
}

export default async function OverviewPage() {
  const { viewer, db } = await pageContext();
  const [t, rawLocale] = await Promise.all([getTranslations("overview"), getLocale()]);
  const locale: Locale = isLocale(rawLocale) ? rawLocale : "en";
  const f = formatterFor(locale);
  const today = todayIso();
  const in14 = addDays(today, 14);
  const dueSoonFilters = { status: [...active], dueFrom: today, dueTo: in14 };
  // Each read once per data version (and visibility scope, for the follow-ups): server/cache.ts.
  const [figures, areas, { list: dueSoon, counts: dueSoonCounts }, orgs] = await Promise.all([
    overviewFigures(db, viewer, today),
    listPriorityAreas(db),
    overviewDueSoon(db, viewer, dueSoonFilters),
    listOrganisations(db),
  ]);
  // Reference data in the reader's language (a French name or acronym when there is one).
  const orgNames = new Map(orgs.map((o) => [o.id, { name: localName(o, locale), acronym: localAcronym(o, locale) }]));
  const overdueByOrganisation = figures.overdueByOrganisation.map((o) => ({ ...o, ...(orgNames.get(o.organisationId) ?? {}) }));
  // The number, not "25+": the list shows the first 25, the figure and its link all of them.
  const dueSoonTotal = Object.values(dueSoonCounts).reduce((a, b) => a + b, 0);

  const cell = new Map(figures.matrix.map((r) => [`${r.priorityAreaId}|${r.status}`, r.n]));
  const rows = areas.filter((a) => !a.archived || figures.matrix.some((m) => m.priorityAreaId === a.id));
  const max = Math.max(0, ...figures.matrix.map((r) => r.n));
  const overdueTotal = figures.matrix.reduce((n, r) => n + r.overdue, 0);
  const activeTotal = figures.matrix.filter((r) => (active as readonly string[]).includes(r.status)).reduce((n, r) => n + r.n, 0);
  const thisMonth = figures.completedPerMonth.at(-1) ?? { month: today.slice(0, 7), n: 0 };
  const completedHref = (month: string) => figureHref({ status: "done", ...monthRange(month) });

  const tiles = [
    { label: t("activeFollowUps"), value: activeTotal, href: figureHref({ status: active }) },
    { label: t("overdue"), value: overdueTotal, href: figureHref({ overdue: "true" }), loud: overdueTotal > 0 },
    { label: t("dueNext14"), value: dueSoonTotal, href: figureHref(dueSoonFilters) },
    { label: t("completedThisMonth"), value: thisMonth.n, href: completedHref(thisMonth.month) },
  ];

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <PageBody>
        <div className="space-y-6">
          <ul className="grid grid-cols-2 gap-3 lg:grid-cols-4">
            {tiles.map((t) => (
              <li key={t.label}>
                <Link href={t.href} className="block rounded-lg border border-zinc-200 bg-white px-4 py-3 no-underline hover:border-zinc-400 hover:no-underline">
                  <span className={`block text-2xl font-semibold tabular-nums ${t.loud ? "text-red-700" : "text-zinc-900"}`}>{t.value}</span>
                  <span className="text-sm text-zinc-700">{t.label}</span>
                </Link>
              </li>
            ))}
          </ul>

          <section aria-labelledby="matrix-heading" className="rounded-lg border border-zinc-200 bg-white">
            <h2 id="matrix-heading" className="px-4 pt-4 text-base font-semibold">
              {t("matrixTitle")}
            </h2>
            <p className="px-4 text-sm text-zinc-600">{t("matrixHint")}</p>
            <div className="mt-3 overflow-x-auto">
              <table className="w-full min-w-[40rem] border-collapse text-sm">
                <thead>
                  <tr className="border-y border-zinc-200 bg-zinc-50 text-left">
                    <th scope="col" className="px-4 py-2 font-semibold">
                      {t("priorityArea")}
                    </th>
                    {followUpStatuses.map((s) => {
                      const Icon = statusStyle[s].icon;
                      return (
                        <th key={s} scope="col" className="px-2 py-2 text-center font-semibold">
                          <span className="inline-flex items-center gap-1">
                            <Icon aria-hidden className="size-3.5" strokeWidth={2.5} />
                            {f.status(s)}
                          </span>
                        </th>
                      );
                    })}
                    <th scope="col" className="px-2 py-2 text-center font-semibold text-red-700">
                      {t("overdue")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((a) => {
                    const overdue = figures.matrix.filter((m) => m.priorityAreaId === a.id).reduce((n, m) => n + m.overdue, 0);
                    const areaName = localName(a, locale);
                    return (
                      <tr key={a.id} className="border-b border-zinc-100">
                        <th scope="row" className="px-4 py-1.5 text-left font-medium">
                          <Link href={figureHref({ priorityAreaId: a.id })} className="text-zinc-900">
                            {areaName}
                          </Link>
                        </th>
                        {followUpStatuses.map((s) => {
                          const n = cell.get(`${a.id}|${s}`) ?? 0;
                          return (
                            <td key={s} className="p-0.5 text-center tabular-nums">
                              {n ? (
                                <Link
                                  href={figureHref({ priorityAreaId: a.id, status: s })}
                                  aria-label={t("cellLabel", { count: n, status: f.status(s).toLocaleLowerCase(intlTag[locale]), area: areaName })}
                                  className={`block rounded px-2 py-1.5 font-medium no-underline hover:ring-2 hover:ring-accent-700 hover:no-underline ${heat(n, max)}`}
                                >
                                  {n}
                                </Link>
                              ) : (
                                <span className="block px-2 py-1.5 text-zinc-500">0</span>
                              )}
                            </td>
                          );
                        })}
                        <td className="p-0.5 text-center tabular-nums">
                          {overdue ? (
                            <Link href={figureHref({ priorityAreaId: a.id, overdue: "true" })} aria-label={t("overdueIn", { count: overdue, area: areaName })} className="block rounded bg-red-50 px-2 py-1.5 font-semibold text-red-800">
                              {overdue}
                            </Link>
                          ) : (
                            <span className="block px-2 py-1.5 text-zinc-500">0</span>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </section>

          <div className="grid gap-6 lg:grid-cols-2">
            <section aria-labelledby="overdue-heading" className="rounded-lg border border-zinc-200 bg-white p-4">
              <h2 id="overdue-heading" className="text-base font-semibold">
                {t("overdueByOrg")}
              </h2>
              {overdueByOrganisation.length ? (
                <>
                  <LazyOverdueChart
                    seriesLabel={t("overdue")}
                    data={overdueByOrganisation.map((o) => ({
                      label: o.acronym ?? o.name,
                      name: o.name,
                      n: o.n,
                      href: figureHref({ organisationId: o.organisationId, subUnits: "false", overdue: "true" }),
                    }))}
                  />
                  <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
                    {overdueByOrganisation.map((o) => (
                      <li key={o.organisationId}>
                        <Link href={figureHref({ organisationId: o.organisationId, subUnits: "false", overdue: "true" })}>
                          <abbr title={o.name} className="no-underline">
                            {o.acronym ?? o.name}
                          </abbr>
                          {t("orgOverdue", { count: o.n })}
                        </Link>
                      </li>
                    ))}
                  </ul>
                </>
              ) : (
                <p className="mt-2 text-sm text-zinc-600">{t("nothingOverdue")}</p>
              )}
            </section>

            <section aria-labelledby="completed-heading" className="rounded-lg border border-zinc-200 bg-white p-4">
              <h2 id="completed-heading" className="text-base font-semibold">
                {t("completedPerMonth")}
              </h2>
              <LazyCompletedChart seriesLabel={t("completed")} data={figures.completedPerMonth.map((m) => ({ label: monthLabel(m.month, locale), n: m.n }))} />
              <details className="mt-2 text-sm">
                <summary className="cursor-pointer font-medium text-zinc-700">{t("showTable")}</summary>
                <table className="mt-2 w-full text-left">
                  <thead>
                    <tr>
                      <th scope="col" className="py-1 font-semibold">
                        {t("month")}
                      </th>
                      <th scope="col" className="py-1 font-semibold">
                        {t("completed")}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {figures.completedPerMonth.map((m) => (
                      <tr key={m.month} className="border-t border-zinc-100">
                        <td className="py-1">{monthLabel(m.month, locale)}</td>
                        <td className="py-1 tabular-nums">
                          {m.n ? (
                            <Link href={completedHref(m.month)} aria-label={t("completedIn", { count: m.n, month: monthLabel(m.month, locale) })}>
                              {m.n}
                            </Link>
                          ) : (
                            0
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </details>
            </section>
          </div>

          <section aria-labelledby="due-heading">
            <h2 id="due-heading" className="mb-2 flex items-center gap-2 text-base font-semibold">
              {t("dueNext14")}
              <span className="rounded-full bg-zinc-100 px-2 py-0.5 text-xs font-medium text-zinc-700">{dueSoonTotal}</span>
            </h2>
            {dueSoon.items.length ? (
              <FollowUpRows rows={dueSoon.items.map(followUpRow)} labels={followUpRowLabels(await getTranslations("followUps"))} today={today} className="divide-y divide-zinc-200 rounded-md border border-zinc-200 bg-white" />
            ) : (
              <p className="rounded-md border border-zinc-200 bg-white px-4 py-3 text-sm text-zinc-700">{t("nothingDue")}</p>
            )}
            {dueSoon.nextCursor && (
              <p className="mt-2 text-sm">
                <Link href={figureHref(dueSoonFilters)}>{t("seeAll", { count: dueSoonTotal })}</Link>
              </p>
            )}
          </section>
        </div>
      </PageBody>
    </>
  );
}
