import { z } from "zod";
import { vm } from "@/lib/i18n/validation";
import { id, isoDate, text } from "./common";

/** Sign-in events: a filter of their own, so a day's sign-ins do not bury the changes. */
export const signInActions = ["signed_in", "sign_in_failed", "sign_in_refused", "sign_in_throttled"] as const;
export const activityKinds = ["changes", "sign_ins"] as const;

export const entityTypes = ["organisation", "priority_area", "meeting_series", "user", "meeting", "follow_up", "setting"] as const;

/** Filters of the audit trail: GET /api/v1/activity and /admin/activity. */
export const activityFilters = z
  .object({
    entityType: z.enum(entityTypes, { error: vm("entityTypeOneOf", { list: entityTypes.join(", ") }) }).optional(),
    entityId: id("Entity").optional(),
    actorId: id("Actor").optional(),
    /** changes: everything but sign-ins; sign_ins: only those. Neither: all. */
    kind: z.enum(activityKinds, { error: vm("activityKind") }).optional(),
    from: isoDate("From").optional(),
    to: isoDate("To").optional(),
    cursor: text("Cursor", 200).optional(),
    limit: z.coerce.number().int().min(1).max(200).optional(),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { error: vm("fromBeforeTo"), path: ["to"] });
export type ActivityFilters = z.infer<typeof activityFilters>;
