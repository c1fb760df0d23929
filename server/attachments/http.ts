import "server-only";
/** The attachment routes' shared steps (the routes stay one line each). */
import { NextResponse } from "next/server";
import type { Db } from "@/db/client";
import { type AttachmentRow, type AttachmentTarget, addFileAttachment, addLinkAttachment, checkCanAttach, openAttachment, toAttachmentJson } from "@/db/queries/attachments";
import { readJson } from "@/server/api";
import { bodyLimits, limitBody } from "@/server/body-limits";
import type { Viewer } from "@/lib/policy";
import { attachmentLinkInput } from "@/lib/validation/attachments";
import { contentDisposition, inlineTypes } from "@/lib/attachments/files";
import { maxAttachmentBytes, storeFor } from "@/server/attachments/storage";
import { checkDeclaredLength, receiveUpload } from "@/server/attachments/upload";

/**
 * POST …/attachments: JSON `{title, url}` adds a link; multipart with a `file` field adds a file.
 * Access and the declared size are checked before a byte of the body is read.
 */
export async function postAttachment(req: Request, db: Db, viewer: Viewer, target: AttachmentTarget) {
  const type = (req.headers.get("content-type") ?? "").toLowerCase();
  if (type.startsWith("application/json")) {
    // A link is a small JSON body: the limit of every other JSON write, not the file's.
    const limited = await limitBody(req, bodyLimits.json, (body) => new Request(req.url, { method: req.method, headers: req.headers, body }));
    return toAttachmentJson(await addLinkAttachment(db, viewer, target, await readJson(limited, attachmentLinkInput)));
  }
  await checkCanAttach(db, viewer, target);
  const max = maxAttachmentBytes();
  checkDeclaredLength(req, max);
  const upload = await receiveUpload(req, storeFor(db), max);
  return toAttachmentJson(await addFileAttachment(db, viewer, target, upload));
}

/**
 * A file's bytes: PDFs and images inline, everything else as a download; never sniffed, and
 * sandboxed so nothing in it runs with the tracker's origin. A link redirects to its address.
 */
export function serveAttachment(db: Db, row: AttachmentRow, opts: { download?: boolean } = {}) {
  if (row.kind === "link") return NextResponse.redirect(row.url!, { status: 302, headers: { "cache-control": "no-store" } });
  const inline = !opts.download && inlineTypes.has(row.contentType ?? "");
  const contentType = row.contentType?.startsWith("text/") ? `${row.contentType}; charset=utf-8` : (row.contentType ?? "application/octet-stream");
  return new Response(openAttachment(db, row), {
    status: 200,
    headers: {
      "content-type": contentType,
      "content-length": String(row.size ?? 0),
      "content-disposition": contentDisposition(inline ? "inline" : "attachment", row.fileName),
      "x-content-type-options": "nosniff",
      // The same policy as next.config.js sets for this path (which wins there); here for any other server.
      "content-security-policy": "sandbox; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; frame-ancestors 'none'",
      "cache-control": "private, no-store",
      etag: `"${row.sha256}"`,
    },
  });
}
