"use client";

import {
  type Announcements,
  type CollisionDetection,
  DndContext,
  type DragEndEvent,
  DragOverlay,
  type DragStartEvent,
  type KeyboardCoordinateGetter,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  rectIntersection,
  useSensor,
  useSensors,
} from "@dnd-kit/core";
import { ChevronRight } from "lucide-react";
import { useTranslations } from "next-intl";
import { type CSSProperties, useEffect, useId, useMemo, useRef, useState } from "react";
import { useFormat } from "@/components/i18n/use-format";
import type { BoardGroup } from "./search-params";
import type { FollowUpFilters } from "@/lib/validation/follow-ups";
import type { BoardCard, Status } from "./types";
import { useBoardCards } from "./use-board-cards";
import { Column } from "./board-column";
import { CardBody, type DragData, GripSymbol } from "./board-card";

type Lane = { key: string; label: string; cards: BoardCard[] };

/** A column loads on as it scrolls up to this many cards; past it, its link leads to the table. */
const MAX_LOADED = 100;

/** A card's lane when the board is grouped; `none` names the lane of cards without one ("No meeting"). */
function laneOf(card: BoardCard, group: BoardGroup, none: { meeting: string; owner: string; all: string }): { key: string; label: string } {
  switch (group) {
    case "priorityArea":
      return { key: card.priorityAreaId, label: card.priorityAreaName };
    case "organisation":
      return { key: card.ownerOrganisationId, label: card.ownerOrganisationAcronym ?? card.ownerOrganisationName };
    case "meeting":
      return { key: card.meetingId ?? "none", label: card.meetingTitle ?? none.meeting };
    case "owner":
      return { key: card.ownerUserId ?? "none", label: card.ownerUserName ?? none.owner };
    case "none":
      return { key: "all", label: none.all };
  }
}

/** A keyboard move jumps a whole column (left/right) within the card's lane. */
function columnJumper(statuses: readonly Status[]): KeyboardCoordinateGetter {
  return (event, { context, currentCoordinates }) => {
    const step = event.code === "ArrowRight" ? 1 : event.code === "ArrowLeft" ? -1 : 0;
    if (!step) return undefined;
    event.preventDefault();
    const here = (context.over?.data.current ?? context.active?.data.current) as DragData | undefined;
    if (!here) return undefined;
    const next = statuses[statuses.indexOf(here.status) + step];
    if (!next) return currentCoordinates;
    const rect = context.droppableRects.get(`${here.lane}|${next}`);
    return rect ? { x: rect.left + 8, y: rect.top + 8 } : undefined;
  };
}

/** The pointer decides where a mouse drop lands; a keyboard move has no pointer, so the card's rectangle does. */
const collision: CollisionDetection = (args) => {
  const hits = pointerWithin(args);
  return hits.length ? hits : rectIntersection(args);
};

export function FollowUpBoard({
  cards: initial,
  boardKey,
  filters,
  nextCursors: firstCursors,
  statuses,
  totals,
  moreHrefs,
  group,
}: {
  cards: BoardCard[];
  boardKey: string;
  /** The page's filters, for loading a column's next cards. */
  filters: FollowUpFilters;
  /** Per column, where its next cards start (null: no more to load here). */
  nextCursors: Partial<Record<Status, string | null>>;
  statuses: readonly Status[];
  totals: Record<Status, number>;
  /** Per column: the table with the board's filters and that status, for the cards the board leaves out. */
  moreHrefs: Partial<Record<Status, string>>;
  group: BoardGroup;
}) {
  const t = useTranslations("board");
  const f = useFormat();
  const { cards, cursors, loadMore, move, shownTotals, announcement } = useBoardCards({ initial, boardKey, filters, firstCursors, totals });
  const [activeId, setActiveId] = useState<string | null>(null);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());

  // A stable id keeps dnd-kit's aria-describedby the same on the server and in the browser.
  const dndId = useId();
  const getter = useMemo(() => columnJumper(statuses), [statuses]);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: getter }),
  );

  const byId = useMemo(() => new Map(cards.map((c) => [c.id, c])), [cards]);
  const titleOf = (id: string | number) => byId.get(String(id))?.title ?? t("theFollowUp");
  const statusOfDrop = (data: unknown) => (data as DragData | undefined)?.status;
  // dnd-kit's screen-reader announcements, in the reader's language (the title is user content, as written).
  const announcements: Announcements = {
    onDragStart: ({ active }) => {
      const c = byId.get(String(active.id));
      return t("dragStart", { title: titleOf(active.id), column: c ? f.status(c.status) : t("itsColumn") });
    },
    onDragOver: ({ active, over }) => {
      const s = statusOfDrop(over?.data.current);
      // Still over its own column (as at the start): keep the pick-up instructions on air.
      if (s && s === byId.get(String(active.id))?.status) return undefined;
      return s ? t("dragOver", { title: titleOf(active.id), status: f.status(s) }) : t("dragOverNone", { title: titleOf(active.id) });
    },
    onDragEnd: ({ active, over }) => {
      const s = statusOfDrop(over?.data.current);
      return s ? t("dragEnd", { title: titleOf(active.id), status: f.status(s) }) : t("dragEndOutside", { title: titleOf(active.id) });
    },
    onDragCancel: ({ active }) => t("dragCancel", { title: titleOf(active.id) }),
  };
  const none = useMemo(() => ({ meeting: t("noMeeting"), owner: t("noOwner"), all: t("allLane") }), [t]);

  const locale = f.locale;
  const lanes: Lane[] = useMemo(() => {
    const map = new Map<string, Lane>();
    for (const c of cards) {
      const { key, label } = laneOf(c, group, none);
      const lane = map.get(key) ?? { key, label, cards: [] };
      lane.cards.push(c);
      map.set(key, lane);
    }
    const list = [...map.values()];
    if (group !== "none") list.sort((a, b) => (a.key === "none" ? 1 : b.key === "none" ? -1 : a.label.localeCompare(b.label, locale)));
    return list.length ? list : [{ key: "all", label: none.all, cards: [] }];
  }, [cards, group, none, locale]);

  const onDragStart = (e: DragStartEvent) => setActiveId(String(e.active.id));
  // A card dropped in another column is a new element there: dnd-kit gives focus back to the old
  // handle, which is gone, and focus fell to the top of the page. It goes to the moved card's handle.
  const refocus = useRef<string | null>(null);
  useEffect(() => {
    const id = refocus.current;
    if (!id) return;
    const handle = document.querySelector<HTMLButtonElement>(`[data-card-id="${id}"] [data-card-handle]`);
    if (!handle) return;
    refocus.current = null;
    handle.focus();
    // dnd-kit's own restore runs a frame later, on the handle that was removed: focus again after it.
    requestAnimationFrame(() => requestAnimationFrame(() => handle.isConnected && document.activeElement !== handle && handle.focus()));
  }, [cards]);
  const onDragEnd = ({ active, over, activatorEvent }: DragEndEvent) => {
    setActiveId(null);
    const card = byId.get(String(active.id));
    const to = statusOfDrop(over?.data.current);
    if (card && to && to !== card.status) {
      if (activatorEvent instanceof KeyboardEvent) refocus.current = card.id;
      move.mutate({ card, to });
    }
  };
  const active = activeId ? byId.get(activeId) : undefined;

  return (
    <DndContext
      id={dndId}
      sensors={sensors}
      collisionDetection={collision}
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
      onDragCancel={() => setActiveId(null)}
      accessibility={{
        announcements,
        screenReaderInstructions: {
          draggable: t("dragInstructions"),
        },
      }}
    >
      <p className="sr-only" role="status" aria-live="polite">
        {announcement}
      </p>
      <GripSymbol />
      <div className="space-y-4">
        {lanes.map((lane) => {
          const isCollapsed = collapsed.has(lane.key);
          const columns = (
            // On a wide screen a grid of as many columns as statuses: each column has its final width
            // from the first paint, however much of the streamed page has arrived (no layout shift).
            <div
              className="flex gap-3 overflow-x-auto pb-2 max-lg:items-start lg:grid lg:grid-cols-[repeat(var(--board-columns),minmax(13rem,1fr))]"
              style={{ "--board-columns": statuses.length } as CSSProperties}
            >
              {statuses.map((s) => {
                const inColumn = lane.cards.filter((c) => c.status === s);
                return (
                  <Column
                    key={s}
                    lane={lane.key}
                    status={s}
                    cards={inColumn}
                    total={group === "none" ? shownTotals[s] : undefined}
                    moreHref={moreHrefs[s]}
                    onLoadMore={cursors[s] && inColumn.length < MAX_LOADED ? () => void loadMore(s) : undefined}
                    activeId={activeId}
                    level={group === "none" ? 2 : 3}
                  />
                );
              })}
            </div>
          );
          if (group === "none") return <div key={lane.key}>{columns}</div>;
          const headingId = `lane-${lane.key}`;
          return (
            <section key={lane.key} aria-labelledby={headingId} className="rounded-lg border border-zinc-200 bg-white/60">
              <h2 className="text-sm font-semibold">
                <button
                  type="button"
                  id={headingId}
                  aria-expanded={!isCollapsed}
                  onClick={() =>
                    setCollapsed((prev) => {
                      const next = new Set(prev);
                      if (next.has(lane.key)) next.delete(lane.key);
                      else next.add(lane.key);
                      return next;
                    })
                  }
                  className="flex w-full items-center gap-2 rounded-t-lg px-3 py-2 text-left hover:bg-zinc-100"
                >
                  <ChevronRight aria-hidden className={`size-4 text-zinc-500 transition-transform ${isCollapsed ? "" : "rotate-90"}`} />
                  <span className="truncate">{lane.label}</span>
                  <span className="rounded-full bg-zinc-100 px-2 py-0.5 text-xs font-medium text-zinc-700">{lane.cards.length}</span>
                  {isCollapsed && (
                    <span className="ml-auto hidden gap-2 text-xs font-normal text-zinc-600 sm:flex">
                      {statuses.map((s) => (
                        <span key={s}>{t("laneStatusCount", { status: f.status(s), count: lane.cards.filter((c) => c.status === s).length })}</span>
                      ))}
                    </span>
                  )}
                </button>
              </h2>
              {!isCollapsed && <div className="px-3 pb-3 pt-1">{columns}</div>}
            </section>
          );
        })}
      </div>
      <DragOverlay dropAnimation={null}>{active ? <CardBody card={active} overlay /> : null}</DragOverlay>
    </DndContext>
  );
}

