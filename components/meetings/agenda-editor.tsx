"use client";

import { type Announcements, DndContext, type DragEndEvent, KeyboardSensor, PointerSensor, useSensor, useSensors } from "@dnd-kit/core";
import { arrayMove, SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { Plus } from "lucide-react";
import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { saveAgendaAction } from "@/app/(app)/meetings/actions";
import { Button } from "@/components/ui/button";
import type { AgendaItem, CarryOverOffer } from "@/db/queries/agenda-items";
import { AgendaItemView, itemFromValues, type Save, toInput } from "./agenda-item-view";
import { closestEdge, SortableItem } from "./agenda-rows";
import { CarryOverPanel } from "./carry-over-panel";
import type { ActionChoices } from "./outcome-form";
import type { OrganisationOption } from "@/lib/organisations/tree";

/** The item form loads when someone opens it, not with the page (react-hook-form is already there; the form's own code is not). */
const AgendaItemForm = dynamic(() => import("./agenda-item-form").then((m) => m.AgendaItemForm));

export type AgendaEditorProps = {
  meetingId: string;
  version: number;
  canEdit: boolean;
  items: AgendaItem[];
  areas: { id: string; name: string }[];
  organisations: OrganisationOption[];
  /** The meeting's follow-ups, to link under an item as actions. */
  followUps: { id: string; title: string }[];
  defaultOrganisationId: string;
  /** "Review of follow-ups from <previous>", offered until it is on the agenda (or left out). */
  carryOver: CarryOverOffer | null;
};

const ACTION = "action";
/** The id prefix of the add-item form's fields. */
const NEW_ITEM = "new-item";

/**
 * What the editor shows while its own saves are on the way or not yet in the page's props: the
 * order as moved, and the version it was (or will be) saved as. The page refreshes live (other
 * people's changes, router.refresh after each save), and a refresh rendered before a save landed
 * carries the older agenda: the meeting's version says which is newer, so such a refresh can no
 * longer put a moved item back where it was.
 */
type Local = { items: AgendaItem[]; version: number; pending: number };

/**
 * The meeting's agenda: items in order (drag by the handle, or the arrow buttons), each with its
 * notes and outcomes. Every change is saved at once, the whole agenda under the meeting's version,
 * so two people editing at once get "someone changed this" instead of losing each other's work.
 */
export function AgendaEditor(props: AgendaEditorProps) {
  const { meetingId, canEdit, areas, organisations, followUps, defaultOrganisationId, carryOver } = props;
  const t = useTranslations("agenda");
  const td = useTranslations("agenda.dnd");
  const router = useRouter();
  const [local, setLocal] = useState<Local | null>(null);
  // Ours while a save is pending, or while the page's props are older than what we saved.
  const mine = local && (local.pending > 0 || local.version > props.version) ? local : null;
  const items = mine ? mine.items : props.items;
  const [problem, setProblem] = useState<{ message: string; conflict: boolean } | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [adding, setAdding] = useState(false);
  const handles = useRef(new Map<string, HTMLButtonElement | null>());
  const busy = (local?.pending ?? 0) > 0;

  // Saves run one after another, each on the version the previous one produced, so two quick
  // moves are two saves in order rather than a 409 against oneself.
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const inFlight = useRef(0);
  const savedVersion = useRef(props.version);
  useEffect(() => {
    if (props.version > savedVersion.current) savedVersion.current = props.version;
  }, [props.version]);

  /** Saves the agenda. `shown` is what to show until it is saved (a move shows at once); `focus` is the moved item's control that keeps the focus. */
  const save: Save = (next, done, opts = {}) => {
    inFlight.current += 1;
    setLocal((l) => ({ items: opts.shown ?? l?.items ?? items, version: l?.version ?? props.version, pending: (l?.pending ?? 0) + 1 }));
    const run = async () => {
      setProblem(null);
      const result = await saveAgendaAction({ id: meetingId, version: savedVersion.current, agendaItems: next }).catch(() => null);
      inFlight.current -= 1;
      if (!result?.ok) {
        setProblem(result ? { message: result.error, conflict: result.code.startsWith("conflict") } : { message: t("unreachable"), conflict: false });
        // What is shown may be ahead of what is stored: back to the page's agenda.
        setLocal(null);
        return { ok: false, fieldErrors: result?.fieldErrors };
      }
      savedVersion.current = result.data.version;
      // A later save is queued: keep showing the order it will store instead of flickering back.
      setLocal((l) => {
        const pending = Math.max(0, (l?.pending ?? 1) - 1);
        return { items: pending ? (l?.items ?? result.data.agendaItems) : result.data.agendaItems, version: result.data.version, pending };
      });
      setAnnouncement(done);
      const focus = opts.focus;
      if (focus)
        requestAnimationFrame(() => {
          // The same arrow on the moved item, unless it is now disabled (moved to the top or bottom): then its handle.
          const button = document.querySelector<HTMLButtonElement>(`[data-move="${focus.id}:${focus.control}"]`);
          (button && !button.disabled ? button : handles.current.get(focus.id))?.focus();
        });
      if (inFlight.current === 0) router.refresh();
      return { ok: true };
    };
    const p = queue.current.then(run);
    queue.current = p.catch(() => undefined);
    return p;
  };

  const ids = items.map((i) => i.id);
  const move = (from: number, to: number, control: "up" | "down" | "handle" = "handle") => {
    // Not disabled while saving: a disabled button would drop the keyboard focus mid-move.
    if (to < 0 || to >= items.length || from === to) return;
    const moved = items[from]!;
    const next = arrayMove(items, from, to);
    // Shown at once; the server's answer (or its agenda, on refusal) follows.
    void save(toInput(next), t("moved", { title: moved.title, position: to + 1, count: items.length }), {
      shown: next.map((it, i) => ({ ...it, position: i + 1 })),
      focus: { id: moved.id, control },
    });
  };

  const dndId = useId();
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));
  const titleOf = (id: string | number) => items.find((i) => i.id === String(id))?.title ?? t("theItem");
  const position = (id: string | number | undefined) => (id === undefined ? 0 : ids.indexOf(String(id)) + 1);
  const movedOnce = useRef(false);
  const announcements: Announcements = {
    onDragStart: ({ active }) => {
      movedOnce.current = false;
      return td("pickedUp", { title: titleOf(active.id), position: position(active.id), count: ids.length });
    },
    onDragOver: ({ active, over }) => {
      if (!movedOnce.current && over?.id === active.id) return undefined;
      movedOnce.current = true;
      return over ? td("over", { title: titleOf(active.id), position: position(over.id), count: ids.length }) : td("notOver", { title: titleOf(active.id) });
    },
    onDragEnd: ({ active, over }) =>
      over ? td("dropped", { title: titleOf(active.id), position: position(over.id), count: ids.length }) : td("droppedOutside", { title: titleOf(active.id) }),
    onDragCancel: ({ active }) => td("cancelled", { title: titleOf(active.id), position: position(active.id) }),
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (over && active.id !== over.id) move(ids.indexOf(String(active.id)), ids.indexOf(String(over.id)));
  };

  const actionChoices: ActionChoices = {
    areas,
    organisations,
    defaultOrganisationId,
    followUps: followUps.filter((f) => !items.some((i) => i.outcomes.some((o) => o.followUpId === f.id))),
  };

  return (
    <section aria-labelledby="agenda-title" className="overflow-hidden rounded-lg border border-zinc-200 bg-white">
      <div className="flex flex-wrap items-center justify-between gap-2 border-b border-zinc-200 px-4 py-4">
        <h2 id="agenda-title" className="text-base font-semibold">
          {t("title")}
        </h2>
        <p className="text-sm text-zinc-600">{t("itemCount", { count: items.length })}</p>
      </div>
      <p role="status" aria-live="polite" className="sr-only">
        {announcement}
      </p>
      {problem && (
        <div role="alert" className="mx-4 mt-3 rounded-md border border-red-700 bg-red-50 px-3 py-2 text-sm text-red-900">
          <p className="font-medium">{problem.message}</p>
          {problem.conflict && (
            <Button variant="secondary" className="mt-2" onClick={() => router.refresh()}>
              {t("reload")}
            </Button>
          )}
        </div>
      )}
      {canEdit && carryOver && (
        <CarryOverPanel
          meetingId={meetingId}
          offer={carryOver}
          busy={busy}
          onAccept={(title, followUpIds) =>
            save(
              [
                { title, carriedFromMeetingId: carryOver.previous.id, outcomes: followUpIds.map((id) => ({ kind: ACTION, text: "", followUpId: id })) },
                ...toInput(items),
              ],
              t("addedAs", { title, position: 1 }),
            )
          }
        />
      )}
      {items.length === 0 && !adding && <p className="px-4 py-4 text-sm text-zinc-600">{canEdit ? t("emptyEditable") : t("emptyReadOnly")}</p>}
      {items.length > 0 && (
        <DndContext
          id={dndId}
          sensors={sensors}
          collisionDetection={closestEdge}
          onDragEnd={onDragEnd}
          accessibility={{ announcements, screenReaderInstructions: { draggable: td("instructions") } }}
        >
          <SortableContext items={ids} strategy={verticalListSortingStrategy}>
            <ol aria-label={t("listLabel")} className="divide-y divide-zinc-200">
              {items.map((item, index) => (
                <SortableItem key={item.id} id={item.id} anchor={`agenda-item-${item.id}`} title={item.title} canEdit={canEdit} handleRef={(el) => void handles.current.set(item.id, el)}>
                  {(handle) => (
                    <AgendaItemView
                      item={item}
                      items={items}
                      index={index}
                      handle={handle}
                      canEdit={canEdit}
                      busy={busy}
                      areas={areas}
                      organisations={organisations}
                      actionChoices={actionChoices}
                      move={move}
                      save={save}
                    />
                  )}
                </SortableItem>
              ))}
            </ol>
          </SortableContext>
        </DndContext>
      )}
      {canEdit && (
        <div className="border-t border-zinc-200 bg-zinc-50 px-4 py-4">
          {adding ? (
            <>
              <h3 className="mb-3 text-sm font-semibold">{t("addItem")}</h3>
              <AgendaItemForm
                prefix={NEW_ITEM}
                areas={areas}
                organisations={organisations}
                submitLabel={t("addItemButton")}
                onCancel={() => setAdding(false)}
                submit={(v) => save([...toInput(items), { ...itemFromValues(v), outcomes: [] }], t("addedAs", { title: v.title, position: items.length + 1 }))}
                keepOpen
              />
            </>
          ) : (
            <Button onClick={() => setAdding(true)}>
              <Plus aria-hidden className="size-4" />
              {t("addItem")}
            </Button>
          )}
        </div>
      )}
    </section>
  );
}
