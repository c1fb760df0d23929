import { Lock } from "lucide-react";
import type { Metadata } from "next";
import { eq } from "drizzle-orm";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { cache } from "react";
import { Stat } from "@/components/continuity/stat";
import { PageBody, PageHeader } from "@/components/shell/page";
import { seriesDecisionCounts } from "@/db/queries/agenda-items";
import { seriesStats } from "@/db/queries/continuity";
import { meetingSeries, priorityAreas } from "@/db/schema";
import type { Db } from "@/db/client";
import { activeStatuses, closedStatuses, followUpsHref } from "@/lib/figure-links";
import { loadForPage } from "@/server/session";
import { formatterFor } from "@/lib/i18n/format-server";
import { isLocale, type Locale } from "@/lib/i18n/locale";

type Props = { params: Promise<{ seriesId: string }> };

const load = cache(async (seriesId: string) => loadForPage(seriesId, seriesStats));

/**
 * The series' and priority areas' French names for a French reader (reference data: every signed-in
 * user may read them); English readers need none. The series' figures themselves come from seriesStats.
 */
const frenchNames = cache(async (db: Db, seriesId: string, locale: Locale) => {
  if (locale !== "fr") return { series: null, areas: new Map<string, string>() };
  const [[s], areas] = await Promise.all([
    db.select({ nameFr: meetingSeries.nameFr }).from(meetingSeries).where(eq(meetingSeries.id, seriesId)),
    db.select({ id: priorityAreas.id, nameFr: priorityAreas.nameFr }).from(priorityAreas),
  ]);
  return { series: s?.nameFr ?? null, areas: new Map(areas.filter((a) => a.nameFr).map((a) => [a.id, a.nameFr!])) };
});

const readerLocale = async (): Promise<Locale> => {
  const l = await getLocale();
  return isLocale(l) ? l : "en";
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { record, db } = await load((await params).seriesId);
  const fr = await frenchNames(db, record.series.id, await readerLocale());
  return { title: fr.series ?? record.series.name };
}

type Figures = { made: number; closed: number; open: number; overdue: number; medianDaysToClose: number | null };


export default async function SeriesPage({ params }: Props) {
  const { record: stats, db, viewer } = await load((await params).seriesId);
  const { series, meetings } = stats;
  const locale = await readerLocale();
  const [decisions, t, fr] = await Promise.all([seriesDecisionCounts(db, viewer, series.id), getTranslations("series"), frenchNames(db, series.id, locale)]);
  const f = formatterFor(locale);
  const seriesName = fr.series ?? series.name;
  const areaName = (a: { priorityAreaId: string; priorityAreaName: string }) => fr.areas.get(a.priorityAreaId) ?? a.priorityAreaName;
  const labels: RowLabels = {
    made: (count, label) => t("cellMade", { count, label }),
    closed: (count, label) => t("cellClosed", { count, label }),
    open: (count, label) => t("cellOpen", { count, label }),
    overdue: (count) => t("overdueParen", { count }),
    days: (n) => (n === null ? t("noValue") : t("days", { count: n })),
  };
  const all = meetings.reduce((a, m) => ({ made: a.made + m.totals.made, closed: a.closed + m.totals.closed, open: a.open + m.totals.open, overdue: a.overdue + m.totals.overdue }), { made: 0, closed: 0, open: 0, overdue: 0 });
  return (
    <>
      <PageHeader title={seriesName} description={series.description || t("description")} />
      <PageBody>
        <p className="mb-4 text-sm">
          <Link href={`/meetings?seriesId=${series.id}`}>{t("meetingsLink")}</Link>
        </p>
        <dl className="mb-6 grid grid-cols-2 gap-3 sm:grid-cols-4">
          <Stat term={t("meetings")} href={`/meetings?seriesId=${series.id}`}>{meetings.length}</Stat>
          <Stat term={t("made")} href={followUpsHref({ seriesId: series.id })}>{all.made}</Stat>
          <Stat term={t("closed")} href={followUpsHref({ seriesId: series.id, status: closedStatuses })}>{all.closed}</Stat>
          <Stat
            term={t("stillOpen")}
            loud={all.overdue > 0}
            href={followUpsHref({ seriesId: series.id, status: activeStatuses })}
            note={all.overdue ? <Link href={followUpsHref({ seriesId: series.id, overdue: "true" })} className="text-inherit underline">{t("overdue", { count: all.overdue })}</Link> : undefined}
          >
            {all.open}
          </Stat>
        </dl>
        <section aria-labelledby="decisions-title" className="mb-6">
          <h2 id="decisions-title" className="mb-2 text-base font-semibold">
            {t("decisionsTitle")}
          </h2>
          {decisions.total === 0 ? (
            <p className="text-sm text-zinc-600">{t("noDecisions")}</p>
          ) : (
            <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
              <Stat term={t("decisions")}>{decisions.total}</Stat>
              <Stat term={t("implemented")}>{decisions.implemented}</Stat>
              <Stat term={t("inProgress")}>{decisions.in_progress}</Stat>
              <Stat term={t("notImplemented")} loud={decisions.not_implemented > 0}>
                {decisions.not_implemented}
              </Stat>
              <Stat term={t("notApplicable")}>{decisions.not_applicable}</Stat>
              <Stat term={t("notSet")}>{decisions.unset}</Stat>
            </dl>
          )}
        </section>
        <p className="mb-6 max-w-3xl text-sm text-zinc-600">
          {t.rich("explainer", { b: (chunks) => <strong>{chunks}</strong> })}
        </p>
        {meetings.length === 0 ? (
          <p className="rounded-lg border border-zinc-200 bg-white p-4 text-sm text-zinc-600">{t("noMeetings")}</p>
        ) : (
          <ol className="space-y-4">
            {meetings.map((m) => (
              <li key={m.id}>
                <section aria-labelledby={`m-${m.id}`} className="overflow-hidden rounded-lg border border-zinc-200 bg-white">
                  <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 border-b border-zinc-200 px-4 py-3">
                    <h2 id={`m-${m.id}`} className="text-base font-semibold">
                      <Link href={`/meetings/${m.id}`}>{m.title}</Link>
                    </h2>
                    <p className="flex items-center gap-2 text-sm text-zinc-600">
                      {m.visibility === "restricted" && (
                        <span className="inline-flex items-center gap-1">
                          <Lock aria-hidden className="size-3.5" /> {t("restricted")}
                        </span>
                      )}
                      <time dateTime={m.heldOn}>{f.date(m.heldOn)}</time>
                    </p>
                  </div>
                  {m.totals.made === 0 ? (
                    <p className="px-4 py-3 text-sm text-zinc-600">
                      {m.heldOn > new Date().toISOString().slice(0, 10) ? (
                        t.rich("upcoming", { link: (chunks) => <Link href={`/meetings/${m.id}/briefing`}>{chunks}</Link> })
                      ) : (
                        t("noFollowUps")
                      )}
                    </p>
                  ) : (
                    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t("byArea", { title: m.title })}>
                      <table className="w-full min-w-[34rem] table-fixed text-left text-sm">
                        <caption className="sr-only">{t("caption", { title: m.title })}</caption>
                        <thead className="bg-zinc-50 text-xs font-semibold text-zinc-700">
                          <tr>
                            <th scope="col" className="w-[34%] px-4 py-2">{t("priorityArea")}</th>
                            <Num as="th">{t("colMade")}</Num>
                            <Num as="th">{t("colClosed")}</Num>
                            <Num as="th">{t("colOpen")}</Num>
                            <Num as="th">{t("colMedian")}</Num>
                          </tr>
                        </thead>
                        <tbody className="divide-y divide-zinc-200">
                          {m.byPriorityArea.map((a) => (
                            <Row key={a.priorityAreaId} label={areaName(a)} f={a} labels={labels} scope={{ meetingId: m.id, priorityAreaId: a.priorityAreaId }} />
                          ))}
                        </tbody>
                        <tfoot className="border-t-2 border-zinc-300 font-semibold">
                          <Row label={t("allAreas", { count: m.byPriorityArea.length })} f={m.totals} labels={labels} scope={{ meetingId: m.id }} header />
                        </tfoot>
                      </table>
                    </div>
                  )}
                </section>
              </li>
            ))}
          </ol>
        )}
      </PageBody>
    </>
  );
}

/** A row's counts, each a link to the rows it counts: the meeting's follow-ups (of one area, or all). */
/** A row's accessible names and its days, said by the page in the reader's language. */
type RowLabels = {
  made: (n: number, label: string) => string;
  closed: (n: number, label: string) => string;
  open: (n: number, label: string) => string;
  overdue: (n: number) => string;
  days: (n: number | null) => string;
};

function Row({ label, f, labels, scope, header }: { label: string; f: Figures; labels: RowLabels; scope: { meetingId: string; priorityAreaId?: string }; header?: boolean }) {
  const link = (n: number, what: "made" | "closed" | "open", extra: Record<string, string | readonly string[]>) =>
    n ? (
      <Link href={followUpsHref({ ...scope, ...extra })} aria-label={labels[what](n, label)}>
        {n}
      </Link>
    ) : (
      0
    );
  return (
    <tr>
      {header ? (
        <th scope="row" className="px-4 py-2 text-left">{label}</th>
      ) : (
        <td className="px-4 py-2">{label}</td>
      )}
      <Num>{link(f.made, "made", {})}</Num>
      <Num>{link(f.closed, "closed", { status: closedStatuses })}</Num>
      <Num>
        {link(f.open, "open", { status: activeStatuses })}
        {f.overdue > 0 && (
          <Link href={followUpsHref({ ...scope, overdue: "true" })} className="ml-1 text-xs font-semibold text-red-700 underline">
            {labels.overdue(f.overdue)}
          </Link>
        )}
      </Num>
      <Num>{labels.days(f.medianDaysToClose)}</Num>
    </tr>
  );
}

function Num({ children, as = "td" }: { children: React.ReactNode; as?: "td" | "th" }) {
  const Tag = as;
  return <Tag {...(as === "th" ? { scope: "col" } : {})} className="whitespace-nowrap px-4 py-2 text-right tabular-nums">{children}</Tag>;
}
