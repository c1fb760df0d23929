import { z } from "zod";
import { vm } from "@/lib/i18n/validation";
import { isoDate, requiredText } from "./common";

export const apiTokenScopes = ["read", "read-write"] as const;
export type ApiTokenScope = (typeof apiTokenScopes)[number];

/** Tokens live 90 days unless told otherwise, and at most a year ("never" only where an admin allows it). */
export const DEFAULT_TOKEN_DAYS = 90;
export const MAX_TOKEN_DAYS = 366;

/** POST /api/v1/tokens and the profile's form. `expiresOn`: a date, or "never"; absent: 90 days from today. */
export const apiTokenInput = z.object({
  name: requiredText("Name", 100),
  scope: z.enum(apiTokenScopes, { error: vm("tokenScope") }),
  expiresOn: z.union([z.literal("never"), isoDate("Expiry")]).optional(),
});
export type ApiTokenInput = z.infer<typeof apiTokenInput>;
