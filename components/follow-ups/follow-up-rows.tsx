"use client";

import { FollowUpListItem, type FollowUpRow, type FollowUpRowLabels } from "./follow-up-list-item";

/**
 * A list of follow-up rows (My follow-ups, the overview). A client component fed plain rows: the
 * page's payload carries each row's data once, not its rendered element tree beside the HTML
 * (bench/README.md, issue 25). `today` (UTC) from the server keeps the browser's render the same.
 */
export function FollowUpRows({ rows, labels, today, className }: { rows: FollowUpRow[]; labels: FollowUpRowLabels; today: string; className: string }) {
  return (
    <ul className={className}>
      {rows.map((f) => (
        <FollowUpListItem key={f.id} followUp={f} labels={labels} today={today} />
      ))}
    </ul>
  );
}
