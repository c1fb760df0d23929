import "server-only";
/**
 * Where the bytes of attached files live. Two stores behind one interface:
 * - the database (default): 48 KiB chunks in attachment_chunks. No set-up, every app instance on the
 *   same PostgreSQL sees the same files, and a database backup holds them;
 * - an S3-compatible object store when S3_BUCKET is set, for files that outgrow the database.
 * Both write and read a piece at a time: memory does not grow with a file's size.
 */
import { randomUUID } from "node:crypto";
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  ListMultipartUploadsCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
} from "@aws-sdk/client-s3";
import { and, asc, eq, gte, sql } from "drizzle-orm";
import type { PGlite } from "@electric-sql/pglite";
import type postgres from "postgres";
import type { Db } from "@/db/client";
import { attachmentChunks } from "@/db/schema";

type PostgresClient = postgres.Sql;
type PGliteClient = PGlite;

export type FileStore = {
  /** Writes the bytes, returns the storage key. On any error nothing is left behind. */
  put(data: AsyncIterable<Uint8Array>): Promise<string>;
  /** The bytes, a piece at a time. */
  get(key: string): ReadableStream<Uint8Array>;
  delete(key: string): Promise<void>;
  /**
   * The keys of the objects written before `before`, a page at a time (object stores only: the
   * database's chunks are swept with one statement, db/queries/attachments.ts).
   */
  listOlderThan?(before: Date): AsyncIterable<string[]>;
  /** Abandons multipart uploads begun before `before` (a crash mid-upload leaves their parts behind, unseen and billed). */
  abortStaleUploads?(before: Date): Promise<number>;
};

/**
 * A database file is rows of 48 KiB, written and read eight at a time (one statement per 384 KiB):
 * the most an upload or a download holds is one statement's rows, whatever the file's size.
 *
 * How the bytes travel depends on the engine (bench/README.md, "Documents"):
 * - PostgreSQL: binary COPY, `COPY attachment_chunks … FROM STDIN (FORMAT binary)` and
 *   `COPY (SELECT …) TO STDOUT (FORMAT binary)`. The rows go to the socket as the Buffers they
 *   are, with no text form at all. Every text form left garbage that grew with the file: a Buffer
 *   parameter became a hex string twice its size (postgres.js), base64 text a string 4/3 its size,
 *   and with eight of them in flight at each scavenge V8 promoted them to the old generation,
 *   where they waited for a full collection (RSS +42 to +51 MB for 25 MB, +55 to +140 MB for
 *   100 MB). Each COPY holds a pooled connection only while its rows go through, never while
 *   waiting for the client's next bytes.
 * - PGlite: base64 text the database decodes (`decode($1, 'base64')`). PGlite turns a bytea
 *   parameter into hex with an array and two strings per byte; base64 is one native `toString`
 *   per row, and at 48 KiB (64 KiB of text) an ordinary young object the next scavenge frees.
 *
 * Files written with other row sizes read the same: rows go by seq.
 */
export const CHUNK = 48 * 1024;
export const ROWS_PER_STATEMENT = 8;

/** Gathers the incoming pieces into blocks of `size` bytes (the last one shorter). */
async function* blocks(data: AsyncIterable<Uint8Array>, size: number): AsyncGenerator<Buffer> {
  let parts: Uint8Array[] = [];
  let length = 0;
  for await (const piece of data) {
    let rest = piece;
    while (length + rest.length >= size) {
      const take = size - length;
      parts.push(rest.subarray(0, take));
      yield Buffer.concat(parts, size);
      parts = [];
      length = 0;
      rest = rest.subarray(take);
    }
    if (rest.length) {
      parts.push(rest);
      length += rest.length;
    }
  }
  if (length) yield Buffer.concat(parts, length);
}

/** The postgres.js client under a Db (never a transaction's), or null on PGlite. */
function postgresClient(db: Db): PostgresClient | null {
  const client = (db as unknown as { $client?: unknown }).$client;
  return typeof client === "function" && typeof (client as PostgresClient).unsafe === "function" && typeof (client as PostgresClient).reserve === "function"
    ? (client as PostgresClient)
    : null;
}

export function databaseStore(db: Db): FileStore {
  const pg = postgresClient(db);
  return pg ? postgresStore(db, pg) : pgliteStore(db);
}

/** What a database store needs beyond put/get/delete: a file's rows are `blob_id`, 0…n-1. */
function blobIdOf(key: string) {
  const blobId = key.slice(3);
  // Written into COPY's statement text (COPY takes no parameters): only a UUID gets there.
  if (!/^[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}$/i.test(blobId)) throw new Error(`Not a database file key: ${key}`);
  return blobId;
}

/**
 * Writes the blocks a statement at a time; on any error (a refused size or type, a client gone)
 * deletes what was written and rethrows, so nothing is left behind.
 */
async function putRows(db: Db, data: AsyncIterable<Uint8Array>, write: (blobId: string, firstSeq: number, rows: Buffer[]) => Promise<void>) {
  const blobId = randomUUID();
  let seq = 0;
  let batch: Buffer[] = [];
  const flush = async () => {
    if (!batch.length) return;
    const rows = batch;
    batch = [];
    await write(blobId, seq, rows);
    seq += rows.length;
  };
  try {
    for await (const block of blocks(data, CHUNK)) {
      batch.push(block);
      if (batch.length === ROWS_PER_STATEMENT) await flush();
    }
    await flush();
  } catch (e) {
    batch = [];
    await db.delete(attachmentChunks).where(eq(attachmentChunks.blobId, blobId)).catch(() => {});
    throw e;
  }
  return blobId;
}

function pgliteStore(db: Db): FileStore {
  const lite = pgliteClient(db);
  return {
    async put(data) {
      const blobId = await putRows(db, data, async (id, first, rows) => {
        if (lite) {
          // Binary COPY from PGlite's /dev/blob: the rows' own bytes, no text on the way.
          await lite.query("copy attachment_chunks (blob_id, seq, data) from '/dev/blob' with (format binary)", [], { blob: new Blob(copyRows(id, first, rows) as Uint8Array<ArrayBuffer>[]) });
        } else {
          await db.insert(attachmentChunks).values(rows.map((block, i) => ({ blobId: id, seq: first + i, data: sql`decode(${block.toString("base64")}, 'base64')` })));
        }
      });
      return `db:${blobId}`;
    },
    get(key) {
      const blobId = blobIdOf(key);
      return chunkStream(async (seq) => {
        if (lite) {
          const res = await lite.query(`copy (${selectRows(blobId, seq)}) to '/dev/blob' with (format binary)`);
          return res.blob ? parseCopyRows(Buffer.from(await res.blob.arrayBuffer())) : [];
        }
        const found = await db
          .select({ data: sql<string>`encode(${attachmentChunks.data}, 'base64')` })
          .from(attachmentChunks)
          .where(and(eq(attachmentChunks.blobId, blobId), gte(attachmentChunks.seq, seq)))
          .orderBy(asc(attachmentChunks.seq))
          .limit(ROWS_PER_STATEMENT);
        return found.map((row) => new Uint8Array(Buffer.from(row.data, "base64")));
      });
    },
    async delete(key) {
      await db.delete(attachmentChunks).where(eq(attachmentChunks.blobId, blobIdOf(key)));
    },
  };
}

/** The PGlite instance under a Db (never a transaction's), or null. */
function pgliteClient(db: Db): PGliteClient | null {
  const client = (db as unknown as { $client?: unknown }).$client;
  return client && typeof client === "object" && typeof (client as PGliteClient).query === "function" && "waitReady" in client ? (client as PGliteClient) : null;
}

function postgresStore(db: Db, pg: PostgresClient): FileStore {
  return {
    async put(data) {
      let rows = 0;
      let bytes = 0;
      const blobId = await putRows(db, data, async (id, first, blocks) => {
        await copyIn(pg, id, first, blocks);
        rows += blocks.length;
        bytes += blocks.reduce((n, b) => n + b.length, 0);
      });
      // COPY reports an error that arrives after its last row only by never finishing (copyIn's
      // watchdog): what is stored is checked once, against what was sent.
      const [stored] = await pg.unsafe<{ rows: number; bytes: number }[]>(
        "select count(*)::int as rows, coalesce(sum(length(data)), 0)::bigint::float8 as bytes from attachment_chunks where blob_id = $1",
        [blobId],
      );
      if (stored?.rows !== rows || stored.bytes !== bytes) {
        await db.delete(attachmentChunks).where(eq(attachmentChunks.blobId, blobId)).catch(() => {});
        throw new Error(`The file was not stored whole (${stored?.rows ?? 0} of ${rows} pieces).`);
      }
      return `db:${blobId}`;
    },
    get(key) {
      const blobId = blobIdOf(key);
      return chunkStream((seq) => copyOut(pg, blobId, seq));
    },
    async delete(key) {
      await db.delete(attachmentChunks).where(eq(attachmentChunks.blobId, blobIdOf(key)));
    },
  };
}

/** PostgreSQL's binary COPY framing: the signature, flags and header extension; a tuple's field count; the trailer. */
const COPY_SIGNATURE = Buffer.from("PGCOPY\n\xff\r\n\0", "latin1");
const COPY_HEADER = Buffer.concat([COPY_SIGNATURE, Buffer.alloc(8)]);
const COPY_TRAILER = Buffer.from([0xff, 0xff]);
/** How long a COPY may take to confirm its rows before it is taken as failed (its error is then found by put's check). */
const COPY_WATCHDOG_MS = 60_000;

/** The rows `first`, `first + 1`… of a blob in binary COPY's format: a header, per row three fields (uuid, int4, bytea), a trailer. */
function copyRows(blobId: string, first: number, rows: Buffer[]): Uint8Array[] {
  const uuid = Buffer.from(blobId.replaceAll("-", ""), "hex");
  const out: Uint8Array[] = [COPY_HEADER];
  rows.forEach((row, i) => {
    const head = Buffer.alloc(2 + 4 + 16 + 4 + 4 + 4);
    let at = head.writeInt16BE(3, 0);
    at = head.writeInt32BE(16, at);
    at += uuid.copy(head, at);
    at = head.writeInt32BE(4, at);
    at = head.writeInt32BE(first + i, at);
    head.writeInt32BE(row.length, at);
    out.push(head, row); // the row itself goes as it is
  });
  out.push(COPY_TRAILER);
  return out;
}

/** The rows of a binary COPY of one bytea column. */
function parseCopyRows(all: Buffer): Uint8Array[] {
  if (all.length < COPY_HEADER.length || !all.subarray(0, COPY_SIGNATURE.length).equals(COPY_SIGNATURE)) throw new Error("COPY answered something other than binary rows");
  let at = COPY_SIGNATURE.length + 4;
  at += 4 + all.readInt32BE(at); // the header extension
  const rows: Uint8Array[] = [];
  for (;;) {
    const fields = all.readInt16BE(at);
    at += 2;
    if (fields === -1) break;
    const length = all.readInt32BE(at);
    at += 4;
    rows.push(all.subarray(at, at + length));
    at += length;
  }
  return rows;
}

/** Up to ROWS_PER_STATEMENT rows of a blob from `seq` on (COPY takes no parameters: blobId is a checked UUID, seq an integer). */
const selectRows = (blobId: string, seq: number) =>
  `select data from attachment_chunks where blob_id = '${blobId}' and seq >= ${Math.trunc(seq)} order by seq limit ${ROWS_PER_STATEMENT}`;

/** One statement: the rows `first`, `first + 1`… of a blob, as binary COPY. */
async function copyIn(pg: PostgresClient, blobId: string, first: number, rows: Buffer[]) {
  const writable = await pg.unsafe("copy attachment_chunks (blob_id, seq, data) from stdin (format binary)").writable();
  const done = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("COPY did not confirm its rows")), COPY_WATCHDOG_MS);
    writable.once("finish", () => (clearTimeout(timer), resolve()));
    writable.once("error", (e) => (clearTimeout(timer), reject(e)));
  });
  const parts = copyRows(blobId, first, rows);
  parts.forEach((part, i) => (i === parts.length - 1 ? writable.end(part) : writable.write(part)));
  await done;
}

/**
 * Up to ROWS_PER_STATEMENT rows of a blob from `seq` on, as binary COPY (bytea's own bytes, no
 * text). The statement's rows are read whole, so the connection goes back to the pool at once.
 */
async function copyOut(pg: PostgresClient, blobId: string, seq: number): Promise<Uint8Array[]> {
  const readable = await pg.unsafe(`copy (${selectRows(blobId, seq)}) to stdout (format binary)`).readable();
  // In flowing mode ('data'), not with an async iterator: postgres.js pauses the connection's socket
  // when a push finds the stream's buffer full and resumes it only on the next read, which never
  // comes once the stream has ended; the connection's next statement would then wait forever.
  const parts: Buffer<ArrayBufferLike>[] = [];
  await new Promise<void>((resolve, reject) => {
    readable.on("data", (part: Buffer) => parts.push(part));
    readable.once("end", resolve);
    readable.once("error", reject);
  });
  return parseCopyRows(Buffer.concat(parts));
}

export type S3Settings = { bucket: string; endpoint?: string; region: string; accessKeyId?: string; secretAccessKey?: string; forcePathStyle: boolean };

/** S3_BUCKET (with S3_ENDPOINT, S3_REGION, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY), or null for the database store. */
export function s3Settings(e: NodeJS.ProcessEnv = process.env): S3Settings | null {
  if (!e.S3_BUCKET) return null;
  return {
    bucket: e.S3_BUCKET,
    endpoint: e.S3_ENDPOINT || undefined,
    region: e.S3_REGION || "us-east-1",
    accessKeyId: e.S3_ACCESS_KEY_ID || e.AWS_ACCESS_KEY_ID || undefined,
    secretAccessKey: e.S3_SECRET_ACCESS_KEY || e.AWS_SECRET_ACCESS_KEY || undefined,
    // MinIO, s3rver, Ceph and most self-hosted stores want bucket/key paths, not bucket.host names.
    forcePathStyle: e.S3_FORCE_PATH_STYLE ? e.S3_FORCE_PATH_STYLE === "true" : !!e.S3_ENDPOINT,
  };
}

/** Every object this tracker writes is under this prefix: the orphan sweep looks nowhere else in the bucket. */
const PREFIX = "attachments/";

/** S3 wants parts of at least 5 MiB (except the last); a smaller file is one PutObject. */
const PART = 5 * 1024 * 1024;

export function s3Store(s: S3Settings): FileStore {
  const client = new S3Client({
    region: s.region,
    endpoint: s.endpoint,
    forcePathStyle: s.forcePathStyle,
    credentials: s.accessKeyId && s.secretAccessKey ? { accessKeyId: s.accessKeyId, secretAccessKey: s.secretAccessKey } : undefined,
  });
  const Bucket = s.bucket;
  return {
    async put(data) {
      const Key = `${PREFIX}${randomUUID()}`;
      let uploadId: string | undefined;
      const parts: { ETag?: string; PartNumber: number }[] = [];
      try {
        let pending: Buffer | undefined;
        for await (const block of blocks(data, PART)) {
          if (pending) {
            // A second block exists, so this is a multipart upload.
            uploadId ??= (await client.send(new CreateMultipartUploadCommand({ Bucket, Key }))).UploadId;
            const PartNumber = parts.length + 1;
            const { ETag } = await client.send(new UploadPartCommand({ Bucket, Key, UploadId: uploadId, PartNumber, Body: pending }));
            parts.push({ ETag, PartNumber });
          }
          pending = block;
        }
        if (!uploadId) {
          await client.send(new PutObjectCommand({ Bucket, Key, Body: pending ?? Buffer.alloc(0) }));
        } else {
          const PartNumber = parts.length + 1;
          const { ETag } = await client.send(new UploadPartCommand({ Bucket, Key, UploadId: uploadId, PartNumber, Body: pending }));
          parts.push({ ETag, PartNumber });
          await client.send(new CompleteMultipartUploadCommand({ Bucket, Key, UploadId: uploadId, MultipartUpload: { Parts: parts } }));
        }
      } catch (e) {
        if (uploadId) await client.send(new AbortMultipartUploadCommand({ Bucket, Key, UploadId: uploadId })).catch(() => {});
        throw e;
      }
      return `s3:${Key}`;
    },
    get(key) {
      let body: ReadableStreamDefaultReader<Uint8Array> | undefined;
      return new ReadableStream<Uint8Array>({
        async pull(controller) {
          if (!body) {
            const res = await client.send(new GetObjectCommand({ Bucket, Key: key.slice(3) }));
            if (!res.Body) return controller.close();
            body = (res.Body.transformToWebStream() as ReadableStream<Uint8Array>).getReader();
          }
          const { done, value } = await body.read();
          if (done) controller.close();
          else controller.enqueue(value);
        },
        async cancel() {
          await body?.cancel();
        },
      });
    },
    async delete(key) {
      await client.send(new DeleteObjectCommand({ Bucket, Key: key.slice(3) }));
    },
    async *listOlderThan(before) {
      let ContinuationToken: string | undefined;
      do {
        const page = await client.send(new ListObjectsV2Command({ Bucket, Prefix: PREFIX, ContinuationToken, MaxKeys: 1000 }));
        const keys = (page.Contents ?? []).filter((o) => o.Key && o.LastModified && o.LastModified < before).map((o) => `s3:${o.Key}`);
        if (keys.length) yield keys;
        ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (ContinuationToken);
    },
    async abortStaleUploads(before) {
      let aborted = 0;
      let KeyMarker: string | undefined;
      let UploadIdMarker: string | undefined;
      do {
        let page;
        try {
          page = await client.send(new ListMultipartUploadsCommand({ Bucket, Prefix: PREFIX, KeyMarker, UploadIdMarker }));
        } catch (e) {
          // Some S3-protocol servers (s3rver among them) do not list uploads: their lifecycle rules are the way there.
          if (e instanceof Error && e.name === "NotImplemented") return aborted;
          throw e;
        }
        for (const u of page.Uploads ?? []) {
          if (!u.Key || !u.UploadId || !u.Initiated || u.Initiated >= before) continue;
          await client.send(new AbortMultipartUploadCommand({ Bucket, Key: u.Key, UploadId: u.UploadId }));
          aborted++;
        }
        [KeyMarker, UploadIdMarker] = page.IsTruncated ? [page.NextKeyMarker, page.NextUploadIdMarker] : [undefined, undefined];
      } while (KeyMarker);
      return aborted;
    },
  };
}

const g = globalThis as typeof globalThis & { __trackerS3Store?: FileStore };

/**
 * The store new files go to. A file's key says where it is ("db:" or "s3:"), so files written
 * before a switch to S3 stay readable from the database.
 */
export function storeFor(db: Db, key?: string | null): FileStore {
  if (key?.startsWith("db:")) return databaseStore(db);
  const s3 = s3Settings();
  if (key?.startsWith("s3:") || (!key && s3)) {
    if (!s3) throw new Error("This file is in S3 but S3_BUCKET is not set.");
    g.__trackerS3Store ??= s3Store(s3);
    return g.__trackerS3Store;
  }
  return databaseStore(db);
}

/** ATTACHMENT_MAX_MB (default 25): the largest file accepted, in bytes. */
export function maxAttachmentBytes(e: NodeJS.ProcessEnv = process.env): number {
  const mb = Number(e.ATTACHMENT_MAX_MB || 25);
  if (!Number.isFinite(mb) || mb <= 0) throw new Error("Invalid setting ATTACHMENT_MAX_MB: it must be a positive number of megabytes, such as 25.");
  return Math.floor(mb * 1024 * 1024);
}

/** A stored file as a stream: `read(seq)` gives the next few rows from `seq` on; the reader's pace decides how much is in memory. */
function chunkStream(read: (seq: number) => Promise<Uint8Array[]>): ReadableStream<Uint8Array> {
  let seq = 0;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const rows = await read(seq);
        if (!rows.length) return controller.close();
        for (const row of rows) controller.enqueue(row);
        seq += rows.length;
      },
    },
    { highWaterMark: 1 },
  );
}
