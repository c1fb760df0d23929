"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { inputClass } from "@/components/ui/field";
import { type SdgTarget } from "@/lib/sdg";

/**
 * SDG targets as checkboxes grouped by goal, with a search that narrows the list (chosen ones
 * always stay in view). A fieldset, so screen readers hear the question before each box.
 */
export function SdgTargetPicker({ id, legend, hint, targets, value, onChange, error }: {
  id: string;
  legend: string;
  hint: string;
  targets: SdgTarget[];
  value: string[];
  onChange: (codes: string[]) => void;
  error?: string;
}) {
  const t = useTranslations("admin.sdg");
  const tf = useTranslations("form");
  // "Goal 16: Peace, justice and strong institutions" / "Objectif 16 : Paix, justice et institutions efficaces".
  const goalLabel = (goal: number) => {
    const key = `goals.${goal}` as "goals.16";
    return t.has(key) ? t("goalNamed", { goal, name: t(key) }) : t("goal", { goal });
  };
  const [query, setQuery] = useState("");
  // Shown whatever the search: the targets chosen when the search changed, and any box touched
  // since (so unticking one does not make it vanish under the pointer).
  const [kept, setKept] = useState<ReadonlySet<string>>(() => new Set(value));
  const statusId = useId();
  const q = query.trim().toLowerCase();
  const chosen = new Set(value);
  const shown = targets.filter((t) => !q || kept.has(t.code) || t.code.startsWith(q) || t.title.toLowerCase().includes(q) || goalLabel(t.goal).toLowerCase().includes(q));
  const goals = [...new Set(shown.map((t) => t.goal))];
  const toggle = (code: string, on: boolean) => {
    setKept((k) => new Set(k).add(code));
    const next = new Set(value);
    if (on) next.add(code);
    else next.delete(code);
    // Keep the list's order (goal by goal), whatever order the boxes were ticked in.
    onChange(targets.map((t) => t.code).filter((c) => next.has(c)));
  };
  const described = [`${id}-hint`, error ? `${id}-error` : ""].filter(Boolean).join(" ");

  return (
    <fieldset id={id} tabIndex={-1} aria-describedby={described} className="space-y-2">
      <legend className="text-sm font-semibold text-zinc-900">{legend}</legend>
      <p id={`${id}-hint`} className="text-sm text-zinc-600">
        {hint}
      </p>
      {error && (
        <p id={`${id}-error`} className="text-sm font-medium text-red-700">
          <span className="sr-only">{tf("errorPrefix")}</span>
          {error}
        </p>
      )}
      <div className="flex flex-wrap items-end gap-x-4 gap-y-2">
        <div className="w-full max-w-xs space-y-1">
          <label htmlFor={`${id}-search`} className="block text-sm font-medium text-zinc-800">
            {t("search")}
          </label>
          <input
            id={`${id}-search`}
            type="search"
            className={inputClass}
            placeholder={t("placeholder")}
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
        <p id={statusId} role="status" className="pb-1.5 text-sm text-zinc-700">
          {value.length ? t("chosen", { count: value.length, codes: value.join(", ") }) : t("noneChosen")}
          {q && t("shown", { shown: shown.length, total: targets.length })}
        </p>
      </div>
      <div id={`${id}-list`} className={`max-h-72 overflow-y-auto rounded-md border bg-white ${error ? "border-red-700" : "border-zinc-300"}`}>
        {goals.length === 0 && <p className="px-3 py-2 text-sm text-zinc-700">{t("noMatch", { query })}</p>}
        {goals.map((goal) => (
          <div key={goal} role="group" aria-labelledby={`${id}-goal-${goal}`} className="border-b border-zinc-200 last:border-b-0">
            <p id={`${id}-goal-${goal}`} className="sticky top-0 bg-zinc-100 px-3 py-1 text-xs font-semibold text-zinc-800">
              {goalLabel(goal)}
            </p>
            <ul>
              {shown
                .filter((t) => t.goal === goal)
                .map((t) => (
                  <li key={t.code}>
                    <label className="flex cursor-pointer items-start gap-2 px-3 py-1.5 text-sm hover:bg-zinc-50">
                      <input type="checkbox" className="mt-0.5 size-4 shrink-0 accent-accent-700" checked={chosen.has(t.code)} onChange={(e) => toggle(t.code, e.target.checked)} />
                      <span>
                        <span className="font-semibold tabular-nums text-zinc-900">{t.code}</span> <span className="text-zinc-700">{t.title}</span>
                      </span>
                    </label>
                  </li>
                ))}
            </ul>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
