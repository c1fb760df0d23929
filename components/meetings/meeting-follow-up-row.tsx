import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ReactNode, Ref } from "react";
import { DueDate } from "@/components/follow-ups/due-date";
import { StatusBadge } from "@/components/follow-ups/status-badge";
import { Chip, OrgName } from "@/components/ui/chip";
import type { followUpStatuses } from "@/db/schema";
import { isClosed } from "@/lib/follow-ups/status";

export type MeetingFollowUpItem = {
  id: string;
  title: string;
  status: (typeof followUpStatuses)[number];
  priorityAreaName: string;
  ownerOrganisationAcronym: string | null;
  ownerOrganisationName: string;
  ownerUserName: string | null;
  dueOn: string | null;
  overdue: boolean;
};

/** One follow-up on its meeting's page: status, title (the one link), area, owner and due date. */
export function MeetingFollowUpRow({ followUp: f, today, ref }: { followUp: MeetingFollowUpItem; today?: string; ref?: Ref<HTMLLIElement> }) {
  const closed = isClosed(f.status);
  return (
    <li ref={ref} className="grid gap-x-3 gap-y-1.5 px-4 py-3 sm:grid-cols-[7.5rem_minmax(0,1fr)]">
      {/* On a phone the badge joins the line under the title, which saves a line per row. */}
      <div className="hidden sm:block sm:pt-0.5">
        <StatusBadge status={f.status} />
      </div>
      <div className="min-w-0 space-y-1">
        <Link data-row-link href={`/follow-ups/${f.id}`} className={`font-medium hover:text-accent-700 ${closed ? "text-zinc-600" : "text-zinc-900"}`}>
          {f.title}
        </Link>
        <FollowUpFacts
          f={f}
          today={today}
          lead={
            <span className="sm:hidden">
              <StatusBadge status={f.status} />
            </span>
          }
        />
      </div>
    </li>
  );
}

type Facts = Pick<MeetingFollowUpItem, "status" | "priorityAreaName" | "ownerOrganisationAcronym" | "ownerOrganisationName" | "ownerUserName" | "dueOn" | "overdue">;

/** The line under a follow-up's title in a list: area, owner and due date (after `lead`, if any); `today` (UTC) from the server when rendered in the browser too. */
export function FollowUpFacts({ f, lead, today }: { f: Facts; lead?: ReactNode; today?: string }) {
  const t = useTranslations("meetingPage");
  return (
    <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-zinc-600">
      {lead}
      <Chip>{f.priorityAreaName}</Chip>
      <span>
        <span className="sr-only">{t("ownerLabel")} </span>
        <OrgName acronym={f.ownerOrganisationAcronym} name={f.ownerOrganisationName} />
        {f.ownerUserName && <> / {f.ownerUserName}</>}
      </span>
      <span aria-hidden className="text-zinc-400">·</span>
      <span>
        <span className="sr-only">{t("dueLabel")} </span>
        <DueDate dueOn={f.dueOn} overdue={f.overdue} closed={isClosed(f.status)} today={today} />
      </span>
    </p>
  );
}
