/**
 * Documents on meetings and follow-ups, on each engine and on both stores (the database, and S3
 * against s3rver, a real S3-protocol server on loopback): bytes and SHA-256 round trip through the
 * real multipart parser, sizes and types are refused, outsiders get 404, versions, removal and
 * recovery, evidence to close, comments carrying documents, backup and restore with files.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dumpDatabase, restoreDatabase } from "@/db/backup";
import {
  type AttachmentTarget,
  addLinkAttachment,
  attachmentHousekeeping,
  getAttachment,
  listAttachments,
  listRemovedAttachments,
  ORPHAN_GRACE_MS,
  openAttachment,
  purgeExpiredAttachments,
  removeAttachment,
  restoreAttachment,
  sweepOrphanFiles,
} from "@/db/queries/attachments";
import { addComment, listComments, updateFollowUp } from "@/db/queries/follow-ups";
import { attachmentChunks, attachments, followUps, meetings, priorityAreas } from "@/db/schema";
import { postAttachment } from "@/server/attachments/http";
import { CHUNK, storeFor } from "@/server/attachments/storage";
import { MailOffError, runReminders } from "@/server/reminders/run";
import { AppError } from "@/lib/errors";
import type { Viewer } from "@/lib/policy";
import { engines, type TestDatabase } from "../support/databases";
import { activityOf, type DemoEmail, demoViewers, thrown } from "../support/demo";

const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
const pdf = (extra = 3000) => Buffer.concat([Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"), Buffer.alloc(extra, 0x25)]);

function uploadRequest(name: string, bytes: Uint8Array, type = "application/pdf") {
  const fd = new FormData();
  fd.append("file", new Blob([new Uint8Array(bytes)], { type }), name);
  return new Request("http://localhost/api/v1/x/attachments", { method: "POST", body: fd });
}

/** A multipart body sent as a stream, with no Content-Length: the limit must be found while counting. */
function streamedRequest(name: string, bytes: Uint8Array, opts: { beforePiece?: (sent: number) => Promise<void>; cutAt?: number } = {}) {
  const boundary = "----tracker-test-boundary";
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/pdf\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    async pull(c) {
      await opts.beforePiece?.(sent);
      if (opts.cutAt !== undefined && sent >= opts.cutAt) {
        c.error(new Error("the client went away"));
        return;
      }
      if (sent === 0) c.enqueue(head);
      if (sent >= bytes.length) {
        c.enqueue(tail);
        c.close();
        return;
      }
      c.enqueue(bytes.subarray(sent, sent + 64 * 1024));
      sent += 64 * 1024;
    },
  });
  return { req: new Request("http://localhost/x", { method: "POST", body, headers: { "content-type": `multipart/form-data; boundary=${boundary}` }, duplex: "half" } as RequestInit), sentBytes: () => sent };
}

async function readAll(stream: ReadableStream<Uint8Array>) {
  const parts: Uint8Array[] = [];
  for await (const p of stream as unknown as AsyncIterable<Uint8Array>) parts.push(p);
  return Buffer.concat(parts);
}

const stores = ["database", "s3"] as const;
/** A bucket per engine: the orphan sweep of one engine's database must not meet the other's files. */
const bucketOf = (engine: string) => `tracker-files-${engine.toLowerCase()}`;
let s3: S3rver | undefined;
let s3Dir: string;

beforeAll(async () => {
  s3Dir = fs.mkdtempSync(path.join(os.tmpdir(), "tracker-s3-"));
  s3 = new S3rver({ port: 0, address: "127.0.0.1", silent: true, directory: s3Dir, configureBuckets: engines.map((e) => ({ name: bucketOf(e.name), configs: [] })) });
  const addr = (await s3.run()) as unknown as { port: number };
  process.env.TEST_S3_ENDPOINT = `http://127.0.0.1:${addr.port}`;
});
afterAll(async () => {
  await s3?.close();
  fs.rmSync(s3Dir, { recursive: true, force: true });
});

function useStore(store: (typeof stores)[number], engine: string) {
  delete (globalThis as { __trackerS3Store?: unknown }).__trackerS3Store;
  if (store === "s3") {
    Object.assign(process.env, { S3_BUCKET: bucketOf(engine), S3_ENDPOINT: process.env.TEST_S3_ENDPOINT, S3_REGION: "us-east-1", S3_ACCESS_KEY_ID: "S3RVER", S3_SECRET_ACCESS_KEY: "S3RVER" });
  } else {
    delete process.env.S3_BUCKET;
  }
}

describe.each(engines.flatMap((engine) => stores.map((store) => ({ engine, store, name: `${engine.name}, ${store} store` }))))("documents on $name", ({ engine, store }) => {
  let t: TestDatabase;
  let v: Record<DemoEmail, Viewer>;
  let restrictedFollowUp: AttachmentTarget;
  let som: AttachmentTarget;

  beforeAll(async () => {
    t = await engine.open();
    v = await demoViewers(t.db);
    const [pre] = await t.db.select({ id: meetings.id }).from(meetings).where(eq(meetings.title, "EU coordination ahead of the 16th SOM"));
    const [fu] = await t.db.select({ id: followUps.id }).from(followUps).where(eq(followUps.meetingId, pre!.id)).limit(1);
    restrictedFollowUp = { type: "follow_up", id: fu!.id };
    const [m] = await t.db.select({ id: meetings.id }).from(meetings).where(eq(meetings.title, "16th EU–UNODC Senior Officials Meeting"));
    som = { type: "meeting", id: m!.id };
  });
  beforeAll(() => useStore(store, engine.name));
  afterAll(async () => {
    delete process.env.S3_BUCKET;
    delete process.env.ATTACHMENT_MAX_MB;
    await t?.close();
  });

  it("round-trips the bytes and their SHA-256, in the store the settings name", async () => {
    const bytes = pdf(6 * 1024 * 1024); // over S3's 5 MiB part: a multipart upload there, 128 rows in the database
    const a = await postAttachment(uploadRequest("Évaluation régionale.pdf", bytes), t.db, v["manager@eeas.example"], restrictedFollowUp);
    expect(a).toMatchObject({ kind: "file", fileName: "Évaluation régionale.pdf", contentType: "application/pdf", size: bytes.length, sha256: sha(bytes), version: 1 });
    const [row] = await t.db.select({ key: attachments.storageKey }).from(attachments).where(eq(attachments.id, a.id));
    expect(row!.key!.startsWith(store === "s3" ? "s3:" : "db:")).toBe(true);
    const got = await readAll(openAttachment(t.db, await getAttachment(t.db, v["manager@eeas.example"], a.id)));
    expect(got.length).toBe(bytes.length);
    expect(sha(got)).toBe(sha(bytes));
    const history = await activityOf(t.db, restrictedFollowUp.id);
    expect(history.at(-1)).toMatchObject({ action: "attachment_added", after: { attachmentId: a.id, sha256: sha(bytes) } });
  });

  it("refuses a file over ATTACHMENT_MAX_MB with 413: by its declared length before reading, and by counting a stream without one", async () => {
    process.env.ATTACHMENT_MAX_MB = "1";
    try {
      const chunksBefore = (await t.db.select({ n: sql<number>`count(*)::int` }).from(attachmentChunks))[0]!.n;
      // As a browser sends it: the multipart body with its Content-Length.
      const boundary = "----declared";
      const body = Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\n\r\n`), pdf(2 * 1024 * 1024), Buffer.from(`\r\n--${boundary}--\r\n`)]);
      const declared = new Request("http://localhost/x", { method: "POST", body, headers: { "content-type": `multipart/form-data; boundary=${boundary}`, "content-length": String(body.length) } });
      const e1 = await thrown(() => postAttachment(declared, t.db, v["manager@eeas.example"], restrictedFollowUp));
      expect((e1 as AppError).status).toBe(413);
      expect(declared.bodyUsed).toBe(false); // not a byte read
      const streamed = streamedRequest("big.pdf", pdf(4 * 1024 * 1024));
      const e2 = await thrown(() => postAttachment(streamed.req, t.db, v["manager@eeas.example"], restrictedFollowUp));
      expect((e2 as AppError).status).toBe(413);
      expect((e2 as AppError).fields).toHaveProperty("file");
      expect(streamed.sentBytes()).toBeLessThan(2 * 1024 * 1024); // stopped reading soon after the limit
      const chunksAfter = (await t.db.select({ n: sql<number>`count(*)::int` }).from(attachmentChunks))[0]!.n;
      expect(chunksAfter).toBe(chunksBefore); // nothing half-written is left
    } finally {
      delete process.env.ATTACHMENT_MAX_MB;
    }
  });

  it.runIf(store === "database")("stores a file while it arrives, in rows of 48 KiB: what is held unwritten stays under 1 MiB whatever the size", async () => {
    const stored = async () => (await t.db.select({ n: sql<number>`coalesce(sum(length(${attachmentChunks.data})), 0)::float8` }).from(attachmentChunks))[0]!.n;
    const before = await stored();
    const bytes = pdf(4 * 1024 * 1024);
    // Before each 64 KiB piece is handed over: how many bytes has the server taken and not yet written?
    // A server that read the whole file before writing would hold all 4 MiB at the last piece.
    let held = 0;
    const streamed = streamedRequest("streamed.pdf", bytes, {
      async beforePiece(sent) {
        held = Math.max(held, Math.min(sent, bytes.length) - ((await stored()) - before));
      },
    });
    const a = await postAttachment(streamed.req, t.db, v["manager@eeas.example"], som);
    expect(a.sha256).toBe(sha(bytes));
    expect(held).toBeGreaterThan(0);
    expect(held).toBeLessThan(1024 * 1024);
    const [row] = await t.db.select({ key: attachments.storageKey }).from(attachments).where(eq(attachments.id, a.id));
    const [rows] = await t.db
      .select({ n: sql<number>`count(*)::int`, largest: sql<number>`max(length(${attachmentChunks.data}))::int`, first: sql<number>`min(${attachmentChunks.seq})::int`, last: sql<number>`max(${attachmentChunks.seq})::int` })
      .from(attachmentChunks)
      .where(eq(attachmentChunks.blobId, row!.key!.slice(3)));
    expect(rows).toEqual({ n: Math.ceil(bytes.length / CHUNK), largest: CHUNK, first: 0, last: Math.ceil(bytes.length / CHUNK) - 1 });
  });

  it("leaves no rows behind when the client goes away mid-file", async () => {
    const count = async () => (await t.db.select({ n: sql<number>`count(*)::int` }).from(attachmentChunks))[0]!.n;
    const before = await count();
    const streamed = streamedRequest("cut.pdf", pdf(3 * 1024 * 1024), { cutAt: 2 * 1024 * 1024 });
    const e = await thrown(() => postAttachment(streamed.req, t.db, v["manager@eeas.example"], som));
    expect((e as AppError).status).toBe(400);
    expect(await count()).toBe(before);
  });

  it("decides the type by content: a program renamed .pdf or .docx is 415 with a sentence; text is stored as text", async () => {
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(4000)]);
    const mz = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(4000, 0x90)]);
    for (const [name, bytes] of [["report.pdf", elf], ["minutes.docx", mz], ["photo.png", Buffer.from([0, 1, 2, 3, 0, 0xff])]] as const) {
      const e = await thrown(() => postAttachment(uploadRequest(name, bytes), t.db, v["manager@eeas.example"], restrictedFollowUp));
      expect((e as AppError).status).toBe(415);
      expect((e as AppError).message).toMatch(/not accepted.*Attach a PDF/);
    }
    const csv = await postAttachment(uploadRequest("figures.csv", Buffer.from("country,seizures\nKenya,12\n"), "text/csv"), t.db, v["manager@eeas.example"], restrictedFollowUp);
    expect(csv.contentType).toBe("text/csv");
    const html = await postAttachment(uploadRequest("notes.txt", Buffer.from("<html><script>alert(1)</script>")), t.db, v["manager@eeas.example"], restrictedFollowUp);
    expect(html.contentType).toBe("text/plain");
  });

  it("answers 404 to an outsider for a restricted meeting's file, by id, its list and an upload", async () => {
    const a = await postAttachment(uploadRequest("x.pdf", pdf()), t.db, v["manager@eeas.example"], restrictedFollowUp);
    for (const call of [
      () => getAttachment(t.db, v["staff@unodc.example"], a.id),
      () => listAttachments(t.db, v["staff@unodc.example"], restrictedFollowUp),
      () => postAttachment(uploadRequest("y.pdf", pdf()), t.db, v["staff@unodc.example"], restrictedFollowUp),
      () => removeAttachment(t.db, v["manager@unodc.example"], a.id),
    ]) expect(((await thrown(call)) as AppError).status).toBe(404);
    // A participant who may see the meeting reads it; a staff member who does not own the follow-up may not add to it.
    expect((await getAttachment(t.db, v["staff@eeas.example"], a.id)).id).toBe(a.id);
  });

  it("makes a new version for the same name and keeps the older one reachable", async () => {
    const one = await postAttachment(uploadRequest("Agenda.pdf", pdf(100)), t.db, v["staff@unodc.example"], som);
    const two = await postAttachment(uploadRequest("Agenda.pdf", pdf(200)), t.db, v["staff@eeas.example"], som);
    expect([one.version, two.version]).toEqual([1, 2]);
    const list = (await listAttachments(t.db, v["admin@eeas.example"], som)).filter((a) => a.fileName === "Agenda.pdf");
    expect(list.map((a) => a.version)).toEqual([2, 1]); // newest first
    expect(sha(await readAll(openAttachment(t.db, await getAttachment(t.db, v["staff@eeas.example"], one.id))))).toBe(one.sha256);
    expect((await activityOf(t.db, som.id)).at(-1)).toMatchObject({ action: "attachment_version_added", after: { version: 2 } });
  });

  it("lets the adder, a manager in scope or an admin remove; an admin restores within 30 days; then the bytes are purged", async () => {
    const a = await postAttachment(uploadRequest("Minutes.pdf", pdf()), t.db, v["staff@unodc.example"], som);
    expect(((await thrown(() => removeAttachment(t.db, v["staff@eeas.example"], a.id))) as AppError).status).toBe(403);
    await removeAttachment(t.db, v["staff@unodc.example"], a.id);
    expect(((await thrown(() => getAttachment(t.db, v["staff@unodc.example"], a.id))) as AppError).status).toBe(404);
    expect((await activityOf(t.db, som.id)).at(-1)).toMatchObject({ action: "attachment_removed", after: { attachmentId: a.id } });
    expect(((await thrown(() => listRemovedAttachments(t.db, v["manager@eeas.example"]))) as AppError).status).toBe(403);
    expect((await listRemovedAttachments(t.db, v["admin@eeas.example"])).map((r) => r.id)).toContain(a.id);
    await restoreAttachment(t.db, v["admin@eeas.example"], a.id);
    expect(sha(await readAll(openAttachment(t.db, await getAttachment(t.db, v["staff@unodc.example"], a.id))))).toBe(a.sha256);
    // Removed again and 31 days pass: the bytes go, the history stays, and it cannot be restored.
    await removeAttachment(t.db, v["admin@eeas.example"], a.id);
    expect(await purgeExpiredAttachments(t.db, new Date(Date.now() + 31 * 86_400_000))).toBeGreaterThan(0);
    const e = await thrown(() => restoreAttachment(t.db, v["admin@eeas.example"], a.id));
    expect((e as AppError).status).toBe(409);
    // A manager may remove what others added to a follow-up their organisation owns.
    const f = await postAttachment(uploadRequest("Evidence.pdf", pdf()), t.db, v["manager@eeas.example"], restrictedFollowUp);
    await removeAttachment(t.db, v["admin@eeas.example"], f.id);
  });

  it("purges removed files past 30 days and sweeps bytes no document refers to, from the reminders run too", async () => {
    const admin = v["admin@eeas.example"];
    const keyOf = async (id: string) => (await t.db.select({ k: attachments.storageKey }).from(attachments).where(eq(attachments.id, id)))[0]!.k;
    const present = async (key: string) => (await readAll(storeFor(t.db, key).get(key)).catch(() => Buffer.alloc(0))).length > 0;
    const old = await postAttachment(uploadRequest("Old.pdf", pdf()), t.db, admin, som);
    const recent = await postAttachment(uploadRequest("Recent.pdf", pdf()), t.db, admin, som);
    const kept = await postAttachment(uploadRequest("Kept.pdf", pdf()), t.db, admin, som);
    const [oldKey, recentKey, keptKey] = [await keyOf(old.id), await keyOf(recent.id), await keyOf(kept.id)];
    await removeAttachment(t.db, admin, old.id);
    await removeAttachment(t.db, admin, recent.id);
    await t.db.update(attachments).set({ deletedAt: new Date(Date.now() - 31 * 86_400_000) }).where(eq(attachments.id, old.id));
    // Bytes written with no document recorded for them: a crash between the store and the database.
    const files = storeFor(t.db);
    const orphan = await files.put((async function* () { yield pdf(120 * 1024); })());
    expect(await present(orphan)).toBe(true);

    // The scheduled run (mail is off here, so it stops after its housekeeping, as it says).
    expect(await thrown(() => runReminders(t.db))).toBeInstanceOf(MailOffError);
    expect(await present(oldKey!)).toBe(false);
    expect(await keyOf(old.id)).toBeNull();
    expect((await activityOf(t.db, som.id)).at(-1)).toMatchObject({ action: "attachment_purged", actorId: null, after: { attachmentId: old.id, fileName: "Old.pdf" } });
    expect(((await thrown(() => restoreAttachment(t.db, admin, old.id))) as AppError).status).toBe(409);
    // Removed 0 days ago: still restorable. The orphan is younger than a day: an upload may still be writing it.
    expect(await present(recentKey!)).toBe(true);
    expect(await present(orphan)).toBe(true);

    // A day later, the orphan goes; every file a document refers to (removed or not) stays.
    const swept = await sweepOrphanFiles(t.db, new Date(Date.now() + ORPHAN_GRACE_MS + 60_000));
    expect(store === "s3" ? swept.objects : swept.blobs).toBeGreaterThanOrEqual(1);
    expect(await present(orphan)).toBe(false);
    for (const key of [recentKey!, keptKey!]) expect(await present(key)).toBe(true);
    expect(sha(await readAll(openAttachment(t.db, await getAttachment(t.db, admin, kept.id))))).toBe(kept.sha256);
    await restoreAttachment(t.db, admin, recent.id);
    expect(sha(await readAll(openAttachment(t.db, await getAttachment(t.db, admin, recent.id))))).toBe(recent.sha256);
    // Nothing is left to do: a second run finds nothing.
    expect(await attachmentHousekeeping(t.db)).toEqual({ purged: 0, blobs: 0, objects: 0, uploads: 0 });
  });

  it("adds https links only", async () => {
    const link = await addLinkAttachment(t.db, v["staff@unodc.example"], som, { title: "Shared folder", url: "https://example.sharepoint.com/sites/som/doc.docx" });
    expect(link.kind).toBe("link");
    const { attachmentLinkInput } = await import("@/lib/validation/attachments");
    for (const url of ["javascript:alert(1)", "http://example.org", "data:text/html,x", "https://user:pw@example.org/"]) expect(attachmentLinkInput.safeParse({ title: "x", url }).success).toBe(false);
  });

  it("requires evidence to close when the area asks for it, on the server", async () => {
    const [row] = await t.db.select().from(followUps).where(eq(followUps.id, restrictedFollowUp.id));
    // A fresh follow-up in the same area with nothing attached.
    await t.db.update(priorityAreas).set({ requiresEvidence: true }).where(eq(priorityAreas.id, row!.priorityAreaId));
    const [fresh] = await t.db.insert(followUps).values({ title: "Evidence needed", priorityAreaId: row!.priorityAreaId, ownerOrganisationId: row!.ownerOrganisationId, meetingId: row!.meetingId }).returning();
    const e = await thrown(() => updateFollowUp(t.db, v["admin@eeas.example"], fresh!.id, { status: "done", version: fresh!.version }));
    expect((e as AppError).status).toBe(400);
    expect((e as AppError).fields?.status).toMatch(/requires evidence/);
    await addLinkAttachment(t.db, v["admin@eeas.example"], { type: "follow_up", id: fresh!.id }, { title: "Report", url: "https://example.org/report.pdf" });
    const done = await updateFollowUp(t.db, v["admin@eeas.example"], fresh!.id, { status: "done", version: fresh!.version });
    expect(done.status).toBe("done");
    await t.db.update(priorityAreas).set({ requiresEvidence: false }).where(eq(priorityAreas.id, row!.priorityAreaId));
  });

  it("lets a comment carry the author's own documents", async () => {
    const a = await postAttachment(uploadRequest("Annex.pdf", pdf()), t.db, v["manager@eeas.example"], restrictedFollowUp);
    const c = await addComment(t.db, v["manager@eeas.example"], restrictedFollowUp.id, "See the annex", { attachmentIds: [a.id] });
    expect(c.attachmentIds).toEqual([a.id]);
    expect((await listComments(t.db, v["manager@eeas.example"], restrictedFollowUp.id)).find((x) => x.id === c.id)?.attachmentIds).toEqual([a.id]);
    const e = await thrown(() => addComment(t.db, v["manager@eeas.example"], restrictedFollowUp.id, "Again", { attachmentIds: [a.id] }));
    expect((e as AppError).fields).toHaveProperty("attachmentIds");
  });

  it.runIf(store === "database")("backs up and restores the files byte for byte", async () => {
    const bytes = pdf(700 * 1024);
    const a = await postAttachment(uploadRequest("Backed up.pdf", bytes), t.db, v["manager@eeas.example"], restrictedFollowUp);
    const dump = JSON.parse(JSON.stringify(await dumpDatabase(t.db)));
    const target = await engine.open();
    try {
      await restoreDatabase(target.db, dump, { replace: true });
      const restored = await readAll(openAttachment(target.db, await getAttachment(target.db, v["manager@eeas.example"], a.id)));
      expect(sha(restored)).toBe(sha(bytes));
      expect(restored.equals(bytes)).toBe(true);
    } finally {
      await target.close();
    }
  });
});
