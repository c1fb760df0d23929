import { z } from "zod";
import { vm } from "@/lib/i18n/validation";
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
      .object({ priorityAreaId: z.uuid({ error: vm("importDefaultArea") }).optional(), ownerOrganisationId: z.uuid({ error: vm("importDefaultOrganisation") }).optional() })
      .optional(),
    skipInvalid: z.boolean().optional(),
  })
  .strict();
export type ImportMappingInput = z.infer<typeof importMappingInput>;
