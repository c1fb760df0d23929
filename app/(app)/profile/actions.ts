"use server";

import { z } from "zod";
import { createCalendarFeed, revokeCalendarFeed } from "@/db/queries/calendar-feeds";
import { updateDigestPreferences } from "@/db/queries/notifications";
import { authedAction } from "@/server/actions";
import { env } from "@/server/env";
import { changeOwnPassword, endSessionsFor, setOwnLocale } from "@/db/queries/users";
import { rememberLocale } from "@/server/locale-cookie";
import { changePasswordInput, mePatch } from "@/lib/validation/users";
import { digestPreferencesInput } from "@/lib/validation/reminders";
import { updateNotificationMail } from "@/db/queries/user-notifications";
import { notificationMailInput } from "@/lib/validation/user-notifications";

/** The signed-in user's own e-mail reminder choices (no one sets another's). */
export const updateDigestPreferencesAction = authedAction(digestPreferencesInput, (input, { db, viewer }) => updateDigestPreferences(db, viewer, input));

/** Makes the viewer's calendar feed, or a new address for it (the old one stops working). The address is returned this once. */
export const createCalendarFeedAction = authedAction(z.object({}), async (_input, { db, viewer }) => {
  const feed = await createCalendarFeed(db, viewer);
  return { url: `${env().APP_URL}${feed.path}`, createdAt: feed.createdAt.toISOString() };
});

/** Turns the viewer's calendar feed off: its address answers 404 from now on. */
export const revokeCalendarFeedAction = authedAction(z.object({}), async (_input, { db, viewer }) => ({ revoked: await revokeCalendarFeed(db, viewer) }));

/** A new password; every other session of the viewer ends (this one stays signed in). */
export const changePasswordAction = authedAction(changePasswordInput, (input, { db, viewer }) => changeOwnPassword(db, viewer, input));

/** "Sign out everywhere": every session of the viewer ends, this one included. */
export const endMySessionsAction = authedAction(z.object({}), (_input, { db, viewer }) => endSessionsFor(db, viewer, viewer.id));
/** The signed-in user's own choice of e-mail per kind of notification: immediately, in the digest, or never. */
export const updateNotificationMailAction = authedAction(notificationMailInput, (input, { db, viewer }) => updateNotificationMail(db, viewer, input));

/** The language switcher (shell and profile): saved on the user, and in a cookie for the signed-out pages. */
export const setLocaleAction = authedAction(mePatch, async ({ locale }, { db, viewer }) => {
  const done = await setOwnLocale(db, viewer, locale);
  await rememberLocale(locale);
  return done;
});
