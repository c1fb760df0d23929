import { Search } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button";
import { organisationLabel, organisationTree, type OrganisationOption } from "@/lib/organisations/tree";

export type MeetingFilterValues = { q?: string; seriesId?: string; year?: number; priorityAreaId?: string; organisationId?: string };

type Option = { id: string; name: string; archived: boolean };

const selectClass =
  "block w-full rounded-md border border-zinc-400 bg-white py-1.5 pl-2 pr-7 text-sm text-zinc-900";

/**
 * A plain GET form: the filters live in the URL, so a filtered list is a link and works
 * without JavaScript.
 */
export function MeetingFilters({
  values,
  series,
  priorityAreas,
  organisations,
  years,
}: {
  values: MeetingFilterValues;
  series: Option[];
  priorityAreas: Option[];
  organisations: OrganisationOption[];
  years: number[];
}) {
  const t = useTranslations("meetings");
  const active = Object.values(values).some((v) => v !== undefined && v !== "");
  // Archived entries stay in the list only when the link already filters by them.
  const live = <T extends Option>(list: T[], chosen?: string) => list.filter((o) => !o.archived || o.id === chosen);
  return (
    <form method="get" action="/meetings" role="search" aria-label={t("filterLabel")} className="rounded-lg border border-zinc-200 bg-white p-3">
      <div className="grid grid-cols-1 gap-x-3 gap-y-2.5 min-[26rem]:grid-cols-2 md:grid-cols-3 xl:grid-cols-[minmax(11rem,1.25fr)_repeat(4,minmax(9rem,1fr))_auto] xl:items-end">
        <div className="col-span-full space-y-1 xl:col-span-1">
          <label htmlFor="filter-q" className="block text-xs font-semibold text-zinc-700">
            {t("search")}
          </label>
          <div className="relative">
            <Search aria-hidden className="pointer-events-none absolute left-2 top-1/2 size-4 -translate-y-1/2 text-zinc-500" />
            <input
              id="filter-q"
              name="q"
              type="search"
             defaultValue={values.q ?? ""}
              placeholder={t("searchPlaceholder")}
             className="block w-full rounded-md border border-zinc-400 bg-white py-1.5 pl-8 pr-2 text-sm text-zinc-900 placeholder:text-zinc-500"
            />
          </div>
        </div>
        <FilterSelect id="filter-series" name="seriesId" label={t("filterSeries")} value={values.seriesId} empty={t("allSeries")}>
          {live(series, values.seriesId).map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect id="filter-year" name="year" label={t("filterYear")} value={values.year?.toString()} empty={t("anyYear")}>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect id="filter-area" name="priorityAreaId" label={t("filterArea")} value={values.priorityAreaId} empty={t("allAreas")}>
          {live(priorityAreas, values.priorityAreaId).map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect id="filter-org" name="organisationId" label={t("filterOrganisation")} value={values.organisationId} empty={t("allOrganisations")}>
          {organisationTree(organisations, [values.organisationId]).map(({ organisation: o, depth }) => (
            <option key={o.id} value={o.id}>
              {"\u00a0\u00a0\u00a0".repeat(depth)}
              {organisationLabel(o)}
            </option>
          ))}
        </FilterSelect>
        <div className="col-span-full flex items-center gap-2 xl:col-span-1">
          <button type="submit" className={buttonClass("secondary", "py-1.5")}>
            {t("filter")}
          </button>
          {active && (
            <Link href="/meetings" className="px-1 text-sm">
              {t("clear")}
            </Link>
          )}
        </div>
      </div>
    </form>
  );
}

function FilterSelect({ id, name, label, value, empty, children }: { id: string; name: string; label: string; value?: string; empty: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0 space-y-1">
      <label htmlFor={id} className="block text-xs font-semibold text-zinc-700">
        {label}
      </label>
      <select id={id} name={name} defaultValue={value ?? ""} className={selectClass}>
        <option value="">{empty}</option>
        {children}
      </select>
    </div>
  );
}
