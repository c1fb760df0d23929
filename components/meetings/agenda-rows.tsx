"use client";

import type { CollisionDetection } from "@dnd-kit/core";
import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { GripVertical, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { type ReactNode, useId } from "react";
import { useFormat } from "@/components/i18n/use-format";
import { StatusBadge } from "@/components/follow-ups/status-badge";
import { Button } from "@/components/ui/button";
import type { AgendaOutcome } from "@/db/queries/agenda-items";
import { implementationStatuses } from "@/db/enums";
import { FollowUpQuickUpdate } from "./follow-up-quick-update";

/** The agenda editor's rows: one outcome, and one sortable agenda item. */

const outcomeStyle = {
  decision: "border-violet-300 bg-violet-50 text-violet-900",
  information: "border-zinc-300 bg-zinc-100 text-zinc-800",
  action: "border-sky-300 bg-sky-50 text-sky-900",
} as const;

export function OutcomeRow({
  outcome: o,
  canEdit,
  busy,
  carried,
  onStatus,
  onRemove,
}: {
  outcome: AgendaOutcome;
  canEdit: boolean;
  busy: boolean;
  carried: boolean;
  onStatus: (s: AgendaOutcome["implementationStatus"]) => void;
  onRemove: () => void;
}) {
  const t = useTranslations("agenda");
  const fmt = useFormat();
  const selectId = useId();
  const f = o.followUp;
  return (
    <li className="rounded-md border border-zinc-200 px-3 py-2">
      <div className="flex flex-wrap items-start gap-x-2 gap-y-1">
        <span className={`inline-flex shrink-0 items-center rounded-full border px-2 py-0.5 text-xs font-semibold ${outcomeStyle[o.kind]}`}>{t("kind", { kind: o.kind })}</span>
        <div className="min-w-0 flex-[1_1_16rem] text-sm text-zinc-900">
          {f ? (
            <>
              <a href={`/follow-ups/${f.id}`} className="font-medium">
                {f.title}
              </a>
              {o.text && o.text !== f.title && <span className="text-zinc-700"> — {o.text}</span>}
              <span className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-zinc-700">
                <StatusBadge status={f.status as Parameters<typeof StatusBadge>[0]["status"]} />
                <span>{f.ownerOrganisationAcronym}{f.ownerUserName ? ` — ${f.ownerUserName}` : ""}</span>
                {f.dueOn && (
                  <span className={f.overdue ? "font-semibold text-red-700" : undefined}>{t(f.overdue ? "dueOverdue" : "due", { date: fmt.date(f.dueOn) })}</span>
                )}
              </span>
            </>
          ) : (
            o.text || <span className="text-zinc-600">{t("hiddenFollowUp")}</span>
          )}
        </div>
        {o.kind === "decision" &&
          (canEdit ? (
            <span className="flex items-center gap-1 text-xs">
              <label htmlFor={selectId} className="text-zinc-700">
                {t.rich("implementationLabel", { hidden: (chunks) => <span className="sr-only">{chunks}</span> })}
              </label>
              <select
                id={selectId}
                disabled={busy}
                value={o.implementationStatus ?? ""}
                onChange={(e) => onStatus((e.target.value || null) as AgendaOutcome["implementationStatus"])}
                className="rounded-md border border-zinc-400 bg-white px-1.5 py-1 text-xs"
              >
                <option value="">{t("notSet")}</option>
                {implementationStatuses.map((k) => (
                  <option key={k} value={k}>
                    {t("implementation", { status: k })}
                  </option>
                ))}
              </select>
            </span>
          ) : (
            o.implementationStatus && <span className="text-xs font-medium text-zinc-700">{t("implementation", { status: o.implementationStatus })}</span>
          ))}
        {canEdit && (
          <Button variant="ghost" disabled={busy} className="-my-1 px-2" onClick={onRemove} aria-label={t("removeOutcome", { kind: o.kind, title: f?.title ?? o.text })} title={t("removeOutcomeTip")}>
            <Trash2 size={15} aria-hidden />
          </Button>
        )}
      </div>
      {f && carried && <FollowUpQuickUpdate followUp={f} />}
    </li>
  );
}

/** One agenda item; only its handle starts a drag (the rest of the row stays clickable and selectable). */
export function SortableItem({
  id,
  anchor,
  title,
  canEdit,
  handleRef,
  children,
}: {
  id: string;
  anchor: string;
  title: string;
  canEdit: boolean;
  handleRef: (el: HTMLButtonElement | null) => void;
  children: (handle: React.ReactNode) => React.ReactNode;
}) {
  const t = useTranslations("agenda");
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id, disabled: !canEdit });
  const handle = canEdit ? (
    <button
      type="button"
      ref={(el) => {
        setActivatorNodeRef(el);
        handleRef(el);
      }}
      {...attributes}
      {...listeners}
      aria-label={t("reorder", { title })}
      title={t("reorderTip")}
      className="-ml-1 mt-0.5 cursor-grab touch-none rounded p-1 text-zinc-600 hover:bg-zinc-200/70 hover:text-zinc-900 active:cursor-grabbing"
    >
      <GripVertical size={18} aria-hidden />
    </button>
  ) : null;
  return (
    <li ref={setNodeRef} id={anchor} style={{ transform: CSS.Translate.toString(transform), transition }} className={`relative bg-white ${isDragging ? "z-10 shadow-lg ring-2 ring-accent-600" : ""}`}>
      {children(handle)}
    </li>
  );
}

/**
 * The item an agenda item is over: the one whose top (or bottom) edge its own is nearest. Items differ
 * in height (one with notes and outcomes is many times taller than a bare title), and dnd-kit's
 * keyboard sensor moves an item to its neighbour's top edge (going up) or bottom edge (going down):
 * closestCenter then often names the item beyond the neighbour, so one arrow press skipped a place,
 * or the drop landed where the announcement had not said. The nearest edge is the neighbour itself.
 */
export const closestEdge: CollisionDetection = ({ collisionRect, droppableRects, droppableContainers }) =>
  droppableContainers
    .flatMap((container) => {
      const rect = droppableRects.get(container.id);
      if (!rect) return [];
      const value = Math.min(Math.abs(rect.top - collisionRect.top), Math.abs(rect.bottom - collisionRect.bottom));
      return [{ id: container.id, data: { droppableContainer: container, value } }];
    })
    .sort((a, b) => a.data.value - b.data.value);

