import { z } from "zod";
import { vm } from "@/lib/i18n/validation";
import { followUpPriorities, followUpStatuses } from "@/db/enums";
import { csvSep, id, isoDate, requiredText, text, version } from "./common";
import { defaultFollowUpColumns, followUpColumns, type FollowUpColumn } from "./lists";
import { limits } from "./limits";

export const status = z.enum(followUpStatuses, { error: vm("status") });
export const priority = z.enum(followUpPriorities, { error: vm("priority") });

// The fields once, without defaults: a default inside .partial() would still fill in, and a
// patch would overwrite what the user did not touch.
const followUpFields = z.object({
  title: requiredText("Title", limits.title),
  description: text("Description", limits.followUpDescription),
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
  .refine((v) => Object.keys(v).some((k) => k !== "version"), { error: vm("changeOneField"), path: ["_"] });
export type FollowUpPatch = z.infer<typeof followUpPatch>;

export const commentInput = z.object({
  body: requiredText("Comment", limits.comment),
  /** The people the comment @mentions: each must be able to see the follow-up. */
  mentionedUserIds: z.array(id("Mentioned person"), { error: vm("mentionedList") }).max(20, { error: vm("mentionAtMost", { max: 20 }) }).optional(),
  /** Documents the author uploaded to the follow-up first, shown with the comment. */
  attachmentIds: z.array(id("Attachment"), { error: vm("attachmentIdsList") }).max(20, { error: vm("attachAtMost", { max: 20 }) }).optional(),
});

/**
 * "true"/"false" as a query string has them; a boolean as the parsed filters hold them, which the
 * board sends back when a column loads more (before, "Overdue only" made every "Load more" fail).
 */
const bool = z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")], { error: vm("trueOrFalse") });

export const followUpSorts = ["due", "title", "status", "updated"] as const;
export type FollowUpSort = (typeof followUpSorts)[number];
export const sortDirections = ["asc", "desc"] as const;

export const followUpFilters = z
  .object({
    status: z.union([status, z.array(status)]).optional(),
    priorityAreaId: id("Priority area").optional(),
    /** The owner organisation and its sub-units. */
    organisationId: id("Organisation").optional(),
    /** false: the organisation's own follow-ups only, not its sub-units' (a figure counted per unit). */
    subUnits: bool.optional(),
    meetingId: id("Meeting").optional(),
    seriesId: id("Meeting series").optional(),
    ownerUserId: id("Owner").optional(),
    dueFrom: isoDate("Due from").optional(),
    dueTo: isoDate("Due to").optional(),
    /** Completed (marked done) on or after this day, UTC: the overview's "completed per month". */
    completedFrom: isoDate("Completed from").optional(),
    completedTo: isoDate("Completed to").optional(),
    overdue: bool.optional(),
    mine: bool.optional(),
    q: text("Search", 200).trim().optional(),
    sort: z.enum(followUpSorts, { error: vm("sortBy") }).optional(),
    dir: z.enum(sortDirections, { error: vm("sortDirection") }).optional(),
    cursor: text("Cursor", 1000).optional(),
    limit: z.coerce.number().int().min(1).max(200).optional(),
  })
  .refine((f) => !f.dueFrom || !f.dueTo || f.dueFrom <= f.dueTo, { error: vm("dueToAfterFrom"), path: ["dueTo"] })
  .refine((f) => !f.completedFrom || !f.completedTo || f.completedFrom <= f.completedTo, { error: vm("completedToAfterFrom"), path: ["completedTo"] });
export type FollowUpFilters = z.infer<typeof followUpFilters>;

/** What GET /api/v1/follow-ups adds to the filters: `names=true` adds the names of the area, organisation, owner and meeting (the board's cards). */
export const followUpListOptions = z.object({ names: bool.optional() });

export { defaultFollowUpColumns, followUpColumns, type FollowUpColumn };

const column = z.enum(followUpColumns, { error: vm("columnsAre", { list: followUpColumns.join(", ") }) });

/** What the CSV export adds to the list's filters: which columns, or the UN decision-tracking layout. */
export const followUpExportOptions = z.object({
  columns: z
    .union([z.array(column), text("Columns", 500).transform((s) => s.split(",").map((c) => c.trim()).filter(Boolean))])
    .pipe(z.array(column).min(1, { error: vm("chooseColumn") }))
    .optional(),
  layout: z.enum(["default", "un"], { error: vm("layout") }).optional(),
  sep: csvSep.optional(),
});

/** One change applied to many follow-ups at once (the table's bulk edit): status, owner or due date. */
export const followUpBulkPatch = z.object({
  ids: z
    .array(id("Follow-up"), { error: vm("bulkIdsList") })
    .min(1, { error: vm("chooseFollowUp") })
    .max(500, { error: vm("bulkAtMost", { max: 500 }) }),
  change: followUpFields
    .pick({ status: true, ownerOrganisationId: true, ownerUserId: true, dueOn: true })
    .partial()
    .refine((c) => Object.values(c).some((v) => v !== undefined), { error: vm("bulkChangeOneField") }),
  /**
   * A new due date or owner leaves done and cancelled follow-ups as they are (a closed one's due date
   * is the record of what was agreed), unless this says to change them too. A status change applies to all.
   */
  includeClosed: z.boolean({ error: vm("booleanParam", { param: "includeClosed" }) }).optional(),
});
export type FollowUpBulkPatch = z.infer<typeof followUpBulkPatch>;

/** Undo a bulk edit: the token its answer carried (signed, for a few minutes, for the one who made it). */
export const followUpBulkUndo = z.object({
  token: z.string({ error: vm("undoTokenParam") }).min(1, { error: vm("undoTokenParam") }).max(200_000, { error: vm("undoTokenTooLong") }),
});
