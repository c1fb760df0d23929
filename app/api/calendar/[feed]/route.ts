import { feedEntries, feedViewer } from "@/db/queries/calendar-feeds";
import { getDb } from "@/db/connection";
import { errorResponse } from "@/server/api";
import { calendarResponse, feedCalendar } from "@/lib/calendar";
import { env } from "@/server/env";
import { recipientLocale } from "@/lib/i18n/locale";
import { localeOfRequest } from "@/server/i18n";
import { notFound } from "@/lib/errors";

/**
 * GET /api/calendar/{token}.ics — a user's private calendar feed, for calendar apps that subscribe
 * to a URL and send no cookie: the secret token is the credential. An unknown or revoked token, or
 * a deactivated user's, answers 404. The feed holds only what its owner may see.
 */
export async function GET(req: Request, ctx: { params: Promise<{ feed: string }> }) {
  try {
    const { feed } = await ctx.params;
    const db = await getDb();
    const viewer = feed.endsWith(".ics") ? await feedViewer(db, feed.slice(0, -".ics".length)) : null;
    if (!viewer) throw notFound("calendar_feed");
    const entries = await feedEntries(db, viewer);
    return calendarResponse(feedCalendar({ userName: viewer.name, ...entries }, env().APP_URL, recipientLocale(viewer.locale)), { inline: "cooperation-tracker.ics" });
  } catch (e) {
    return errorResponse(e, localeOfRequest(req));
  }
}
