"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Bell } from "lucide-react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useEffect, useId, useRef, useState } from "react";
import { markRead, type NotificationItem, NotificationGroups } from "@/components/notifications/notification-items";

type Page = { items: NotificationItem[]; unread: number; nextCursor: string | null };

async function fetchBell(): Promise<Page> {
  const res = await fetch("/api/v1/notifications?limit=20", { cache: "no-store" });
  if (!res.ok) throw new Error(`notifications: ${res.status}`);
  return (await res.json()) as Page;
}

/**
 * The bell: the unread count (refetched when the event stream says it changed), and a panel with
 * the newest notifications grouped by record, to open one (which marks it read) or mark all read.
 * A disclosure, not a menu: its content is links and buttons, reached with Tab; Escape closes it
 * and returns focus to the bell.
 */
export function NotificationBell({ placement }: { placement: "sidebar" | "header" }) {
  const t = useTranslations("inbox");
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const wrapper = useRef<HTMLDivElement>(null);
  const { data } = useQuery({ queryKey: ["notifications", "bell"], queryFn: fetchBell, staleTime: 60_000 });
  const unread = data?.unread ?? 0;

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (!wrapper.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", onDown);
    return () => document.removeEventListener("mousedown", onDown);
  }, [open]);

  const refetch = () => queryClient.invalidateQueries({ queryKey: ["notifications"] });
  const readOne = (n: NotificationItem) => {
    if (!n.read) void markRead({ ids: [n.id] }).then(refetch, () => undefined);
  };

  return (
    <div
      ref={wrapper}
      className="relative"
      onKeyDown={(e) => {
        if (e.key === "Escape" && open) {
          setOpen(false);
          button.current?.focus();
        }
      }}
    >
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
        className="relative rounded-md p-2 text-zinc-700 hover:bg-zinc-100"
      >
        <Bell aria-hidden className="size-5" />
        <span className="sr-only">{t("bellLabel", { unread })}</span>
        {unread > 0 && (
          <span aria-hidden data-testid="bell-count" className="absolute -right-0.5 -top-0.5 min-w-5 rounded-full bg-red-700 px-1 text-center text-[11px] font-semibold leading-5 text-white">
            {unread > 99 ? "99+" : unread}
          </span>
        )}
      </button>
      {open && (
        <div
          id={panelId}
          role="region"
          aria-label={t("yourNotifications")}
          // Following a link closes the panel.
          onClick={(e) => {
            if ((e.target as HTMLElement).closest("a")) setOpen(false);
          }}
          className={`z-50 max-h-[70vh] overflow-y-auto rounded-md border border-zinc-200 bg-white shadow-lg ${placement === "sidebar" ? "absolute left-0 top-full mt-1 w-[22rem]" : "fixed inset-x-2 top-14"}`}
        >
          <div className="flex items-center justify-between gap-2 border-b border-zinc-200 px-3 py-2">
            <h2 className="text-sm font-semibold text-zinc-900">{t("title")}</h2>
            <div className="flex items-center gap-2 text-sm">
              {unread > 0 && (
                <button type="button" className="rounded px-1.5 py-0.5 text-accent-800 underline hover:bg-zinc-100" onClick={() => void markRead({ all: true }).then(refetch, () => undefined)}>
                  {t("markAllRead")}
                </button>
              )}
              <Link href="/notifications" className="text-accent-800">
                {t("seeAll")}
              </Link>
            </div>
          </div>
          {data ? <NotificationGroups items={data.items} onOpen={readOne} onMarkRead={readOne} /> : <p className="px-3 py-4 text-sm text-zinc-600">{t("loading")}</p>}
        </div>
      )}
    </div>
  );
}
