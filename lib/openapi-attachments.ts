/** The documents' part of the OpenAPI document (lib/openapi.ts spreads it into its paths). */
import { z } from "zod";
import { attachmentLinkInput } from "@/lib/validation/attachments";

const attachmentOutput = z.object({
  id: z.uuid(),
  kind: z.enum(["file", "link"]),
  fileName: z.string().nullable().describe("The file's name as uploaded, cleaned of path separators and control characters (null for a link)"),
  contentType: z.string().nullable().describe("Decided from the file's content, never its name (null for a link)"),
  size: z.number().int().nullable().describe("Bytes"),
  sha256: z.string().nullable().describe("Hex SHA-256 of the bytes"),
  url: z.string().describe("A link's https address, or where to download the file"),
  title: z.string(),
  version: z.number().int().describe("1, 2, … for files of the same name on the same record"),
  meetingId: z.uuid().nullable(),
  followUpId: z.uuid().nullable(),
  commentId: z.uuid().nullable().describe("The comment that carries it, if any"),
  createdAt: z.iso.datetime(),
  createdById: z.uuid(),
  createdByName: z.string(),
});

const json = (schema: z.ZodType) => z.toJSONSchema(schema, { io: "input", unrepresentable: "any", target: "openapi-3.0" });
const err = (description: string) => ({ description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } });
const errs = {
  "400": err("Invalid input; `fields` names each bad field"),
  "401": err("Not signed in"),
  "403": err("Signed in, not allowed"),
  "404": err("Absent or not visible to you"),
};
const pathId = (name: string) => ({ name, in: "path", required: true, schema: { type: "string", format: "uuid" } });

const upload = {
  required: true,
  content: {
    "multipart/form-data": {
      schema: { type: "object", required: ["file"], properties: { file: { type: "string", format: "binary", description: "PDF, Word, Excel, PowerPoint, their OpenDocument versions, plain text, CSV, PNG, JPEG, .eml or .msg; at most ATTACHMENT_MAX_MB (25 MB by default)" } } },
    },
    "application/json": { schema: json(attachmentLinkInput) },
  },
};

const collection = (record: string) => ({
  get: { summary: `The ${record}'s documents and links, newest first (every version)`, responses: { "200": { description: "Documents", content: { "application/json": { schema: json(z.object({ items: z.array(attachmentOutput) })) } } }, ...errs } },
  post: {
    summary: `Attach a file (multipart, field \`file\`) or a link (JSON \`{title, url}\`, https only) to the ${record}. A file with the name of an earlier one is its next version.${record === "follow-up" ? " Needs the right to progress the follow-up." : " Anyone who can see the meeting."}`,
    requestBody: upload,
    responses: {
      "201": { description: "The document", content: { "application/json": { schema: json(attachmentOutput) } } },
      ...errs,
      "413": err("Over ATTACHMENT_MAX_MB: refused by Content-Length before the body is read, or as soon as the count passes it"),
      "415": err("Not an accepted type (decided from the content), with a sentence saying which are"),
    },
  },
});

export const attachmentPaths = {
  "/api/v1/meetings/{meetingId}/attachments": { parameters: [pathId("meetingId")], ...collection("meeting") },
  "/api/v1/follow-ups/{followUpId}/attachments": { parameters: [pathId("followUpId")], ...collection("follow-up") },
  "/api/v1/attachments/{attachmentId}": {
    parameters: [pathId("attachmentId")],
    get: {
      summary:
        "The file's bytes (PDFs and images inline, everything else as a download; `?download=1` always downloads) with an RFC 6266 Content-Disposition, X-Content-Type-Options: nosniff and Content-Security-Policy: sandbox; a link answers 302 to its address",
      parameters: [{ name: "download", in: "query", required: false, schema: { type: "string" } }],
      responses: { "200": { description: "The bytes", content: { "application/octet-stream": { schema: { type: "string", format: "binary" } } } }, "302": { description: "A link: its address" }, "401": errs["401"], "404": errs["404"] },
    },
    delete: {
      summary: "Remove a document: whoever added it, a manager responsible for the follow-up, or an admin. Recorded in the history; an admin can restore it for 30 days",
      responses: { "204": { description: "Removed" }, "401": errs["401"], "403": errs["403"], "404": errs["404"] },
    },
  },
  "/api/v1/attachments/{attachmentId}/restore": {
    parameters: [pathId("attachmentId")],
    post: { summary: "Restore a removed document (admins, within 30 days of its removal)", responses: { "200": { description: "The document", content: { "application/json": { schema: json(attachmentOutput) } } }, "401": errs["401"], "403": errs["403"], "404": errs["404"], "409": err("Not removed, or removed more than 30 days ago") } },
  },
  "/api/v1/attachments/removed": {
    get: { summary: "Documents removed within the last 30 days (admins)", responses: { "200": { description: "Removed documents, newest first", content: { "application/json": { schema: json(z.object({ items: z.array(attachmentOutput.extend({ removedAt: z.iso.datetime(), removedByName: z.string().nullable(), restorableUntil: z.iso.datetime(), recordType: z.enum(["meeting", "follow_up"]), recordTitle: z.string() })) })) } } }, "401": errs["401"], "403": errs["403"] } },
  },
};
