import { z } from "zod";
import { vm } from "@/lib/i18n/validation";

/** The retention period of sign-in records, refused attempts and sent e-mails (admin setting). */
export const retentionInput = z.object({
  days: z.coerce
    .number({ error: vm("mustBeNumber", { label: "Days" }) })
    .int({ error: vm("wholeNumber", { label: "Days" }) })
    .min(30, { error: vm("keepAtLeastDays", { min: 30 }) })
    .max(3650, { error: vm("keepAtMostDays", { max: 3650 }) }),
});
export type RetentionInput = z.input<typeof retentionInput>;
