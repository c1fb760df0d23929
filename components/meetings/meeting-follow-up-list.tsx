"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { MeetingFollowUpRow, type MeetingFollowUpItem } from "./meeting-follow-up-row";

/** Rows rendered with the page; a meeting with more shows the rest on request (the table has them all too). */
export const FIRST_ROWS = 50;

/**
 * A meeting's follow-ups, open ones first. A client list fed plain rows: the page's payload carries
 * each row's data once, not its rendered element tree beside the HTML, and a meeting with hundreds
 * of follow-ups renders the first 50 until someone asks for the rest (bench/README.md, issue 25).
 */
export function MeetingFollowUpList({ rows, today }: { rows: MeetingFollowUpItem[]; today: string }) {
  const t = useTranslations("meetingPage");
  const [all, setAll] = useState(false);
  const firstNew = useRef<HTMLLIElement>(null);
  const shown = all ? rows : rows.slice(0, FIRST_ROWS);
  // The button goes away: the keyboard focus moves to the first row it showed, not to the page's top.
  useEffect(() => {
    if (all) firstNew.current?.querySelector<HTMLAnchorElement>("a[data-row-link]")?.focus();
  }, [all]);
  return (
    <>
      <ul className="divide-y divide-zinc-200">
        {shown.map((f, i) => (
          <MeetingFollowUpRow key={f.id} followUp={f} today={today} ref={i === FIRST_ROWS ? firstNew : undefined} />
        ))}
      </ul>
      {!all && rows.length > FIRST_ROWS && (
        <div className="flex flex-wrap items-center gap-x-3 gap-y-2 border-t border-zinc-200 px-4 py-3 text-sm text-zinc-600">
          <p>{t("followUpsShown", { shown: FIRST_ROWS, count: rows.length })}</p>
          <Button variant="secondary" onClick={() => setAll(true)}>
            {t("showAllFollowUps", { count: rows.length })}
          </Button>
        </div>
      )}
    </>
  );
}
