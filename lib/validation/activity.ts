import { z } from "zod";
import { id, isoDate, text } from "./common";

export const entityTypes = ["organisation", "priority_area", "meeting_series", "user", "meeting", "follow_up"] as const;

/** Filters of the audit trail: GET /api/v1/activity and /admin/activity. */
export const activityFilters = z
  .object({
    entityType: z.enum(entityTypes, { error: `Entity type must be one of: ${entityTypes.join(", ")}.` }).optional(),
    entityId: id("Entity").optional(),
    actorId: id("Actor").optional(),
    from: isoDate("From").optional(),
    to: isoDate("To").optional(),
    cursor: text("Cursor", 200).optional(),
    limit: z.coerce.number().int().min(1).max(200).optional(),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { error: "From must be on or before To.", path: ["to"] });
export type ActivityFilters = z.infer<typeof activityFilters>;
