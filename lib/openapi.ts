import { z } from "zod";
import { followUpPriorities, followUpStatuses, meetingFormats, organisationKinds, roles, visibilities } from "@/db/schema";
import { commentInput, followUpFilters, followUpInput, followUpPatch } from "@/lib/validation/follow-ups";
import { meetingFilters, meetingInput, meetingPatch } from "@/lib/validation/meetings";

/** Response shapes: what toMeetingJson / toFollowUpJson and the reference lists return. */
const nullableId = z.uuid().nullable();
const stamps = { createdAt: z.iso.datetime(), updatedAt: z.iso.datetime(), version: z.number().int() };

export const meetingOutput = z.object({
  id: z.uuid(), title: z.string(), seriesId: nullableId, seriesNumber: z.number().int().nullable(), heldOn: z.iso.date(),
  format: z.enum(meetingFormats), location: z.string(), hostOrganisationId: nullableId, coChairs: z.array(z.string()),
  participantOrganisationIds: z.array(z.uuid()), priorityAreaIds: z.array(z.uuid()), summary: z.string(),
  visibility: z.enum(visibilities), createdById: nullableId, ...stamps,
});
export const followUpOutput = z.object({
  id: z.uuid(), title: z.string(), description: z.string(), meetingId: nullableId, priorityAreaId: z.uuid(),
  ownerOrganisationId: z.uuid(), ownerUserId: nullableId, dueOn: z.iso.date().nullable(), status: z.enum(followUpStatuses),
  priority: z.enum(followUpPriorities), completedAt: z.iso.datetime().nullable(),
  overdue: z.boolean().describe("Derived: due before today and not done or cancelled."), createdById: nullableId, ...stamps,
});
const organisationOutput = z.object({
  id: z.uuid(), name: z.string(), acronym: z.string().nullable(), kind: z.enum(organisationKinds), parentId: nullableId,
  domains: z.array(z.string()).describe("E-mail domains, used to place single-sign-on users"), archived: z.boolean(), version: z.number().int(),
});
const priorityAreaOutput = z.object({
  id: z.uuid(), name: z.string(), slug: z.string(), description: z.string(), sortOrder: z.number().int(), archived: z.boolean(), version: z.number().int(),
});
const meetingSeriesOutput = z.object({ id: z.uuid(), name: z.string(), description: z.string(), archived: z.boolean(), version: z.number().int() });
const meOutput = z.object({ id: z.uuid(), name: z.string(), email: z.string(), role: z.enum(roles), organisationId: z.uuid() });
const commentOutput = z.object({ id: z.uuid(), followUpId: z.uuid(), authorId: z.uuid(), authorName: z.string(), body: z.string(), createdAt: z.iso.datetime() });
const activityOutput = z.object({
  id: z.number().int(), at: z.iso.datetime(), actorId: nullableId, actorName: z.string().nullable(), action: z.string(),
  field: z.string().nullable(), before: z.unknown(), after: z.unknown(),
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
      "/api/v1/meetings/{meetingId}": {
        parameters: [pathId("meetingId")],
        get: { summary: "One meeting", responses: { ...ok("The meeting", meetingOutput), ...errors(401, 404) } },
        patch: { summary: "Change a meeting", requestBody: body(meetingPatch), responses: { ...ok("The meeting", meetingOutput), ...errors(400, 401, 403, 404, 409) } },
      },
      "/api/v1/follow-ups": {
        get: { summary: "Follow-ups you can see, by due date", parameters: queryParams(followUpFilters), responses: { ...ok("A page of follow-ups", page(followUpOutput)), ...errors(400, 401) } },
        post: { summary: "Record a follow-up", requestBody: body(followUpInput), responses: { ...ok("The follow-up", followUpOutput, "201"), ...errors(400, 401, 403) } },
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
      "/api/v1/organisations": { get: { summary: "Organisations (the tree by parentId)", responses: { ...ok("Organisations", list(organisationOutput)), ...errors(401) } } },
      "/api/v1/priority-areas": { get: { summary: "Priority areas", responses: { ...ok("Priority areas", list(priorityAreaOutput)), ...errors(401) } } },
      "/api/v1/meeting-series": { get: { summary: "Meeting series", responses: { ...ok("Meeting series", list(meetingSeriesOutput)), ...errors(401) } } },
      "/api/v1/openapi.json": { get: { summary: "This document", security: [], responses: { "200": { description: "OpenAPI 3.0 document" } } } },
    },
  };
}
