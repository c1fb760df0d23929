"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { intlTag, isLocale } from "@/lib/i18n/locale";

/** A record another tab or person changed: { type, id, version }, as the server's event named it. */
export type RecordChange = { type: "follow_up" | "meeting"; id: string; version: number };
export const RECORD_CHANGED = "tracker:record-changed";

/**
 * The tab's one event stream (GET /api/v1/events). An event names a record and its new version,
 * nothing more: the page then refetches through the normal API and server components (TanStack
 * Query invalidation, router.refresh), so the server's policy decides what is shown. Refreshes
 * are gathered for a moment, announced politely, and never move focus. Forms hear of a change to
 * their record through a window event (RECORD_CHANGED), to warn before a 409.
 */
export function LiveUpdates() {
  const t = useTranslations("live");
  const locale = useLocale();
  const router = useRouter();
  const pathname = usePathname();
  const queryClient = useQueryClient();
  const [message, setMessage] = useState("");
  const path = useRef(pathname);
  useEffect(() => {
    path.current = pathname;
  }, [pathname]);
  // The announcement in the reader's language; its time in their time zone (English: the browser's own clock format, as before).
  const sayUpdated = useRef<(time: Date) => string>(() => "");
  useEffect(() => {
    const clock = new Intl.DateTimeFormat(locale === "en" || !isLocale(locale) ? undefined : intlTag[locale], { hour: "2-digit", minute: "2-digit" });
    sayUpdated.current = (time: Date) => t("updated", { time: clock.format(time) });
  }, [locale, t]);

  useEffect(() => {
    if (typeof EventSource === "undefined") return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let announced = 0;
    let last = 0;
    // The first event refreshes at once; a burst after it is gathered into one more refresh.
    const refresh = (announce: boolean) => {
      clearTimeout(timer);
      const wait = Math.max(0, last + 300 - Date.now());
      timer = setTimeout(() => {
        last = Date.now();
        void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== "notifications" });
        router.refresh();
        // At most one announcement every few seconds: a busy board must not chatter.
        if (announce && Date.now() - announced > 5_000) {
          announced = Date.now();
          setMessage(sayUpdated.current(new Date()));
        }
      }, wait);
    };
    const source = new EventSource("/api/v1/events");
    // Whether this tab hears live changes now (a hook for tests, like data-hydrated).
    const root = document.documentElement;
    source.addEventListener("open", () => (root.dataset.live = "open"));
    source.addEventListener("error", () => (root.dataset.live = "reconnecting"));
    const onRecord = (type: RecordChange["type"]) => (e: MessageEvent<string>) => {
      try {
        const { id, version } = JSON.parse(e.data) as { id: string; version: number };
        window.dispatchEvent(new CustomEvent<RecordChange>(RECORD_CHANGED, { detail: { type, id, version } }));
      } catch {
        // a malformed event changes nothing
      }
      refresh(true);
    };
    source.addEventListener("follow_up", onRecord("follow_up"));
    source.addEventListener("meeting", onRecord("meeting"));
    source.addEventListener("reset", () => refresh(false));
    source.addEventListener("notification", () => {
      void queryClient.invalidateQueries({ queryKey: ["notifications"] });
      if (path.current === "/notifications") router.refresh();
    });
    // The session ended: no reconnecting; the next navigation goes to sign-in.
    source.addEventListener("end", () => source.close());
    return () => {
      clearTimeout(timer);
      source.close();
      delete root.dataset.live;
    };
  }, [queryClient, router]);

  return (
    <p aria-live="polite" className="sr-only">
      {message}
    </p>
  );
}
