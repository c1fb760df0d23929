import { z } from "zod";
import { id, requiredText, text, version } from "./common";

const priorityAreaFields = z.object({
  name: requiredText("Name", 200),
  description: text("Description", 2000).trim(),
});

export const priorityAreaInput = priorityAreaFields.extend({ description: priorityAreaFields.shape.description.optional().default("") });
export type PriorityAreaInput = z.input<typeof priorityAreaInput>;

export const priorityAreaPatch = priorityAreaFields
  .partial()
  .extend({ archived: z.boolean({ error: "Archived must be true or false." }).optional(), version })
  .refine((v) => Object.keys(v).some((k) => k !== "version"), { error: "Change at least one field.", path: ["_"] });
export type PriorityAreaPatch = z.output<typeof priorityAreaPatch>;

/** The new order: every priority area's id, first to last. */
export const priorityAreaOrder = z.object({
  ids: z.array(id("Priority area"), { error: "ids must be the list of priority areas in their new order." }).min(1).max(500),
});
