"use client";

import { useDroppable } from "@dnd-kit/core";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useEffect, useEffectEvent, useRef } from "react";
import { statusStyle } from "@/components/follow-ups/status-badge";
import { useFormat } from "@/components/i18n/use-format";
import { type DragData, DraggableCard } from "./board-card";
import type { BoardCard, Status } from "./types";

export function Column({
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
  const t = useTranslations("board");
  const f = useFormat();
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
        {f.status(status)}
        <span
          className="ml-auto rounded-full bg-white px-2 py-0.5 text-xs font-medium text-zinc-700"
          aria-label={capped ? t("countShownLabel", { shown: cards.length, total }) : f.followUps(cards.length)}
        >
          {capped ? t("countShown", { shown: cards.length, total }) : cards.length}
        </span>
      </Heading>
      {cards.length ? (
        <ul className="flex min-h-16 flex-col gap-2 px-2 pb-2">
          {cards.map((c) => (
            <DraggableCard key={c.id} card={c} lane={lane} dragging={activeId === c.id} />
          ))}
        </ul>
      ) : (
        <p className="mx-2 mb-2 min-h-16 rounded-md border border-dashed border-zinc-300 px-3 py-4 text-center text-xs text-zinc-600">
          {t("emptyColumn", { status, label: f.status(status) })}
        </p>
      )}
      {capped && onLoadMore ? (
        <LoadMore key={cards.length} onLoad={onLoadMore} left={total - cards.length} />
      ) : capped && moreHref && (
        <Link href={moreHref} className="mx-2 mb-2 rounded-md px-2 py-1.5 text-center text-xs font-medium text-accent-800 hover:bg-white hover:underline">
          {t("showMoreInTable", { count: total - cards.length })}
        </Link>
      )}
    </div>
  );
}

/** Loads the column's next cards when it comes near the screen, or when pressed (keyboard, screen readers). */
function LoadMore({ onLoad, left }: { onLoad: () => void; left: number }) {
  const t = useTranslations("board");
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
      {t("loadMore", { count: left })}
    </button>
  );
}
