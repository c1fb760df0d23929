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
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
} from "@dnd-kit/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ChevronRight } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { type CSSProperties, type ReactNode, useCallback, useEffect, useEffectEvent, useId, useMemo, useRef, useState } from "react";
import { toast } from "sonner";
import { loadBoardColumnAction } from "@/app/(app)/board/actions";
import { DueDate } from "@/components/follow-ups/due-date";
import { StatusBadge, statusStyle } from "@/components/follow-ups/status-badge";
import { Chip, OrgName } from "@/components/ui/chip";
import { statusLabels, todayIso } from "@/lib/format";
import type { BoardGroup } from "./search-params";
import type { FollowUpFilters } from "@/lib/validation/follow-ups";
import type { BoardCard, Status } from "./types";

type Lane = { key: string; label: string; cards: BoardCard[] };
type DragData = { lane: string; status: Status; card?: BoardCard };

const closedStatuses: Status[] = ["done", "cancelled"];
/** A column loads on as it scrolls up to this many cards; past it, its link leads to the table. */
const MAX_LOADED = 100;
const isOverdue = (c: Pick<BoardCard, "dueOn">, status: Status) => !!c.dueOn && c.dueOn < todayIso() && !closedStatuses.includes(status);

class MoveError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function laneOf(card: BoardCard, group: BoardGroup): { key: string; label: string } {
  switch (group) {
    case "priorityArea":
      return { key: card.priorityAreaId, label: card.priorityAreaName };
    case "organisation":
      return { key: card.ownerOrganisationId, label: card.ownerOrganisationAcronym ?? card.ownerOrganisationName };
    case "meeting":
      return { key: card.meetingId ?? "none", label: card.meetingTitle ?? "No meeting" };
    case "owner":
      return { key: card.ownerUserId ?? "none", label: card.ownerUserName ?? "No named owner" };
    case "none":
      return { key: "all", label: "All" };
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
  const qc = useQueryClient();
  const router = useRouter();
  const queryKey = useMemo(() => ["board", boardKey], [boardKey]);
  const { data: cards } = useQuery({ queryKey, queryFn: () => Promise.resolve(initial), initialData: initial, staleTime: Infinity });
  // A fresh server render (filters changed, or a refresh after a conflict) is the truth again.
  useEffect(() => {
    qc.setQueryData(queryKey, initial);
  }, [qc, queryKey, initial]);
  // Where each column's next cards start: the page's, until a column loads more (a new render of
  // the page starts again from its own).
  const [loadedCursors, setLoadedCursors] = useState({ from: firstCursors, cursors: firstCursors });
  const cursors = loadedCursors.from === firstCursors ? loadedCursors.cursors : firstCursors;

  // A column's next cards, appended to the board's list (a card already there, say moved in from
  // another column, keeps its place and state).
  const loading = useRef(new Set<Status>());
  const loadMore = useCallback(
    async (status: Status, cursor: string) => {
      if (loading.current.has(status)) return;
      loading.current.add(status);
      const result = await loadBoardColumnAction({ ...filters, status, cursor }).catch(() => null);
      loading.current.delete(status);
      if (!result?.ok) {
        toast.error(result?.error ?? "More cards could not be loaded: the server could not be reached.");
        return;
      }
      setLoadedCursors((l) => ({ from: firstCursors, cursors: { ...(l.from === firstCursors ? l.cursors : firstCursors), [status]: result.data.nextCursor } }));
      qc.setQueryData<BoardCard[]>(queryKey, (list = []) => {
        const have = new Set(list.map((c) => c.id));
        return [...list, ...result.data.cards.filter((c) => !have.has(c.id))];
      });
    },
    [filters, firstCursors, qc, queryKey],
  );

  const [activeId, setActiveId] = useState<string | null>(null);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [announcement, setAnnouncement] = useState("");

  const setCard = (id: string, change: (c: BoardCard) => BoardCard) =>
    qc.setQueryData<BoardCard[]>(queryKey, (list) => list?.map((c) => (c.id === id ? change(c) : c)));

  const move = useMutation({
    mutationFn: async ({ card, to }: { card: BoardCard; to: Status }) => {
      const res = await fetch(`/api/v1/follow-ups/${card.id}`, {
        method: "PATCH",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ status: to, version: card.version }),
      });
      const body = (await res.json().catch(() => null)) as { status?: Status; version?: number; overdue?: boolean; error?: { message?: string } } | null;
      if (!res.ok) throw new MoveError(res.status, body?.error?.message ?? "The change was not saved. Try again.");
      return body;
    },
    onMutate: async ({ card, to }) => {
      await qc.cancelQueries({ queryKey });
      setCard(card.id, (c) => ({ ...c, status: to, overdue: isOverdue(c, to) }));
      return { before: card };
    },
    onError: async (error, { card, to }, ctx) => {
      // Roll back only this card: another move may be in flight.
      if (ctx) setCard(card.id, () => ctx.before);
      const message = error instanceof MoveError ? error.message : "The change was not saved: the server could not be reached.";
      setAnnouncement(`Not moved. ${card.title} stays in ${statusLabels[card.status]}. ${message}`);
      if (error instanceof MoveError && error.status === 409) {
        toast.error(message, { description: "The card now shows their change." });
        const res = await fetch(`/api/v1/follow-ups/${card.id}`);
        if (res.ok) {
          const fresh = (await res.json()) as { status: Status; version: number; overdue: boolean; dueOn: string | null };
          setCard(card.id, (c) => ({ ...c, status: fresh.status, version: fresh.version, overdue: fresh.overdue, dueOn: fresh.dueOn }));
        }
        router.refresh();
      } else if (error instanceof MoveError && error.status < 500) {
        toast.error(message);
      } else {
        toast.error(message, { action: { label: "Retry", onClick: () => move.mutate({ card, to }) } });
      }
    },
    onSuccess: (saved, { card, to }) => {
      if (saved?.version) setCard(card.id, (c) => ({ ...c, version: saved.version ?? c.version, overdue: saved.overdue ?? c.overdue }));
      setAnnouncement(`Saved: ${card.title} is now ${statusLabels[to]}.`);
    },
  });

  // A stable id keeps dnd-kit's aria-describedby the same on the server and in the browser.
  const dndId = useId();
  const getter = useMemo(() => columnJumper(statuses), [statuses]);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: getter }),
  );

  const byId = useMemo(() => new Map(cards.map((c) => [c.id, c])), [cards]);
  const titleOf = (id: string | number) => byId.get(String(id))?.title ?? "the follow-up";
  const statusOfDrop = (data: unknown) => (data as DragData | undefined)?.status;
  const announcements: Announcements = {
    onDragStart: ({ active }) => {
      const c = byId.get(String(active.id));
      return `Picked up ${titleOf(active.id)}, in ${c ? statusLabels[c.status] : "its column"}. Use the left and right arrow keys to choose another status, space to drop, escape to cancel.`;
    },
    onDragOver: ({ active, over }) => {
      const s = statusOfDrop(over?.data.current);
      // Still over its own column (as at the start): keep the pick-up instructions on air.
      if (s && s === byId.get(String(active.id))?.status) return undefined;
      return s ? `${titleOf(active.id)} is over ${statusLabels[s]}.` : `${titleOf(active.id)} is not over a column.`;
    },
    onDragEnd: ({ active, over }) => {
      const s = statusOfDrop(over?.data.current);
      return s ? `${titleOf(active.id)} dropped in ${statusLabels[s]}. Saving.` : `${titleOf(active.id)} dropped outside the board; nothing changed.`;
    },
    onDragCancel: ({ active }) => `Moving ${titleOf(active.id)} was cancelled; nothing changed.`,
  };

  const lanes: Lane[] = useMemo(() => {
    const map = new Map<string, Lane>();
    for (const c of cards) {
      const { key, label } = laneOf(c, group);
      const lane = map.get(key) ?? { key, label, cards: [] };
      lane.cards.push(c);
      map.set(key, lane);
    }
    const list = [...map.values()];
    if (group !== "none") list.sort((a, b) => (a.key === "none" ? 1 : b.key === "none" ? -1 : a.label.localeCompare(b.label)));
    return list.length ? list : [{ key: "all", label: "All", cards: [] }];
  }, [cards, group]);

  const onDragStart = (e: DragStartEvent) => setActiveId(String(e.active.id));
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setActiveId(null);
    const card = byId.get(String(active.id));
    const to = statusOfDrop(over?.data.current);
    if (card && to && to !== card.status) move.mutate({ card, to });
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
          draggable: "To move a follow-up to another status, press space or enter on its handle, then the left and right arrow keys, then space or enter to drop. Escape cancels.",
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
                    total={group === "none" ? totals[s] : undefined}
                    moreHref={moreHrefs[s]}
                    onLoadMore={cursors[s] && inColumn.length < MAX_LOADED ? () => void loadMore(s, cursors[s] as string) : undefined}
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
                        <span key={s}>
                          {statusLabels[s]} {lane.cards.filter((c) => c.status === s).length}
                        </span>
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

function Column({
  lane,
  status,
  cards,
  total,
  moreHref,
  onLoadMore,
  activeId,
  level,
}: {
  lane: string;
  status: Status;
  cards: BoardCard[];
  total?: number;
  moreHref?: string;
  /** Set while the column has more cards to load. */
  onLoadMore?: () => void;
  activeId: string | null;
  level: 2 | 3;
}) {
  const Heading = level === 2 ? "h2" : "h3";
  const { setNodeRef, isOver } = useDroppable({ id: `${lane}|${status}`, data: { lane, status } satisfies DragData });
  const headingId = `col-${lane}-${status}`;
  const capped = total !== undefined && total > cards.length;
  const Icon = statusStyle[status].icon;
  return (
    <div
      ref={setNodeRef}
      role="group"
      aria-labelledby={headingId}
      className={`flex w-[17rem] shrink-0 flex-col rounded-lg border bg-zinc-100/80 transition-colors lg:w-auto ${
        isOver ? "border-accent-700 ring-2 ring-accent-700/30" : "border-zinc-200"
      }`}
    >
      <Heading id={headingId} className="flex items-center gap-2 px-3 pb-2 pt-3 text-sm font-semibold text-zinc-800">
        <Icon aria-hidden className="size-4" strokeWidth={2.5} />
        {statusLabels[status]}
        <span className="ml-auto rounded-full bg-white px-2 py-0.5 text-xs font-medium text-zinc-700" aria-label={capped ? `${cards.length} of ${total} shown` : `${cards.length} follow-ups`}>
          {capped ? `${cards.length} of ${total}` : cards.length}
        </span>
      </Heading>
      {cards.length ? (
        <ul className="flex min-h-16 flex-col gap-2 px-2 pb-2">
          {cards.map((c) => (
            <DraggableCard key={c.id} card={c} lane={lane} dragging={activeId === c.id} />
          ))}
        </ul>
      ) : (
        <p className="mx-2 mb-2 min-h-16 rounded-md border border-dashed border-zinc-300 px-3 py-4 text-center text-xs text-zinc-600">Drop a card here to mark it {statusLabels[status].toLowerCase()}.</p>
      )}
      {capped && onLoadMore ? (
        <LoadMore key={cards.length} onLoad={onLoadMore} left={total - cards.length} />
      ) : capped && moreHref && (
        <Link href={moreHref} className="mx-2 mb-2 rounded-md px-2 py-1.5 text-center text-xs font-medium text-accent-800 hover:bg-white hover:underline">
          Show {total - cards.length} more in the table
        </Link>
      )}
    </div>
  );
}

/** Loads the column's next cards when it comes near the screen, or when pressed (keyboard, screen readers). */
function LoadMore({ onLoad, left }: { onLoad: () => void; left: number }) {
  const ref = useRef<HTMLButtonElement>(null);
  const load = useEffectEvent(onLoad);
  // Remounted (keyed by the count) after each load, so a column still in view goes on loading.
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof IntersectionObserver === "undefined") return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) load();
      },
      { rootMargin: "600px 0px" },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return (
    <button ref={ref} type="button" onClick={onLoad} className="mx-2 mb-2 rounded-md px-2 py-1.5 text-center text-xs font-medium text-accent-800 hover:bg-white hover:underline">
      Load more ({left} left)
    </button>
  );
}

/**
 * The handle's dots (lucide's grip-vertical), drawn once and used by every card: as an icon per
 * card they were a sixth of the board's HTML and a few percent of its server time.
 */
const GRIP = "board-grip";
function GripSymbol() {
  return (
    <svg aria-hidden width="0" height="0" className="absolute">
      <symbol id={GRIP} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        {[5, 12, 19].flatMap((cy) => [9, 15].map((cx) => <circle key={`${cx}-${cy}`} cx={cx} cy={cy} r="1" />))}
      </symbol>
    </svg>
  );
}
const Grip = ({ className }: { className: string }) => (
  <svg aria-hidden className={className}>
    <use href={`#${GRIP}`} />
  </svg>
);

function DraggableCard({ card, lane, dragging }: { card: BoardCard; lane: string; dragging: boolean }) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef } = useDraggable({ id: card.id, data: { lane, status: card.status, card } satisfies DragData });
  return (
    <li ref={setNodeRef} className={dragging ? "opacity-40" : ""} data-card-id={card.id}>
      <CardBody
        card={card}
        handle={
          <button
            ref={setActivatorNodeRef}
            type="button"
            {...attributes}
            {...listeners}
            aria-label={`Move “${card.title}” (now ${statusLabels[card.status]})`}
            className="-ml-1 mt-0.5 shrink-0 cursor-grab touch-none rounded p-0.5 text-zinc-500 hover:bg-zinc-100 hover:text-zinc-900 active:cursor-grabbing"
          >
            <Grip className="size-4" />
          </button>
        }
      />
    </li>
  );
}

function CardBody({ card, handle, overlay }: { card: BoardCard; handle?: ReactNode; overlay?: boolean }) {
  const closed = closedStatuses.includes(card.status);
  return (
    <div className={`rounded-md border bg-white p-2.5 text-sm shadow-sm ${card.overdue ? "border-red-300" : "border-zinc-200"} ${overlay ? "w-[16rem] rotate-1 shadow-lg" : ""}`}>
      <div className="flex items-start gap-1.5">
        {handle ?? <Grip className="mt-0.5 size-4 shrink-0 text-zinc-500" />}
        {overlay ? (
          <span className="font-medium leading-snug">{card.title}</span>
        ) : (
          <Link href={`/follow-ups/${card.id}`} className="min-w-0 break-words font-medium leading-snug text-zinc-900 hover:underline" data-row-link>
            {card.title}
          </Link>
        )}
      </div>
      <div className="mt-2 flex flex-wrap items-center gap-1.5">
        <Chip title={card.priorityAreaName}>{card.priorityAreaName}</Chip>
        {card.priority === "high" && <span className="text-xs font-semibold text-amber-800">High priority</span>}
      </div>
      <p className="mt-1.5 truncate text-xs text-zinc-700">
        <OrgName acronym={card.ownerOrganisationAcronym} name={card.ownerOrganisationName} />
        {card.ownerUserName ? ` · ${card.ownerUserName}` : ""}
      </p>
      <p className="mt-1 text-xs">
        <DueDate dueOn={card.dueOn} overdue={card.overdue} closed={closed} />
      </p>
      {card.meetingTitle && <p className="mt-1 truncate text-xs text-zinc-600" title={card.meetingTitle}>{card.meetingTitle}</p>}
      {overlay && (
        <div className="mt-2">
          <StatusBadge status={card.status} />
        </div>
      )}
    </div>
  );
}
