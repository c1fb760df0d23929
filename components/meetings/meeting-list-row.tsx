import { Lock } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useFormat } from "@/components/i18n/use-format";
import { Chip, OrgName } from "@/components/ui/chip";
import type { formatLabels } from "@/lib/format";

export type MeetingListItem = {
  id: string;
  title: string;
  heldOn: string;
  format: keyof typeof formatLabels;
  location: string;
  seriesName: string | null;
  seriesNumber: number | null;
  hostAcronym: string | null;
  hostName: string | null;
  visibility: "internal" | "restricted";
  priorityAreas: { id: string; name: string }[];
};

const MAX_AREAS = 3;

/** "EU–UNODC Senior Officials Meeting #16" / "… nº 16"; `numbered` is the catalogue's meetings.seriesNumbered. */
export function seriesText(name: string | null, number: number | null, numbered: (values: { name: string; number: number }) => string) {
  if (!name) return null;
  return number ? numbered({ name, number }) : name;
}

/** One meeting in the list: only the title is a link, so the row has one tab stop. */
export function MeetingListRow({ meeting: m }: { meeting: MeetingListItem }) {
  const t = useTranslations("meetings");
  const f = useFormat();
  const series = seriesText(m.seriesName, m.seriesNumber, (v) => t("seriesNumbered", v));
  const shown = m.priorityAreas.slice(0, MAX_AREAS);
  const rest = m.priorityAreas.slice(MAX_AREAS);
  return (
    <li className="grid gap-x-4 gap-y-1 px-4 py-3 hover:bg-zinc-50 sm:grid-cols-[6.5rem_1fr]">
      <time dateTime={m.heldOn} className="text-sm tabular-nums text-zinc-600 sm:pt-px">
        {f.date(m.heldOn)}
      </time>
      <div className="min-w-0 space-y-1.5">
        <div className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
          <Link data-row-link href={`/meetings/${m.id}`} className="font-semibold text-zinc-900 hover:text-accent-700">
            {m.title}
          </Link>
          {m.visibility === "restricted" && (
            <span className="inline-flex items-center gap-1 text-xs font-medium text-zinc-700">
              <Lock aria-hidden className="size-3.5" />
              {t("restricted")}
            </span>
          )}
        </div>
        <p className="flex flex-wrap items-center gap-x-1.5 gap-y-1 text-sm text-zinc-600">
          {[series, f.meetingFormat(m.format), m.location || null].filter(Boolean).map((part, i) => (
            <span key={i} className="inline-flex items-center gap-1.5">
              {i > 0 && <span aria-hidden className="text-zinc-400">·</span>}
              {part}
            </span>
          ))}
          {m.hostName && (
            <span className="inline-flex items-center gap-1.5">
              <span aria-hidden className="text-zinc-400">·</span>
              <span className="sr-only">{t("hostedBy")} </span>
              <Chip>
                <OrgName acronym={m.hostAcronym} name={m.hostName} />
              </Chip>
            </span>
          )}
        </p>
        {m.priorityAreas.length > 0 && (
          <ul aria-label={t("priorityAreas")} className="flex flex-wrap gap-1">
            {shown.map((a) => (
              <li key={a.id}>
                <Chip>{a.name}</Chip>
              </li>
            ))}
            {rest.length > 0 && (
              <li>
                <Chip title={rest.map((a) => a.name).join(", ")}>
                  +{rest.length}
                  <span className="sr-only"> {t("moreAreas", { names: rest.map((a) => a.name).join(", ") })}</span>
                </Chip>
              </li>
            )}
          </ul>
        )}
      </div>
    </li>
  );
}
