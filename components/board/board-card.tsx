"use client";

import { useDraggable } from "@dnd-kit/core";
import { useTranslations } from "next-intl";
import Link from "next/link";
import type { KeyboardEventHandler, ReactNode } from "react";
import { DueDate } from "@/components/follow-ups/due-date";
import { StatusBadge } from "@/components/follow-ups/status-badge";
import { Chip, OrgName } from "@/components/ui/chip";
import { useFormat } from "@/components/i18n/use-format";
import { isClosed } from "@/lib/follow-ups/status";
import type { BoardCard, Status } from "./types";

/** What a draggable card or a droppable column carries for dnd-kit. */
export type DragData = { lane: string; status: Status; card?: BoardCard };

/**
 * The handle's dots (lucide's grip-vertical), drawn once and used by every card: as an icon per
 * card they were a sixth of the board's HTML and a few percent of its server time.
 */
const GRIP = "board-grip";

export function GripSymbol() {
  return (
    <svg aria-hidden width="0" height="0" className="absolute">
      <symbol id={GRIP} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        {[5, 12, 19].flatMap((cy) => [9, 15].map((cx) => <circle key={`${cx}-${cy}`} cx={cx} cy={cy} r="1" />))}
      </symbol>
    </svg>
  );
}

export const Grip = ({ className }: { className: string }) => (
  <svg aria-hidden className={className}>
    <use href={`#${GRIP}`} />
  </svg>
);

export function DraggableCard({ card, lane, dragging }: { card: BoardCard; lane: string; dragging: boolean }) {
  const t = useTranslations("board");
  const f = useFormat();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef } = useDraggable({
    id: card.id,
    data: { lane, status: card.status, card } satisfies DragData,
    // dnd-kit says "draggable" by default: the reader's language instead.
    attributes: { roleDescription: t("draggable") },
  });
  // The whole card starts a drag with the pointer (6 px first, so a click or a tap still opens it);
  // the keyboard only from the handle, or Enter on the title's link would pick the card up.
  const { onKeyDown, ...pointer } = listeners ?? {};
  return (
    <li ref={setNodeRef} className={`cursor-grab active:cursor-grabbing ${dragging ? "opacity-40" : ""}`} data-card-id={card.id} {...pointer}>
      <CardBody
        card={card}
        handle={
          <button
            ref={setActivatorNodeRef}
            type="button"
            {...attributes}
            onKeyDown={onKeyDown as KeyboardEventHandler<HTMLButtonElement> | undefined}
            data-card-handle
            aria-label={t("moveHandle", { title: card.title, status: f.status(card.status) })}
            className="-ml-1 mt-0.5 shrink-0 cursor-grab touch-none rounded p-0.5 text-zinc-500 ring-zinc-400 hover:bg-zinc-200 hover:text-zinc-900 hover:ring-1 active:cursor-grabbing"
          >
            <Grip className="size-4" />
          </button>
        }
      />
    </li>
  );
}

export function CardBody({ card, handle, overlay }: { card: BoardCard; handle?: ReactNode; overlay?: boolean }) {
  const t = useTranslations("board");
  const closed = isClosed(card.status);
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
        {card.priority === "high" && <span className="text-xs font-semibold text-amber-800">{t("highPriority")}</span>}
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
