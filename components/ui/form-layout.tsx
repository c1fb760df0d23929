"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { describedBy, FieldError, FieldHint } from "@/components/ui/field";

/** The layout pieces of the longer forms: sections, fieldsets, checkbox lists and review rows. */

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="space-y-4 rounded-lg border border-zinc-200 bg-white p-4 sm:p-5">
      <h2 className="text-sm font-semibold uppercase tracking-wide text-zinc-600">{title}</h2>
      {children}
    </section>
  );
}

/** A fieldset whose legend is the label; hint and error as for a single field. */
export function Group({ id, legend, hint, error, children }: { id: string; legend: string; hint?: string; error?: string; children: ReactNode }) {
  return (
    <fieldset className="min-w-0 space-y-1.5" {...describedBy(id, hint, error)} aria-invalid={undefined}>
      <legend className="mb-1 block text-sm font-semibold text-zinc-900">{legend}</legend>
      <FieldHint id={id} hint={hint} />
      {children}
      <FieldError id={id} error={error} />
    </fieldset>
  );
}

export type CheckOption = { id: string; label: string; detail?: string | null; depth: number; strong?: boolean };

export function CheckboxList({
  name,
  value,
  onChange,
  options,
  scroll,
  columns,
}: {
  name: string;
  value: string[];
  onChange: (v: string[]) => void;
  options: CheckOption[];
  scroll?: boolean;
  columns?: boolean;
}) {
  const t = useTranslations("ui");
  const chosen = new Set(value);
  const toggle = (id: string, on: boolean) => onChange(on ? [...value, id] : value.filter((v) => v !== id));
  return (
    <div>
      <div className={scroll ? "max-h-72 overflow-y-auto rounded-md border border-zinc-300 bg-white px-2 py-1.5" : ""}>
        <ul className={columns ? "grid gap-x-4 gap-y-0.5 sm:grid-cols-2" : "space-y-0.5"}>
          {options.map((o, i) => (
            <li key={o.id} style={{ paddingLeft: `${o.depth * 1.5}rem` }}>
              <label className="flex cursor-pointer items-start gap-2 rounded px-1 py-1 text-[15px] hover:bg-zinc-50">
                <input
                  id={i === 0 ? name : `${name}-${o.id}`}
                  type="checkbox"
                  checked={chosen.has(o.id)}
                  onChange={(e) => toggle(o.id, e.target.checked)}
                  className="mt-1 size-4 shrink-0 accent-accent-700"
                />
                <span className="min-w-0">
                  <span className={o.strong ? "font-medium" : ""}>{o.label}</span>
                  {o.detail && o.detail !== o.label && <span className="ml-1.5 text-sm text-zinc-600">{o.detail}</span>}
                </span>
              </label>
            </li>
          ))}
        </ul>
      </div>
      {scroll && (
        <p className="mt-1 text-xs text-zinc-600">
          {t("selectedOf", { chosen: chosen.size, total: options.length })}
        </p>
      )}
    </div>
  );
}

export function Row({ id, label, evidence, children }: { id: string; label: string; evidence?: ReactNode; children: ReactNode }) {
  return (
    <div className="min-w-0 space-y-1">
      <label htmlFor={id} className="block text-sm font-semibold text-zinc-900">
        {label}
      </label>
      {children}
      {evidence}
    </div>
  );
}

export function SmallField({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="min-w-0 space-y-1">
      <label htmlFor={id} className="block text-xs font-semibold text-zinc-700">
        {label}
      </label>
      {children}
    </div>
  );
}

export function ListGroup({ legend, empty, count, children }: { legend: string; empty: string; count: number; children: ReactNode }) {
  return (
    <fieldset className="min-w-0 space-y-1.5">
      <legend className="mb-1 text-sm font-semibold text-zinc-900">{legend}</legend>
      {count ? <ul className="space-y-2">{children}</ul> : <p className="text-sm text-zinc-600">{empty}</p>}
    </fieldset>
  );
}

export function CheckRow({ id, checked, onChange, label, detail, evidence }: { id: string; checked: boolean; onChange: (on: boolean) => void; label: string; detail?: string | null; evidence: ReactNode }) {
  return (
    <li className="space-y-0.5">
      <label htmlFor={id} className="flex cursor-pointer items-start gap-2 text-[15px]">
        <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} className="mt-1 size-4 shrink-0 accent-accent-700" />
        <span className="min-w-0">
          {label}
          {detail && <span className="ml-1.5 text-sm text-zinc-600">{detail}</span>}
        </span>
      </label>
      <div className="pl-6">{evidence}</div>
    </li>
  );
}
