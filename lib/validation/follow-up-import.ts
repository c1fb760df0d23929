import { z } from "zod";
import { followUpStatuses } from "@/db/enums";
import { importFields } from "@/lib/import/mapping";

const statusValue = z.enum(followUpStatuses);

/** The `mapping` field of POST /api/v1/follow-ups/import (all optional: the guess fills the rest). */
export const importMappingInput = z
  .object({
    columns: z.partialRecord(z.enum(importFields), z.string().max(200)).optional(),
    statusMap: z.record(z.string().max(100), statusValue).optional(),
    sheet: z.string().max(200).optional(),
    defaults: z
      .object({ priorityAreaId: z.uuid({ error: "The default priority area is not valid." }).optional(), ownerOrganisationId: z.uuid({ error: "The default organisation is not valid." }).optional() })
      .optional(),
    skipInvalid: z.boolean().optional(),
  })
  .strict();
export type ImportMappingInput = z.infer<typeof importMappingInput>;
