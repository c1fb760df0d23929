import "server-only";
import { AppError } from "@/lib/errors";
import { vm } from "@/lib/i18n/validation";

/**
 * The largest request body each kind of route reads, in bytes (SECURITY.md lists them). A body
 * over its limit is refused with 413 before it is read: by its Content-Length when it declares
 * one (Node's HTTP parser holds the client to it), by counting the bytes as they arrive otherwise.
 * Anonymous routes get the smallest. Server actions have Next's limit (next.config.js).
 */
export const bodyLimits = {
  /** Sign-in, sign-out, unsubscribe: a form of a few hundred bytes. */
  anonymous: 16 * 1024,
  /** Every other /api/v1 write. */
  json: 64 * 1024,
  /** Pasted minutes for a draft: 50,000 characters, up to 6 bytes each once JSON-escaped. */
  draft: 320 * 1024,
  /** An organisation CSV import. */
  import: 4 * 1024 * 1024,
} as const;

export const tooLarge = (max: number) =>
  new AppError("payload_too_large:body", vm("requestTooLarge", max >= 1024 * 1024 ? { size: String(max / (1024 * 1024)), unit: "mb" } : { size: String(Math.round(max / 1024)), unit: "kb" }));

/** The request, with a body of at most `max` bytes; 413 before reading anything when it says it is larger. */
export async function limitBody<R extends Request>(req: R, max: number, rebuild: (body: Uint8Array<ArrayBuffer>) => R): Promise<R> {
  if (req.method === "GET" || req.method === "HEAD" || !req.body) return req;
  const declared = req.headers.get("content-length");
  if (declared !== null) {
    if (!/^\d{1,15}$/.test(declared) || Number(declared) > max) throw tooLarge(max);
    return req;
  }
  // No declared length (chunked): count as it arrives, and stop reading at the limit.
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel().catch(() => {});
      throw tooLarge(max);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(new ArrayBuffer(total));
  let at = 0;
  for (const c of chunks) {
    body.set(c, at);
    at += c.byteLength;
  }
  return rebuild(body);
}
