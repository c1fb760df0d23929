"use client";

import { useTranslations } from "next-intl";
import type { Ref } from "react";
import { Button } from "@/components/ui/button";

/**
 * A 409 on the meeting form: someone saved the meeting since the edit began. My changes stay in the
 * form; I may compare in a new tab, load their version, or keep mine and save over theirs by choice.
 */
export function MeetingConflictNotice({
  message,
  latestHref,
  summaryRef,
  choices,
}: {
  message: string;
  latestHref: string;
  summaryRef: Ref<HTMLDivElement>;
  choices?: { onLoadTheirs: () => void; onKeepMine: () => void; theirsLoaded: boolean };
}) {
  const t = useTranslations("meetingForm");
  return (
    <div ref={summaryRef} tabIndex={-1} role="alert" className="rounded-md border-2 border-amber-600 bg-amber-50 p-4 text-sm text-amber-950">
      <h2 className="font-semibold">{t("conflictTitle")}</h2>
      <p className="mt-1">{message}</p>
      <p className="mt-2">
        {t.rich("conflictKept", {
          link: (chunks) => (
            <a href={latestHref} target="_blank" rel="noopener" className="font-medium text-amber-950 underline">
              {chunks}
            </a>
          ),
        })}
      </p>
      {choices && (
        <div className="mt-3 flex flex-wrap gap-2">
          <Button type="button" variant="secondary" onClick={choices.onLoadTheirs}>
            {t("loadTheirs")}
          </Button>
          <Button type="button" disabled={choices.theirsLoaded} onClick={choices.onKeepMine}>
            {t("keepMine")}
          </Button>
        </div>
      )}
    </div>
  );
}
