import { undoBulkEdit } from "@/db/queries/follow-ups";
import { apiRoute, readJson } from "@/server/api";
import { followUpBulkUndo } from "@/lib/validation/follow-ups";

/** Undo a bulk edit with the token its answer carried: all of it in one transaction, or 409 if any changed since. */
export const POST = apiRoute(async ({ req, db, viewer }) => undoBulkEdit(db, viewer, (await readJson(req, followUpBulkUndo)).token));
