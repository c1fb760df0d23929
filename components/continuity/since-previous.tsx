import { ArrowRight } from "lucide-react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { StatusBadge } from "@/components/follow-ups/status-badge";
import { FollowUpFacts } from "@/components/meetings/meeting-follow-up-row";
import type { ContinuityItem, EarlierMeeting } from "@/db/queries/continuity";
import { isClosed } from "@/lib/follow-ups/status";
import { useFormat } from "@/components/i18n/use-format";

type Group = { meeting: EarlierMeeting; items: ContinuityItem[] };


/**
 * "Since the previous meeting": what the meetings this one looks back on agreed, each follow-up
 * with its status when this meeting opened and now.
 */
export function SincePrevious({ groups, heldOn }: { groups: Group[]; heldOn: string }) {
  const t = useTranslations("continuity");
  const f = useFormat();
  const items = groups.flatMap((g) => g.items);
  const openThen = items.filter((i) => !isClosed(i.statusThen)).length;
  const closedSince = items.filter((i) => !isClosed(i.statusThen) && isClosed(i.status)).length;
  return (
    <section aria-labelledby="since-title" className="overflow-hidden rounded-lg border border-zinc-200 bg-white">
      <div className="border-b border-zinc-200 px-4 py-4">
        <h2 id="since-title" className="text-base font-semibold">
          {t("sinceTitle")}
        </h2>
        <p className="mt-1 text-sm text-zinc-600">
          {t("sinceSummary", { items: f.followUps(items.length), meetings: t("earlierMeetings", { count: groups.length }), openThen, date: f.date(heldOn), closedSince })}
        </p>
      </div>
      {groups.map((g) => (
        <div key={g.meeting.id} className="border-b border-zinc-200 last:border-b-0">
          <h3 className="flex flex-wrap items-baseline gap-x-2 bg-zinc-50 px-4 py-2 text-sm font-semibold">
            <Link href={`/meetings/${g.meeting.id}`}>{g.meeting.title}</Link>
            <span className="font-normal text-zinc-600">
              {f.date(g.meeting.heldOn)} · {g.meeting.reason === "previous" ? t("reasonPrevious") : t("reasonReviewed")}
            </span>
          </h3>
          {g.items.length === 0 ? (
            <p className="px-4 py-3 text-sm text-zinc-600">{t("noneRecorded")}</p>
          ) : (
            <ul className="divide-y divide-zinc-200">
              {g.items.map((item) => (
                <li key={item.id} className="grid gap-x-4 gap-y-1.5 px-4 py-3 md:grid-cols-[minmax(0,1fr)_auto]">
                  <div className="min-w-0 space-y-1">
                    <Link href={`/follow-ups/${item.id}`} className="font-medium text-zinc-900 hover:text-accent-700">
                      {item.title}
                    </Link>
                    <FollowUpFacts f={item} />
                  </div>
                  <p className="flex items-center gap-2 text-xs text-zinc-600 md:justify-end md:self-center">
                    <span className="sr-only">{t("statusThen")}</span>
                    <span aria-hidden>{t("then")}</span>
                    <StatusBadge status={item.statusThen} />
                    <ArrowRight aria-hidden className="size-3.5 text-zinc-500" />
                    <span className="sr-only">{t("statusNow")}</span>
                    <span aria-hidden>{t("now")}</span>
                    <StatusBadge status={item.status} />
                  </p>
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
    </section>
  );
}
