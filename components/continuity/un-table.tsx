import { useTranslations } from "next-intl";
import Link from "next/link";
import { StatusBadge } from "@/components/follow-ups/status-badge";
import { OrgName } from "@/components/ui/chip";
import type { FollowUp } from "@/db/queries/follow-ups";
import type { DocumentRef } from "@/lib/csv";
import { isClosed } from "@/lib/follow-ups/status";
import { useFormat } from "@/components/i18n/use-format";

/**
 * Follow-ups in the UN decision-tracking layout: Meeting, Follow-up, Responsible, Due, Progress
 * (the latest comment), Status. A real table, so it prints and reads as one.
 */
export function UnTable({
  items,
  progress,
  documents,
  caption,
  showMeeting = true,
}: {
  items: FollowUp[];
  progress: Map<string, string>;
  /** The follow-ups' documents and links (the briefing's Documents column); without it, no column. */
  documents?: Map<string, DocumentRef[]>;
  caption: string;
  showMeeting?: boolean;
}) {
  const t = useTranslations("continuity");
  const fmt = useFormat();
  return (
    <div className="overflow-x-auto print:overflow-visible" tabIndex={0} role="region" aria-label={caption}>
      <table className="w-full min-w-[44rem] table-fixed border-collapse text-left text-sm print:min-w-0 print:text-xs">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-zinc-50 text-xs font-semibold text-zinc-700 print:bg-transparent">
          <tr>
            {showMeeting && <th scope="col" className="w-[15%] border-b border-zinc-200 px-3 py-2">{t("meeting")}</th>}
            <th scope="col" className="border-b border-zinc-200 px-3 py-2">{t("followUp")}</th>
            <th scope="col" className="w-[12%] border-b border-zinc-200 px-3 py-2">{t("responsible")}</th>
            <th scope="col" className="w-[13%] border-b border-zinc-200 px-3 py-2">{t("due")}</th>
            <th scope="col" className="w-[20%] border-b border-zinc-200 px-3 py-2">{t("progress")}</th>
            <th scope="col" className="w-[13%] border-b border-zinc-200 px-3 py-2">{t("status")}</th>
            {documents && <th scope="col" className="w-[14%] border-b border-zinc-200 px-3 py-2">{t("documents")}</th>}
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-200 align-top">
          {items.map((f) => {
            const closed = isClosed(f.status);
            return (
              <tr key={f.id} className="break-inside-avoid">
                {showMeeting && (
                  <td className="px-3 py-2 text-zinc-700">
                    {f.meetingId ? <Link href={`/meetings/${f.meetingId}`}>{f.meetingTitle}</Link> : <span className="text-zinc-500">{t("noMeeting")}</span>}
                  </td>
                )}
                <td className="px-3 py-2 font-medium">
                  <Link href={`/follow-ups/${f.id}`} className="text-zinc-900 hover:text-accent-700">
                    {f.title}
                  </Link>
                  <div className="text-xs font-normal text-zinc-600">{f.priorityAreaName}</div>
                </td>
                <td className="px-3 py-2">
                  <Link href={`/organisations/${f.ownerOrganisationId}`} className="text-zinc-900">
                    <OrgName acronym={f.ownerOrganisationAcronym} name={f.ownerOrganisationName} />
                  </Link>
                  {f.ownerUserName && <div className="text-xs text-zinc-600">{f.ownerUserName}</div>}
                </td>
                <td className="px-3 py-2">
                  {f.dueOn ? (
                    <>
                      <time dateTime={f.dueOn} className="whitespace-nowrap">{fmt.date(f.dueOn)}</time>
                      {!closed && <div className={`text-xs ${f.overdue ? "font-semibold text-red-700" : "text-zinc-600"}`}>{fmt.due(f.dueOn, f.overdue)}</div>}
                    </>
                  ) : (
                    <span className="text-zinc-500">{t("noDue")}</span>
                  )}
                </td>
                <td className="px-3 py-2 text-zinc-700">{progress.get(f.id) ?? <span className="text-zinc-500">—</span>}</td>
                <td className="px-3 py-2">
                  <StatusBadge status={f.status} />
                </td>
                {documents && (
                  <td className="px-3 py-2 text-zinc-700">
                    {documents.get(f.id)?.length ? (
                      <ul className="space-y-0.5">
                        {documents.get(f.id)!.map((d) => (
                          <li key={d.url} className="break-words">
                            <a href={d.url} target="_blank" rel="noopener noreferrer">{d.label}</a>
                          </li>
                        ))}
                      </ul>
                    ) : (
                      <span className="text-zinc-500">—</span>
                    )}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
