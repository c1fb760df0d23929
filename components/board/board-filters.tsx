"use client";

import { ChevronDown, Search, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { debounce, useQueryStates } from "nuqs";
import { type ReactNode, useCallback, useEffect, useRef, useState, useTransition } from "react";
import { listMeetingOptionsAction, listPeopleAction } from "@/app/(app)/people-actions";
import { followUpStatuses } from "@/db/enums";
import { useFormat } from "@/components/i18n/use-format";
import { ALL_ORGANISATIONS, type BoardGroup, boardGroups, boardSearchParams } from "./search-params";
import type { Option, OrganisationOption } from "./types";
import { DateInput } from "@/components/ui/date-input";

const selectClass = "block w-full rounded-md border border-zinc-400 bg-white py-1.5 pl-2 pr-7 text-sm text-zinc-900";
const labelClass = "block text-xs font-semibold text-zinc-700";


/**
 * The board's (and table's) filters, kept in the URL with nuqs: a filtered board is a link one
 * can send, and it survives a reload. Each change re-renders the server page with the new data.
 */
export function BoardFilters({
  viewerOrganisationId,
  priorityAreas,
  organisations,
  meetings: chosenMeeting,
  series,
  owners: chosenOwner,
  showGroup = true,
}: {
  viewerOrganisationId: string;
  priorityAreas: Option[];
  organisations: (OrganisationOption & { depth: number })[];
  /** The chosen meeting and owner only (if any): the whole lists load when "More filters" opens. */
  meetings: Option[];
  series: Option[];
  owners: Option[];
  showGroup?: boolean;
}) {
  const t = useTranslations("board");
  const fmt = useFormat();
  const [lists, setLists] = useState<{ meetings: Option[]; owners: Option[] } | null>(null);
  const requested = useRef(false);
  const loadLists = useCallback(() => {
    if (requested.current) return;
    requested.current = true;
    void Promise.all([listMeetingOptionsAction({}), listPeopleAction({})]).then(([m, p]) => {
      if (m.ok && p.ok) setLists({ meetings: m.data, owners: p.data.map((u) => ({ id: u.id, name: u.name })) });
      else requested.current = false; // asked again at the next opening
    });
  }, []);
  const meetings = lists?.meetings ?? chosenMeeting;
  const owners = lists?.owners ?? chosenOwner;
  const [pending, startTransition] = useTransition();
  const [f, setF] = useQueryStates(boardSearchParams, { shallow: false, startTransition });

  const more = [f.meetingId, f.seriesId, f.ownerUserId, f.dueFrom, f.dueTo, f.completedFrom, f.completedTo].filter(Boolean).length + (f.status.length ? 1 : 0);
  const any = more > 0 || !!f.q || !!f.priorityAreaId || !!f.organisationId || !!f.overdue || f.subUnits === false;
  const orgValue = f.organisationId ?? viewerOrganisationId;
  const set = (patch: Partial<typeof f>) => void setF(patch);
  // Opened by a link with one of its filters: its lists are needed at once.
  const openAtFirst = useRef(more > 0);
  useEffect(() => {
    if (openAtFirst.current) loadLists();
  }, [loadLists]);

  return (
    <form role="search" aria-label={t("filterLabel")} aria-busy={pending} onSubmit={(e) => e.preventDefault()} className="rounded-lg border border-zinc-200 bg-white p-3">
      {/* One column on a phone, then two, three, and one row from xl: a choice is never cut ("All organisatio"). */}
      <div className="grid grid-cols-1 gap-x-3 gap-y-2.5 min-[26rem]:grid-cols-2 md:grid-cols-3 xl:grid-cols-[minmax(10rem,1.25fr)_repeat(3,minmax(11.5rem,1fr))_auto] xl:items-end">
        <div className="col-span-full space-y-1 xl:col-span-1">
          <label htmlFor="board-q" className={labelClass}>
            {t("search")}
          </label>
          <div className="relative">
            <Search aria-hidden className="pointer-events-none absolute left-2 top-1/2 size-4 -translate-y-1/2 text-zinc-500" />
            <input
              id="board-q"
              type="search"
             value={f.q ?? ""}
              onChange={(e) => {
                // nuqs updates the value at once and the URL (and so the server) after a pause.
                void setF({ q: e.target.value || null }, { limitUrlUpdates: e.target.value ? debounce(350) : undefined });
              }}
              placeholder={t("searchPlaceholder")}
             className="block w-full rounded-md border border-zinc-400 bg-white py-1.5 pl-8 pr-2 text-sm text-zinc-900 placeholder:text-zinc-500"
            />
          </div>
        </div>
        <Select id="board-org" label={t("ownerOrganisation")} value={orgValue} onChange={(v) => set({ organisationId: v === viewerOrganisationId ? null : v, ...(v === ALL_ORGANISATIONS ? { subUnits: null } : {}) })}>
          <option value={ALL_ORGANISATIONS}>{t("allOrganisations")}</option>
          {organisations.map((o) => (
            <option key={o.id} value={o.id}>
              {"\u00a0\u00a0\u00a0".repeat(o.depth)}
              {o.id === viewerOrganisationId ? t("yours", { name: o.acronym ?? o.name }) : (o.acronym ?? o.name)}
            </option>
          ))}
        </Select>
        <Select id="board-area" label={t("priorityArea")} value={f.priorityAreaId ?? ""} onChange={(v) => set({ priorityAreaId: v || null })}>
          <option value="">{t("allAreas")}</option>
          {priorityAreas.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </Select>
        {showGroup ? (
          <Select id="board-group" label={t("groupBy")} value={f.group ?? "none"} onChange={(v) => set({ group: v === "none" ? null : (v as BoardGroup) })}>
            {boardGroups.map((g) => (
              <option key={g} value={g}>
                {t("group", { group: g })}
              </option>
            ))}
          </Select>
        ) : (
          <span />
        )}
        <div className="col-span-full flex flex-wrap items-center gap-x-4 gap-y-1 xl:col-span-1 xl:flex-col xl:items-start xl:pb-1.5">
          <label className="inline-flex items-center gap-2 whitespace-nowrap text-sm font-medium text-zinc-800">
            <input type="checkbox" checked={!!f.overdue} onChange={(e) => set({ overdue: e.target.checked || null })} className="size-4 accent-red-700" />
            {t("overdueOnly")}
          </label>
          {orgValue !== ALL_ORGANISATIONS && (
            <label className="inline-flex items-center gap-2 whitespace-nowrap text-sm font-medium text-zinc-800">
              <input type="checkbox" checked={f.subUnits !== false} onChange={(e) => set({ subUnits: e.target.checked ? null : false })} className="size-4" />
              {t("withSubUnits")}
            </label>
          )}
        </div>
      </div>

      <details className="group mt-2" open={more > 0 ? true : undefined} onToggle={(e) => {
          if (e.currentTarget.open) loadLists();
        }}>
        <summary className="inline-flex cursor-pointer list-none items-center gap-1 rounded px-1 py-1 text-sm font-medium text-zinc-700 hover:text-zinc-900 [&::-webkit-details-marker]:hidden">
          <ChevronDown aria-hidden className="size-4 transition-transform group-open:rotate-180" />
          {t("moreFilters", { count: more })}
        </summary>
        <div className="mt-2 grid grid-cols-1 gap-x-3 gap-y-2.5 min-[26rem]:grid-cols-2 md:grid-cols-3 xl:grid-cols-5">
          <Select id="board-meeting" label={t("meeting")} value={f.meetingId ?? ""} onChange={(v) => set({ meetingId: v || null })}>
            <option value="">{t("allMeetings")}</option>
            {meetings.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </Select>
          <Select id="board-series" label={t("series")} value={f.seriesId ?? ""} onChange={(v) => set({ seriesId: v || null })}>
            <option value="">{t("allSeries")}</option>
            {series.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </Select>
          <Select id="board-owner" label={t("owner")} value={f.ownerUserId ?? ""} onChange={(v) => set({ ownerUserId: v || null })}>
            <option value="">{t("anyone")}</option>
            {owners.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </Select>
          <div className="space-y-1">
            <label htmlFor="board-due-from" className={labelClass}>
              {t("dueFrom")}
            </label>
            <DateInput id="board-due-from" validOnly value={f.dueFrom ?? ""} onChange={(e) => set({ dueFrom: e.target.value || null })} className={selectClass} />
          </div>
          <div className="space-y-1">
            <label htmlFor="board-due-to" className={labelClass}>
              {t("dueTo")}
            </label>
            <DateInput id="board-due-to" validOnly value={f.dueTo ?? ""} onChange={(e) => set({ dueTo: e.target.value || null })} className={selectClass} />
          </div>
          <div className="space-y-1">
            <label htmlFor="board-completed-from" className={labelClass}>
              {t("completedFrom")}
            </label>
            <DateInput id="board-completed-from" validOnly value={f.completedFrom ?? ""} onChange={(e) => set({ completedFrom: e.target.value || null })} className={selectClass} />
          </div>
          <div className="space-y-1">
            <label htmlFor="board-completed-to" className={labelClass}>
              {t("completedTo")}
            </label>
            <DateInput id="board-completed-to" validOnly value={f.completedTo ?? ""} onChange={(e) => set({ completedTo: e.target.value || null })} className={selectClass} />
          </div>
          <fieldset className="col-span-full">
            <legend className={labelClass}>{t("status")}</legend>
            <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
              {followUpStatuses.map((s) => (
                <label key={s} className="inline-flex items-center gap-1.5 text-sm text-zinc-800">
                  <input
                    type="checkbox"
                    checked={f.status.includes(s)}
                    onChange={(e) => set({ status: e.target.checked ? [...f.status, s] : f.status.filter((x) => x !== s) })}
                   className="size-4"
                  />
                  {fmt.status(s)}
                </label>
              ))}
            </div>
          </fieldset>
        </div>
      </details>

      {any && (
        <button
          type="button"
          onClick={() => {
            void setF({ q: null, priorityAreaId: null, organisationId: null, subUnits: null, meetingId: null, seriesId: null, ownerUserId: null, status: null, dueFrom: null, dueTo: null, completedFrom: null, completedTo: null, overdue: null });
          }}
         className="mt-2 inline-flex items-center gap-1 rounded px-1 py-1 text-sm font-medium text-zinc-700 hover:text-zinc-900"
        >
          <X aria-hidden className="size-4" />
          {t("resetFilters")}
        </button>
      )}
    </form>
  );
}

function Select({ id, label, value, onChange, children }: { id: string; label: string; value: string; onChange: (v: string) => void; children: ReactNode }) {
  return (
    <div className="min-w-0 space-y-1">
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} className={selectClass}>
        {children}
      </select>
    </div>
  );
}
