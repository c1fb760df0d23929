import { z } from "zod";
import { digestFrequencies } from "@/db/enums";

const blank = (v: unknown) => v === "" || v === null || (typeof v === "number" && Number.isNaN(v));

/** The "E-mail reminders" form on the profile and its server action. */
export const digestPreferencesInput = z.object({
  frequency: z.enum(digestFrequencies, { error: "Choose daily, weekly or never." }),
  /** How many days ahead the digest looks; empty: the server's default (REMINDER_DAYS). */
  days: z.preprocess(
    (v) => (blank(v) ? undefined : v),
    z.coerce
      .number({ error: "Days ahead must be a number." })
      .int({ error: "Days ahead must be a whole number." })
      .min(1, { error: "Days ahead must be between 1 and 60." })
      .max(60, { error: "Days ahead must be between 1 and 60." })
      .optional(),
  ),
  assignmentNotices: z.boolean({ error: "Say whether you want assignment notices." }),
});
export type DigestPreferencesValues = z.output<typeof digestPreferencesInput>;

/** The unsubscribe button: the signed token from the e-mail's link. */
export const unsubscribeInput = z.object({ token: z.string({ error: "The unsubscribe link is missing its token." }).min(1).max(300) });
