"use client";

import { infiniteQueryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useState } from "react";
import { toast } from "@/components/ui/toast";
import { useFormat } from "@/components/i18n/use-format";
import { api, errorText } from "@/lib/api-client";
import { isOverdue } from "@/lib/follow-ups/status";
import { todayIso } from "@/lib/format";
import type { ActionResult } from "@/lib/result";
import type { FollowUpFilters } from "@/lib/validation/follow-ups";
import { type BoardCard, type Status, toBoardCard } from "./types";

const overdueAfterMove = (c: Pick<BoardCard, "dueOn">, status: Status) => isOverdue(c.dueOn, status, todayIso());

/** A column loads on this many cards at a time. */
const PAGE = 25;

type ColumnPage = { items: BoardCard[]; nextCursor: string | null };
type Saved = { status: Status; version: number; overdue: boolean; dueOn: string | null };
type Failure = Extract<ActionResult<never>, { ok: false }>;

/** The board's filters as the API's query: the column's status, cursor and page size are the column's own. */
const filterQuery = ({ status: _s, cursor: _c, limit: _l, sort: _o, dir: _d, ...rest }: FollowUpFilters) => rest;

/**
 * The board's cards: the query cache they live in, each column's pages (useInfiniteQuery over
 * GET /api/v1/follow-ups, from the cursor the page ended on), the status change (optimistic,
 * rolled back per card) with conflict recovery, and the counts as the cards move. The board
 * component only lays them out. Reads are GETs: a server action would queue behind the moves.
 */
export function useBoardCards({
  initial,
  boardKey,
  filters,
  firstCursors,
  totals,
}: {
  initial: BoardCard[];
  boardKey: string;
  filters: FollowUpFilters;
  firstCursors: Partial<Record<Status, string | null>>;
  totals: Record<Status, number>;
}) {
  const t = useTranslations("board");
  const te = useTranslations("errors");
  const f = useFormat();
  const qc = useQueryClient();
  const router = useRouter();
  const queryKey = useMemo(() => ["board", boardKey], [boardKey]);
  // The cards come from the server render; a live update's invalidation must not put back the
  // render's (older) list, which would move a just-dropped card back and forth and lose its focus.
  // The router refresh that follows brings the server's truth (the effect below).
  const { data: cards } = useQuery({
    queryKey,
    queryFn: () => qc.getQueryData<BoardCard[]>(queryKey) ?? initial,
    initialData: initial,
    staleTime: Infinity,
  });
  // A fresh server render (filters changed, or a refresh after a conflict) is the truth again: the
  // columns start again from its cursors.
  useEffect(() => {
    qc.setQueryData(queryKey, initial);
    void qc.resetQueries({ queryKey: [...queryKey, "column"] });
  }, [qc, queryKey, initial]);

  // Each column's next pages. Never fetched by themselves (enabled: false): the first cards come
  // with the page, and a column asks for more as it scrolls (fetchNextPage, from the page's cursor).
  const query = useMemo(() => filterQuery(filters), [filters]);
  const columnQuery = (status: Status) =>
    infiniteQueryOptions({
      queryKey: [...queryKey, "column", status],
      queryFn: async ({ pageParam, signal }): Promise<ColumnPage> => {
        const result = await api.get<ColumnPage>("/api/v1/follow-ups", { query: { ...query, status, cursor: pageParam, limit: PAGE, names: true }, signal });
        if (!result.ok) throw new Error(errorText(result, te));
        return { items: result.data.items.map(toBoardCard), nextCursor: result.data.nextCursor };
      },
      initialPageParam: firstCursors[status] ?? undefined,
      getNextPageParam: (last: ColumnPage) => last.nextCursor ?? undefined,
      enabled: false,
      staleTime: Infinity,
      retry: 1,
    });
  // One per status (a fixed list, so the hooks are called in the same order on every render).
  const columns = {
    open: useInfiniteQuery(columnQuery("open")),
    in_progress: useInfiniteQuery(columnQuery("in_progress")),
    blocked: useInfiniteQuery(columnQuery("blocked")),
    done: useInfiniteQuery(columnQuery("done")),
    cancelled: useInfiniteQuery(columnQuery("cancelled")),
  } satisfies Record<Status, unknown>;
  // Where each column's next cards start: the page's cursor until the column loads on, then its last page's.
  const cursors = Object.fromEntries(
    (Object.keys(columns) as Status[]).map((s) => [s, columns[s].data ? (columns[s].data.pages.at(-1)?.nextCursor ?? null) : (firstCursors[s] ?? null)]),
  ) as Record<Status, string | null>;

  // The status each card had when the server last counted (the page's cards, then those loaded on):
  // a card now elsewhere — moved, rolled back, or refreshed after a conflict — shifts the counts.
  const firstStatuses = useMemo(() => new Map(initial.map((c) => [c.id, c.status])), [initial]);
  const [loadedStatuses, setLoadedStatuses] = useState({ from: firstStatuses, statuses: firstStatuses });
  const countedAs = loadedStatuses.from === firstStatuses ? loadedStatuses.statuses : firstStatuses;

  // A column's next cards, appended to the board's list (a card already there, say moved in from
  // another column, keeps its place and state).
  const loadMore = async (status: Status) => {
    // A second call while one is on its way waits for it (no cancel, no second request).
    const result = await columns[status].fetchNextPage({ cancelRefetch: false });
    if (result.isError) {
      toast.error(t("loadFailed", { reason: result.error.message }));
      return;
    }
    const loaded = result.data?.pages.flatMap((p) => p.items) ?? [];
    setLoadedStatuses((l) => {
      const known = new Map(l.from === firstStatuses ? l.statuses : firstStatuses);
      // One already on the board keeps the status it was counted with when it came.
      for (const c of loaded) if (!known.has(c.id)) known.set(c.id, c.status);
      return { from: firstStatuses, statuses: known };
    });
    qc.setQueryData<BoardCard[]>(queryKey, (list = []) => {
      const have = new Set(list.map((c) => c.id));
      return [...list, ...loaded.filter((c) => !have.has(c.id))];
    });
  };

  const [announcement, setAnnouncement] = useState("");

  const setCard = (id: string, change: (c: BoardCard) => BoardCard) =>
    qc.setQueryData<BoardCard[]>(queryKey, (list) => list?.map((c) => (c.id === id ? change(c) : c)));

  /** A refused or failed move: the card goes back, the live region and a toast say why; a conflict shows their change. */
  const failed = async (failure: Failure, card: BoardCard, to: Status, before: BoardCard) => {
    // Roll back only this card: another move may be in flight.
    setCard(card.id, () => before);
    const reason = errorText(failure, te);
    setAnnouncement(t("notMoved", { title: card.title, status: f.status(card.status), reason }));
    if (failure.code.startsWith("conflict")) {
      toast.error(reason, { description: t("conflictShown") });
      const fresh = await api.get<Saved>(`/api/v1/follow-ups/${encodeURIComponent(card.id)}`);
      if (fresh.ok) setCard(card.id, (c) => ({ ...c, status: fresh.data.status, version: fresh.data.version, overdue: fresh.data.overdue, dueOn: fresh.data.dueOn }));
      router.refresh();
    } else if (failure.code === "network" || failure.code.startsWith("internal")) {
      toast.error(reason, { action: { label: t("retry"), onClick: () => move.mutate({ card: before, to }) } });
    } else {
      toast.error(reason);
    }
  };

  const move = useMutation({
    mutationFn: ({ card, to }: { card: BoardCard; to: Status }) => api.patch<Saved>(`/api/v1/follow-ups/${encodeURIComponent(card.id)}`, { status: to, version: card.version }),
    onMutate: async ({ card, to }) => {
      await qc.cancelQueries({ queryKey, exact: true });
      setCard(card.id, (c) => ({ ...c, status: to, overdue: overdueAfterMove(c, to) }));
      return { before: card };
    },
    onSuccess: async (saved, { card, to }, ctx) => {
      if (!saved.ok) return failed(saved, card, to, ctx.before);
      setCard(card.id, (c) => ({ ...c, version: saved.data.version, overdue: saved.data.overdue }));
      setAnnouncement(t("saved", { title: card.title, status: f.status(to) }));
    },
  });

  /** The server's counts, with every card that now sits in another column than it was counted in moved across. */
  const shownTotals = useMemo(() => {
    const total = { ...totals };
    for (const c of cards) {
      const was = countedAs.get(c.id);
      if (was && was !== c.status) {
        total[was] -= 1;
        total[c.status] += 1;
      }
    }
    return total;
  }, [cards, countedAs, totals]);

  return { cards, cursors, loadMore, move, shownTotals, announcement, setAnnouncement };
}
