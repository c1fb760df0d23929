"use client";

import { ArrowDown, ArrowUp } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import {
  createMeetingSeriesAction,
  createPriorityAreaAction,
  reorderPriorityAreasAction,
  updateMeetingSeriesAction,
  updatePriorityAreaAction,
} from "@/app/(app)/admin/actions";
import { Button } from "@/components/ui/button";
import { Chip } from "@/components/ui/chip";
import { meetingSeriesInput } from "@/lib/validation/meeting-series";
import { priorityAreaInput } from "@/lib/validation/priority-areas";
import { NamedItemForm } from "./named-item-form";
import { PriorityAreaForm } from "./priority-area-form";

export type NamedItem = { id: string; name: string; description: string; keywords?: string[]; archived: boolean; version: number };

const kinds = {
  area: { noun: "priority area", schema: priorityAreaInput, create: createPriorityAreaAction, update: updatePriorityAreaAction },
  series: { noun: "meeting series", schema: meetingSeriesInput, create: createMeetingSeriesAction, update: updateMeetingSeriesAction },
} as const;

/** Priority areas (ordered, with up/down) or meeting series: add, rename, describe, archive, restore. */
export function NamedListAdmin({ kind, items }: { kind: keyof typeof kinds; items: NamedItem[] }) {
  const k = kinds[kind];
  const router = useRouter();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ordered = kind === "area";

  async function run(p: Promise<{ ok: boolean; error?: string }>) {
    setBusy(true);
    const result = await p.catch(() => null);
    setBusy(false);
    if (result?.ok) {
      router.refresh();
    } else toast.error((result && "error" in result && result.error) || "Could not reach the server. Try again.");
  }
  const move = (index: number, by: -1 | 1) => {
    const ids = items.map((i) => i.id);
    const [moved] = ids.splice(index, 1);
    if (!moved) return;
    ids.splice(index + by, 0, moved);
    return run(reorderPriorityAreasAction({ ids }));
  };

  return (
    <div className="space-y-5">
      {adding ? (
        <section aria-labelledby={`add-${kind}-title`} className="rounded-md border border-zinc-300 bg-white p-4">
          <h2 id={`add-${kind}-title`} className="mb-3 font-semibold">
            Add a {k.noun}
          </h2>
          {kind === "area" ? (
            <PriorityAreaForm prefix="new-area" submit={(v) => createPriorityAreaAction(v)} onDone={() => setAdding(false)} onCancel={() => setAdding(false)} submitLabel="Add priority area" />
          ) : (
            <NamedItemForm prefix={`new-${kind}`} schema={k.schema} submit={(v) => k.create(v)} onDone={() => setAdding(false)} onCancel={() => setAdding(false)} submitLabel={`Add ${k.noun}`} />
          )}
        </section>
      ) : (
        <Button onClick={() => setAdding(true)}>Add a {k.noun}</Button>
      )}
      {items.length === 0 ? (
        <p className="text-sm text-zinc-700">No {k.noun} yet. Add the first one.</p>
      ) : (
        <ol className="divide-y divide-zinc-200 rounded-md border border-zinc-200 bg-white" aria-label={ordered ? "Priority areas, in order" : "Meeting series"}>
          {items.map((item, i) => (
            <li key={item.id}>
              <div className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2">
                <div className="min-w-0 flex-[1_1_16rem]">
                  <span className={`font-medium ${item.archived ? "text-zinc-600" : "text-zinc-900"}`}>{item.name}</span>
                  {item.archived && <Chip className="ml-2 border-amber-700 bg-amber-50 text-amber-900">Archived</Chip>}
                  {item.description && <div className="text-sm text-zinc-700">{item.description}</div>}
                  {!!item.keywords?.length && (
                    <div className="text-sm text-zinc-600">
                      <span className="font-medium text-zinc-700">Also called:</span> {item.keywords.join(", ")}
                    </div>
                  )}
                </div>
                <div className="-mx-2 flex shrink-0 gap-0.5">
                  {ordered && (
                    <>
                      <Button variant="ghost" disabled={busy || i === 0} className="disabled:text-zinc-400" onClick={() => move(i, -1)} aria-label={`Move ${item.name} up`} title="Move up">
                        <ArrowUp size={16} aria-hidden />
                      </Button>
                      <Button variant="ghost" disabled={busy || i === items.length - 1} className="disabled:text-zinc-400" onClick={() => move(i, 1)} aria-label={`Move ${item.name} down`} title="Move down">
                        <ArrowDown size={16} aria-hidden />
                      </Button>
                    </>
                  )}
                  <Button variant="ghost" aria-expanded={editing === item.id} onClick={() => setEditing(editing === item.id ? null : item.id)} aria-label={`Edit ${item.name}`}>
                    Edit
                  </Button>
                  <Button
                    variant="ghost"
                    disabled={busy}
                    aria-label={`${item.archived ? "Restore" : "Archive"} ${item.name}`}
                    onClick={() => run(k.update({ id: item.id, patch: { archived: !item.archived, version: item.version } }))}
                  >
                    {item.archived ? "Restore" : "Archive"}
                  </Button>
                </div>
              </div>
              {editing === item.id && (
                <div className="border-t border-zinc-200 bg-zinc-50 px-3 py-4">
                  {kind === "area" ? (
                    <PriorityAreaForm
                      prefix={`edit-${item.id.slice(0, 8)}`}
                      current={{ ...item, keywords: item.keywords ?? [] }}
                      submit={(v) => updatePriorityAreaAction({ id: item.id, patch: { ...v, version: item.version } })}
                      onDone={() => setEditing(null)}
                      onCancel={() => setEditing(null)}
                      submitLabel="Save changes"
                    />
                  ) : (
                    <NamedItemForm
                      prefix={`edit-${item.id.slice(0, 8)}`}
                      schema={k.schema}
                      current={item}
                      submit={(v) => k.update({ id: item.id, patch: { ...v, version: item.version } })}
                      onDone={() => setEditing(null)}
                      onCancel={() => setEditing(null)}
                      submitLabel="Save changes"
                    />
                  )}
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
