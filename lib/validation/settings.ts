import { z } from "zod";

/** The retention period of sign-in records, refused attempts and sent e-mails (admin setting). */
export const retentionInput = z.object({
  days: z.coerce
    .number({ error: "Days must be a number." })
    .int({ error: "Days must be a whole number." })
    .min(30, { error: "Keep them at least 30 days." })
    .max(3650, { error: "Keep them at most 3,650 days (10 years)." }),
});
export type RetentionInput = z.input<typeof retentionInput>;
