import { Circle, CircleCheck, CircleSlash, Contrast, Octagon } from "lucide-react";
import type { followUpStatuses } from "@/db/schema";
import { useFormat } from "@/components/i18n/use-format";

type Status = (typeof followUpStatuses)[number];

/** Status has a colour, an icon and a word: never colour alone. */
export const statusStyle: Record<Status, { icon: typeof Circle; className: string }> = {
  open: { icon: Circle, className: "border-sky-300 bg-sky-50 text-sky-900" },
  in_progress: { icon: Contrast, className: "border-amber-300 bg-amber-50 text-amber-900" },
  blocked: { icon: Octagon, className: "border-rose-300 bg-rose-50 text-rose-900" },
  done: { icon: CircleCheck, className: "border-emerald-300 bg-emerald-50 text-emerald-900" },
  cancelled: { icon: CircleSlash, className: "border-zinc-300 bg-zinc-100 text-zinc-700" },
};

export function StatusBadge({ status }: { status: Status }) {
  const f = useFormat();
  const { icon: Icon, className } = statusStyle[status];
  return (
    <span className={`inline-flex items-center gap-1 whitespace-nowrap rounded-full border px-2 py-0.5 text-xs font-semibold ${className}`}>
      <Icon aria-hidden className="size-3.5" strokeWidth={2.5} />
      {f.status(status)}
    </span>
  );
}
