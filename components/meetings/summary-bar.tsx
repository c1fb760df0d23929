import type { followUpStatuses } from "@/db/schema";
import { useTranslations } from "next-intl";
import { useFormat } from "@/components/i18n/use-format";

type Status = (typeof followUpStatuses)[number];

// Same hues as the status badges, one step stronger so thin segments stay visible.
const segments = [
  { status: "done", label: "countDone", className: "bg-emerald-600" },
  { status: "in_progress", label: "countInProgress", className: "bg-amber-500" },
  { status: "blocked", label: "countBlocked", className: "bg-rose-600" },
] as const satisfies readonly { status: Status; label: string; className: string }[];

/** "11 follow-ups — 3 done · 2 in progress · 1 blocked · 2 overdue", over a segmented bar. */
export function SummaryBar({ followUps }: { followUps: readonly { status: Status; overdue: boolean }[] }) {
  const t = useTranslations("meetings");
  const f = useFormat();
  const total = followUps.length;
  const count = (s: Status) => followUps.filter((f) => f.status === s).length;
  const overdue = followUps.filter((f) => f.overdue).length;
  if (total === 0) {
    return <p className="text-sm text-zinc-600">{t("summaryEmpty")}</p>;
  }
  const parts = segments.map((s) => ({ ...s, n: count(s.status) }));
  return (
    <div className="space-y-2">
      <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-zinc-700">
        <span className="font-semibold text-zinc-900">{f.followUps(total)}</span>
        <span aria-hidden className="text-zinc-400">—</span>
        {parts.map((p, i) => (
          <span key={p.status} className="inline-flex items-center gap-1.5 whitespace-nowrap">
            {i > 0 && <span aria-hidden className="mr-0.5 text-zinc-400">·</span>}
            <span aria-hidden className={`inline-block size-2 rounded-sm ${p.className}`} />
            {t(p.label, { count: p.n })}
          </span>
        ))}
        <span className={`inline-flex items-center gap-1.5 whitespace-nowrap ${overdue ? "font-semibold text-red-700" : ""}`}>
          <span aria-hidden className="mr-0.5 font-normal text-zinc-400">·</span>
          {t("countOverdue", { count: overdue })}
        </span>
      </p>
      {/* Open and cancelled follow-ups are the empty track: the bar reads like progress. */}
      <div aria-hidden className="flex h-2 w-full overflow-hidden rounded-full bg-zinc-200">
        {parts.map((p) =>
          p.n ? <div key={p.status} className={`${p.className} h-full border-r-2 border-white last:border-r-0`} style={{ width: `${(p.n / total) * 100}%` }} /> : null,
        )}
      </div>
    </div>
  );
}
