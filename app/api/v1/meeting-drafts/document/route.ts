import { draftMeeting } from "@/db/queries/meeting-drafts";
import { apiRoute } from "@/server/api";
import { maxAttachmentBytes } from "@/server/attachments/storage";
import { documentText } from "@/server/attachments/text";
import { checkDeclaredLength, receiveUploadInMemory } from "@/server/attachments/upload";

/** The draft text limit (lib/validation/meeting-drafts): a longer document is read up to it. */
const TEXT_LIMIT = 50_000;

/**
 * A meeting draft from a Word or PDF file (multipart, field `file`): its text, and the draft read
 * from it as POST /api/v1/meeting-drafts does. Saves nothing: the page attaches the file to the
 * meeting once it is logged.
 */
export const POST = apiRoute(async ({ req, db, viewer }) => {
  const max = maxAttachmentBytes();
  checkDeclaredLength(req, max);
  const upload = await receiveUploadInMemory(req, max);
  const full = await documentText(upload.bytes, upload.contentType);
  const text = full.slice(0, TEXT_LIMIT);
  return { fileName: upload.fileName, contentType: upload.contentType, text, truncated: full.length > TEXT_LIMIT, draft: await draftMeeting(db, viewer, text) };
}, { maxBody: "own" });
