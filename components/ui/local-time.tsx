"use client";

import { useLocale } from "next-intl";
import { useSyncExternalStore } from "react";
import { useFormat } from "@/components/i18n/use-format";
import { intlTag, isLocale } from "@/lib/i18n/locale";

const noop = () => () => {};
/** The browser's time zone ("Europe/Brussels"); null on the server, which writes UTC. */
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || null;
const serverZone = () => null;

const formats = new Map<string, Intl.DateTimeFormat>();
function formatIn(zone: string, tag: string) {
  const key = `${tag}|${zone}`;
  let f = formats.get(key);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat(tag, { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: zone, timeZoneName: "short" });
    } catch {
      return null; // an unknown zone: UTC it is
    }
    formats.set(key, f);
  }
  return f;
}

/**
 * A moment in the reader's time zone (the one set on their profile, else the browser's), with the
 * UTC time on hover: "15 Feb 2022, 10:05 CET" titled "15 Feb 2022, 09:05 UTC". The server writes
 * UTC; the browser's zone takes over once the page is live, without a hydration mismatch.
 */
export function LocalTime({ at, timeZone, className }: { at: string | Date; timeZone?: string | null; className?: string }) {
  const browser = useSyncExternalStore(noop, browserZone, serverZone);
  const locale = useLocale();
  const f = useFormat();
  const date = typeof at === "string" ? new Date(at) : at;
  const utc = f.dateTime(date);
  const zone = timeZone || browser;
  const local = zone && zone !== "UTC" && zone !== "Etc/UTC" ? formatIn(zone, intlTag[isLocale(locale) ? locale : "en"])?.format(date) : null;
  return (
    <time dateTime={date.toISOString()} title={utc} className={className}>
      {local ?? utc}
    </time>
  );
}
