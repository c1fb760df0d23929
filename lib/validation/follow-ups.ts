import { z } from "zod";
import { followUpPriorities, followUpStatuses } from "@/db/enums";
import { id, isoDate, requiredText, text, version } from "./common";
import { defaultFollowUpColumns, followUpColumns, type FollowUpColumn } from "./lists";

export const status = z.enum(followUpStatuses, { error: "Status must be open, in progress, blocked, done or cancelled." });
export const priority = z.enum(followUpPriorities, { error: "Priority must be low, normal or high." });

// The fields once, without defaults: a default inside .partial() would still fill in, and a
// patch would overwrite what the user did not touch.
const followUpFields = z.object({
  title: requiredText("Title", 300),
  description: text("Description", 20_000),
  meetingId: id("Meeting").nullable().optional(),
  priorityAreaId: id("Priority area"),
  ownerOrganisationId: id("Owner organisation"),
  ownerUserId: id("Owner").nullable().optional(),
  dueOn: isoDate("Due date").nullable().optional(),
  status,
  priority,
});

/** The follow-up form (and the quick-add row on a meeting page). */
export const followUpInput = followUpFields.extend({
  description: followUpFields.shape.description.default(""),
  status: status.default("open"),
  priority: priority.default("normal"),
});
export type FollowUpInput = z.input<typeof followUpInput>;
export type FollowUpValues = z.output<typeof followUpInput>;

/** A change to a follow-up. Its meeting is fixed once recorded. */
export const followUpPatch = followUpFields
  .omit({ meetingId: true })
  .partial()
  .extend({ version })
  .refine((v) => Object.keys(v).some((k) => k !== "version"), { error: "Change at least one field.", path: ["_"] });
export type FollowUpPatch = z.infer<typeof followUpPatch>;

export const commentInput = z.object({
  body: requiredText("Comment", 10_000),
});

const bool = z.enum(["true", "false"], { error: "Use true or false." }).transform((v) => v === "true");

export const followUpSorts = ["due", "title", "status", "updated"] as const;
export type FollowUpSort = (typeof followUpSorts)[number];
export const sortDirections = ["asc", "desc"] as const;

export const followUpFilters = z
  .object({
    status: z.union([status, z.array(status)]).optional(),
    priorityAreaId: id("Priority area").optional(),
    /** The owner organisation and its sub-units. */
    organisationId: id("Organisation").optional(),
    meetingId: id("Meeting").optional(),
    seriesId: id("Meeting series").optional(),
    ownerUserId: id("Owner").optional(),
    dueFrom: isoDate("Due from").optional(),
    dueTo: isoDate("Due to").optional(),
    overdue: bool.optional(),
    mine: bool.optional(),
    q: text("Search", 200).trim().optional(),
    sort: z.enum(followUpSorts, { error: "Sort by due, title, status or updated." }).optional(),
    dir: z.enum(sortDirections, { error: "Direction must be asc or desc." }).optional(),
    cursor: text("Cursor", 1000).optional(),
    limit: z.coerce.number().int().min(1).max(200).optional(),
  })
  .refine((f) => !f.dueFrom || !f.dueTo || f.dueFrom <= f.dueTo, { error: "Due to must be on or after due from.", path: ["dueTo"] });
export type FollowUpFilters = z.infer<typeof followUpFilters>;

export { defaultFollowUpColumns, followUpColumns, type FollowUpColumn };

const column = z.enum(followUpColumns, { error: `Columns are ${followUpColumns.join(", ")}.` });

/** What the CSV export adds to the list's filters: which columns, or the UN decision-tracking layout. */
export const followUpExportOptions = z.object({
  columns: z
    .union([z.array(column), text("Columns", 500).transform((s) => s.split(",").map((c) => c.trim()).filter(Boolean))])
    .pipe(z.array(column).min(1, { error: "Choose at least one column." }))
    .optional(),
  layout: z.enum(["default", "un"], { error: "Layout must be default or un." }).optional(),
});

/** One change applied to many follow-ups at once (the table's bulk edit): status, owner or due date. */
export const followUpBulkPatch = z.object({
  ids: z
    .array(id("Follow-up"), { error: "ids must be a list of follow-up ids." })
    .min(1, { error: "Choose at least one follow-up." })
    .max(500, { error: "Change at most 500 follow-ups at once." }),
  change: followUpFields
    .pick({ status: true, ownerOrganisationId: true, ownerUserId: true, dueOn: true })
    .partial()
    .refine((c) => Object.values(c).some((v) => v !== undefined), { error: "Change at least one field: status, owner organisation, owner or due date." }),
});
export type FollowUpBulkPatch = z.infer<typeof followUpBulkPatch>;
