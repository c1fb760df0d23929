import { z } from "zod";
import { meetingFormats, visibilities } from "@/db/enums";
import { id, isoDate, requiredText, text, version } from "./common";

// The fields once, without defaults: a default inside .partial() would still fill in, and a
// patch would overwrite what the user did not touch.
const meetingFields = z.object({
  title: requiredText("Title", 300),
  seriesId: id("Series").nullable().optional(),
  seriesNumber: z
    .number({ error: "Number in the series must be a number." })
    .int({ error: "Number in the series must be a whole number." })
    .min(1, { error: "Number in the series must be at least 1." })
    .max(10000, { error: "Number in the series must be at most 10000." })
    .nullable()
    .optional(),
  heldOn: isoDate("Date"),
  format: z.enum(meetingFormats, { error: "Choose whether the meeting was in person, virtual or hybrid." }),
  location: text("Location", 200).trim(),
  hostOrganisationId: id("Host organisation").nullable().optional(),
  coChairs: z.array(requiredText("Co-chair", 200), { error: "Co-chairs must be a list of names." }).max(10, { error: "At most 10 co-chairs." }),
  participantOrganisationIds: z
    .array(id("Participating organisation"), { error: "Participating organisations must be a list." })
    .max(500, { error: "At most 500 participating organisations." }),
  priorityAreaIds: z
    .array(id("Priority area"), { error: "Priority areas must be a list." })
    .max(100, { error: "At most 100 priority areas." }),
  reviewedMeetingIds: z
    .array(id("Reviewed meeting"), { error: "Reviewed meetings must be a list." })
    .max(50, { error: "At most 50 reviewed meetings." }),
  summary: text("Summary", 50_000),
  visibility: z.enum(visibilities, { error: "Visibility must be internal or restricted." }),
});
const f = meetingFields.shape;

/** The meeting form; the same schema checks the form in the browser and the request on the server. */
export const meetingInput = meetingFields.extend({
  location: f.location.default(""),
  coChairs: f.coChairs.default([]),
  participantOrganisationIds: f.participantOrganisationIds.default([]),
  priorityAreaIds: f.priorityAreaIds.default([]),
  reviewedMeetingIds: f.reviewedMeetingIds.default([]),
  summary: f.summary.default(""),
  visibility: f.visibility.default("internal"),
});
export type MeetingInput = z.input<typeof meetingInput>;
export type MeetingValues = z.output<typeof meetingInput>;

/** A change to a meeting: any of the fields, plus the version it was based on. */
export const meetingPatch = meetingFields
  .partial()
  .extend({ version })
  .refine((v) => Object.keys(v).some((k) => k !== "version"), { error: "Change at least one field.", path: ["_"] });

export const meetingFilters = z.object({
  q: text("Search", 200).trim().optional(),
  seriesId: id("Series").optional(),
  year: z.coerce
    .number({ error: "Year must be a number." })
    .int({ error: "Year must be a whole number." })
    .min(1900, { error: "Year must be 1900 or later." })
    .max(2999, { error: "Year must be 2999 or earlier." })
    .optional(),
  priorityAreaId: id("Priority area").optional(),
  organisationId: id("Organisation").optional(),
  cursor: text("Cursor", 200).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});
export type MeetingFilters = z.infer<typeof meetingFilters>;

/** The briefing's audience: `wide` leaves restricted meetings' follow-ups out, for sharing beyond the participants. */
export const briefingOptions = z.object({
  audience: z.enum(["all", "wide"], { error: "Audience must be all or wide." }).optional(),
});
