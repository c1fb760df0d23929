import { restoreAttachment, toAttachmentJson } from "@/db/queries/attachments";
import { apiRoute, uuidParam } from "@/server/api";

type P = { attachmentId: string };

/** Admins: puts back a document removed within the last 30 days. */
export const POST = apiRoute<P>(async ({ db, viewer, params }) => toAttachmentJson(await restoreAttachment(db, viewer, uuidParam(params.attachmentId, "attachment"))));
