import { z } from "zod";
import { importFollowUps } from "@/db/queries/follow-up-import";
import { apiRoute, invalidInput } from "@/server/api";
import { AppError } from "@/lib/errors";
import { messagesOf } from "@/lib/i18n/translate";
import { localizeIssue, vm } from "@/lib/i18n/validation";
import { IMPORT_MAX_BYTES } from "@/lib/import/limits";
import { importMappingInput } from "@/lib/validation/follow-up-import";
import { ImportFileError, readImportFile } from "@/server/import/read";
import { safeParseInput } from "@/lib/validation/common";

const form = z.object({
  meetingId: z.uuid({ error: vm("importMeetingIdParam") }).optional(),
  dryRun: z.enum(["true", "false"], { error: vm("booleanParam", { param: "dryRun" }) }).optional(),
});
const maxMb = String(IMPORT_MAX_BYTES / 1048576);

/**
 * POST /api/v1/follow-ups/import — multipart: `file` (.xlsx or .csv), optional `mapping` (JSON),
 * `meetingId`, `dryRun` (also as query parameters). Answers every row with its status and
 * problems; creates only when every row is clean (or `mapping.skipInvalid`), in one transaction.
 */
export const POST = apiRoute(async ({ req, db, viewer, locale }) => {
  // Refused before the body is read: the form's overhead on top of the file's limit.
  const length = Number(req.headers.get("content-length") ?? 0);
  if (length > IMPORT_MAX_BYTES + 256 * 1024) throw new AppError("bad_request:import", vm("importTooLargeDeclared", { max: maxMb }), { file: vm("importAtMostMb", { max: maxMb }) });
  let data: FormData;
  try {
    data = await req.formData();
  } catch {
    throw new AppError("bad_request:import", vm("importMultipart"), { file: vm("importChooseFile") });
  }
  const file = data.get("file");
  if (!(file instanceof File)) throw new AppError("bad_request:import", vm("importChooseFileToImport"), { file: vm("importChooseFile") });
  if (file.size > IMPORT_MAX_BYTES) throw new AppError("bad_request:import", vm("importFileTooLarge", { size: file.size / 1048576, max: maxMb }), { file: vm("importAtMostMb", { max: maxMb }) });
  const query = new URL(req.url).searchParams;
  const field = (k: string) => (typeof data.get(k) === "string" && data.get(k) !== "" ? (data.get(k) as string) : (query.get(k) ?? undefined));
  const parsed = safeParseInput(form, { meetingId: field("meetingId"), dryRun: field("dryRun") });
  if (!parsed.success) throw invalidInput(parsed.error);
  let mapping;
  const rawMapping = field("mapping");
  if (rawMapping) {
    let json: unknown;
    try {
      json = JSON.parse(rawMapping);
    } catch {
      throw new AppError("bad_request:import", vm("importMappingJson"), { mapping: vm("importMappingJson") });
    }
    const m = safeParseInput(importMappingInput, json);
    // Several problems in one field: each is said in the requester's language here.
    const validation = messagesOf(locale).validation;
    if (!m.success) throw new AppError("bad_request:import", vm("importMappingInvalid"), { mapping: m.error.issues.map((i) => `${i.path.join(".")}: ${localizeIssue(i, locale, validation)}`).join("; ") });
    mapping = m.data;
  }
  const name = file.name.replace(/[\r\n]/g, " ").slice(0, 200) || "upload";
  let table;
  try {
    table = await readImportFile(Buffer.from(await file.arrayBuffer()), name, { sheet: mapping?.sheet });
  } catch (e) {
    if (e instanceof ImportFileError) throw new AppError("bad_request:import", e.message, { file: e.message });
    throw e;
  }
  return importFollowUps(db, viewer, table, { file: name, mapping, meetingId: parsed.data.meetingId, dryRun: parsed.data.dryRun === "true" });
}, { maxBody: "own" });
