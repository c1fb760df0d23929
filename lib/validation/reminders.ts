import { z } from "zod";
import { vm } from "@/lib/i18n/validation";
import { digestFrequencies } from "@/db/enums";

const blank = (v: unknown) => v === "" || v === null || (typeof v === "number" && Number.isNaN(v));

/** The "E-mail reminders" form on the profile and its server action. */
export const digestPreferencesInput = z.object({
  frequency: z.enum(digestFrequencies, { error: vm("digestFrequency") }),
  /** How many days ahead the digest looks; empty: the server's default (REMINDER_DAYS). */
  days: z.preprocess(
    (v) => (blank(v) ? undefined : v),
    z.coerce
      .number({ error: vm("mustBeNumber", { label: "Days ahead" }) })
      .int({ error: vm("wholeNumber", { label: "Days ahead" }) })
      .min(1, { error: vm("betweenNumbers", { label: "Days ahead", min: 1, max: 60 }) })
      .max(60, { error: vm("betweenNumbers", { label: "Days ahead", min: 1, max: 60 }) })
      .optional(),
  ),
  assignmentNotices: z.boolean({ error: vm("assignmentNoticesChoice") }),
});
export type DigestPreferencesValues = z.output<typeof digestPreferencesInput>;

/** The unsubscribe button: the signed token from the e-mail's link. */
export const unsubscribeInput = z.object({ token: z.string({ error: vm("unsubscribeMissingToken") }).min(1).max(300) });
