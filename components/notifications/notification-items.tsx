"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useFormat } from "@/components/i18n/use-format";

export type NotificationItem = {
  id: number;
  kind: string;
  text: string;
  href: string;
  read: boolean;
  createdAt: string;
  followUpId: string | null;
  followUpTitle: string | null;
  meetingId: string | null;
  meetingTitle: string | null;
};

/** Notifications grouped by the follow-up (or meeting) they are about, in the order of their newest. */
export function groupByRecord(items: NotificationItem[], other = "Other") {
  const groups = new Map<string, { key: string; title: string; items: NotificationItem[] }>();
  for (const n of items) {
    const key = n.followUpId ?? n.meetingId ?? `n${n.id}`;
    if (!groups.has(key)) groups.set(key, { key, title: n.followUpTitle ?? n.meetingTitle ?? other, items: [] });
    groups.get(key)!.items.push(n);
  }
  return [...groups.values()];
}

/** The list, grouped by record: each item says who did what and links to it; read ones fade. */
export function NotificationGroups({ items, onOpen, onMarkRead }: { items: NotificationItem[]; onOpen?: (n: NotificationItem) => void; onMarkRead?: (n: NotificationItem) => void }) {
  const t = useTranslations("inbox");
  const f = useFormat();
  if (!items.length) return <p className="px-3 py-4 text-sm text-zinc-600">{t("empty")}</p>;
  return (
    <ul className="divide-y divide-zinc-200">
      {groupByRecord(items, t("other")).map((g) => (
        <li key={g.key} className="py-2">
          <p className="truncate px-3 text-xs font-semibold uppercase tracking-wide text-zinc-600">{g.title}</p>
          <ul>
            {g.items.map((n) => (
              <li key={n.id} className={`flex items-start gap-2 px-3 py-1.5 ${n.read ? "bg-zinc-50" : ""}`}>
                <span aria-hidden className={`mt-1.5 size-2 shrink-0 rounded-full ${n.read ? "bg-transparent" : "bg-accent-700"}`} />
                <span className="min-w-0 flex-1">
                  {/* Read ones fade to grey (still 4.5:1 and more), unread ones are bold. */}
                  <Link href={n.href} onClick={() => onOpen?.(n)} className={`text-sm ${n.read ? "text-zinc-600" : "font-semibold text-zinc-900"}`}>
                    {n.text}
                    {!n.read && <span className="sr-only">{t("unreadSuffix")}</span>}
                  </Link>
                  <time dateTime={n.createdAt} className="block text-xs text-zinc-600">
                    {f.dateTime(n.createdAt)}
                  </time>
                </span>
                {!n.read && onMarkRead && (
                  <button type="button" onClick={() => onMarkRead(n)} className="shrink-0 rounded px-1.5 py-0.5 text-xs text-zinc-700 underline hover:bg-zinc-100">
                    {t("markRead")}<span className="sr-only">: {n.text}</span>
                  </button>
                )}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}

export async function markRead(body: { ids: number[] } | { all: true }) {
  const res = await fetch("/api/v1/notifications/read", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`mark read: ${res.status}`);
}
