import { CalendarFeedPanel } from "./calendar-feed-panel";

/** Profile section: the viewer's private calendar feed (on or off; its address is shown once, when made). */
export function CalendarFeed({ feed }: { feed: { createdAt: Date } | null | undefined }) {
  return <CalendarFeedPanel createdAt={feed?.createdAt.toISOString() ?? null} />;
}
