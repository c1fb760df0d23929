import { ArrowRight } from "lucide-react";
import Link from "next/link";
import { StatusBadge } from "@/components/follow-ups/status-badge";
import { FollowUpFacts } from "@/components/meetings/meeting-follow-up-row";
import type { ContinuityItem, EarlierMeeting } from "@/db/queries/continuity";
import { formatDate, plural } from "@/lib/format";

type Group = { meeting: EarlierMeeting; items: ContinuityItem[] };

const closed = (s: string) => s === "done" || s === "cancelled";

/**
 * "Since the previous meeting": what the meetings this one looks back on agreed, each follow-up
 * with its status when this meeting opened and now.
 */
export function SincePrevious({ groups, heldOn }: { groups: Group[]; heldOn: string }) {
  const items = groups.flatMap((g) => g.items);
  const openThen = items.filter((i) => !closed(i.statusThen)).length;
  const closedSince = items.filter((i) => !closed(i.statusThen) && closed(i.status)).length;
  return (
    <section aria-labelledby="since-title" className="overflow-hidden rounded-lg border border-zinc-200 bg-white">
      <div className="border-b border-zinc-200 px-4 py-4">
        <h2 id="since-title" className="text-base font-semibold">
          Since the previous meeting
        </h2>
        <p className="mt-1 text-sm text-zinc-600">
          {plural(items.length, "follow-up")} from {plural(groups.length, "earlier meeting")}: {openThen} still open when this meeting opened on{" "}
          {formatDate(heldOn)}, {closedSince} closed since. “Then” is the status at the end of the day before (UTC), from the activity history.
        </p>
      </div>
      {groups.map((g) => (
        <div key={g.meeting.id} className="border-b border-zinc-200 last:border-b-0">
          <h3 className="flex flex-wrap items-baseline gap-x-2 bg-zinc-50 px-4 py-2 text-sm font-semibold">
            <Link href={`/meetings/${g.meeting.id}`}>{g.meeting.title}</Link>
            <span className="font-normal text-zinc-600">
              {formatDate(g.meeting.heldOn)} · {g.meeting.reason === "previous" ? "previous meeting of the series" : "reviewed by this meeting"}
            </span>
          </h3>
          {g.items.length === 0 ? (
            <p className="px-4 py-3 text-sm text-zinc-600">No follow-ups were recorded for it.</p>
          ) : (
            <ul className="divide-y divide-zinc-200">
              {g.items.map((f) => (
                <li key={f.id} className="grid gap-x-4 gap-y-1.5 px-4 py-3 md:grid-cols-[minmax(0,1fr)_auto]">
                  <div className="min-w-0 space-y-1">
                    <Link href={`/follow-ups/${f.id}`} className="font-medium text-zinc-900 hover:text-accent-700">
                      {f.title}
                    </Link>
                    <FollowUpFacts f={f} />
                  </div>
                  <p className="flex items-center gap-2 text-xs text-zinc-600 md:justify-end md:self-center">
                    <span className="sr-only">Status then:</span>
                    <span aria-hidden>Then</span>
                    <StatusBadge status={f.statusThen} />
                    <ArrowRight aria-hidden className="size-3.5 text-zinc-500" />
                    <span className="sr-only">now:</span>
                    <span aria-hidden>Now</span>
                    <StatusBadge status={f.status} />
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
