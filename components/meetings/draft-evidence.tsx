"use client";

import { useTranslations } from "next-intl";
import { confidenceOf, type Mark, segments } from "@/lib/drafts/review";

/** The draft's text with the words each field came from marked, and the button that shows them. */

const confidenceClass = { high: "border-emerald-700 text-emerald-800", medium: "border-amber-700 text-amber-900", low: "border-red-700 text-red-800" } as const;

export function HighlightedText({ text, marks, active, onPick }: { text: string; marks: Mark[]; active?: string; onPick: (key: string) => void }) {
  const t = useTranslations("meetingDraft");
  const firstSeen = new Set<string>();
  return (
    <>
      {segments(text, marks).map((s) => {
        const piece = text.slice(s.start, s.end);
        if (!s.marks.length) return <span key={s.start}>{piece}</span>;
        const on = s.marks.some((m) => m.key === active);
        const first = s.marks.find((m) => !firstSeen.has(m.key));
        for (const m of s.marks) firstSeen.add(m.key);
        return (
          <mark
            key={s.start}
            data-first={first?.key}
            data-active={on || undefined}
            title={s.marks.map((m) => t("mark", { field: m.field, name: m.name ?? "" })).join(", ")}
            onClick={() => onPick(s.marks[0]?.key ?? "")}
            className={`cursor-pointer rounded-sm px-px text-zinc-900 ${on ? "bg-amber-300 outline-2 outline-amber-700" : "bg-amber-100 underline decoration-amber-600 decoration-dotted underline-offset-2"}`}
          >
            {piece}
          </mark>
        );
      })}
    </>
  );
}

export function EvidenceButton({ evidence, active, onShow }: { evidence?: Mark; active: boolean; onShow: () => void }) {
  const t = useTranslations("meetingDraft");
  if (!evidence) return <p className="text-xs text-zinc-600">{t("notFound")}</p>;
  const quote = evidence.text.length > 90 ? `${evidence.text.slice(0, 87)}…` : evidence.text;
  const level = confidenceOf(evidence.confidence);
  return (
    <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-zinc-700">
      <span className={`rounded border px-1 py-px font-semibold ${confidenceClass[level]}`} title={t("confidencePercent", { percent: Math.round(evidence.confidence * 100) })}>
        {t("confidence", { level })}
      </span>
      <button type="button" onClick={onShow} aria-pressed={active} className="text-left text-accent-800 underline decoration-dotted underline-offset-2 hover:decoration-solid">
        {t("from", { quote })}
      </button>
    </p>
  );
}
