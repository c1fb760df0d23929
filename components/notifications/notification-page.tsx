"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { markRead, type NotificationItem, NotificationGroups } from "./notification-items";

/** The /notifications list with "mark read" for one or all; the page re-renders from the server after each. */
export function NotificationPage({ items, unread }: { items: NotificationItem[]; unread: number }) {
  const t = useTranslations("inbox");
  const router = useRouter();
  const queryClient = useQueryClient();
  const [pending, startTransition] = useTransition();
  const [status, setStatus] = useState("");
  const run = (body: { ids: number[] } | { all: true }, done: string) =>
    startTransition(async () => {
      try {
        await markRead(body);
        setStatus(done);
      } catch {
        setStatus(t("unreachable"));
      }
      void queryClient.invalidateQueries({ queryKey: ["notifications"] });
      router.refresh();
    });
  return (
    <div className="rounded-md border border-zinc-200 bg-white">
      {/* The bar stays mounted (its status line announces), shown only when it has something to say. */}
      <div className={unread > 0 || status ? "flex items-center justify-between gap-2 border-b border-zinc-200 px-3 py-2" : "sr-only"}>
        <p role="status" className="text-sm text-zinc-600">
          {status}
        </p>
        {unread > 0 && (
          <Button variant="secondary" disabled={pending} onClick={() => run({ all: true }, t("allMarked"))}>
            {t("markAllRead")}
          </Button>
        )}
      </div>
      <NotificationGroups
        items={items}
        onOpen={(n) => (n.read ? undefined : void markRead({ ids: [n.id] }).catch(() => undefined))}
        onMarkRead={(n) => run({ ids: [n.id] }, t("marked"))}
      />
    </div>
  );
}
