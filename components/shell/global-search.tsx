"use client";

import { useQuery } from "@tanstack/react-query";
import { CalendarDays, ListChecks, Search } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { useFormat } from "@/components/i18n/use-format";
import { api, errorText } from "@/lib/api-client";

type Hit = { kind: "meeting" | "follow-up"; id: string; title: string; detail: string };
/** How a hit's details are said: a date, and a follow-up's due date, in the reader's language. */
type Say = { date: (iso: string) => string; due: (date: string) => string; noDue: string; failed: (result: { code: string; error: string }) => string };
type Items<T> = { items: T[] };

/** Both lists through the API client; a refusal or a network failure is an error the dialog says, never an empty result. */
async function search(q: string, signal: AbortSignal, say: Say): Promise<Hit[]> {
  const query = { q, limit: 6 };
  const [m, f] = await Promise.all([
    api.get<Items<{ id: string; title: string; heldOn: string; location: string }>>("/api/v1/meetings", { query, signal }),
    api.get<Items<{ id: string; title: string; dueOn: string | null }>>("/api/v1/follow-ups", { query, signal }),
  ]);
  if (!m.ok) throw new Error(say.failed(m));
  if (!f.ok) throw new Error(say.failed(f));
  return [
    ...m.data.items.map((x) => ({ kind: "meeting" as const, id: x.id, title: x.title, detail: [say.date(x.heldOn), x.location].filter(Boolean).join(" · ") })),
    ...f.data.items.map((x) => ({ kind: "follow-up" as const, id: x.id, title: x.title, detail: x.dueOn ? say.due(say.date(x.dueOn)) : say.noDue })),
  ];
}

/** Ctrl/⌘-K or "/" opens a search over meetings and follow-ups; Enter opens the chosen one. */
export function GlobalSearch() {
  const t = useTranslations("search");
  const te = useTranslations("errors");
  const f = useFormat();
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const router = useRouter();
  const [q, setQ] = useState("");
  const [active, setActive] = useState(0);
  const listId = useId();
  const term = q.trim();
  const { data: hits = [], isFetching, error } = useQuery({
    queryKey: ["search", f.locale, term],
    queryFn: ({ signal }) => search(term, signal, { date: f.date, due: (date) => t("due", { date }), noDue: t("noDue"), failed: (r) => errorText(r, te) }),
    enabled: term.length >= 2,
    // Typing on is the retry: a failure is said at once.
    retry: false,
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
        <span className="flex-1 text-left">{t("button")}</span>
        <kbd className="rounded border border-zinc-300 bg-white px-1 text-xs text-zinc-600">{t("shortcut")}</kbd>
      </button>
      <dialog ref={dialog} aria-label={t("label")} className="mx-auto mt-[10vh] w-[min(40rem,calc(100vw-2rem))] rounded-lg border border-zinc-300 bg-white p-0 shadow-xl backdrop:bg-zinc-900/30" onClose={() => setQ("")}>
        <div className="flex items-center gap-2 border-b border-zinc-200 px-3">
          <Search aria-hidden className="size-4 text-zinc-500" />
          <input
            ref={input}
            type="search"
            role="combobox"
            aria-expanded={hits.length > 0}
            aria-controls={listId}
            aria-activedescendant={hits[active] ? `${listId}-${active}` : undefined}
            aria-label={t("label")}
            placeholder={t("placeholder")}
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
        <ul id={listId} role="listbox" aria-label={t("results")} className="max-h-[60vh] overflow-y-auto p-1">
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
                    {hit.kind === "meeting" ? t("meeting") : t("followUp")} · {hit.detail}
                  </span>
                </span>
              </li>
            );
          })}
        </ul>
        <p className={`border-t border-zinc-200 px-3 py-2 text-xs ${error && !isFetching && term.length >= 2 ? "text-red-800" : "text-zinc-600"}`} role="status">
          {term.length < 2 ? t("minChars") : isFetching ? t("searching") : error ? t("failed", { reason: error.message }) : hits.length ? t("help") : t("nothing")}
        </p>
      </dialog>
    </>
  );
}
