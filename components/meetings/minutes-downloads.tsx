"use client";

import { FileDown } from "lucide-react";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { buttonClass } from "@/components/ui/button";

/** The minutes as Word and PDF; the box leaves restricted items out, for circulation beyond the participants. */
export function MinutesDownloads({ meetingId }: { meetingId: string }) {
  const t = useTranslations("meetingPage");
  const [wide, setWide] = useState(false);
  const id = useId();
  const href = (ext: "docx" | "pdf") => `/api/v1/meetings/${meetingId}/minutes.${ext}${wide ? "?audience=wide" : ""}`;
  return (
    <section aria-labelledby={`${id}-title`} className="rounded-lg border border-zinc-200 bg-white px-4 py-4 text-sm">
      <h2 id={`${id}-title`} className="mb-2 text-base font-semibold">
        {t("minutesTitle")}
      </h2>
      <p className="mb-3 text-zinc-700">{t("minutesDescription")}</p>
      <div className="flex flex-wrap gap-2">
        <a href={href("docx")} download className={buttonClass("secondary")}>
          <FileDown aria-hidden className="size-4" />
          {t("minutesWord")}
        </a>
        <a href={href("pdf")} download className={buttonClass("secondary")}>
          <FileDown aria-hidden className="size-4" />
          {t("minutesPdf")}
        </a>
      </div>
      <label className="mt-3 flex items-start gap-2">
        <input type="checkbox" className="mt-1" checked={wide} onChange={(e) => setWide(e.target.checked)} />
        <span>{t("minutesWide")}</span>
      </label>
    </section>
  );
}
