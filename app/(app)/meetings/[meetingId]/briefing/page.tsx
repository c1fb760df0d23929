import { Download, Lock } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { PrintButton } from "@/components/continuity/print-button";
import { UnTable } from "@/components/continuity/un-table";
import { Stat } from "@/components/continuity/stat";
import { PageBody, PageHeader } from "@/components/shell/page";
import { buttonClass } from "@/components/ui/button";
import { briefing } from "@/db/queries/continuity";
import { briefingScope, byArea, byOwner } from "@/lib/briefing";
import { formatDate } from "@/lib/format";
import { loadForPage } from "@/lib/session";

type Props = { params: Promise<{ meetingId: string }>; searchParams: Promise<{ audience?: string }> };

export const metadata: Metadata = { title: "Briefing" };

export default async function BriefingPage({ params, searchParams }: Props) {
  const { meetingId } = await params;
  const wide = (await searchParams).audience === "wide";
  const { record: b } = await loadForPage(meetingId, (db, viewer, id) => briefing(db, viewer, id, { wide }));
  const overdue = b.open.filter((f) => f.overdue).length;
  const query = wide ? "?audience=wide" : "";
  const base = `/meetings/${b.meeting.id}/briefing`;
  const api = `/api/v1/meetings/${b.meeting.id}/briefing`;
  const sinceText = b.previous ? `since the previous meeting (${formatDate(b.previous.heldOn)})` : b.since ? `since ${formatDate(b.since)}` : "since the last meeting";
  return (
    <>
      <PageHeader
        title={`Briefing: ${b.meeting.title}`}
        description={
          <span>
            <time dateTime={b.meeting.heldOn}>{formatDate(b.meeting.heldOn)}</time>
            {b.meeting.location && <> · {b.meeting.location}</>} · prepared {formatDate(new Date())}
            {wide && <> · for a wide audience</>}
          </span>
        }
      />
      <PageBody>
        <div className="mb-5 flex flex-wrap items-center justify-between gap-3 print:hidden">
          <p className="text-sm">
            <Link href={`/meetings/${b.meeting.id}`}>← Back to the meeting</Link>
          </p>
          <div className="flex flex-wrap items-center gap-2">
            <PrintButton />
            <a href={`${api}.md${query}`} className={buttonClass("secondary")} download>
              <Download aria-hidden className="size-4" />
              Markdown
            </a>
            <a href={`${api}.csv${query}`} className={buttonClass("secondary")} download>
              <Download aria-hidden className="size-4" />
              CSV
            </a>
          </div>
        </div>
        <nav aria-label="Audience" className="mb-5 print:hidden">
          <ul className="inline-flex rounded-md border border-zinc-300 bg-white p-0.5 text-sm">
            <li>
              <Link href={base} aria-current={!wide ? "page" : undefined} className={`block rounded px-3 py-1.5 no-underline hover:no-underline ${!wide ? "bg-accent-50 font-semibold text-accent-800" : "text-zinc-700 hover:bg-zinc-100"}`}>
                Everything you can see
              </Link>
            </li>
            <li>
              <Link href={`${base}?audience=wide`} aria-current={wide ? "page" : undefined} className={`block rounded px-3 py-1.5 no-underline hover:no-underline ${wide ? "bg-accent-50 font-semibold text-accent-800" : "text-zinc-700 hover:bg-zinc-100"}`}>
                <Lock aria-hidden className="mr-1 inline size-3.5 align-[-2px]" />
                Wide audience: leave restricted meetings out
              </Link>
            </li>
          </ul>
        </nav>

        <div className="space-y-6 print:space-y-4">
          <p className="max-w-3xl text-sm text-zinc-700">{briefingScope(b)}</p>
          <dl className="grid grid-cols-3 gap-3 print:gap-2">
            <Stat term="Open follow-ups">{b.open.length}</Stat>
            <Stat term="Overdue" loud={overdue > 0}>{overdue}</Stat>
            <Stat term={`Completed ${b.previous ? "since the last meeting" : sinceText}`}>{b.completed.length}</Stat>
          </dl>

          <div className="grid gap-6 md:grid-cols-2 print:grid-cols-2 print:gap-4">
            <Counts id="by-area" title="Open and overdue by priority area" first="Priority area" rows={byArea(b.open)} />
            <Counts id="by-owner" title="Open and overdue by owner organisation" first="Organisation" rows={byOwner(b.open)} />
          </div>

          <Section id="open" title="Open follow-ups" count={b.open.length}>
            {b.open.length ? <UnTable items={b.open} progress={b.progress} caption="Open follow-ups" /> : <Empty>Nothing is open. Everything agreed has been done or cancelled.</Empty>}
          </Section>
          <Section id="completed" title={`Completed ${sinceText}`} count={b.completed.length}>
            {b.completed.length ? <UnTable items={b.completed} progress={b.progress} caption="Completed follow-ups" /> : <Empty>Nothing has been completed since then.</Empty>}
          </Section>
          <p className="text-xs text-zinc-600">
            Progress is the latest comment on each follow-up. Overdue: due before today and not done or cancelled.
            {wide ? " Restricted meetings and their follow-ups are left out of this version." : " This version may include restricted meetings: check before sharing it widely."}
          </p>
        </div>
      </PageBody>
    </>
  );
}

function Section({ id, title, count, children }: { id: string; title: string; count: number; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="overflow-hidden rounded-lg border border-zinc-200 bg-white print:overflow-visible print:rounded-none print:border-0">
      <h2 id={id} className="border-b border-zinc-200 px-4 py-3 text-base font-semibold print:px-0">
        {title} <span className="font-normal text-zinc-600">({count})</span>
      </h2>
      {children}
    </section>
  );
}

function Counts({ id, title, first, rows }: { id: string; title: string; first: string; rows: { key: string; label: string; open: number; overdue: number }[] }) {
  return (
    <section aria-labelledby={id} className="overflow-hidden rounded-lg border border-zinc-200 bg-white print:break-inside-avoid print:rounded-none">
      <h2 id={id} className="border-b border-zinc-200 px-4 py-3 text-base font-semibold">
        {title}
      </h2>
      {rows.length ? (
        <table className="w-full text-left text-sm print:text-xs">
          <caption className="sr-only">{title}</caption>
          <thead className="bg-zinc-50 text-xs font-semibold text-zinc-700">
            <tr>
              <th scope="col" className="px-4 py-2">{first}</th>
              <th scope="col" className="px-4 py-2 text-right">Open</th>
              <th scope="col" className="px-4 py-2 text-right">Overdue</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-200">
            {rows.map((r) => (
              <tr key={r.key}>
                <td className="px-4 py-1.5">{r.label}</td>
                <td className="px-4 py-1.5 text-right tabular-nums">{r.open}</td>
                <td className={`px-4 py-1.5 text-right tabular-nums ${r.overdue ? "font-semibold text-red-700" : "text-zinc-600"}`}>{r.overdue}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <Empty>None open.</Empty>
      )}
    </section>
  );
}

function Empty({ children }: { children: React.ReactNode }) {
  return <p className="px-4 py-3 text-sm text-zinc-600">{children}</p>;
}
