"use client";

import { ChevronDown, Search, X } from "lucide-react";
import { debounce, useQueryStates } from "nuqs";
import { type ReactNode, useCallback, useEffect, useRef, useState, useTransition } from "react";
import { listMeetingOptionsAction, listPeopleAction } from "@/app/(app)/people-actions";
import { followUpStatuses } from "@/db/enums";
import { statusLabels } from "@/lib/format";
import { ALL_ORGANISATIONS, type BoardGroup, boardSearchParams } from "./search-params";
import type { Option, OrganisationOption } from "./types";

const selectClass = "block w-full rounded-md border border-zinc-400 bg-white py-1.5 pl-2 pr-7 text-sm text-zinc-900";
const labelClass = "block text-xs font-semibold text-zinc-700";

const groupLabels: Record<BoardGroup, string> = {
  none: "No grouping",
  priorityArea: "Priority area",
  organisation: "Owner organisation",
  meeting: "Meeting",
  owner: "Owner",
};

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

  const more = [f.meetingId, f.seriesId, f.ownerUserId, f.dueFrom, f.dueTo].filter(Boolean).length + (f.status.length ? 1 : 0);
  const any = more > 0 || !!f.q || !!f.priorityAreaId || !!f.organisationId || !!f.overdue;
  const orgValue = f.organisationId ?? viewerOrganisationId;
  const set = (patch: Partial<typeof f>) => void setF(patch);
  // Opened by a link with one of its filters: its lists are needed at once.
  const openAtFirst = useRef(more > 0);
  useEffect(() => {
    if (openAtFirst.current) loadLists();
  }, [loadLists]);

  return (
    <form role="search" aria-label="Filter follow-ups" aria-busy={pending} onSubmit={(e) => e.preventDefault()} className="rounded-lg border border-zinc-200 bg-white p-3">
      <div className="grid grid-cols-2 gap-x-3 gap-y-2.5 lg:grid-cols-[minmax(12rem,2fr)_repeat(3,minmax(0,1fr))_auto] lg:items-end">
        <div className="col-span-2 space-y-1 lg:col-span-1">
          <label htmlFor="board-q" className={labelClass}>
            Search
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
              placeholder="Title or description"
              className="block w-full rounded-md border border-zinc-400 bg-white py-1.5 pl-8 pr-2 text-sm text-zinc-900 placeholder:text-zinc-500"
            />
          </div>
        </div>
        <Select id="board-org" label="Owner organisation" value={orgValue} onChange={(v) => set({ organisationId: v === viewerOrganisationId ? null : v })}>
          <option value={ALL_ORGANISATIONS}>All organisations</option>
          {organisations.map((o) => (
            <option key={o.id} value={o.id}>
              {"\u00a0\u00a0\u00a0".repeat(o.depth)}
              {o.acronym ?? o.name}
              {o.id === viewerOrganisationId ? " (yours)" : ""}
            </option>
          ))}
        </Select>
        <Select id="board-area" label="Priority area" value={f.priorityAreaId ?? ""} onChange={(v) => set({ priorityAreaId: v || null })}>
          <option value="">All areas</option>
          {priorityAreas.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </Select>
        {showGroup ? (
          <Select id="board-group" label="Group by" value={f.group ?? "none"} onChange={(v) => set({ group: v === "none" ? null : (v as BoardGroup) })}>
            {Object.entries(groupLabels).map(([k, label]) => (
              <option key={k} value={k}>
                {label}
              </option>
            ))}
          </Select>
        ) : (
          <span />
        )}
        <div className="col-span-2 flex items-center gap-3 lg:col-span-1 lg:pb-1.5">
          <label className="inline-flex items-center gap-2 whitespace-nowrap text-sm font-medium text-zinc-800">
            <input type="checkbox" checked={!!f.overdue} onChange={(e) => set({ overdue: e.target.checked || null })} className="size-4 accent-red-700" />
            Overdue only
          </label>
        </div>
      </div>

      <details className="group mt-2" open={more > 0 ? true : undefined} onToggle={(e) => {
          if (e.currentTarget.open) loadLists();
        }}>
        <summary className="inline-flex cursor-pointer list-none items-center gap-1 rounded px-1 py-1 text-sm font-medium text-zinc-700 hover:text-zinc-900 [&::-webkit-details-marker]:hidden">
          <ChevronDown aria-hidden className="size-4 transition-transform group-open:rotate-180" />
          More filters{more ? ` (${more})` : ""}
        </summary>
        <div className="mt-2 grid grid-cols-2 gap-x-3 gap-y-2.5 lg:grid-cols-5">
          <Select id="board-meeting" label="Meeting" value={f.meetingId ?? ""} onChange={(v) => set({ meetingId: v || null })}>
            <option value="">All meetings</option>
            {meetings.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </Select>
          <Select id="board-series" label="Series" value={f.seriesId ?? ""} onChange={(v) => set({ seriesId: v || null })}>
            <option value="">All series</option>
            {series.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </Select>
          <Select id="board-owner" label="Owner" value={f.ownerUserId ?? ""} onChange={(v) => set({ ownerUserId: v || null })}>
            <option value="">Anyone</option>
            {owners.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </Select>
          <div className="space-y-1">
            <label htmlFor="board-due-from" className={labelClass}>
              Due from
            </label>
            <input id="board-due-from" type="date" value={f.dueFrom ?? ""} onChange={(e) => set({ dueFrom: e.target.value || null })} className={selectClass} />
          </div>
          <div className="space-y-1">
            <label htmlFor="board-due-to" className={labelClass}>
              Due to
            </label>
            <input id="board-due-to" type="date" value={f.dueTo ?? ""} onChange={(e) => set({ dueTo: e.target.value || null })} className={selectClass} />
          </div>
          <fieldset className="col-span-2 lg:col-span-5">
            <legend className={labelClass}>Status</legend>
            <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
              {followUpStatuses.map((s) => (
                <label key={s} className="inline-flex items-center gap-1.5 text-sm text-zinc-800">
                  <input
                    type="checkbox"
                    checked={f.status.includes(s)}
                    onChange={(e) => set({ status: e.target.checked ? [...f.status, s] : f.status.filter((x) => x !== s) })}
                    className="size-4"
                  />
                  {statusLabels[s]}
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
            void setF({ q: null, priorityAreaId: null, organisationId: null, meetingId: null, seriesId: null, ownerUserId: null, status: null, dueFrom: null, dueTo: null, overdue: null });
          }}
          className="mt-2 inline-flex items-center gap-1 rounded px-1 py-1 text-sm font-medium text-zinc-700 hover:text-zinc-900"
        >
          <X aria-hidden className="size-4" />
          Reset filters
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
