import { z } from "zod";
import { importFollowUps } from "@/db/queries/follow-up-import";
import { apiRoute, invalidInput } from "@/server/api";
import { AppError } from "@/lib/errors";
import { IMPORT_MAX_BYTES } from "@/lib/import/limits";
import { importMappingInput } from "@/lib/validation/follow-up-import";
import { ImportFileError, readImportFile } from "@/server/import/read";
import { safeParseInput } from "@/lib/validation/common";

const form = z.object({
  meetingId: z.uuid({ error: "meetingId is not a valid meeting." }).optional(),
  dryRun: z.enum(["true", "false"], { error: "dryRun must be true or false." }).optional(),
});

/**
 * POST /api/v1/follow-ups/import — multipart: `file` (.xlsx or .csv), optional `mapping` (JSON),
 * `meetingId`, `dryRun` (also as query parameters). Answers every row with its status and
 * problems; creates only when every row is clean (or `mapping.skipInvalid`), in one transaction.
 */
export const POST = apiRoute(async ({ req, db, viewer }) => {
  // Refused before the body is read: the form's overhead on top of the file's limit.
  const length = Number(req.headers.get("content-length") ?? 0);
  if (length > IMPORT_MAX_BYTES + 256 * 1024) throw new AppError("bad_request:import", `The file is too large; an import takes at most ${IMPORT_MAX_BYTES / 1048576} MB.`, { file: `At most ${IMPORT_MAX_BYTES / 1048576} MB.` });
  let data: FormData;
  try {
    data = await req.formData();
  } catch {
    throw new AppError("bad_request:import", "Send the file as multipart/form-data, in a field called file.", { file: "Choose a .xlsx or .csv file." });
  }
  const file = data.get("file");
  if (!(file instanceof File)) throw new AppError("bad_request:import", "Choose a .xlsx or .csv file to import.", { file: "Choose a .xlsx or .csv file." });
  if (file.size > IMPORT_MAX_BYTES) throw new AppError("bad_request:import", `The file is ${(file.size / 1048576).toFixed(1)} MB; an import takes at most ${IMPORT_MAX_BYTES / 1048576} MB.`, { file: `At most ${IMPORT_MAX_BYTES / 1048576} MB.` });
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
      throw new AppError("bad_request:import", "mapping is not valid JSON.", { mapping: "mapping is not valid JSON." });
    }
    const m = safeParseInput(importMappingInput, json);
    if (!m.success) throw new AppError("bad_request:import", "mapping is not valid.", { mapping: m.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") });
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
