"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";

/**
 * Who made the latest change to a record, once the page (refreshed live) shows a newer version than
 * the one an open form started from: the last name in its history (`activityUrl`, through the API
 * and so the policy), or the name the page already has. Null while nothing changed underneath.
 */
export function useChangedBy(changed: boolean, version: number, activityUrl: string | null, known?: string | null) {
  const someone = useTranslations("live")("someone");
  const [changedBy, setChangedBy] = useState<{ version: number; name: string } | null>(null);
  useEffect(() => {
    if (!changed || !activityUrl) return;
    let live = true;
    fetch(activityUrl, { cache: "no-store" })
      .then((r) => (r.ok ? (r.json() as Promise<{ items: { actorName: string | null }[] }>) : { items: [] }))
      .then((a) => live && setChangedBy({ version, name: a.items[a.items.length - 1]?.actorName ?? someone }))
      .catch(() => live && setChangedBy({ version, name: someone }));
    return () => {
      live = false;
    };
  }, [changed, version, activityUrl, someone]);
  if (!changed) return null;
  return known ?? (changedBy?.version === version ? changedBy.name : someone);
}

/**
 * "Marc Dubois changed this a moment ago — review changes": shown in a form whose record another
 * person changed since the edit began, before a save would meet the 409 (which stays the safety
 * net). A polite status, never moving focus; "review changes" loads their version into the form.
 */
export function ChangedUnderNotice({ name, onReview, pending }: { name: string; onReview: () => void; pending?: boolean }) {
  const t = useTranslations("live");
  return (
    <div role="status" className="flex flex-wrap items-center gap-2 rounded-md border-2 border-amber-600 bg-amber-50 px-3 py-2 text-sm text-zinc-900">
      <span>{t("changedUnder", { name })}</span>
      <button type="button" className="font-semibold text-accent-800 underline" onClick={onReview} disabled={pending}>
        {t("reviewChanges")}
      </button>
      <span className="text-zinc-700">{t("changedUnderNote")}</span>
    </div>
  );
}
