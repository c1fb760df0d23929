"use client";

import { useQuery } from "@tanstack/react-query";
import { CalendarDays, ListChecks, Search } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { formatDate } from "@/lib/format";

type Hit = { kind: "meeting" | "follow-up"; id: string; title: string; detail: string };

async function search(q: string, signal: AbortSignal): Promise<Hit[]> {
  const qs = `q=${encodeURIComponent(q)}&limit=6`;
  const [m, f] = await Promise.all([
    fetch(`/api/v1/meetings?${qs}`, { signal }).then((r) => (r.ok ? r.json() : { items: [] })),
    fetch(`/api/v1/follow-ups?${qs}`, { signal }).then((r) => (r.ok ? r.json() : { items: [] })),
  ]);
  return [
    ...(m.items as { id: string; title: string; heldOn: string; location: string }[]).map((x) => ({ kind: "meeting" as const, id: x.id, title: x.title, detail: [formatDate(x.heldOn), x.location].filter(Boolean).join(" · ") })),
    ...(f.items as { id: string; title: string; dueOn: string | null; status: string }[]).map((x) => ({ kind: "follow-up" as const, id: x.id, title: x.title, detail: x.dueOn ? `due ${formatDate(x.dueOn)}` : "no due date" })),
  ];
}

/** Ctrl/⌘-K or "/" opens a search over meetings and follow-ups; Enter opens the chosen one. */
export function GlobalSearch() {
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const router = useRouter();
  const [q, setQ] = useState("");
  const [active, setActive] = useState(0);
  const listId = useId();
  const term = q.trim();
  const { data: hits = [], isFetching } = useQuery({
    queryKey: ["search", term],
    queryFn: ({ signal }) => search(term, signal),
    enabled: term.length >= 2,
  });

  const open = () => {
    dialog.current?.showModal();
    input.current?.select();
  };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const typing = e.target instanceof HTMLElement && (e.target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(e.target.tagName));
      if ((e.key === "k" && (e.metaKey || e.ctrlKey)) || (e.key === "/" && !typing)) {
        e.preventDefault();
        open();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const go = (hit: Hit | undefined) => {
    if (!hit) return;
    dialog.current?.close();
    router.push(hit.kind === "meeting" ? `/meetings/${hit.id}` : `/follow-ups/${hit.id}`);
  };

  return (
    <>
      <button type="button" onClick={open} className="flex w-full items-center gap-2 rounded-md border border-zinc-300 bg-zinc-50 px-2.5 py-1.5 text-sm text-zinc-600 hover:bg-zinc-100">
        <Search aria-hidden className="size-4" />
        <span className="flex-1 text-left">Search</span>
        <kbd className="rounded border border-zinc-300 bg-white px-1 text-xs text-zinc-600">Ctrl K</kbd>
      </button>
      <dialog ref={dialog} aria-label="Search meetings and follow-ups" className="mx-auto mt-[10vh] w-[min(40rem,calc(100vw-2rem))] rounded-lg border border-zinc-300 bg-white p-0 shadow-xl backdrop:bg-zinc-900/30" onClose={() => setQ("")}>
        <div className="flex items-center gap-2 border-b border-zinc-200 px-3">
          <Search aria-hidden className="size-4 text-zinc-500" />
          <input
            ref={input}
            type="search"
            role="combobox"
            aria-expanded={hits.length > 0}
            aria-controls={listId}
            aria-activedescendant={hits[active] ? `${listId}-${active}` : undefined}
            aria-label="Search meetings and follow-ups"
            placeholder="Search meetings and follow-ups…"
            className="w-full py-3 text-[15px] outline-none"
            value={q}
            onChange={(e) => {
              setQ(e.target.value);
              setActive(0);
            }}
            onKeyDown={(e) => {
              if (e.key === "ArrowDown") setActive((a) => Math.min(a + 1, hits.length - 1));
              else if (e.key === "ArrowUp") setActive((a) => Math.max(a - 1, 0));
              else if (e.key === "Enter") go(hits[active]);
              else return;
              e.preventDefault();
            }}
          />
        </div>
        <ul id={listId} role="listbox" aria-label="Results" className="max-h-[60vh] overflow-y-auto p-1">
          {hits.map((hit, i) => {
            const Icon = hit.kind === "meeting" ? CalendarDays : ListChecks;
            return (
              <li
                key={`${hit.kind}-${hit.id}`}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                onMouseEnter={() => setActive(i)}
                onClick={() => go(hit)}
                className={`flex cursor-pointer items-start gap-2 rounded-md px-3 py-2 ${i === active ? "bg-accent-50" : ""}`}
              >
                <Icon aria-hidden className="mt-0.5 size-4 shrink-0 text-zinc-500" />
                <span className="min-w-0">
                  <span className="block truncate text-sm font-medium">{hit.title}</span>
                  <span className="block text-xs text-zinc-600">
                    {hit.kind === "meeting" ? "Meeting" : "Follow-up"} · {hit.detail}
                  </span>
                </span>
              </li>
            );
          })}
        </ul>
        <p className="border-t border-zinc-200 px-3 py-2 text-xs text-zinc-600" role="status">
          {term.length < 2 ? "Type at least two letters." : isFetching ? "Searching…" : hits.length ? "↑ ↓ to choose, Enter to open, Esc to close." : "Nothing found."}
        </p>
      </dialog>
    </>
  );
}
