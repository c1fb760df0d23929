import "server-only";
/**
 * Reads one uploaded file from a multipart request as a stream: the size limit is checked against
 * Content-Length before anything is read and counted while the bytes arrive; the type is decided
 * from the first bytes before anything is stored; the SHA-256 is computed on the way to the store.
 */
import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import type { ReadableStream as NodeWebStream } from "node:stream/web";
import busboy from "busboy";
import { AppError } from "@/lib/errors";
import { vm } from "@/lib/i18n/validation";
import { cleanFileName, detectContentType, SNIFF_BYTES } from "@/lib/attachments/files";
import type { FileStore } from "@/server/attachments/storage";

export type StoredUpload = { fileName: string; contentType: string; size: number; sha256: string; storageKey: string };

/** Room for the multipart framing around the file (boundaries, part headers, a long file name). */
const FRAMING = 64 * 1024;

export const tooLarge = (max: number) =>
  new AppError("payload_too_large:attachment", vm("fileTooLarge", { mb: megabytes(max) }), { file: vm("fileTooLargeShort", { mb: megabytes(max) }) });

/** Megabytes to one decimal, written the reader's way ("2.5" / "2,5"). */
const megabytes = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

/** Refuses a body whose declared length is over the limit, before reading a byte of it. */
export function checkDeclaredLength(req: Request, max: number) {
  const declared = Number(req.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > max + FRAMING) throw tooLarge(max);
}

/**
 * Streams the `file` field of a multipart/form-data request into the store. Other fields are
 * ignored; a second file is refused. The request body is abandoned as soon as it is refused.
 */
export async function receiveUpload(req: Request, store: FileStore, max: number): Promise<StoredUpload> {
  const type = req.headers.get("content-type") ?? "";
  if (!req.body) throw new AppError("bad_request:attachment", vm("chooseFileToAttach"), { file: vm("chooseFileToAttach") });
  let parser: busboy.Busboy;
  try {
    parser = busboy({ headers: { "content-type": type }, limits: { files: 1, fields: 20, fieldSize: 10_000, parts: 30 }, defParamCharset: "utf8" });
  } catch {
    throw new AppError("bad_request:attachment", vm("uploadMultipart"), { file: vm("uploadFieldName") });
  }
  const source = Readable.fromWeb(req.body as unknown as NodeWebStream<Uint8Array>);
  return new Promise<StoredUpload>((resolve, reject) => {
    let handled = false;
    let settled = false;
    let file: Readable | undefined;
    let storing: Promise<StoredUpload> | undefined;
    const fail = (e: unknown) => {
      if (settled) return;
      settled = true;
      source.unpipe(parser);
      source.destroy();
      // A client gone mid-file: the store's reading ends with an error, so it deletes what it wrote;
      // the answer waits for that, so nothing of the upload is left once it is refused.
      file?.destroy(e instanceof Error ? e : new Error(String(e)));
      // (A file stored whole just before the body failed is deleted too.)
      void (storing ?? Promise.resolve(undefined))
        .then((stored) => stored && store.delete(stored.storageKey), () => {})
        .catch(() => {})
        .finally(() => reject(e));
    };
    parser.on("file", (field, stream, info) => {
      if (field !== "file" || handled) {
        stream.resume();
        return;
      }
      handled = true;
      file = stream;
      storing = store1(stream, cleanFileName(info.filename ?? ""), store, max);
      storing.then(
        (r) => {
          settled = true;
          resolve(r);
        },
        fail,
      );
    });
    parser.on("error", () => fail(new AppError("bad_request:attachment", vm("uploadCutOff"), { file: vm("uploadIncomplete") })));
    parser.on("close", () => {
      if (!handled) fail(new AppError("bad_request:attachment", vm("chooseFileToAttach"), { file: vm("chooseFileToAttach") }));
    });
    source.on("error", () => fail(new AppError("bad_request:attachment", vm("uploadInterrupted"), { file: vm("uploadIncomplete") })));
    source.pipe(parser);
  });
}

async function store1(stream: Readable, fileName: string, store: FileStore, max: number): Promise<StoredUpload> {
  const iterator = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  // The head: enough bytes to decide the type, held before anything is written.
  const head: Buffer[] = [];
  let headLength = 0;
  let ended = false;
  while (headLength < SNIFF_BYTES) {
    const next = await iterator.next();
    if (next.done) {
      ended = true;
      break;
    }
    head.push(next.value);
    headLength += next.value.length;
    if (headLength > max) throw tooLarge(max);
  }
  const headBytes = Buffer.concat(head, headLength);
  if (!headLength) throw new AppError("bad_request:attachment", vm("fileEmpty"), { file: vm("fileEmpty") });
  const contentType = await detectContentType(headBytes.subarray(0, SNIFF_BYTES), fileName, ended);
  const hash = createHash("sha256");
  let size = 0;
  async function* counted(): AsyncGenerator<Uint8Array> {
    const take = (b: Uint8Array) => {
      size += b.length;
      if (size > max) throw tooLarge(max);
      hash.update(b);
      return b;
    };
    yield take(headBytes);
    if (ended) return;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield take(next.value);
    }
  }
  const storageKey = await store.put(counted());
  return { fileName, contentType, size, sha256: hash.digest("hex"), storageKey };
}

/**
 * The same reading, kept in memory instead of a store: for a document whose text is read at once
 * (drafting a meeting), never more than the size limit.
 */
export async function receiveUploadInMemory(req: Request, max: number) {
  const parts: Uint8Array[] = [];
  const memory: FileStore = {
    async put(data) {
      for await (const piece of data) parts.push(piece);
      return "memory:";
    },
    get: () => {
      throw new Error("not stored");
    },
    delete: async () => {},
  };
  const upload = await receiveUpload(req, memory, max);
  return { ...upload, bytes: Buffer.concat(parts) };
}
