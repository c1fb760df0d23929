"use server";

import { toBoardCard } from "@/components/board/board-data";
import { listFollowUps } from "@/db/queries/follow-ups";
import { authedAction } from "@/lib/actions";
import { followUpFilters } from "@/lib/validation/follow-ups";

const PAGE = 25;

/** A board column's next cards as it scrolls: the page's filters and order (soonest due first), with the column's cursor. */
export const loadBoardColumnAction = authedAction(followUpFilters, async (filters, { db, viewer }) => {
  const page = await listFollowUps(db, viewer, { ...filters, sort: undefined, dir: undefined, limit: PAGE });
  return { cards: page.items.map(toBoardCard), nextCursor: page.nextCursor };
});
