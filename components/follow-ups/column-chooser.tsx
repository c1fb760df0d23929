"use client";

import { Columns3 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useQueryState } from "nuqs";
import { useTransition } from "react";
import { followUpColumns } from "@/lib/validation/lists";
import { columnLabel, columnsParser } from "./column-params";

/** "Columns": a disclosure of checkboxes that sets the table's `columns` URL param. */
export function ColumnChooser() {
  const t = useTranslations("followUps");
  const [pending, startTransition] = useTransition();
  const [columns, setColumns] = useQueryState("columns", columnsParser.withOptions({ shallow: false, startTransition, clearOnDefault: true }));
  const shown = columns.includes("title") ? columns : ["title" as const, ...columns];
  return (
    <details className="group relative inline-block">
      <summary className="inline-flex cursor-pointer list-none items-center gap-1.5 rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm font-medium text-zinc-800 hover:bg-zinc-50">
        <Columns3 aria-hidden className="size-4" />
        {t("columns")}
      </summary>
      <fieldset aria-busy={pending} className="absolute z-20 mt-2 w-64 rounded-lg border border-zinc-200 bg-white p-3 shadow-lg">
        <legend className="sr-only">{t("columnsToShow")}</legend>
        <p className="mb-2 text-xs text-zinc-600">{t("columnsHint")}</p>
        <ul className="space-y-1">
          {followUpColumns.map((c) => (
            <li key={c} className="flex items-center gap-2">
              <input
                id={`column-${c}`}
                type="checkbox"
               className="size-4"
                checked={shown.includes(c)}
                disabled={c === "title"}
                onChange={(e) => void setColumns(e.target.checked ? [...shown, c] : shown.filter((x) => x !== c))}
              />
              <label htmlFor={`column-${c}`} className="text-sm text-zinc-900">
                {columnLabel(t, c)}
                {c === "title" && <span className="text-zinc-600"> {t("alwaysShown")}</span>}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
    </details>
  );
}
