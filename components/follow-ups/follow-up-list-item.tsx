import Link from "next/link";
import { Chip, OrgName } from "@/components/ui/chip";
import type { FollowUp } from "@/db/queries/follow-ups";
import { isClosed } from "@/lib/follow-ups/status";
import { DueDate } from "./due-date";
import { StatusBadge } from "./status-badge";

/** What a row shows, and nothing else: rows travel to the browser as data (components/follow-ups/follow-up-rows.tsx). */
export type FollowUpRow = Pick<FollowUp, "id" | "title" | "status" | "meetingId" | "meetingTitle" | "priorityAreaName" | "ownerOrganisationAcronym" | "ownerOrganisationName" | "ownerUserName" | "dueOn" | "overdue">;
export const followUpRow = (f: FollowUpRow): FollowUpRow => ({
  id: f.id,
  title: f.title,
  status: f.status,
  meetingId: f.meetingId,
  meetingTitle: f.meetingTitle,
  priorityAreaName: f.priorityAreaName,
  ownerOrganisationAcronym: f.ownerOrganisationAcronym,
  ownerOrganisationName: f.ownerOrganisationName,
  ownerUserName: f.ownerUserName,
  dueOn: f.dueOn,
  overdue: f.overdue,
});

/** The row's words, translated once per page by the server (the browser gets no catalogue for them). */
export type FollowUpRowLabels = { outsideMeeting: string; priorityArea: string; owner: string; due: string };
export const followUpRowLabels = (t: (key: "outsideMeeting" | "srPriorityArea" | "srOwner" | "srDue") => string): FollowUpRowLabels => ({
  outsideMeeting: t("outsideMeeting"),
  priorityArea: t("srPriorityArea"),
  owner: t("srOwner"),
  due: t("srDue"),
});

/** One follow-up as a dense row: status, title, where it came from and who owns it, when it is due. */
export function FollowUpListItem({ followUp: f, labels, today }: { followUp: FollowUpRow; labels: FollowUpRowLabels; today: string }) {
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
            <span>{labels.outsideMeeting}</span>
          )}
          <Chip title={f.priorityAreaName}>
            <span className="sr-only">{labels.priorityArea} </span>
            {f.priorityAreaName}
          </Chip>
          <span>
            <span className="sr-only">{labels.owner} </span>
            <OrgName acronym={f.ownerOrganisationAcronym} name={f.ownerOrganisationName} />
            {f.ownerUserName && <> · {f.ownerUserName}</>}
          </span>
        </p>
      </div>
      {/* The shared DueDate never wraps; in a narrow row it must. */}
      <div className="col-start-2 row-start-1 pt-0.5 text-right text-sm sm:col-start-3 [&_.whitespace-nowrap]:whitespace-normal sm:[&_.whitespace-nowrap]:whitespace-nowrap">
        <span className="sr-only">{labels.due} </span>
        <DueDate dueOn={f.dueOn} overdue={f.overdue} closed={isClosed(f.status)} today={today} />
      </div>
    </li>
  );
}
