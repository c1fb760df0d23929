import { getDb } from "@/db/connection";
import { getCalendarFeed } from "@/db/queries/calendar-feeds";
import type { Viewer } from "@/lib/policy";
import { CalendarFeedPanel } from "./calendar-feed-panel";

/** Profile section: the viewer's private calendar feed (on or off; its address is shown once, when made). */
export async function CalendarFeed({ viewer }: { viewer: Viewer }) {
  const feed = await getCalendarFeed(await getDb(), viewer);
  return <CalendarFeedPanel createdAt={feed?.createdAt.toISOString() ?? null} />;
}
