"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { FieldError, inputClass } from "./field";

export type ChecklistOption = { id: string; label: string };

/**
 * Several choices from a long list: a search that narrows it and a checkbox each (the SDG target
 * picker's pattern), instead of a multiple select that needs Ctrl-click. The chosen ones stay in
 * view whatever the search; a fieldset, so the question is heard before each box.
 */
export function SearchableChecklist({
  id,
  legend,
  hint,
  error,
  options,
  value,
  onChange,
  searchLabel = "Search",
  noun = "items",
}: {
  id: string;
  legend: string;
  hint?: string;
  error?: string;
  options: ChecklistOption[];
  value: string[];
  onChange: (ids: string[]) => void;
  searchLabel?: string;
  noun?: string;
}) {
  const t = useTranslations("ui");
  const [query, setQuery] = useState("");
  // Kept in view: the ones chosen when the search changed, and any box touched since.
  const [kept, setKept] = useState<ReadonlySet<string>>(() => new Set(value));
  const statusId = useId();
  const q = query.trim().toLowerCase();
  const chosen = new Set(value);
  const shown = options.filter((o) => !q || kept.has(o.id) || o.label.toLowerCase().includes(q));
  const toggle = (optionId: string, on: boolean) => {
    setKept((k) => new Set(k).add(optionId));
    const next = new Set(value);
    if (on) next.add(optionId);
    else next.delete(optionId);
    onChange(options.map((o) => o.id).filter((o) => next.has(o)));
  };
  const described = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  const chosenLabels = options.filter((o) => chosen.has(o.id)).map((o) => o.label);

  return (
    <fieldset id={id} tabIndex={-1} aria-describedby={described} className="min-w-0 space-y-2">
      <legend className="text-sm font-semibold text-zinc-900">{legend}</legend>
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-zinc-600">
          {hint}
        </p>
      )}
      <div className="flex flex-wrap items-end gap-x-4 gap-y-2">
        <div className="w-full max-w-xs space-y-1">
          <label htmlFor={`${id}-search`} className="block text-sm font-medium text-zinc-800">
            {searchLabel}
          </label>
          <input
            id={`${id}-search`}
            type="search"
            className={inputClass}
            value={query}
            aria-controls={`${id}-list`}
            aria-describedby={statusId}
            onChange={(e) => {
              setQuery(e.target.value);
              setKept(new Set(value));
            }}
            onKeyDown={(e) => {
              if (e.key === "Enter") e.preventDefault(); // searching, not submitting the form
            }}
          />
        </div>
        <p id={statusId} role="status" className="min-w-0 pb-1.5 text-sm text-zinc-700">
          {value.length ? t("chosen", { count: value.length, labels: chosenLabels.join("; ") }) : t("noneChosen")}
          {q && t("shown", { shown: shown.length, total: options.length, noun })}
        </p>
      </div>
      <ul id={`${id}-list`} className={`max-h-60 overflow-y-auto rounded-md border bg-white py-1 ${error ? "border-red-700" : "border-zinc-300"}`}>
        {shown.length === 0 && <li className="px-3 py-2 text-sm text-zinc-700">{t("nothingMatches", { query })}</li>}
        {shown.map((o) => (
          <li key={o.id}>
            <label className="flex cursor-pointer items-start gap-2 px-3 py-1.5 text-sm hover:bg-zinc-50">
              <input type="checkbox" className="mt-0.5 size-4 shrink-0 accent-accent-700" checked={chosen.has(o.id)} onChange={(e) => toggle(o.id, e.target.checked)} />
              <span className="min-w-0 break-words text-zinc-900">{o.label}</span>
            </label>
          </li>
        ))}
      </ul>
      <FieldError id={id} error={error} />
    </fieldset>
  );
}
