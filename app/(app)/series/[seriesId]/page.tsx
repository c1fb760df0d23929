import { Lock } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { cache } from "react";
import { Stat } from "@/components/continuity/stat";
import { PageBody, PageHeader } from "@/components/shell/page";
import { seriesStats } from "@/db/queries/continuity";
import { formatDate, plural } from "@/lib/format";
import { loadForPage } from "@/lib/session";

type Props = { params: Promise<{ seriesId: string }> };

const load = cache(async (seriesId: string) => loadForPage(seriesId, seriesStats));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { record } = await load((await params).seriesId);
  return { title: record.series.name };
}

type Figures = { made: number; closed: number; open: number; overdue: number; medianDaysToClose: number | null };

const days = (n: number | null) => (n === null ? "—" : `${n} d`);

export default async function SeriesPage({ params }: Props) {
  const { record: stats } = await load((await params).seriesId);
  const { series, meetings } = stats;
  const all = meetings.reduce((a, m) => ({ made: a.made + m.totals.made, closed: a.closed + m.totals.closed, open: a.open + m.totals.open, overdue: a.overdue + m.totals.overdue }), { made: 0, closed: 0, open: 0, overdue: 0 });
  return (
    <>
      <PageHeader title={series.name} description={series.description || "A recurring meeting series."} />
      <PageBody>
        <p className="mb-4 text-sm">
          <Link href={`/meetings?seriesId=${series.id}`}>Meetings of this series in the list →</Link>
        </p>
        <dl className="mb-6 grid grid-cols-2 gap-3 sm:grid-cols-4">
          <Stat term="Meetings">{meetings.length}</Stat>
          <Stat term="Commitments made">{all.made}</Stat>
          <Stat term="Closed">{all.closed}</Stat>
          <Stat term="Still open" loud={all.overdue > 0} note={all.overdue ? `${all.overdue} overdue` : undefined}>
            {all.open}
          </Stat>
        </dl>
        <p className="mb-6 max-w-3xl text-sm text-zinc-600">
          Meeting by meeting: the follow-ups agreed there (<strong>made</strong>), those done or cancelled (<strong>closed</strong>), those not yet
          (<strong>open</strong>), and the <strong>median days to close</strong> — from the meeting to the day a follow-up was marked done. Only
          meetings you can see are listed and counted: a restricted meeting your organisation does not take part in is left out entirely.
        </p>
        {meetings.length === 0 ? (
          <p className="rounded-lg border border-zinc-200 bg-white p-4 text-sm text-zinc-600">No meetings of this series that you can see.</p>
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
                          <Lock aria-hidden className="size-3.5" /> Restricted ·
                        </span>
                      )}
                      <time dateTime={m.heldOn}>{formatDate(m.heldOn)}</time>
                    </p>
                  </div>
                  {m.totals.made === 0 ? (
                    <p className="px-4 py-3 text-sm text-zinc-600">
                      {m.heldOn > new Date().toISOString().slice(0, 10) ? (
                        <>
                          Upcoming. <Link href={`/meetings/${m.id}/briefing`}>Prepare the briefing</Link>.
                        </>
                      ) : (
                        "No follow-ups recorded."
                      )}
                    </p>
                  ) : (
                    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={`${m.title}: by priority area`}>
                      <table className="w-full min-w-[34rem] table-fixed text-left text-sm">
                        <caption className="sr-only">Follow-ups of {m.title} by priority area</caption>
                        <thead className="bg-zinc-50 text-xs font-semibold text-zinc-700">
                          <tr>
                            <th scope="col" className="w-[34%] px-4 py-2">Priority area</th>
                            <Num as="th">Made</Num>
                            <Num as="th">Closed</Num>
                            <Num as="th">Open</Num>
                            <Num as="th">Median days to close</Num>
                          </tr>
                        </thead>
                        <tbody className="divide-y divide-zinc-200">
                          {m.byPriorityArea.map((a) => (
                            <Row key={a.priorityAreaId} label={a.priorityAreaName} f={a} />
                          ))}
                        </tbody>
                        <tfoot className="border-t-2 border-zinc-300 font-semibold">
                          <Row label={`All (${plural(m.byPriorityArea.length, "area")})`} f={m.totals} header />
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

function Row({ label, f, header }: { label: string; f: Figures; header?: boolean }) {
  return (
    <tr>
      {header ? (
        <th scope="row" className="px-4 py-2 text-left">{label}</th>
      ) : (
        <td className="px-4 py-2">{label}</td>
      )}
      <Num>{f.made}</Num>
      <Num>{f.closed}</Num>
      <Num>
        {f.open}
        {f.overdue > 0 && <span className="ml-1 text-xs font-semibold text-red-700">({f.overdue} overdue)</span>}
      </Num>
      <Num>{days(f.medianDaysToClose)}</Num>
    </tr>
  );
}

function Num({ children, as = "td" }: { children: React.ReactNode; as?: "td" | "th" }) {
  const Tag = as;
  return <Tag {...(as === "th" ? { scope: "col" } : {})} className="whitespace-nowrap px-4 py-2 text-right tabular-nums">{children}</Tag>;
}
