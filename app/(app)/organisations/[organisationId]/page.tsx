import type { Metadata } from "next";
import Link from "next/link";
import { cache } from "react";
import { UnTable } from "@/components/continuity/un-table";
import { Stat } from "@/components/continuity/stat";
import { PageBody, PageHeader } from "@/components/shell/page";
import { accountability } from "@/db/queries/continuity";
import { latestComments } from "@/db/queries/follow-ups";
import { plural } from "@/lib/format";
import { loadForPage } from "@/lib/session";

type Props = { params: Promise<{ organisationId: string }> };

const load = cache(async (organisationId: string) => loadForPage(organisationId, accountability));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { record } = await load((await params).organisationId);
  return { title: record.organisation.acronym ?? record.organisation.name };
}

const percent = (rate: number | null) => (rate === null ? "—" : `${Math.round(rate * 100)}%`);

export default async function OrganisationPage({ params }: Props) {
  const { record: a, db } = await load((await params).organisationId);
  const { organisation: o, totals } = a;
  const progress = await latestComments(db, a.items.map((f) => f.id));
  const open = a.items.filter((f) => f.status !== "done" && f.status !== "cancelled" && !f.overdue);
  const closed = a.items.filter((f) => f.status === "done" || f.status === "cancelled");
  return (
    <>
      <PageHeader title={o.acronym ? `${o.acronym} — ${o.name}` : o.name} description="Everything it and its sub-units own, across all the meetings you can see." />
      <PageBody>
        <p className="mb-4 text-sm">
          <Link href={`/follow-ups?organisationId=${o.id}`}>Open these follow-ups in the table →</Link>
        </p>
        <dl className="mb-4 grid grid-cols-2 gap-3 sm:grid-cols-4">
          <Stat term="Follow-ups owned">{totals.total}</Stat>
          <Stat term="Open">{totals.open}</Stat>
          <Stat term="Overdue" loud={totals.overdue > 0}>{totals.overdue}</Stat>
          <Stat term="On-time rate" note={totals.rated ? `${totals.onTime} of ${totals.rated}` : undefined}>{percent(totals.onTimeRate)}</Stat>
        </dl>
        <p className="mb-6 max-w-3xl text-sm text-zinc-600">
          <strong>On-time rate</strong>: of the follow-ups with a due date that are done or overdue, the share marked done on or before the due
          date. Open ones not yet due, cancelled ones and those without a due date do not count either way. Follow-ups of restricted meetings
          you cannot see are not counted.
        </p>

        {a.units.length > 1 && (
          <section aria-labelledby="units" className="mb-6 overflow-hidden rounded-lg border border-zinc-200 bg-white">
            <h2 id="units" className="border-b border-zinc-200 px-4 py-3 text-base font-semibold">
              By unit
            </h2>
            <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Follow-ups by unit (table)">
              <table className="w-full min-w-[30rem] text-left text-sm">
                <caption className="sr-only">Follow-ups by unit</caption>
                <thead className="bg-zinc-50 text-xs font-semibold text-zinc-700">
                  <tr>
                    <th scope="col" className="px-4 py-2">Unit</th>
                    {["Owned", "Open", "Overdue", "On time"].map((h) => (
                      <th key={h} scope="col" className="px-4 py-2 text-right">{h}</th>
                    ))}
                  </tr>
                </thead>
                <tbody className="divide-y divide-zinc-200">
                  {a.units.map((u) => (
                    <tr key={u.organisationId}>
                      <td className="px-4 py-2">
                        {u.organisationId === o.id ? (
                          <abbr title={u.name} className="no-underline">{u.acronym ?? u.name}</abbr>
                        ) : (
                          <Link href={`/organisations/${u.organisationId}`} title={u.name}>{u.acronym ?? u.name}</Link>
                        )}
                      </td>
                      <td className="px-4 py-2 text-right tabular-nums">{u.total}</td>
                      <td className="px-4 py-2 text-right tabular-nums">{u.open}</td>
                      <td className={`px-4 py-2 text-right tabular-nums ${u.overdue ? "font-semibold text-red-700" : ""}`}>{u.overdue}</td>
                      <td className="px-4 py-2 text-right tabular-nums">{percent(u.onTimeRate)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        )}

        <div className="space-y-6">
          <List id="overdue" title="Overdue" items={a.overdue} progress={progress} empty="Nothing overdue." />
          <List id="open" title="Open, not overdue" items={open} progress={progress} empty="Nothing else open." />
          <List id="closed" title="Done or cancelled" items={closed} progress={progress} empty="Nothing closed yet." />
        </div>
        {totals.total > a.items.length && <p className="mt-4 text-sm text-zinc-600">Showing the first {plural(a.items.length, "follow-up")}; the figures count all {totals.total}.</p>}
      </PageBody>
    </>
  );
}

function List({ id, title, items, progress, empty }: { id: string; title: string; items: Parameters<typeof UnTable>[0]["items"]; progress: Map<string, string>; empty: string }) {
  return (
    <section aria-labelledby={id} className="overflow-hidden rounded-lg border border-zinc-200 bg-white">
      <h2 id={id} className="border-b border-zinc-200 px-4 py-3 text-base font-semibold">
        {title} <span className="font-normal text-zinc-600">({items.length})</span>
      </h2>
      {items.length ? <UnTable items={items} progress={progress} caption={title} /> : <p className="px-4 py-3 text-sm text-zinc-600">{empty}</p>}
    </section>
  );
}
