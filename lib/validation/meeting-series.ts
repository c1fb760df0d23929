import { z } from "zod";
import { requiredText, text, version } from "./common";

const meetingSeriesFields = z.object({
  name: requiredText("Name", 200),
  description: text("Description", 2000).trim(),
});

export const meetingSeriesInput = meetingSeriesFields.extend({ description: meetingSeriesFields.shape.description.optional().default("") });
export type MeetingSeriesInput = z.input<typeof meetingSeriesInput>;

export const meetingSeriesPatch = meetingSeriesFields
  .partial()
  .extend({ archived: z.boolean({ error: "Archived must be true or false." }).optional(), version })
  .refine((v) => Object.keys(v).some((k) => k !== "version"), { error: "Change at least one field.", path: ["_"] });
export type MeetingSeriesPatch = z.output<typeof meetingSeriesPatch>;
