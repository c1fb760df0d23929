"use server";

import { updateDigestPreferences } from "@/db/queries/notifications";
import { authedAction } from "@/lib/actions";
import { digestPreferencesInput } from "@/lib/validation/reminders";

/** The signed-in user's own e-mail reminder choices (no one sets another's). */
export const updateDigestPreferencesAction = authedAction(digestPreferencesInput, (input, { db, viewer }) => updateDigestPreferences(db, viewer, input));
