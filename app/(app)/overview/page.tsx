import type { Metadata } from "next";
import Link from "next/link";
import { FollowUpListItem } from "@/components/follow-ups/follow-up-list-item";
import { statusStyle } from "@/components/follow-ups/status-badge";
import { LazyCompletedChart, LazyOverdueChart } from "@/components/overview/lazy-charts";
import { PageBody, PageHeader } from "@/components/shell/page";
import { getDb } from "@/db/connection";
import { listFollowUps } from "@/db/queries/follow-ups";
import { overviewFigures } from "@/db/queries/overview";
import { listPriorityAreas } from "@/db/queries/reference";
import { followUpStatuses } from "@/db/schema";
import { statusLabels, todayIso } from "@/lib/format";
import { requireViewer } from "@/lib/session";

export const metadata: Metadata = { title: "Overview" };

const active = ["open", "in_progress", "blocked"] as const;

/** A link to the board showing exactly what a figure counts (across all organisations). */
function boardHref(params: Record<string, string | readonly string[]>) {
  const q = new URLSearchParams({ organisationId: "all" });
  for (const [k, v] of Object.entries(params)) for (const one of typeof v === "string" ? [v] : v) q.append(k, one);
  return `/board?${q.toString()}`;
}

const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const monthLabel = (ym: string) => new Date(`${ym}-01T00:00:00Z`).toLocaleDateString("en-GB", { month: "short", year: "2-digit", timeZone: "UTC" });

/** Heat: a darker cell for a larger share of the biggest count; text stays dark enough on every shade. */
function heat(n: number, max: number) {
  if (!n) return "bg-white text-zinc-500";
  const r = n / Math.max(max, 1);
  return r > 0.75 ? "bg-blue-300 text-zinc-900" : r > 0.5 ? "bg-blue-200 text-zinc-900" : r > 0.25 ? "bg-blue-100 text-zinc-900" : "bg-blue-50 text-zinc-900";
}

export default async function OverviewPage() {
  const viewer = await requireViewer();
  const db = await getDb();
  const today = todayIso();
  const in14 = addDays(today, 14);
  const [figures, areas, dueSoon] = await Promise.all([
    overviewFigures(db, viewer, today),
    listPriorityAreas(db),
    listFollowUps(db, viewer, { status: [...active], dueFrom: today, dueTo: in14, limit: 25 }),
  ]);

  const cell = new Map(figures.matrix.map((r) => [`${r.priorityAreaId}|${r.status}`, r.n]));
  const rows = areas.filter((a) => !a.archived || figures.matrix.some((m) => m.priorityAreaId === a.id));
  const max = Math.max(0, ...figures.matrix.map((r) => r.n));
  const overdueTotal = figures.matrix.reduce((n, r) => n + r.overdue, 0);
  const activeTotal = figures.matrix.filter((r) => (active as readonly string[]).includes(r.status)).reduce((n, r) => n + r.n, 0);
  const thisMonth = figures.completedPerMonth.at(-1)?.n ?? 0;

  const tiles = [
    { label: "Active follow-ups", value: activeTotal, href: boardHref({ status: active }) },
    { label: "Overdue", value: overdueTotal, href: boardHref({ overdue: "true" }), loud: overdueTotal > 0 },
    { label: "Due in the next 14 days", value: dueSoon.items.length + (dueSoon.nextCursor ? "+" : ""), href: boardHref({ status: active, dueFrom: today, dueTo: in14 }) },
    { label: "Completed this month", value: thisMonth, href: boardHref({ status: "done" }) },
  ];

  return (
    <>
      <PageHeader title="Overview" description="What is slipping, where, and who owns it: every follow-up you can see, across organisations." />
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
              Priority areas by status
            </h2>
            <p className="px-4 text-sm text-zinc-600">Each number opens the board filtered to it.</p>
            <div className="mt-3 overflow-x-auto">
              <table className="w-full min-w-[40rem] border-collapse text-sm">
                <thead>
                  <tr className="border-y border-zinc-200 bg-zinc-50 text-left">
                    <th scope="col" className="px-4 py-2 font-semibold">
                      Priority area
                    </th>
                    {followUpStatuses.map((s) => {
                      const Icon = statusStyle[s].icon;
                      return (
                        <th key={s} scope="col" className="px-2 py-2 text-center font-semibold">
                          <span className="inline-flex items-center gap-1">
                            <Icon aria-hidden className="size-3.5" strokeWidth={2.5} />
                            {statusLabels[s]}
                          </span>
                        </th>
                      );
                    })}
                    <th scope="col" className="px-2 py-2 text-center font-semibold text-red-700">
                      Overdue
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((a) => {
                    const overdue = figures.matrix.filter((m) => m.priorityAreaId === a.id).reduce((n, m) => n + m.overdue, 0);
                    return (
                      <tr key={a.id} className="border-b border-zinc-100">
                        <th scope="row" className="px-4 py-1.5 text-left font-medium">
                          <Link href={boardHref({ priorityAreaId: a.id })} className="text-zinc-900">
                            {a.name}
                          </Link>
                        </th>
                        {followUpStatuses.map((s) => {
                          const n = cell.get(`${a.id}|${s}`) ?? 0;
                          return (
                            <td key={s} className="p-0.5 text-center tabular-nums">
                              {n ? (
                                <Link
                                  href={boardHref({ priorityAreaId: a.id, status: s })}
                                  aria-label={`${n} ${statusLabels[s].toLowerCase()} in ${a.name}`}
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
                            <Link href={boardHref({ priorityAreaId: a.id, overdue: "true" })} aria-label={`${overdue} overdue in ${a.name}`} className="block rounded bg-red-50 px-2 py-1.5 font-semibold text-red-800">
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
                Overdue by owner organisation
              </h2>
              {figures.overdueByOrganisation.length ? (
                <>
                  <LazyOverdueChart
                    data={figures.overdueByOrganisation.map((o) => ({
                      label: o.acronym ?? o.name,
                      name: o.name,
                      n: o.n,
                      href: boardHref({ organisationId: o.organisationId, overdue: "true" }),
                    }))}
                  />
                  <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
                    {figures.overdueByOrganisation.map((o) => (
                      <li key={o.organisationId}>
                        <Link href={boardHref({ organisationId: o.organisationId, overdue: "true" })}>
                          <abbr title={o.name} className="no-underline">
                            {o.acronym ?? o.name}
                          </abbr>
                          : {o.n} overdue
                        </Link>
                      </li>
                    ))}
                  </ul>
                </>
              ) : (
                <p className="mt-2 text-sm text-zinc-600">Nothing is overdue. Follow-ups appear here once their due date passes while they are still open.</p>
              )}
            </section>

            <section aria-labelledby="completed-heading" className="rounded-lg border border-zinc-200 bg-white p-4">
              <h2 id="completed-heading" className="text-base font-semibold">
                Completed per month
              </h2>
              <LazyCompletedChart data={figures.completedPerMonth.map((m) => ({ label: monthLabel(m.month), n: m.n }))} />
              <details className="mt-2 text-sm">
                <summary className="cursor-pointer font-medium text-zinc-700">Show as a table</summary>
                <table className="mt-2 w-full text-left">
                  <thead>
                    <tr>
                      <th scope="col" className="py-1 font-semibold">
                        Month
                      </th>
                      <th scope="col" className="py-1 font-semibold">
                        Completed
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {figures.completedPerMonth.map((m) => (
                      <tr key={m.month} className="border-t border-zinc-100">
                        <td className="py-1">{monthLabel(m.month)}</td>
                        <td className="py-1 tabular-nums">{m.n}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </details>
            </section>
          </div>

          <section aria-labelledby="due-heading">
            <h2 id="due-heading" className="mb-2 flex items-center gap-2 text-base font-semibold">
              Due in the next 14 days
              <span className="rounded-full bg-zinc-100 px-2 py-0.5 text-xs font-medium text-zinc-700">
                {dueSoon.items.length}
                {dueSoon.nextCursor ? "+" : ""}
              </span>
            </h2>
            {dueSoon.items.length ? (
              <ul className="divide-y divide-zinc-200 rounded-md border border-zinc-200 bg-white">
                {dueSoon.items.map((f) => (
                  <FollowUpListItem key={f.id} followUp={f} />
                ))}
              </ul>
            ) : (
              <p className="rounded-md border border-zinc-200 bg-white px-4 py-3 text-sm text-zinc-700">Nothing open falls due in the next two weeks.</p>
            )}
            {dueSoon.nextCursor && (
              <p className="mt-2 text-sm">
                <Link href={boardHref({ status: active, dueFrom: today, dueTo: in14 })}>See them all on the board</Link>
              </p>
            )}
          </section>
        </div>
      </PageBody>
    </>
  );
}
