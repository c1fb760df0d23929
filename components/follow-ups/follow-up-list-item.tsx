import Link from "next/link";
import { useTranslations } from "next-intl";
import { Chip, OrgName } from "@/components/ui/chip";
import type { FollowUp } from "@/db/queries/follow-ups";
import { isClosed } from "@/lib/follow-ups/status";
import { DueDate } from "./due-date";
import { StatusBadge } from "./status-badge";

/** One follow-up as a dense row: status, title, where it came from and who owns it, when it is due. */
export function FollowUpListItem({ followUp: f }: { followUp: FollowUp }) {
  const t = useTranslations("followUps");
  return (
    <li className="grid grid-cols-[auto_1fr] items-start gap-x-3 gap-y-1 px-3 py-2.5 sm:grid-cols-[7.5rem_1fr_auto] sm:px-4">
      <div className="col-start-1 row-start-1 pt-0.5">
        <StatusBadge status={f.status} />
      </div>
      <div className="col-span-2 row-start-2 min-w-0 sm:col-span-1 sm:col-start-2 sm:row-start-1">
        <Link data-row-link href={`/follow-ups/${f.id}`} className="font-medium break-words text-zinc-900 hover:text-accent-800">
          {f.title}
        </Link>
        <p className="mt-0.5 flex flex-wrap items-center gap-x-2.5 gap-y-1 text-sm text-zinc-600">
          {f.meetingId && f.meetingTitle ? (
            <Link href={`/meetings/${f.meetingId}`} className="text-zinc-700 underline decoration-zinc-300 hover:text-accent-800 hover:decoration-current">
              {f.meetingTitle}
            </Link>
          ) : (
            <span>{t("outsideMeeting")}</span>
          )}
          <Chip title={f.priorityAreaName}>
            <span className="sr-only">{t("srPriorityArea")} </span>
            {f.priorityAreaName}
          </Chip>
          <span>
            <span className="sr-only">{t("srOwner")} </span>
            <OrgName acronym={f.ownerOrganisationAcronym} name={f.ownerOrganisationName} />
            {f.ownerUserName && <> · {f.ownerUserName}</>}
          </span>
        </p>
      </div>
      {/* The shared DueDate never wraps; in a narrow row it must. */}
      <div className="col-start-2 row-start-1 pt-0.5 text-right text-sm sm:col-start-3 [&_.whitespace-nowrap]:whitespace-normal sm:[&_.whitespace-nowrap]:whitespace-nowrap">
        <span className="sr-only">{t("srDue")} </span>
        <DueDate dueOn={f.dueOn} overdue={f.overdue} closed={isClosed(f.status)} />
      </div>
    </li>
  );
}
