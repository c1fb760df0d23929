import { z } from "zod";
import { vm } from "@/lib/i18n/validation";
import { optionalText, requiredText, text, version } from "./common";
import { limits } from "./limits";

const meetingSeriesFields = z.object({
  name: requiredText("Name", limits.name),
  /** The French name; empty means French readers see the English one. */
  nameFr: optionalText("French name", limits.name),
  description: text("Description", limits.description).trim(),
});

export const meetingSeriesInput = meetingSeriesFields.extend({ nameFr: meetingSeriesFields.shape.nameFr.optional().default(null), description: meetingSeriesFields.shape.description.optional().default("") });
export type MeetingSeriesInput = z.input<typeof meetingSeriesInput>;

export const meetingSeriesPatch = meetingSeriesFields
  .partial()
  .extend({ archived: z.boolean({ error: vm("booleanField", { label: "Archived" }) }).optional(), version })
  .refine((v) => Object.keys(v).some((k) => k !== "version"), { error: vm("changeOneField"), path: ["_"] });
export type MeetingSeriesPatch = z.output<typeof meetingSeriesPatch>;
