"use client";

import { TriangleAlert } from "lucide-react";
import { useTranslations } from "next-intl";
import { useFormat } from "@/components/i18n/use-format";
import { Button } from "@/components/ui/button";
import { api } from "@/lib/api-client";

/** The fields of a follow-up the detail page's client parts need, as the JSON API returns them. */
export type LatestFollowUp = {
  id: string;
  title: string;
  description: string;
  priorityAreaId: string;
  ownerOrganisationId: string;
  ownerUserId: string | null;
  dueOn: string | null;
  status: string;
  priority: string;
  version: number;
};

/** The newest stored version, read through the JSON API (same session, same policy); null if it cannot be read. */
export async function fetchLatestFollowUp(id: string): Promise<LatestFollowUp | null> {
  const result = await api.get<LatestFollowUp>(`/api/v1/follow-ups/${encodeURIComponent(id)}`);
  return result.ok ? result.data : null;
}

/**
 * Shown when the server refused a change because someone else saved first. Nothing was
 * overwritten; the person chooses to see their change or to apply theirs on top of it.
 */
export function ConflictNotice({
  message,
  onReload,
  onKeepMine,
  reloadLabel,
  keepMineLabel,
  pending,
}: {
  message: string;
  onReload: () => void;
  onKeepMine: () => void;
  reloadLabel?: string;
  keepMineLabel?: string;
  pending?: boolean;
}) {
  const t = useTranslations("conflict");
  const f = useFormat();
  return (
    <div role="alert" className="rounded-md border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950">
      <p className="flex items-start gap-2 font-semibold">
        <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
        {t("title")}
      </p>
      {/* The server names the time as ISO; people read "27 Nov 2026, 14:02 UTC" / "27 nov. 2026, 14:02 UTC". */}
      <p className="mt-1 pl-6">{t("nothingOverwritten", { message: message.replace(/\d{4}-\d{2}-\d{2}T[\d:.]+Z/g, (iso) => f.dateTime(iso)) })}</p>
      <div className="mt-2 flex flex-wrap gap-2 pl-6">
        <Button variant="secondary" onClick={onReload} disabled={pending}>
          {reloadLabel ?? t("reload")}
        </Button>
        <Button variant="ghost" className="border border-amber-400" onClick={onKeepMine} disabled={pending}>
          {keepMineLabel ?? t("keepMine")}
        </Button>
      </div>
    </div>
  );
}
