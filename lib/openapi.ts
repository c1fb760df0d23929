import { z } from "zod";
import { followUpPriorities, followUpStatuses, implementationStatuses, meetingFormats, organisationKinds, outcomeKinds, roles, visibilities } from "@/db/enums";
import { minutesOptions } from "@/lib/validation/agenda-items";
import { commentInput, followUpBulkPatch, followUpBulkUndo, followUpExportOptions, followUpFilters, followUpInput, followUpListOptions, followUpPatch } from "@/lib/validation/follow-ups";
import { meetingDraftInput } from "@/lib/validation/meeting-drafts";
import { briefingOptions, meetingFilters, meetingInput, meetingPatch } from "@/lib/validation/meetings";
import { activityFilters } from "@/lib/validation/activity";
import { meetingSeriesInput, meetingSeriesPatch } from "@/lib/validation/meeting-series";
import { organisationInput, organisationMerge, organisationPatch } from "@/lib/validation/organisations";
import { priorityAreaInput, priorityAreaOrder, priorityAreaPatch } from "@/lib/validation/priority-areas";
import { locales } from "@/lib/i18n/locale";
import { mePatch, userInput, userPatch } from "@/lib/validation/users";
import { apiTokenInput, apiTokenScopes } from "@/lib/validation/api-tokens";
import { webhookEvents, webhookInput, webhookPatch } from "@/lib/validation/webhooks";
import { markReadInput, userNotificationFilters } from "@/lib/validation/user-notifications";
import { userNotificationKinds } from "@/db/enums";
import { attachmentPaths } from "./openapi-attachments";

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
/** One meeting (GET/PATCH /api/v1/meetings/{id}) carries its agenda; the list leaves it out. */
export const meetingWithAgendaOutput = meetingOutput.extend({
  agendaItems: z.array(z.object({
    id: z.uuid(), position: z.number().int().describe("1, 2, 3 … in agenda order"), title: z.string(), priorityAreaId: nullableId, leadOrganisationId: nullableId,
    notes: z.string().describe("Markdown"), restricted: z.boolean().describe("Left out of minutes with ?audience=wide"), carriedFromMeetingId: nullableId.describe("Set on the “Review of follow-ups from …” item"),
    outcomes: z.array(z.object({ id: z.uuid(), kind: z.enum(outcomeKinds), text: z.string(), followUpId: nullableId.describe("An action's follow-up (null if you may not see it)"), implementationStatus: z.enum(implementationStatuses).nullable().describe("A decision's, in the UN mandate-review terms") })),
  })),
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
  followUpCandidates: z.array(z.object({
    text: z.string(), ownerOrganisationId: nullableId, priorityAreaId: nullableId, dueOn: z.iso.date().nullable(),
    dueApproximate: z.boolean().describe("The due date was read from words like \"in the autumn\" (the season's end)"),
  })),
  agendaItems: z.array(z.object({
    title: z.string(), priorityAreaId: nullableId,
    followUpCandidateIndexes: z.array(z.number().int()).describe("The candidates agreed under this item (indexes into followUpCandidates)"),
  })).describe("Numbered topics of the minutes (\"3. Maritime crime: …\"); empty when the text numbers none"),
  evidence: z.object({
    title: evidence.nullable(), heldOn: evidence.nullable(), format: evidence.nullable(), location: evidence.nullable(), seriesId: evidence.nullable(),
    seriesNumber: evidence.nullable(), hostOrganisationId: evidence.nullable(), coChairs: z.array(evidence), participantOrganisationIds: z.array(itemEvidence),
    priorityAreaIds: z.array(itemEvidence), participantCount: evidence.nullable(), relatedEvents: z.array(evidence), followUpCandidates: z.array(evidence), agendaItems: z.array(evidence),
  }).describe("Per field, the words it came from and a confidence; list fields have one entry per item, in the same order"),
});
const organisationOutput = z.object({
  id: z.uuid(), name: z.string(), acronym: z.string().nullable(), nameFr: z.string().nullable().describe("The French name; null: French readers see the English one"),
  acronymFr: z.string().nullable().describe("The French acronym (ONUDC, SEAE); null: the English one"), kind: z.enum(organisationKinds), parentId: nullableId,
  domains: z.array(z.string()).describe("E-mail domains, used to place single-sign-on users"), archived: z.boolean(), version: z.number().int(),
});
const priorityAreaOutput = z.object({
  id: z.uuid(), name: z.string(), nameFr: z.string().nullable().describe("The French name; null: French readers see the English one"), slug: z.string(), description: z.string(),
  keywords: z.array(z.string()).describe("Other names the area goes by, used to recognise it in pasted meeting text"),
  sdgTargets: z.array(z.string()).describe("Codes of the SDG targets the area serves, like 16.4 (see /api/v1/sdg-targets)"),
  sortOrder: z.number().int(), archived: z.boolean(),
  requiresEvidence: z.boolean().describe("Marking a follow-up of this area done needs a document or link attached"), version: z.number().int(),
});
const sdgTargetOutput = z.object({ code: z.string().describe("Like 16.4 or 15.c"), goal: z.number().int(), title: z.string() });
const meetingSeriesOutput = z.object({ id: z.uuid(), name: z.string(), nameFr: z.string().nullable().describe("The French name; null: French readers see the English one"), description: z.string(), archived: z.boolean(), version: z.number().int() });
const userOutput = z.object({ id: z.uuid(), name: z.string(), email: z.string(), organisationId: z.uuid(), role: z.enum(roles), active: z.boolean(), version: z.number().int() });
const auditOutput = z.object({
  id: z.number().int(), at: z.iso.datetime(), actorId: nullableId, actorName: z.string().nullable(), entityType: z.string(), entityId: z.uuid(),
  action: z.string(), field: z.string().nullable(), before: z.unknown(), after: z.unknown(),
});
const meOutput = z.object({ id: z.uuid(), name: z.string(), email: z.string(), role: z.enum(roles), organisationId: z.uuid(), locale: z.enum(locales).nullable().describe("The saved language; null: the browser decides (Accept-Language)") });
const commentOutput = z.object({ id: z.uuid(), followUpId: z.uuid(), authorId: z.uuid(), authorName: z.string(), body: z.string(), mentionedUserIds: z.array(z.uuid()), attachmentIds: z.array(z.uuid()).describe("Documents carried by the comment"), createdAt: z.iso.datetime() });
const userNotificationOutput = z.object({
  id: z.number().int(), kind: z.enum(userNotificationKinds), actorId: nullableId, actorName: z.string().nullable(), followUpId: nullableId, followUpTitle: z.string().nullable(),
  meetingId: nullableId, meetingTitle: z.string().nullable(), commentId: nullableId, detail: z.record(z.string(), z.string().nullable()).nullable(), read: z.boolean(),
  createdAt: z.iso.datetime(), href: z.string().describe("Where it links to in the app"), text: z.string().describe("“Amina Okafor mentioned you on ‘…’”"),
});
const watchOutput = z.object({ watching: z.boolean(), watchers: z.array(z.object({ id: z.uuid(), name: z.string() })).describe("Who watches it (only people who can see it)") });
const activityOutput = z.object({
  id: z.number().int(), at: z.iso.datetime(), actorId: nullableId, actorName: z.string().nullable(), action: z.string(),
  field: z.string().nullable(), before: z.unknown(), after: z.unknown(),
});
const bulkResultOutput = z.object({
  changed: z.array(z.uuid()),
  unchanged: z.array(z.uuid()).describe("Allowed, but already as asked: nothing written"),
  refused: z.array(z.object({ id: z.uuid(), title: z.string().nullable(), reason: z.string() })),
  skippedClosed: z.array(z.uuid()).describe("Done or cancelled, left as they are: a new due date or owner applies to them only with includeClosed"),
  undoToken: z.string().nullable().describe("POST it to /api/v1/follow-ups/bulk/undo within undoMinutes to revert what changed"),
  undoMinutes: z.number().int(),
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
const apiTokenOutput = z.object({
  id: z.uuid(), name: z.string(), scope: z.enum(apiTokenScopes), prefix: z.string().describe("The token's first characters (ct_…), to recognise it"),
  expiresOn: z.iso.date().nullable().describe("The last day it works (UTC); null: never expires"), lastUsedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(), revokedAt: z.iso.datetime().nullable(), state: z.enum(["active", "expired", "revoked"]),
});
const webhookOutput = z.object({
  id: z.uuid(), url: z.string(), events: z.array(z.enum(webhookEvents)), includeRestricted: z.boolean(), active: z.boolean(),
  failingSince: z.iso.datetime().nullable().describe("Deliveries have failed since then, without a success; 24 hours of it disables the webhook"),
  disabledReason: z.string().nullable(), createdAt: z.iso.datetime(),
});
const webhookDeliveryOutput = z.object({
  id: z.uuid(), event: z.string(), status: z.enum(["pending", "sending", "sent", "failed", "dead"]), attempts: z.number().int(), responseCode: z.number().int().nullable(),
  lastError: z.string().nullable(), createdAt: z.iso.datetime(), sentAt: z.iso.datetime().nullable(), nextAttemptAt: z.iso.datetime().nullable(), payload: z.string().describe("The JSON body as sent"),
});
const importOutput = z.object({
  rows: z.array(z.object({
    row: z.number().int().describe("The row's number in the sheet (the header is row 1)"),
    status: z.enum(["ok", "error", "duplicate"]),
    errors: z.record(z.string(), z.string()).describe("Per field, what is wrong (with the nearest match where one is close)"),
    values: z.record(z.string(), z.string().nullable()).describe("The row's cells, by the field each column is mapped to"),
  })),
  created: z.number().int(), message: z.string(), file: z.string(), sheet: z.string(), sheets: z.array(z.string()), headers: z.array(z.string()),
  mapping: z.record(z.string(), z.string()).describe("Field → column header: the guess from the headers, with the mapping you sent on top"),
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
        "EU–UNODC meetings and their follow-ups. Authenticated by the session cookie (sign in through /api/auth), or by a personal access token (`Authorization: Bearer ct_…`, made on your profile) on every route except /api/v1/tokens: a token acts as its owner, and a `read` token gets 403 on any write. Every PATCH carries the `version` it was based on; a stale version answers 409 and changes nothing.",
    },
    servers: [{ url: "/" }],
    components: {
      securitySchemes: {
        session: { type: "apiKey", in: "cookie", name: "authjs.session-token" },
        bearer: { type: "http", scheme: "bearer", bearerFormat: "ct_…", description: "A personal access token from your profile; scope read or read-write; 401 when revoked, expired or its owner deactivated" },
      },
      schemas: { Error: json(errorOutput), Meeting: json(meetingOutput), FollowUp: json(followUpOutput) },
    },
    security: [{ session: [] }, { bearer: [] }],
    paths: {
      "/api/health": { get: { summary: "Liveness and database check", security: [], responses: ok("The server and its database answer", z.object({ status: z.literal("ok") })) } },
      "/api/v1/me": {
        get: { summary: "The signed-in user", responses: { ...ok("You", meOutput), ...errors(401) } },
        patch: { summary: "Your own settings: the language of the tracker and its e-mails (`locale`: en or fr)", requestBody: body(mePatch), responses: { ...ok("You", meOutput), ...errors(400, 401) } },
      },
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
        get: { summary: "One meeting, with its agenda", responses: { ...ok("The meeting", meetingWithAgendaOutput), ...errors(401, 404) } },
        patch: { summary: "Change a meeting; `agendaItems` replaces the agenda in the order given (ids kept; an action's `newFollowUp` is created on the meeting)", requestBody: body(meetingPatch), responses: { ...ok("The meeting", meetingWithAgendaOutput), ...errors(400, 401, 403, 404, 409) } },
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
      "/api/v1/meetings/{meetingId}/minutes.docx": {
        parameters: [pathId("meetingId")],
        get: { summary: "The minutes in Word: header, participating organisations, the agenda with notes and outcomes, the actions (action, responsible, due, status); `audience=wide` leaves restricted items out", parameters: queryParams(minutesOptions), responses: { "200": { description: "A .docx, as an attachment", content: { "application/vnd.openxmlformats-officedocument.wordprocessingml.document": { schema: { type: "string", format: "binary" } } } }, ...errors(400, 401, 404) } },
      },
      "/api/v1/meetings/{meetingId}/minutes.pdf": {
        parameters: [pathId("meetingId")],
        get: { summary: "The minutes as PDF, the same content as the Word file", parameters: queryParams(minutesOptions), responses: { "200": { description: "A PDF, as an attachment", content: { "application/pdf": { schema: { type: "string", format: "binary" } } } }, ...errors(400, 401, 404) } },
      },
      "/api/v1/follow-ups": {
        get: { summary: "Follow-ups you can see, by due date; names=true adds priorityAreaName, ownerOrganisationName, ownerOrganisationAcronym, ownerUserName and meetingTitle to each", parameters: [...queryParams(followUpFilters), ...queryParams(followUpListOptions)], responses: { ...ok("A page of follow-ups", page(followUpOutput)), ...errors(400, 401) } },
        post: { summary: "Record a follow-up", requestBody: body(followUpInput), responses: { ...ok("The follow-up", followUpOutput, "201"), ...errors(400, 401, 403) } },
      },
      "/api/v1/follow-ups.csv": {
        get: {
          summary: "Every follow-up matching the list's filters and sort, as CSV (UTF-8 with BOM, every field quoted, formula-like cells prefixed with ')",
          parameters: [...queryParams(followUpFilters).filter((p) => p.name !== "cursor" && p.name !== "limit"), ...queryParams(followUpExportOptions)],
          responses: { "200": { description: "text/csv: a header row and one row per follow-up (at most 50,000)", content: { "text/csv": { schema: { type: "string" } } } }, ...errors(400, 401) },
        },
      },
      "/api/v1/follow-ups.xlsx": {
        get: {
          summary: "The CSV export as an Excel workbook: real dates, a styled and filterable header row, overdue cells shaded, the filters on a second sheet; text cells are never formulas",
          parameters: [...queryParams(followUpFilters).filter((p) => p.name !== "cursor" && p.name !== "limit"), ...queryParams(followUpExportOptions)],
          responses: { "200": { description: "An .xlsx workbook, as an attachment", content: { "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { schema: { type: "string", format: "binary" } } } }, ...errors(400, 401) },
        },
      },
      "/api/v1/follow-ups/import": {
        post: {
          summary: "Import follow-ups from .xlsx or .csv (UTF-8 or Windows-1252, ; or ,; at most 5 MB and 5,000 rows). Every row is answered with its problems; nothing is created unless every row is clean (or mapping.skipInvalid), then all in one transaction. Re-importing a row (same reference column, or same title, responsible and due date) is a duplicate.",
          parameters: [
            { name: "dryRun", in: "query", required: false, schema: { type: "string", enum: ["true", "false"] } },
            { name: "meetingId", in: "query", required: false, schema: { type: "string", format: "uuid" } },
          ],
          requestBody: {
            required: true,
            content: {
              "multipart/form-data": {
                schema: {
                  type: "object",
                  required: ["file"],
                  properties: {
                    file: { type: "string", format: "binary" },
                    mapping: { type: "string", description: "JSON: {columns: {title, owner, ownerOrganisation, dueOn, status, priorityArea, meeting, priority, comments, reference: <header>}, statusMap: {<word>: <status>}, sheet, defaults: {priorityAreaId, ownerOrganisationId}, skipInvalid}" },
                    meetingId: { type: "string", format: "uuid", description: "The rows become this meeting's follow-ups" },
                    dryRun: { type: "string", enum: ["true", "false"] },
                  },
                },
              },
            },
          },
          responses: { ...ok("Each row and how many were created", importOutput), ...errors(400, 401, 403, 404) },
        },
      },
      "/api/v1/tokens": {
        get: { summary: "Your API tokens (`?all=true`: everyone's, by user, for admins). Session only: a token cannot list tokens", security: [{ session: [] }], parameters: [{ name: "all", in: "query", required: false, schema: { type: "string", enum: ["true", "false"] } }], responses: { ...ok("Tokens (never the token itself)", list(apiTokenOutput)), ...errors(401, 403) } },
        post: { summary: "Make an API token; the answer carries the token, shown once. Session only: a token cannot make tokens", security: [{ session: [] }], requestBody: body(apiTokenInput), responses: { ...ok("The token", apiTokenOutput.extend({ token: z.string().describe("ct_…: keep it secret; only its hash is stored") }), "201"), ...errors(400, 401, 403) } },
      },
      "/api/v1/tokens/{tokenId}": {
        parameters: [pathId("tokenId")],
        delete: { summary: "Revoke a token (yours; an admin any): it answers 401 from now on. Session only", security: [{ session: [] }], responses: { ...ok("Revoked", z.object({ id: z.uuid(), revoked: z.literal(true) })), ...errors(401, 403, 404) } },
      },
      "/api/v1/webhooks": {
        get: { summary: "Webhooks (admins)", responses: { ...ok("Webhooks", list(webhookOutput)), ...errors(401, 403) } },
        post: { summary: "Register a webhook (admins): an https URL that resolves to a public address (WEBHOOK_ALLOW_PRIVATE=true lifts that); the answer carries the signing secret, shown once", requestBody: body(webhookInput), responses: { ...ok("The webhook and its secret", webhookOutput.extend({ secret: z.string() }), "201"), ...errors(400, 401, 403) } },
      },
      "/api/v1/webhooks/{webhookId}": {
        parameters: [pathId("webhookId")],
        get: { summary: "One webhook (admins)", responses: { ...ok("The webhook", webhookOutput), ...errors(401, 403, 404) } },
        patch: { summary: "Change the URL, events or restricted flag, turn it off or on again (admins)", requestBody: body(webhookPatch), responses: { ...ok("The webhook", webhookOutput), ...errors(400, 401, 403, 404) } },
        delete: { summary: "Delete a webhook and its delivery log (admins)", responses: { ...ok("Deleted", z.object({ id: z.uuid(), deleted: z.literal(true) })), ...errors(401, 403, 404) } },
      },
      "/api/v1/webhooks/{webhookId}/deliveries": {
        parameters: [pathId("webhookId")],
        get: { summary: "The delivery log, newest first (the last 100; admins)", responses: { ...ok("Deliveries", list(webhookDeliveryOutput)), ...errors(401, 403, 404) } },
      },
      "/api/v1/webhooks/{webhookId}/ping": {
        parameters: [pathId("webhookId")],
        post: { summary: "Queue a test delivery (event ping; admins)", responses: { ...ok("Queued", z.object({ deliveryId: z.uuid() }), "202"), ...errors(401, 403, 404) } },
      },
      "/api/v1/webhooks/{webhookId}/deliveries/{deliveryId}/resend": {
        parameters: [pathId("webhookId"), pathId("deliveryId")],
        post: { summary: "Send a delivery again, as a new entry of the log (admins)", responses: { ...ok("Queued", z.object({ deliveryId: z.uuid() }), "202"), ...errors(401, 403, 404) } },
      },
      "/api/v1/follow-ups/bulk": {
        post: {
          summary: "One change (status, owner organisation, owner, due date) to up to 500 follow-ups, in one transaction: those in your scope change (each with its activity), the rest are listed as refused; ids you cannot see are refused as not found",
          requestBody: body(followUpBulkPatch),
          responses: { ...ok("What changed, what already was so, and what was refused and why", bulkResultOutput), ...errors(400, 401) },
        },
      },
      "/api/v1/follow-ups/bulk/undo": {
        post: {
          summary: "Undo a bulk edit with its undoToken: every follow-up it changed gets its fields back in one transaction, each with its activity; 409 and nothing undone if any changed since",
          requestBody: body(followUpBulkUndo),
          responses: { ...ok("The follow-ups restored", z.object({ restored: z.array(z.uuid()) })), ...errors(400, 401, 403, 409) },
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
      "/api/v1/follow-ups/{followUpId}/watch": {
        parameters: [pathId("followUpId")],
        get: { summary: "Whether you watch a follow-up (also through its meeting), and who does", responses: { ...ok("Watching", watchOutput), ...errors(401, 404) } },
        put: { summary: "Watch a follow-up: be notified of its comments, status changes, documents and re-dating", responses: { ...ok("Watching", watchOutput), ...errors(401, 404) } },
        delete: { summary: "Stop watching a follow-up (even when watching its meeting)", responses: { ...ok("Watching", watchOutput), ...errors(401, 404) } },
      },
      "/api/v1/follow-ups/{followUpId}/mentionable": {
        parameters: [pathId("followUpId")],
        get: { summary: "People who can see the follow-up, matching q: the only ones a comment may mention", parameters: [{ name: "q", in: "query", required: false, schema: { type: "string", maxLength: 100 } }], responses: { ...ok("Up to 8 people", list(z.object({ id: z.uuid(), name: z.string(), organisation: z.string() }))), ...errors(400, 401, 404) } },
      },
      "/api/v1/meetings/mentionable": {
        get: {
          summary: "People who will see a meeting not yet logged, matching q: the only ones the new meeting's summary may mention (`mentionedUserIds` on POST)",
          parameters: [
            { name: "q", in: "query", required: false, schema: { type: "string", maxLength: 100 } },
            { name: "visibility", in: "query", required: false, schema: { type: "string", enum: ["internal", "restricted"] } },
            { name: "hostOrganisationId", in: "query", required: false, schema: { type: "string", format: "uuid" } },
            { name: "participantOrganisationIds", in: "query", required: false, schema: { type: "array", items: { type: "string", format: "uuid" } }, style: "form", explode: true },
          ],
          responses: { ...ok("Up to 8 people", list(z.object({ id: z.uuid(), name: z.string(), organisation: z.string() }))), ...errors(400, 401) },
        },
      },
      "/api/v1/meetings/{meetingId}/mentionable": {
        parameters: [pathId("meetingId")],
        get: { summary: "People who can see the meeting, matching q: the only ones its summary may mention (`mentionedUserIds` on PATCH)", parameters: [{ name: "q", in: "query", required: false, schema: { type: "string", maxLength: 100 } }], responses: { ...ok("Up to 8 people", list(z.object({ id: z.uuid(), name: z.string(), organisation: z.string() }))), ...errors(400, 401, 404) } },
      },
      "/api/v1/meetings/{meetingId}/watch": {
        parameters: [pathId("meetingId")],
        get: { summary: "Whether you watch a meeting, and who does", responses: { ...ok("Watching", watchOutput), ...errors(401, 404) } },
        put: { summary: "Watch a meeting: all its follow-ups, those added later included", responses: { ...ok("Watching", watchOutput), ...errors(401, 404) } },
        delete: { summary: "Stop watching a meeting", responses: { ...ok("Watching", watchOutput), ...errors(401, 404) } },
      },
      "/api/v1/notifications": {
        get: {
          summary: "Your notifications, newest first (none about a record you cannot see), and how many are unread",
          parameters: queryParams(userNotificationFilters),
          responses: { ...ok("A page of notifications", z.object({ items: z.array(userNotificationOutput), unread: z.number().int(), nextCursor: z.string().nullable() })), ...errors(400, 401) },
        },
      },
      "/api/v1/notifications/read": {
        post: { summary: "Mark notifications read: { ids } or { all: true }", requestBody: body(markReadInput), responses: { ...ok("The unread count after", z.object({ unread: z.number().int() })), ...errors(400, 401) } },
      },
      "/api/v1/events": {
        get: {
          summary: "Live events as server-sent events: `follow_up` and `meeting` ({ id, version } of a record you can see, after its change committed), `notification` (your bell changed), `reset` (refetch everything: the events since Last-Event-ID are no longer kept), `end` (the session ended). Heartbeats every 15 s; resume with Last-Event-ID.",
          responses: { "200": { description: "text/event-stream", content: { "text/event-stream": { schema: { type: "string" } } } }, ...errors(401) },
        },
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
      ...attachmentPaths,
    },
  };
}
