"use client";

import { type Announcements, closestCenter, DndContext, type DragEndEvent, KeyboardSensor, PointerSensor, useSensor, useSensors } from "@dnd-kit/core";
import { arrayMove, SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { ArrowDown, ArrowUp, GripVertical } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import { toast } from "@/components/ui/toast";
import { createPriorityAreaAction, reorderPriorityAreasAction, updatePriorityAreaAction } from "@/app/(app)/admin/actions";
import { Button } from "@/components/ui/button";
import { Chip } from "@/components/ui/chip";
import { EditArchiveButtons } from "./form-bits";
import type { SdgTarget } from "@/lib/sdg";
import { PriorityAreaForm } from "./priority-area-form";

export type AdminPriorityArea = { id: string; name: string; nameFr: string | null; description: string; keywords: string[]; sdgTargets: string[]; requiresEvidence: boolean; archived: boolean; version: number };

/**
 * The priority areas in their order: drag a row by its handle (mouse, touch or keyboard, with
 * spoken feedback) or use the up and down buttons; add, edit (keywords, SDG targets), archive, restore.
 */
export function PriorityAreasAdmin({ items, targets }: { items: AdminPriorityArea[]; targets: SdgTarget[] }) {
  const t = useTranslations("admin.priorityAreas");
  const tc = useTranslations("admin.common");
  const router = useRouter();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The order shown: moves at once on a drop, then follows the server's list when it comes back.
  const [order, setOrder] = useState<{ from: AdminPriorityArea[]; ids: string[] }>({ from: items, ids: items.map((i) => i.id) });
  const ids = order.from === items ? order.ids : items.map((i) => i.id);
  const byId = new Map(items.map((i) => [i.id, i]));
  const rows = ids.map((id) => byId.get(id)).filter((i): i is AdminPriorityArea => !!i);
  const titles = new Map(targets.map((t) => [t.code, t.title]));

  async function run(p: Promise<{ ok: boolean; error?: string }>, onFail?: () => void) {
    setBusy(true);
    const result = await p.catch(() => null);
    setBusy(false);
    if (result?.ok) router.refresh();
    else {
      onFail?.();
      toast.error((result && "error" in result && result.error) || tc("unreachable"));
    }
  }
  const moveTo = (from: number, to: number, focus?: "up" | "down") => {
    if (busy || to < 0 || to >= ids.length || from === to) return;
    const next = arrayMove(ids, from, to);
    setOrder({ from: items, ids: next });
    // Focus stays on the moved area's button (it went to the top of the page when the buttons were
    // disabled for the save); at the first or last place, on the other arrow, which still works.
    if (focus) {
      const id = next[to];
      const dir = (focus === "up" && to === 0) || (focus === "down" && to === next.length - 1) ? (focus === "up" ? "down" : "up") : focus;
      requestAnimationFrame(() => document.querySelector<HTMLButtonElement>(`[data-move="${id}-${dir}"]`)?.focus());
    }
    return run(reorderPriorityAreasAction({ ids: next }), () => setOrder({ from: items, ids: items.map((i) => i.id) }));
  };

  const dndId = useId(); // stable ids keep dnd-kit's aria attributes the same on the server and in the browser
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));
  const nameOf = (id: string | number) => byId.get(String(id))?.name ?? t("theArea");
  const position = (id: string | number | undefined) => (id === undefined ? 0 : ids.indexOf(String(id)) + 1);
  // The first "over" of a drag is the row itself: saying so would talk over "Picked up".
  const moved = useRef(false);
  const announcements: Announcements = {
    onDragStart: ({ active }) => {
      moved.current = false;
      return t("pickedUp", { name: nameOf(active.id), position: position(active.id), total: ids.length });
    },
    onDragOver: ({ active, over }) => {
      if (!moved.current && over?.id === active.id) return undefined;
      moved.current = true;
      return over ? t("over", { name: nameOf(active.id), position: position(over.id), total: ids.length }) : t("notOver", { name: nameOf(active.id) });
    },
    onDragEnd: ({ active, over }) => (over ? t("dropped", { name: nameOf(active.id), position: position(over.id), total: ids.length }) : t("droppedOutside", { name: nameOf(active.id) })),
    onDragCancel: ({ active }) => t("cancelled", { name: nameOf(active.id), position: position(active.id) }),
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (over && active.id !== over.id) void moveTo(ids.indexOf(String(active.id)), ids.indexOf(String(over.id)));
  };

  return (
    <div className="space-y-5">
      {adding ? (
        <section aria-labelledby="add-area-title" className="rounded-md border border-zinc-300 bg-white p-4">
          <h2 id="add-area-title" className="mb-3 font-semibold">
            {t("add")}
          </h2>
          <PriorityAreaForm prefix="new-area" targets={targets} submit={(v) => createPriorityAreaAction(v)} onDone={() => setAdding(false)} onCancel={() => setAdding(false)} submitLabel={t("submitAdd")} />
        </section>
      ) : (
        <Button onClick={() => setAdding(true)}>{t("add")}</Button>
      )}
      {rows.length === 0 ? (
        <p className="text-sm text-zinc-700">{t("empty")}</p>
      ) : (
        <>
          <p className="text-sm text-zinc-700">{t("orderHint")}</p>
          <DndContext
            id={dndId}
            sensors={sensors}
            collisionDetection={closestCenter}
            onDragEnd={onDragEnd}
            accessibility={{
              announcements,
              screenReaderInstructions: {
                draggable: t("instructions"),
              },
            }}
          >
            <SortableContext items={ids} strategy={verticalListSortingStrategy}>
              <ol className="divide-y divide-zinc-200 rounded-md border border-zinc-200 bg-white" aria-label={t("listLabel")}>
                {rows.map((item, i) => (
                  <SortableArea key={item.id} item={item}>
                    {(handle) => (
                      <>
                        <div className="flex flex-wrap items-start gap-x-3 gap-y-1 px-2 py-2 sm:px-3">
                          {handle}
                          <div className="min-w-0 flex-[1_1_14rem]">
                            <span className={`font-medium ${item.archived ? "text-zinc-600" : "text-zinc-900"}`}>{item.name}</span>
                            {item.archived && <Chip className="ml-2 border-amber-700 bg-amber-50 text-amber-900">{tc("archived")}</Chip>}
                            {item.description && <div className="text-sm text-zinc-700">{item.description}</div>}
                            {item.keywords.length > 0 && (
                              <div className="text-sm text-zinc-600">
                                <span className="font-medium text-zinc-700">{t("alsoCalled")}</span> {item.keywords.join(", ")}
                              </div>
                            )}
                            {item.sdgTargets.length > 0 && <SdgChips codes={item.sdgTargets} titles={titles} />}
                          </div>
                          <div className="-mx-2 flex shrink-0 gap-0.5">
                            <Button variant="ghost" disabled={i === 0} aria-disabled={busy || undefined} data-move={`${item.id}-up`} className="disabled:text-zinc-400" onClick={() => moveTo(i, i - 1, "up")} aria-label={t("moveUpName", { name: item.name })} title={t("moveUp")}>
                              <ArrowUp size={16} aria-hidden />
                            </Button>
                            <Button variant="ghost" disabled={i === rows.length - 1} aria-disabled={busy || undefined} data-move={`${item.id}-down`} className="disabled:text-zinc-400" onClick={() => moveTo(i, i + 1, "down")} aria-label={t("moveDownName", { name: item.name })} title={t("moveDown")}>
                              <ArrowDown size={16} aria-hidden />
                            </Button>
                            <EditArchiveButtons
                              name={item.name}
                              archived={item.archived}
                              editing={editing === item.id}
                              busy={busy}
                              onEdit={() => setEditing(editing === item.id ? null : item.id)}
                              onArchive={() => run(updatePriorityAreaAction({ id: item.id, patch: { archived: !item.archived, version: item.version } }))}
                            />
                          </div>
                        </div>
                        {editing === item.id && (
                          <div className="border-t border-zinc-200 bg-zinc-50 px-3 py-4">
                            <PriorityAreaForm
                              prefix={`edit-${item.id.slice(0, 8)}`}
                              current={item}
                              targets={targets}
                              submit={(v) => updatePriorityAreaAction({ id: item.id, patch: { ...v, version: item.version } })}
                              onDone={() => setEditing(null)}
                              onCancel={() => setEditing(null)}
                              submitLabel={tc("saveChanges")}
                            />
                          </div>
                        )}
                      </>
                    )}
                  </SortableArea>
                ))}
              </ol>
            </SortableContext>
          </DndContext>
        </>
      )}
    </div>
  );
}

/** One row of the sortable list; the handle (and only the handle) starts a drag. */
function SortableArea({ item, children }: { item: AdminPriorityArea; children: (handle: React.ReactNode) => React.ReactNode }) {
  const t = useTranslations("admin.priorityAreas");
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: item.id });
  const handle = (
    <button
      type="button"
      ref={setActivatorNodeRef}
      {...attributes}
      {...listeners}
      aria-label={t("reorderName", { name: item.name })}
      title={t("dragToReorder")}
      className="-ml-1 mt-0.5 cursor-grab touch-none rounded p-1 text-zinc-600 hover:bg-zinc-200/70 hover:text-zinc-900 active:cursor-grabbing"
    >
      <GripVertical size={18} aria-hidden />
    </button>
  );
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      className={`relative bg-white ${isDragging ? "z-10 shadow-lg ring-2 ring-accent-600" : ""}`}
    >
      {children(handle)}
    </li>
  );
}

/** The SDG targets an area serves, as small chips; the full target text is there for hover and screen readers. */
export function SdgChips({ codes, titles }: { codes: string[]; titles: Map<string, string> }) {
  const t = useTranslations("admin.priorityAreas");
  return (
    <ul aria-label={t("sdgTargets")} className="mt-1 flex flex-wrap gap-1">
      {codes.map((code) => (
        <li key={code}>
          <Chip title={titles.get(code)} className="border-sky-700/40 bg-sky-50 text-sky-900">
            {t("sdgChip", { code })}
            {titles.get(code) && <span className="sr-only">: {titles.get(code)}</span>}
          </Chip>
        </li>
      ))}
    </ul>
  );
}
