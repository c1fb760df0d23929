"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "@/components/ui/toast";
import { createMeetingSeriesAction, updateMeetingSeriesAction } from "@/app/(app)/admin/actions";
import { Button } from "@/components/ui/button";
import { Chip } from "@/components/ui/chip";
import { EditArchiveButtons } from "./form-bits";
import { NamedItemForm } from "./named-item-form";

export type NamedItem = { id: string; name: string; nameFr: string | null; description: string; archived: boolean; version: number };

/** Meeting series: add, rename, describe, archive, restore. (Priority areas have their own, ordered list.) */
export function NamedListAdmin({ items }: { items: NamedItem[] }) {
  const t = useTranslations("admin.series");
  const tc = useTranslations("admin.common");
  const router = useRouter();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(p: Promise<{ ok: boolean; error?: string }>) {
    setBusy(true);
    const result = await p.catch(() => null);
    setBusy(false);
    if (result?.ok) {
      router.refresh();
    } else toast.error((result && "error" in result && result.error) || tc("unreachable"));
  }

  return (
    <div className="space-y-5">
      {adding ? (
        <section aria-labelledby="add-series-title" className="rounded-md border border-zinc-300 bg-white p-4">
          <h2 id="add-series-title" className="mb-3 font-semibold">
            {t("add")}
          </h2>
          <NamedItemForm prefix="new-series" submit={(v) => createMeetingSeriesAction(v)} onDone={() => setAdding(false)} onCancel={() => setAdding(false)} submitLabel={t("submitAdd")} />
        </section>
      ) : (
        <Button onClick={() => setAdding(true)}>{t("add")}</Button>
      )}
      {items.length === 0 ? (
        <p className="text-sm text-zinc-700">{t("empty")}</p>
      ) : (
        <ul className="divide-y divide-zinc-200 rounded-md border border-zinc-200 bg-white" aria-label={t("listLabel")}>
          {items.map((item) => (
            <li key={item.id}>
              <div className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2">
                <div className="min-w-0 flex-[1_1_16rem]">
                  <span className={`font-medium ${item.archived ? "text-zinc-600" : "text-zinc-900"}`}>{item.name}</span>
                  {item.archived && <Chip className="ml-2 border-amber-700 bg-amber-50 text-amber-900">{tc("archived")}</Chip>}
                  {item.description && <div className="text-sm text-zinc-700">{item.description}</div>}
                </div>
                <div className="-mx-2 flex shrink-0 gap-0.5">
                  <EditArchiveButtons
                    name={item.name}
                    archived={item.archived}
                    editing={editing === item.id}
                    busy={busy}
                    onEdit={() => setEditing(editing === item.id ? null : item.id)}
                    onArchive={() => run(updateMeetingSeriesAction({ id: item.id, patch: { archived: !item.archived, version: item.version } }))}
                  />
                </div>
              </div>
              {editing === item.id && (
                <div className="border-t border-zinc-200 bg-zinc-50 px-3 py-4">
                  <NamedItemForm
                    prefix={`edit-${item.id.slice(0, 8)}`}
                   
                    current={item}
                    submit={(v) => updateMeetingSeriesAction({ id: item.id, patch: { ...v, version: item.version } })}
                    onDone={() => setEditing(null)}
                    onCancel={() => setEditing(null)}
                    submitLabel={tc("saveChanges")}
                  />
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
