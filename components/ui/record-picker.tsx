"use client";

import { useEffect, useId, useRef, useState } from "react";
import { inputClass } from "./field";

export type RecordOption = { id: string; label: string; type: string; typeLabel: string };

/** Meetings and follow-ups are many: asked of the API as one types (what the viewer may see only). */
async function searchRemote(q: string, signal: AbortSignal): Promise<RecordOption[]> {
  const qs = new URLSearchParams({ q, limit: "8" });
  const get = (path: string) => fetch(`${path}?${qs}`, { signal }).then((r) => (r.ok ? r.json() : { items: [] })) as Promise<{ items: { id: string; title: string }[] }>;
  const [meetings, followUps] = await Promise.all([get("/api/v1/meetings"), get("/api/v1/follow-ups")]);
  return [
    ...meetings.items.map((m) => ({ id: m.id, label: m.title, type: "meeting", typeLabel: "Meeting" })),
    ...followUps.items.map((f) => ({ id: f.id, label: f.title, type: "follow_up", typeLabel: "Follow-up" })),
  ];
}

/**
 * Pick one record by its name: a combobox over the reference records (organisations, areas, series,
 * people) and, as one types, meetings and follow-ups. The form posts the record's id (`name`) and
 * sets its type in the form's `typeField` select, if there is one.
 */
export function RecordPicker({ id, name, typeField, options, defaultValue, label }: { id: string; name: string; typeField?: string; options: RecordOption[]; defaultValue?: RecordOption | null; label: string }) {
  const [query, setQuery] = useState(defaultValue?.label ?? "");
  const [chosen, setChosen] = useState<RecordOption | null>(defaultValue ?? null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [remote, setRemote] = useState<RecordOption[]>([]);
  const listId = useId();
  const box = useRef<HTMLInputElement>(null);
  const q = query.trim().toLowerCase();

  useEffect(() => {
    if (!open || q.length < 2) return;
    const ctrl = new AbortController();
    const t = setTimeout(() => searchRemote(q, ctrl.signal).then(setRemote, () => {}), 200);
    return () => {
      clearTimeout(t);
      ctrl.abort();
    };
  }, [open, q]);

  const local = q ? options.filter((o) => o.label.toLowerCase().includes(q)) : options;
  const shown = [...local.slice(0, 12), ...(q.length >= 2 ? remote : [])];

  const pick = (o: RecordOption | null) => {
    setChosen(o);
    setQuery(o?.label ?? "");
    setOpen(false);
    const select = typeField ? box.current?.form?.elements.namedItem(typeField) : null;
    if (o && select instanceof HTMLSelectElement) select.value = o.type;
  };

  return (
    <div className="relative">
      <input
        ref={box}
        id={id}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={open && shown.length > 0}
        aria-controls={listId}
        aria-activedescendant={open && shown[active] ? `${listId}-${active}` : undefined}
        className={inputClass}
        placeholder={`Type a name`}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
          setActive(0);
          if (!e.target.value.trim()) setChosen(null);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown") {
            e.preventDefault();
            setOpen(true);
            setActive((i) => Math.min(i + 1, shown.length - 1));
          } else if (e.key === "ArrowUp") {
            e.preventDefault();
            setActive((i) => Math.max(i - 1, 0));
          } else if (e.key === "Enter" && open && shown[active]) {
            e.preventDefault();
            pick(shown[active]);
          } else if (e.key === "Escape") {
            setOpen(false);
          }
        }}
      />
      <input type="hidden" name={name} value={chosen && chosen.label === query ? chosen.id : ""} />
      {open && shown.length > 0 && (
        <ul id={listId} role="listbox" aria-label={label} className="absolute z-20 mt-1 max-h-72 w-full min-w-64 overflow-y-auto rounded-md border border-zinc-300 bg-white py-1 text-sm shadow-lg">
          {shown.map((o, i) => (
            <li
              key={`${o.type}-${o.id}`}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={`cursor-pointer px-3 py-1.5 ${i === active ? "bg-accent-50 text-zinc-900" : "text-zinc-800"}`}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(o);
              }}
              onMouseEnter={() => setActive(i)}
            >
              <span className="font-medium">{o.label}</span> <span className="text-xs text-zinc-600">{o.typeLabel}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
