"use server";

import { z } from "zod";
import { createCalendarFeed, revokeCalendarFeed } from "@/db/queries/calendar-feeds";
import { updateDigestPreferences } from "@/db/queries/notifications";
import { authedAction } from "@/lib/actions";
import { env } from "@/lib/env";
import { digestPreferencesInput } from "@/lib/validation/reminders";

/** The signed-in user's own e-mail reminder choices (no one sets another's). */
export const updateDigestPreferencesAction = authedAction(digestPreferencesInput, (input, { db, viewer }) => updateDigestPreferences(db, viewer, input));

/** Makes the viewer's calendar feed, or a new address for it (the old one stops working). The address is returned this once. */
export const createCalendarFeedAction = authedAction(z.object({}), async (_input, { db, viewer }) => {
  const feed = await createCalendarFeed(db, viewer);
  return { url: `${env().APP_URL}${feed.path}`, createdAt: feed.createdAt.toISOString() };
});

/** Turns the viewer's calendar feed off: its address answers 404 from now on. */
export const revokeCalendarFeedAction = authedAction(z.object({}), async (_input, { db, viewer }) => ({ revoked: await revokeCalendarFeed(db, viewer) }));
