"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Eye, EyeOff } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";

type WatchState = { watching: boolean; watchers: { id: string; name: string }[] };

/**
 * "Watch / Stop watching" a follow-up or a meeting, and who watches it (only people who can see
 * it, as the server answers). Watching a meeting covers all its follow-ups, later ones too.
 */
export function WatchPanel({ kind, id }: { kind: "follow-ups" | "meetings"; id: string }) {
  const t = useTranslations("inbox");
  const queryClient = useQueryClient();
  const url = `/api/v1/${kind}/${id}/watch`;
  const key = ["watch", kind, id];
  const { data } = useQuery({
    queryKey: key,
    queryFn: async (): Promise<WatchState> => {
      const res = await fetch(url, { cache: "no-store" });
      if (!res.ok) throw new Error(`watch: ${res.status}`);
      return (await res.json()) as WatchState;
    },
  });
  const [pending, setPending] = useState(false);
  const [status, setStatus] = useState("");
  const toggle = async () => {
    if (!data) return;
    setPending(true);
    try {
      const res = await fetch(url, { method: data.watching ? "DELETE" : "PUT" });
      if (!res.ok) throw new Error(String(res.status));
      const next = (await res.json()) as WatchState;
      queryClient.setQueryData(key, next);
      setStatus(next.watching ? t("watchingNow") : t("stoppedWatching"));
    } catch {
      setStatus(t("unreachable"));
    } finally {
      setPending(false);
    }
  };
  return (
    <section aria-labelledby={`watchers-${id}`} className="space-y-2 rounded-md border border-zinc-200 bg-white p-3 text-sm">
      <div className="flex items-center justify-between gap-2">
        <h2 id={`watchers-${id}`} className="font-semibold text-zinc-900">
          {t("watchers")} {data && <span className="font-normal text-zinc-600">({data.watchers.length})</span>}
        </h2>
        <Button variant="secondary" onClick={toggle} disabled={!data || pending} aria-describedby={`watch-hint-${id}`}>
          {data?.watching ? <EyeOff aria-hidden className="size-4" /> : <Eye aria-hidden className="size-4" />}
          {data?.watching ? t("stopWatching") : t("watch")}
        </Button>
      </div>
      <p id={`watch-hint-${id}`} className="text-xs text-zinc-600">
        {kind === "meetings" ? t("watchHintMeeting") : t("watchHintFollowUp")}
      </p>
      {data && data.watchers.length > 0 && <p className="text-zinc-800">{data.watchers.map((w) => w.name).join(", ")}</p>}
      <p role="status" className="text-xs text-zinc-600">
        {status}
      </p>
    </section>
  );
}
