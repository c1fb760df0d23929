import { dueText, formatDate } from "@/lib/format";

/** "15 Feb 2022 · due in 3 days"; overdue is the one loud thing on a page. */
/** `today` (UTC) from the server keeps a client-rendered date the same as the server's HTML. */
export function DueDate({ dueOn, overdue, closed, today }: { dueOn: string | null; overdue: boolean; closed?: boolean; today?: string }) {
  if (!dueOn) return <span className="text-zinc-500">No due date</span>;
  return (
    <span>
      <time dateTime={dueOn} className="whitespace-nowrap">{formatDate(dueOn)}</time>
      {!closed && (
        <>
          {" · "}
          <span className={`whitespace-nowrap ${overdue ? "font-semibold text-red-700" : "text-zinc-600"}`}>{dueText(dueOn, overdue, today)}</span>
        </>
      )}
    </span>
  );
}
