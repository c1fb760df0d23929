import { Download, Lock } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import { PrintButton } from "@/components/continuity/print-button";
import { UnTable } from "@/components/continuity/un-table";
import { Stat } from "@/components/continuity/stat";
import { PageBody, PageHeader } from "@/components/shell/page";
import { buttonClass } from "@/components/ui/button";
import { CsvDownload } from "@/components/ui/csv-download";
import { briefing } from "@/db/queries/continuity";
import { briefingScope, byArea, byOwner } from "@/server/briefing";
import { formatterFor } from "@/lib/i18n/format-server";
import { pageLocale } from "../../reference-options";
import { loadForPage } from "@/server/session";

type Props = { params: Promise<{ meetingId: string }>; searchParams: Promise<{ audience?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("briefing"))("metaTitle") };
}

export default async function BriefingPage({ params, searchParams }: Props) {
  const { meetingId } = await params;
  const wide = (await searchParams).audience === "wide";
  const { record: b } = await loadForPage(meetingId, (db, viewer, id) => briefing(db, viewer, id, { wide }));
  const overdue = b.open.filter((f) => f.overdue).length;
  const query = wide ? "?audience=wide" : "";
  const base = `/meetings/${b.meeting.id}/briefing`;
  const api = `/api/v1/meetings/${b.meeting.id}/briefing`;
  const locale = await pageLocale();
  const [t, f] = [await getTranslations("briefing"), formatterFor(locale)];
  const sinceSince = b.since ? t("completedSinceDate", { date: f.date(b.since) }) : t("completedSinceLast");
  const completedTitle = b.previous ? t("completedSincePreviousOn", { date: f.date(b.previous.heldOn) }) : sinceSince;
  return (
    <>
      <PageHeader
        title={t("title", { meeting: b.meeting.title })}
        description={
          <span>
            <time dateTime={b.meeting.heldOn}>{f.date(b.meeting.heldOn)}</time>
            {b.meeting.location && <> · {b.meeting.location}</>} · {t("prepared", { date: f.date(new Date()) })}
            {wide && <> · {t("forWideShort")}</>}
          </span>
        }
      />
      <PageBody>
        <div className="mb-5 flex flex-wrap items-center justify-between gap-3 print:hidden">
          <p className="text-sm">
            <Link href={`/meetings/${b.meeting.id}`}>{t("backToMeeting")}</Link>
          </p>
          <div className="flex flex-wrap items-center gap-2">
            <PrintButton />
            <a href={`${api}.md${query}`} className={buttonClass("secondary")} download>
              <Download aria-hidden className="size-4" />
              {t("markdown")}
            </a>
            <CsvDownload href={`${api}.csv${query}`} label="CSV" />
          </div>
        </div>
        <nav aria-label={t("audienceNav")} className="mb-5 print:hidden">
          <ul className="inline-flex rounded-md border border-zinc-300 bg-white p-0.5 text-sm">
            <li>
              <Link href={base} aria-current={!wide ? "page" : undefined} className={`block rounded px-3 py-1.5 no-underline hover:no-underline ${!wide ? "bg-accent-50 font-semibold text-accent-800" : "text-zinc-700 hover:bg-zinc-100"}`}>
                {t("audienceAll")}
              </Link>
            </li>
            <li>
              <Link href={`${base}?audience=wide`} aria-current={wide ? "page" : undefined} className={`block rounded px-3 py-1.5 no-underline hover:no-underline ${wide ? "bg-accent-50 font-semibold text-accent-800" : "text-zinc-700 hover:bg-zinc-100"}`}>
                <Lock aria-hidden className="mr-1 inline size-3.5 align-[-2px]" />
                {t("audienceWide")}
              </Link>
            </li>
          </ul>
        </nav>

        <div className="space-y-6 print:space-y-4">
          <p className="max-w-3xl text-sm text-zinc-700">{briefingScope(b, locale)}</p>
          <dl className="grid grid-cols-3 gap-3 print:gap-2">
            <Stat term={t("openFollowUps")}>{b.open.length}</Stat>
            <Stat term={t("overdue")} loud={overdue > 0}>{overdue}</Stat>
            <Stat term={b.previous ? t("completedSinceLast") : sinceSince}>{b.completed.length}</Stat>
          </dl>

          <div className="grid gap-6 md:grid-cols-2 print:grid-cols-2 print:gap-4">
            <Counts id="by-area" title={t("byArea")} first={t("priorityArea")} rows={byArea(b.open)} />
            <Counts id="by-owner" title={t("byOwner")} first={t("organisation")} rows={byOwner(b.open)} />
          </div>

          <Section id="open" title={t("openFollowUps")} count={b.open.length}>
            {b.open.length ? <UnTable items={b.open} progress={b.progress} documents={b.documents} caption={t("openFollowUps")} /> : <Empty>{t("emptyOpen")}</Empty>}
          </Section>
          <Section id="completed" title={completedTitle} count={b.completed.length}>
            {b.completed.length ? <UnTable items={b.completed} progress={b.progress} documents={b.documents} caption={t("completedCaption")} /> : <Empty>{t("emptyCompleted")}</Empty>}
          </Section>
          <p className="text-xs text-zinc-600">
            {t("footnote")} {wide ? t("footWide") : t("footAll")}
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
  const t = useTranslations("briefing");
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
              <th scope="col" className="px-4 py-2 text-right">{t("open")}</th>
              <th scope="col" className="px-4 py-2 text-right">{t("overdue")}</th>
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
        <Empty>{t("noneOpen")}</Empty>
      )}
    </section>
  );
}

function Empty({ children }: { children: React.ReactNode }) {
  return <p className="px-4 py-3 text-sm text-zinc-600">{children}</p>;
}
