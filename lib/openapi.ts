import { z } from "zod";
import { followUpPriorities, followUpStatuses, meetingFormats, organisationKinds, roles, visibilities } from "@/db/schema";
import { commentInput, followUpBulkPatch, followUpExportOptions, followUpFilters, followUpInput, followUpPatch } from "@/lib/validation/follow-ups";
import { meetingDraftInput } from "@/lib/validation/meeting-drafts";
import { briefingOptions, meetingFilters, meetingInput, meetingPatch } from "@/lib/validation/meetings";
import { activityFilters } from "@/lib/validation/activity";
import { meetingSeriesInput, meetingSeriesPatch } from "@/lib/validation/meeting-series";
import { organisationInput, organisationMerge, organisationPatch } from "@/lib/validation/organisations";
import { priorityAreaInput, priorityAreaOrder, priorityAreaPatch } from "@/lib/validation/priority-areas";
import { userInput, userPatch } from "@/lib/validation/users";

/** Response shapes: what toMeetingJson / toFollowUpJson and the reference lists return. */
const nullableId = z.uuid().nullable();
const stamps = { createdAt: z.iso.datetime(), updatedAt: z.iso.datetime(), version: z.number().int() };

export const meetingOutput = z.object({
  id: z.uuid(), title: z.string(), seriesId: nullableId, seriesNumber: z.number().int().nullable(), heldOn: z.iso.date(),
  format: z.enum(meetingFormats), location: z.string(), hostOrganisationId: nullableId, coChairs: z.array(z.string()),
  participantOrganisationIds: z.array(z.uuid()), priorityAreaIds: z.array(z.uuid()),
  reviewedMeetingIds: z.array(z.uuid()).describe("Meetings this one explicitly reviews (their follow-ups show under “Since the previous meeting”)"), summary: z.string(),
  visibility: z.enum(visibilities), createdById: nullableId, ...stamps,
});
export const followUpOutput = z.object({
  id: z.uuid(), title: z.string(), description: z.string(), meetingId: nullableId, priorityAreaId: z.uuid(),
  ownerOrganisationId: z.uuid(), ownerUserId: nullableId, dueOn: z.iso.date().nullable(), status: z.enum(followUpStatuses),
  priority: z.enum(followUpPriorities), completedAt: z.iso.datetime().nullable(),
  overdue: z.boolean().describe("Derived: due before today and not done or cancelled."), createdById: nullableId, ...stamps,
});
const evidence = z.object({
  start: z.number().int().describe("Offset of the first character in the posted text (UTF-16 code units)"),
  end: z.number().int().describe("Offset just after the last character"),
  text: z.string().describe("The words the field came from"),
  confidence: z.number().min(0).max(1),
});
const itemEvidence = evidence.extend({ id: z.uuid() });
export const meetingDraftOutput = z.object({
  title: z.string().nullable(), heldOn: z.iso.date().nullable(), format: z.enum(meetingFormats).nullable(), location: z.string().nullable(),
  seriesId: nullableId, seriesNumber: z.number().int().nullable(), hostOrganisationId: nullableId,
  coChairs: z.array(z.object({ name: z.string(), title: z.string(), organisationId: nullableId })).describe("Not a meeting field of its own: the meeting keeps co-chairs as text"),
  participantOrganisationIds: z.array(z.uuid()), priorityAreaIds: z.array(z.uuid()),
  participantCount: z.number().int().nullable().describe("Not stored on a meeting"),
  relatedEvents: z.array(z.object({ title: z.string(), date: z.string().nullable().describe("YYYY-MM-DD, or YYYY-MM when the text gives only a month") })).describe("Not stored on a meeting"),
  followUpCandidates: z.array(z.object({ text: z.string(), ownerOrganisationId: nullableId, priorityAreaId: nullableId, dueOn: z.iso.date().nullable() })),
  evidence: z.object({
    title: evidence.nullable(), heldOn: evidence.nullable(), format: evidence.nullable(), location: evidence.nullable(), seriesId: evidence.nullable(),
    seriesNumber: evidence.nullable(), hostOrganisationId: evidence.nullable(), coChairs: z.array(evidence), participantOrganisationIds: z.array(itemEvidence),
    priorityAreaIds: z.array(itemEvidence), participantCount: evidence.nullable(), relatedEvents: z.array(evidence), followUpCandidates: z.array(evidence),
  }).describe("Per field, the words it came from and a confidence; list fields have one entry per item, in the same order"),
});
const organisationOutput = z.object({
  id: z.uuid(), name: z.string(), acronym: z.string().nullable(), kind: z.enum(organisationKinds), parentId: nullableId,
  domains: z.array(z.string()).describe("E-mail domains, used to place single-sign-on users"), archived: z.boolean(), version: z.number().int(),
});
const priorityAreaOutput = z.object({
  id: z.uuid(), name: z.string(), slug: z.string(), description: z.string(),
  keywords: z.array(z.string()).describe("Other names the area goes by, used to recognise it in pasted meeting text"),
  sdgTargets: z.array(z.string()).describe("Codes of the SDG targets the area serves, like 16.4 (see /api/v1/sdg-targets)"),
  sortOrder: z.number().int(), archived: z.boolean(), version: z.number().int(),
});
const sdgTargetOutput = z.object({ code: z.string().describe("Like 16.4 or 15.c"), goal: z.number().int(), title: z.string() });
const meetingSeriesOutput = z.object({ id: z.uuid(), name: z.string(), description: z.string(), archived: z.boolean(), version: z.number().int() });
const userOutput = z.object({ id: z.uuid(), name: z.string(), email: z.string(), organisationId: z.uuid(), role: z.enum(roles), active: z.boolean(), version: z.number().int() });
const auditOutput = z.object({
  id: z.number().int(), at: z.iso.datetime(), actorId: nullableId, actorName: z.string().nullable(), entityType: z.string(), entityId: z.uuid(),
  action: z.string(), field: z.string().nullable(), before: z.unknown(), after: z.unknown(),
});
const meOutput = z.object({ id: z.uuid(), name: z.string(), email: z.string(), role: z.enum(roles), organisationId: z.uuid() });
const commentOutput = z.object({ id: z.uuid(), followUpId: z.uuid(), authorId: z.uuid(), authorName: z.string(), body: z.string(), createdAt: z.iso.datetime() });
const activityOutput = z.object({
  id: z.number().int(), at: z.iso.datetime(), actorId: nullableId, actorName: z.string().nullable(), action: z.string(),
  field: z.string().nullable(), before: z.unknown(), after: z.unknown(),
});
const bulkResultOutput = z.object({
  changed: z.array(z.uuid()),
  unchanged: z.array(z.uuid()).describe("Allowed, but already as asked: nothing written"),
  refused: z.array(z.object({ id: z.uuid(), title: z.string().nullable(), reason: z.string() })),
});
const figures = { made: z.number().int(), closed: z.number().int().describe("Done or cancelled"), done: z.number().int(), open: z.number().int(), overdue: z.number().int(), medianDaysToClose: z.number().int().nullable().describe("Median days from the meeting to completion, over done follow-ups") };
const seriesStatsOutput = z.object({
  series: z.object({ id: z.uuid(), name: z.string(), description: z.string(), archived: z.boolean() }),
  meetings: z.array(z.object({
    id: z.uuid(), title: z.string(), seriesNumber: z.number().int().nullable(), heldOn: z.iso.date(), visibility: z.enum(visibilities),
    totals: z.object(figures), byPriorityArea: z.array(z.object({ priorityAreaId: z.uuid(), priorityAreaName: z.string(), ...figures })),
  })).describe("Only meetings you can see, newest first"),
});
const unitFigures = { total: z.number().int(), open: z.number().int(), overdue: z.number().int(), done: z.number().int(), onTime: z.number().int(), rated: z.number().int(), onTimeRate: z.number().nullable().describe("onTime / rated: done on or before the due date, over follow-ups with a due date that are done or overdue") };
const accountabilityOutput = z.object({
  organisation: z.object({ id: z.uuid(), name: z.string(), acronym: z.string().nullable(), kind: z.enum(organisationKinds), parentId: nullableId, archived: z.boolean() }),
  totals: z.object(unitFigures),
  units: z.array(z.object({ organisationId: z.uuid(), acronym: z.string().nullable(), name: z.string(), ...unitFigures })),
  overdue: z.array(followUpOutput),
  items: z.array(followUpOutput).describe("At most 1,000: open first, by due date"),
});
const sincePreviousOutput = z.object({
  asOf: z.iso.datetime().describe("The instant “then” refers to: 00:00 UTC on the meeting's day"),
  groups: z.array(z.object({
    meeting: z.object({ id: z.uuid(), title: z.string(), heldOn: z.iso.date(), visibility: z.enum(visibilities), reason: z.enum(["previous", "reviewed"]) }),
    items: z.array(followUpOutput.extend({ statusThen: z.enum(followUpStatuses) })),
  })),
});
const errorOutput = z.object({
  error: z.object({ code: z.string(), message: z.string(), fields: z.record(z.string(), z.string()).optional() }),
});

const json = (schema: z.ZodType) => z.toJSONSchema(schema, { io: "input", unrepresentable: "any", target: "openapi-3.0" });
const page = (item: z.ZodType) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });
const list = (item: z.ZodType) => z.object({ items: z.array(item) });

const errors = (...codes: number[]) =>
  Object.fromEntries(
    codes.map((c) => [
      String(c),
      {
        description: { 400: "Invalid input; `fields` names each bad field", 401: "Not signed in", 403: "Signed in, not allowed", 404: "Absent or not visible to you", 409: "Stale version: someone changed it first" }[c],
        content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
      },
    ]),
  );
const ok = (description: string, schema: z.ZodType, status = "200") => ({ [status]: { description, content: { "application/json": { schema: json(schema) } } } });
const body = (schema: z.ZodType) => ({ required: true, content: { "application/json": { schema: json(schema) } } });
const pathId = (name: string) => ({ name, in: "path", required: true, schema: { type: "string", format: "uuid" } });
function queryParams(schema: z.ZodObject) {
  const s = json(schema) as { properties?: Record<string, unknown> };
  return Object.entries(s.properties ?? {}).map(([name, schema]) => ({ name, in: "query", required: false, schema }));
}

export function openApiDocument() {
  return {
    openapi: "3.0.3",
    info: {
      title: "Cooperation Tracker API",
      version: "1",
      description:
        "EU–UNODC meetings and their follow-ups. Authenticated by the session cookie (sign in through /api/auth). Every PATCH carries the `version` it was based on; a stale version answers 409 and changes nothing.",
    },
    servers: [{ url: "/" }],
    components: {
      securitySchemes: { session: { type: "apiKey", in: "cookie", name: "authjs.session-token" } },
      schemas: { Error: json(errorOutput), Meeting: json(meetingOutput), FollowUp: json(followUpOutput) },
    },
    security: [{ session: [] }],
    paths: {
      "/api/health": { get: { summary: "Liveness and database check", security: [], responses: ok("The server and its database answer", z.object({ status: z.literal("ok") })) } },
      "/api/v1/me": { get: { summary: "The signed-in user", responses: { ...ok("You", meOutput), ...errors(401) } } },
      "/api/v1/meetings": {
        get: { summary: "Meetings you can see, newest first", parameters: queryParams(meetingFilters), responses: { ...ok("A page of meetings", page(meetingOutput)), ...errors(400, 401) } },
        post: { summary: "Log a meeting", requestBody: body(meetingInput), responses: { ...ok("The meeting", meetingOutput, "201"), ...errors(400, 401, 403) } },
      },
      "/api/v1/meeting-drafts": {
        post: {
          summary: "A reviewable draft of a meeting from pasted minutes or a press release (at most 50,000 characters), matched against the organisations, priority areas and series; saves nothing",
          requestBody: body(meetingDraftInput),
          responses: { ...ok("The draft, with evidence per field", meetingDraftOutput), ...errors(400, 401, 403) },
        },
      },
      "/api/v1/meetings/{meetingId}": {
        parameters: [pathId("meetingId")],
        get: { summary: "One meeting", responses: { ...ok("The meeting", meetingOutput), ...errors(401, 404) } },
        patch: { summary: "Change a meeting", requestBody: body(meetingPatch), responses: { ...ok("The meeting", meetingOutput), ...errors(400, 401, 403, 404, 409) } },
      },
      "/api/v1/meetings/{meetingId}.ics": {
        parameters: [pathId("meetingId")],
        get: { summary: "The meeting as an iCalendar (RFC 5545) file to add to a calendar: an all-day event on its date, with its location, a summary and a link to its page", responses: { "200": { description: "text/calendar, as an attachment", content: { "text/calendar": { schema: { type: "string" } } } }, ...errors(401, 404) } },
      },
      "/api/v1/meetings/{meetingId}/since-previous": {
        parameters: [pathId("meetingId")],
        get: { summary: "Since the previous meeting: the follow-ups of the previous meeting of the series and of the meetings this one reviews, with their status then (derived from the activity history) and now", responses: { ...ok("Groups by earlier meeting", sincePreviousOutput), ...errors(401, 404) } },
      },
      "/api/v1/meetings/{meetingId}/briefing.md": {
        parameters: [pathId("meetingId")],
        get: { summary: "The briefing pack as Markdown: open and overdue follow-ups by priority area and owner, completed since the last meeting (UN decision-tracking layout)", parameters: queryParams(briefingOptions), responses: { "200": { description: "text/markdown, as an attachment", content: { "text/markdown": { schema: { type: "string" } } } }, ...errors(400, 401, 404) } },
      },
      "/api/v1/meetings/{meetingId}/briefing.csv": {
        parameters: [pathId("meetingId")],
        get: { summary: "The briefing pack as CSV in the UN decision-tracking layout (Meeting, Follow-up, Responsible, Due, Progress, Status): open ones, then those completed since the last meeting", parameters: queryParams(briefingOptions), responses: { "200": { description: "text/csv, as an attachment", content: { "text/csv": { schema: { type: "string" } } } }, ...errors(400, 401, 404) } },
      },
      "/api/v1/follow-ups": {
        get: { summary: "Follow-ups you can see, by due date", parameters: queryParams(followUpFilters), responses: { ...ok("A page of follow-ups", page(followUpOutput)), ...errors(400, 401) } },
        post: { summary: "Record a follow-up", requestBody: body(followUpInput), responses: { ...ok("The follow-up", followUpOutput, "201"), ...errors(400, 401, 403) } },
      },
      "/api/v1/follow-ups.csv": {
        get: {
          summary: "Every follow-up matching the list's filters and sort, as CSV (UTF-8 with BOM, every field quoted, formula-like cells prefixed with ')",
          parameters: [...queryParams(followUpFilters).filter((p) => p.name !== "cursor" && p.name !== "limit"), ...queryParams(followUpExportOptions)],
          responses: { "200": { description: "text/csv: a header row and one row per follow-up (at most 50,000)", content: { "text/csv": { schema: { type: "string" } } } }, ...errors(400, 401) },
        },
      },
      "/api/v1/follow-ups/bulk": {
        post: {
          summary: "One change (status, owner organisation, owner, due date) to up to 500 follow-ups, in one transaction: those in your scope change (each with its activity), the rest are listed as refused; ids you cannot see are refused as not found",
          requestBody: body(followUpBulkPatch),
          responses: { ...ok("What changed, what already was so, and what was refused and why", bulkResultOutput), ...errors(400, 401) },
        },
      },
      "/api/v1/follow-ups/{followUpId}": {
        parameters: [pathId("followUpId")],
        get: { summary: "One follow-up", responses: { ...ok("The follow-up", followUpOutput), ...errors(401, 404) } },
        patch: { summary: "Change a follow-up (status, owner, due date, text)", requestBody: body(followUpPatch), responses: { ...ok("The follow-up", followUpOutput), ...errors(400, 401, 403, 404, 409) } },
      },
      "/api/v1/follow-ups/{followUpId}/comments": {
        parameters: [pathId("followUpId")],
        get: { summary: "Comments on a follow-up", responses: { ...ok("Comments, oldest first", list(commentOutput)), ...errors(401, 404) } },
        post: { summary: "Comment on a follow-up", requestBody: body(commentInput), responses: { ...ok("The comment", commentOutput, "201"), ...errors(400, 401, 403, 404) } },
      },
      "/api/v1/follow-ups/{followUpId}/activity": {
        parameters: [pathId("followUpId")],
        get: { summary: "History of a follow-up: who changed what, when, from → to", responses: { ...ok("Activity, oldest first", list(activityOutput)), ...errors(401, 404) } },
      },
      "/api/v1/organisations": {
        get: { summary: "Organisations (the tree by parentId), archived ones included", responses: { ...ok("Organisations", list(organisationOutput)), ...errors(401) } },
        post: { summary: "Create an organisation (admins)", requestBody: body(organisationInput), responses: { ...ok("The organisation", organisationOutput, "201"), ...errors(400, 401, 403) } },
      },
      "/api/v1/organisations/{organisationId}": {
        parameters: [pathId("organisationId")],
        get: { summary: "One organisation", responses: { ...ok("The organisation", organisationOutput), ...errors(401, 404) } },
        patch: { summary: "Rename, move in the tree (no cycles: 400), archive or restore (admins)", requestBody: body(organisationPatch), responses: { ...ok("The organisation", organisationOutput), ...errors(400, 401, 403, 404, 409) } },
      },
      "/api/v1/organisations/{organisationId}/merge": {
        parameters: [pathId("organisationId")],
        post: {
          summary: "Merge this organisation into intoId (admins): people, follow-ups, meetings and sub-organisations move; this one is archived",
          requestBody: body(organisationMerge),
          responses: { ...ok("Both organisations and what moved", z.object({ merged: organisationOutput, kept: organisationOutput, moved: z.record(z.string(), z.number().int()) })), ...errors(400, 401, 403, 404, 409) },
        },
      },
      "/api/v1/priority-areas": {
        get: { summary: "Priority areas, in their order", responses: { ...ok("Priority areas", list(priorityAreaOutput)), ...errors(401) } },
        post: { summary: "Create a priority area at the end of the list (admins)", requestBody: body(priorityAreaInput), responses: { ...ok("The priority area", priorityAreaOutput, "201"), ...errors(400, 401, 403) } },
      },
      "/api/v1/sdg-targets": {
        get: { summary: "The SDG targets a priority area can serve, goal by goal", responses: { ...ok("SDG targets", list(sdgTargetOutput)), ...errors(401) } },
      },
      "/api/v1/priority-areas/order": {
        put: { summary: "Reorder: every priority area's id, first to last (admins)", requestBody: body(priorityAreaOrder), responses: { ...ok("Priority areas in the new order", list(priorityAreaOutput)), ...errors(400, 401, 403) } },
      },
      "/api/v1/priority-areas/{priorityAreaId}": {
        parameters: [pathId("priorityAreaId")],
        get: { summary: "One priority area", responses: { ...ok("The priority area", priorityAreaOutput), ...errors(401, 404) } },
        patch: { summary: "Rename, describe, set keywords or SDG targets, archive or restore (admins)", requestBody: body(priorityAreaPatch), responses: { ...ok("The priority area", priorityAreaOutput), ...errors(400, 401, 403, 404, 409) } },
      },
      "/api/v1/meeting-series": {
        get: { summary: "Meeting series", responses: { ...ok("Meeting series", list(meetingSeriesOutput)), ...errors(401) } },
        post: { summary: "Create a meeting series (admins)", requestBody: body(meetingSeriesInput), responses: { ...ok("The series", meetingSeriesOutput, "201"), ...errors(400, 401, 403) } },
      },
      "/api/v1/meeting-series/{seriesId}": {
        parameters: [pathId("seriesId")],
        get: { summary: "One meeting series", responses: { ...ok("The series", meetingSeriesOutput), ...errors(401, 404) } },
        patch: { summary: "Rename, describe, set keywords or SDG targets, archive or restore (admins)", requestBody: body(meetingSeriesPatch), responses: { ...ok("The series", meetingSeriesOutput), ...errors(400, 401, 403, 404, 409) } },
      },
      "/api/v1/meeting-series/{seriesId}/stats": {
        parameters: [pathId("seriesId")],
        get: { summary: "Meeting by meeting: commitments made, closed, open, overdue and median days to close, in total and per priority area — over the meetings you can see", responses: { ...ok("The figures", seriesStatsOutput), ...errors(401, 404) } },
      },
      "/api/v1/organisations/{organisationId}/accountability": {
        parameters: [pathId("organisationId")],
        get: { summary: "Everything an organisation and its sub-units own across the meetings you can see, its on-time rate and its overdue items", responses: { ...ok("The accountability view", accountabilityOutput), ...errors(401, 404) } },
      },
      "/api/v1/users": {
        get: { summary: "Users (admins)", responses: { ...ok("Users", list(userOutput)), ...errors(401, 403) } },
        post: {
          summary: "Create a user (admins); the answer carries the one-time set-password link path, shown once",
          requestBody: body(userInput),
          responses: { ...ok("The user and setPasswordPath", userOutput.extend({ setPasswordPath: z.string() }), "201"), ...errors(400, 401, 403) },
        },
      },
      "/api/v1/users/{userId}": {
        parameters: [pathId("userId")],
        get: { summary: "One user (admins)", responses: { ...ok("The user", userOutput), ...errors(401, 403, 404) } },
        patch: {
          summary: "Change role, organisation or name; deactivate or reactivate (admins). The last active admin cannot be demoted or deactivated (400). Deactivation ends the user's sessions at once.",
          requestBody: body(userPatch),
          responses: { ...ok("The user", userOutput), ...errors(400, 401, 403, 404, 409) },
        },
      },
      "/api/v1/users/{userId}/password-link": {
        parameters: [pathId("userId")],
        post: { summary: "Issue a new one-time set-password link (admins); earlier unused links stop working", responses: { ...ok("The link path", z.object({ setPasswordPath: z.string() }), "201"), ...errors(400, 401, 403, 404) } },
      },
      "/api/v1/activity": {
        get: { summary: "The audit trail, newest first (admins; others read each record's own /activity)", parameters: queryParams(activityFilters), responses: { ...ok("A page of activity", page(auditOutput)), ...errors(400, 401, 403) } },
      },
      "/api/calendar/{token}.ics": {
        parameters: [{ name: "token", in: "path", required: true, description: "The secret token of a user's calendar feed, made on their profile page", schema: { type: "string" } }],
        get: {
          summary: "A user's private calendar feed for calendar apps (no cookie: the token is the credential): the meetings they take part in and the due dates of open follow-ups they or their organisation own, from 90 days ago on, as all-day events; an unknown, revoked or deactivated user's token answers 404",
          security: [],
          responses: { "200": { description: "text/calendar", content: { "text/calendar": { schema: { type: "string" } } } }, ...errors(404) },
        },
      },
      "/api/v1/unsubscribe": {
        post: {
          summary:
            "One-click unsubscribe (RFC 8058), the target of a reminder e-mail's List-Unsubscribe header: no session, the signed token from the e-mail names the user and the kind of mail (digest or assignment notices). A bad token answers 400 and changes nothing.",
          security: [],
          parameters: [{ name: "token", in: "query", required: true, schema: { type: "string" } }],
          responses: { ...ok("Unsubscribed", z.object({ unsubscribed: z.enum(["digest", "assignment"]), email: z.string() })), ...errors(400) },
        },
      },
      "/api/v1/openapi.json": { get: { summary: "This document", security: [], responses: { "200": { description: "OpenAPI 3.0 document" } } } },
    },
  };
}
