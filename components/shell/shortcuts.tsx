"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";

/** Each shortcut's keys and what it does, as keys of the catalogue's `shortcuts` namespace. */
const shortcuts = [
  ["keysSearch", "search"],
  ["keysNew", "newFollowUp"],
  ["keysRows", "rows"],
  ["keysHelp", "help"],
  ["keysClose", "close"],
] as const;

const typing = (t: EventTarget | null) => t instanceof HTMLElement && (t.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(t.tagName));

/** Keyboard shortcuts for the whole app; rows in lists opt in to j/k with `data-row-link`. */
export function Shortcuts() {
  const t = useTranslations("shortcuts");
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.metaKey || e.ctrlKey || e.altKey || typing(e.target) || document.querySelector("dialog[open]")) return;
      if (e.key === "?") dialog.current?.showModal();
      else if (e.key === "c") router.push("/follow-ups/new");
      else if (e.key === "j" || e.key === "k") {
        const rows = [...document.querySelectorAll<HTMLElement>("[data-row-link]")];
        if (!rows.length) return;
        const at = rows.indexOf(document.activeElement as HTMLElement);
        const next = e.key === "j" ? Math.min(at + 1, rows.length - 1) : Math.max(at - 1, 0);
        rows[at === -1 ? 0 : next]?.focus();
      } else return;
      e.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [router]);
  return (
    <dialog ref={dialog} aria-labelledby="shortcuts-title" className="mx-auto mt-[15vh] w-[min(28rem,calc(100vw-2rem))] rounded-lg border border-zinc-300 bg-white p-5 shadow-xl backdrop:bg-zinc-900/30">
      <h2 id="shortcuts-title" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <dl className="mt-3 divide-y divide-zinc-100 text-sm">
        {shortcuts.map(([keys, what]) => (
          <div key={keys} className="flex justify-between gap-4 py-2">
            <dt className="text-zinc-700">{t(what)}</dt>
            <dd>
              <kbd className="rounded border border-zinc-300 bg-zinc-50 px-1.5 py-0.5 text-xs">{t(keys)}</kbd>
            </dd>
          </div>
        ))}
      </dl>
      <form method="dialog" className="mt-4 text-right">
        <button type="submit" className="rounded-md border border-zinc-300 px-3 py-1.5 text-sm font-medium hover:bg-zinc-100">
          {t("closeButton")}
        </button>
      </form>
    </dialog>
  );
}
