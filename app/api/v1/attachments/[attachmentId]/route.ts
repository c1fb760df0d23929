import { getAttachment, removeAttachment } from "@/db/queries/attachments";
import { serveAttachment } from "@/server/attachments/http";
import { apiRoute, uuidParam } from "@/server/api";

type P = { attachmentId: string };

/** The file (inline for PDFs and images, `?download=1` to save it), or a redirect for a link. */
export const GET = apiRoute<P>(async ({ req, db, viewer, params }) =>
  serveAttachment(db, await getAttachment(db, viewer, uuidParam(params.attachmentId, "attachment")), { download: new URL(req.url).searchParams.has("download") }),
);

export const DELETE = apiRoute<P>(async ({ db, viewer, params }) => {
  await removeAttachment(db, viewer, uuidParam(params.attachmentId, "attachment"));
  return new Response(null, { status: 204 });
});
