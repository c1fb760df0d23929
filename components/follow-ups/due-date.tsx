import { dueText, formatDate } from "@/lib/format";

/** "15 Feb 2022 · due in 3 days"; overdue is the one loud thing on a page. */
export function DueDate({ dueOn, overdue, closed }: { dueOn: string | null; overdue: boolean; closed?: boolean }) {
  if (!dueOn) return <span className="text-zinc-500">No due date</span>;
  return (
    <span>
      <time dateTime={dueOn} className="whitespace-nowrap">{formatDate(dueOn)}</time>
      {!closed && (
        <>
          {" · "}
          <span className={`whitespace-nowrap ${overdue ? "font-semibold text-red-700" : "text-zinc-600"}`}>{dueText(dueOn, overdue)}</span>
        </>
      )}
    </span>
  );
}
