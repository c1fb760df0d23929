import "server-only";
import { and, desc, eq, inArray, isNotNull, isNull, lt, max, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { attachments, followUps, meetings, priorityAreas, users } from "@/db/schema";
import { s3Settings, storeFor } from "@/server/attachments/storage";
import { rowsOf } from "@/db/rows";
import type { DocumentRef } from "@/lib/csv";
import { env } from "@/server/env";
import type { StoredUpload } from "@/server/attachments/upload";
import { AppError, forbidden, invalid, notFound } from "@/lib/errors";
import { localName } from "@/lib/i18n/names";
import { vm } from "@/lib/i18n/validation";
import { canAttachToFollowUp, canRemoveAttachment, canRestoreAttachment, type FollowUpFacts, type MeetingFacts, type Viewer } from "@/lib/policy";
import type { AttachmentLinkInput } from "@/lib/validation/attachments";
import { recordEvent } from "./activity";
import { followUpChanged } from "./user-notifications";
import { getFollowUp } from "./follow-up-rows";
import { getMeeting } from "./meeting-rows";

export type AttachmentTarget = { type: "meeting" | "follow_up"; id: string };

/** How long a removed file's bytes are kept for an admin to restore it. */
export const RECOVERY_DAYS = 30;

type Record_ = { target: AttachmentTarget } & ({ followUp: FollowUpFacts } | { meeting: MeetingFacts });

/** The record a document belongs to, if the viewer may see it (404 otherwise, as for the record itself). */
async function visibleRecord(db: Db, viewer: Viewer, target: AttachmentTarget): Promise<Record_> {
  if (target.type === "follow_up") return { target, followUp: await getFollowUp(db, viewer, target.id) };
  return { target, meeting: await getMeeting(db, viewer, target.id) };
}

/** May the viewer add documents here? Seeing a meeting is enough; a follow-up needs progress. */
export async function checkCanAttach(db: Db, viewer: Viewer, target: AttachmentTarget) {
  const record = await visibleRecord(db, viewer, target);
  if ("followUp" in record && !canAttachToFollowUp(viewer, record.followUp)) {
    throw forbidden("attachment", vm("attachOwnOnly"));
  }
  return record;
}

const addedBy = alias(users, "added_by");
const columns = {
  id: attachments.id,
  kind: attachments.kind,
  fileName: attachments.fileName,
  contentType: attachments.contentType,
  size: attachments.size,
  sha256: attachments.sha256,
  url: attachments.url,
  title: attachments.title,
  version: attachments.version,
  meetingId: attachments.meetingId,
  followUpId: attachments.followUpId,
  commentId: attachments.commentId,
  storageKey: attachments.storageKey,
  createdAt: attachments.createdAt,
  createdById: attachments.createdById,
  createdByName: addedBy.name,
  deletedAt: attachments.deletedAt,
};
const selectAttachments = (db: Db) => db.select(columns).from(attachments).innerJoin(addedBy, eq(addedBy.id, attachments.createdById));
export type AttachmentRow = Awaited<ReturnType<ReturnType<typeof selectAttachments>["where"]>>[number];

/** The API's shape (and the UI's): never where the bytes are kept. */
export function toAttachmentJson(a: AttachmentRow) {
  return {
    id: a.id,
    kind: a.kind,
    fileName: a.kind === "file" ? a.fileName : null,
    contentType: a.contentType,
    size: a.size,
    sha256: a.sha256,
    url: a.kind === "link" ? (a.url ?? "") : `/api/v1/attachments/${a.id}`,
    title: a.title,
    version: a.version,
    meetingId: a.meetingId,
    followUpId: a.followUpId,
    commentId: a.commentId,
    createdAt: a.createdAt.toISOString(),
    createdById: a.createdById,
    createdByName: a.createdByName,
  };
}
export type AttachmentJson = ReturnType<typeof toAttachmentJson>;

const parentColumn = (t: AttachmentTarget) => (t.type === "meeting" ? attachments.meetingId : attachments.followUpId);
const parentValues = (t: AttachmentTarget) => (t.type === "meeting" ? { meetingId: t.id } : { followUpId: t.id });

async function lockRecord(tx: Db, t: AttachmentTarget) {
  if (t.type === "meeting") await tx.select({ id: meetings.id }).from(meetings).where(eq(meetings.id, t.id)).for("update");
  else await tx.select({ id: followUps.id }).from(followUps).where(eq(followUps.id, t.id)).for("update");
}

/**
 * Records a file already written to the store (the caller checked checkCanAttach first). A file
 * with the name of an earlier one on the same record is its next version. If recording fails the
 * bytes are deleted, so nothing is left unreferenced.
 */
export async function addFileAttachment(db: Db, viewer: Viewer, target: AttachmentTarget, upload: StoredUpload, opts: { action?: string } = {}) {
  try {
    return await db.transaction(async (tx) => {
      await checkCanAttach(tx, viewer, target);
      await lockRecord(tx, target);
      const [prev] = await tx
        .select({ v: max(attachments.version) })
        .from(attachments)
        .where(and(eq(parentColumn(target), target.id), eq(attachments.kind, "file"), eq(attachments.fileName, upload.fileName)));
      const version = (prev?.v ?? 0) + 1;
      const [row] = await tx
        .insert(attachments)
        .values({ ...parentValues(target), kind: "file", fileName: upload.fileName, contentType: upload.contentType, size: upload.size, sha256: upload.sha256, storageKey: upload.storageKey, version, createdById: viewer.id })
        .returning({ id: attachments.id });
      if (!row) throw new Error("insert returned nothing");
      await recordEvent(tx, viewer.id, target.type, target.id, opts.action ?? (version > 1 ? "attachment_version_added" : "attachment_added"), {
        attachmentId: row.id,
        kind: "file",
        fileName: upload.fileName,
        version,
        size: upload.size,
        sha256: upload.sha256,
      });
      // Watchers of a follow-up hear of a new document (in-app, and by e-mail as they chose).
      if (target.type === "follow_up") await followUpChanged(tx, viewer, target.id, { document: { name: upload.fileName } });
      return getRow(tx, row.id);
    });
  } catch (e) {
    await storeFor(db, upload.storageKey).delete(upload.storageKey).catch(() => {});
    throw e;
  }
}

export async function addLinkAttachment(db: Db, viewer: Viewer, target: AttachmentTarget, link: AttachmentLinkInput) {
  return db.transaction(async (tx) => {
    await checkCanAttach(tx, viewer, target);
    const [row] = await tx
      .insert(attachments)
      .values({ ...parentValues(target), kind: "link", fileName: link.title, title: link.title, url: link.url, createdById: viewer.id })
      .returning({ id: attachments.id });
    if (!row) throw new Error("insert returned nothing");
    await recordEvent(tx, viewer.id, target.type, target.id, "attachment_added", { attachmentId: row.id, kind: "link", title: link.title, url: link.url });
    if (target.type === "follow_up") await followUpChanged(tx, viewer, target.id, { document: { name: link.title } });
    return getRow(tx, row.id);
  });
}

async function getRow(db: Db, id: string) {
  const [row] = await selectAttachments(db).where(eq(attachments.id, id)).limit(1);
  if (!row) throw notFound("attachment");
  return row;
}

/** A record's documents and links, newest first (every version; the UI groups them by name). */
export async function listAttachments(db: Db, viewer: Viewer, target: AttachmentTarget) {
  await visibleRecord(db, viewer, target);
  return selectAttachments(db)
    .where(and(eq(parentColumn(target), target.id), isNull(attachments.deletedAt)))
    .orderBy(desc(attachments.createdAt), desc(attachments.version), desc(attachments.id));
}

/** The documents of many follow-ups at once (exports): the caller has already filtered the follow-ups by the viewer. */
export async function attachmentsOfFollowUps(db: Db, followUpIds: string[]) {
  if (!followUpIds.length) return new Map<string, AttachmentRow[]>();
  const rows = await selectAttachments(db)
    .where(and(inArray(attachments.followUpId, followUpIds), isNull(attachments.deletedAt)))
    .orderBy(desc(attachments.createdAt));
  const out = new Map<string, AttachmentRow[]>();
  for (const r of rows) out.set(r.followUpId!, [...(out.get(r.followUpId!) ?? []), r]);
  return out;
}

const targetOf = (a: { meetingId: string | null; followUpId: string | null }): AttachmentTarget =>
  a.followUpId ? { type: "follow_up", id: a.followUpId } : { type: "meeting", id: a.meetingId! };

/** One document, if the viewer may see its record and it is not removed; 404 otherwise (the same answer either way). */
export async function getAttachment(db: Db, viewer: Viewer, id: string) {
  const [row] = await selectAttachments(db).where(and(eq(attachments.id, id), isNull(attachments.deletedAt))).limit(1);
  if (!row) throw notFound("attachment");
  await visibleRecord(db, viewer, targetOf(row)).catch((e) => {
    throw e instanceof AppError && e.type === "not_found" ? notFound("attachment") : e;
  });
  return row;
}

/** The bytes of a file the viewer may read (getAttachment first). */
export function openAttachment(db: Db, row: AttachmentRow) {
  if (!row.storageKey) throw notFound("attachment");
  return storeFor(db, row.storageKey).get(row.storageKey);
}

/** Removes a document (soft: an admin can restore it for 30 days), in the record's history and the audit trail. */
export async function removeAttachment(db: Db, viewer: Viewer, id: string) {
  await db.transaction(async (tx) => {
    const row = await getAttachment(tx, viewer, id);
    const record = await visibleRecord(tx, viewer, targetOf(row));
    if (!canRemoveAttachment(viewer, row, record)) {
      throw forbidden("attachment", vm("attachmentRemoveWho"));
    }
    await tx.update(attachments).set({ deletedAt: new Date(), deletedById: viewer.id }).where(eq(attachments.id, id));
    await recordEvent(tx, viewer.id, record.target.type, record.target.id, "attachment_removed", { attachmentId: id, kind: row.kind, fileName: row.fileName, version: row.version });
  });
}

function assertCanRestore(viewer: Viewer) {
  if (!canRestoreAttachment(viewer)) throw forbidden("attachment", vm("attachmentRestoreAdmin"));
}

/**
 * Admins: documents removed within the recovery window, newest removal first, with the record each
 * belongs to, who removed it and until when it can be restored.
 */
export async function listRemovedAttachments(db: Db, viewer: Viewer) {
  assertCanRestore(viewer);
  const since = new Date(Date.now() - RECOVERY_DAYS * 86_400_000);
  const removedBy = alias(users, "removed_by");
  const rows = await db
    .select({ ...columns, removedByName: removedBy.name, meetingTitle: meetings.title, followUpTitle: followUps.title })
    .from(attachments)
    .innerJoin(addedBy, eq(addedBy.id, attachments.createdById))
    .leftJoin(removedBy, eq(removedBy.id, attachments.deletedById))
    .leftJoin(meetings, eq(meetings.id, attachments.meetingId))
    .leftJoin(followUps, eq(followUps.id, attachments.followUpId))
    .where(and(isNotNull(attachments.deletedAt), sql`${attachments.deletedAt} >= ${since.toISOString()}`, sql`(${attachments.storageKey} is not null or ${attachments.kind} = 'link')`))
    .orderBy(desc(attachments.deletedAt), desc(attachments.id))
    .limit(500);
  return rows.map((r) => ({
    ...toAttachmentJson(r),
    removedAt: r.deletedAt!.toISOString(),
    removedByName: r.removedByName,
    restorableUntil: new Date(r.deletedAt!.getTime() + RECOVERY_DAYS * 86_400_000).toISOString(),
    recordType: r.followUpId ? ("follow_up" as const) : ("meeting" as const),
    recordTitle: (r.followUpId ? r.followUpTitle : r.meetingTitle) ?? "",
  }));
}
export type RemovedAttachment = Awaited<ReturnType<typeof listRemovedAttachments>>[number];

/** Admins: puts a removed document back on its record (within 30 days of its removal). */
export async function restoreAttachment(db: Db, viewer: Viewer, id: string) {
  assertCanRestore(viewer);
  return db.transaction(async (tx) => {
    const [row] = await selectAttachments(tx).where(eq(attachments.id, id)).limit(1);
    if (!row) throw notFound("attachment");
    if (!row.deletedAt) throw new AppError("conflict:attachment", vm("attachmentNotRemoved"));
    if (Date.now() - row.deletedAt.getTime() > RECOVERY_DAYS * 86_400_000 || (row.kind === "file" && !row.storageKey)) {
      throw new AppError("conflict:attachment", vm("attachmentGone", { days: String(RECOVERY_DAYS) }));
    }
    await tx.update(attachments).set({ deletedAt: null, deletedById: null }).where(eq(attachments.id, id));
    const t = targetOf(row);
    await recordEvent(tx, viewer.id, t.type, t.id, "attachment_restored", { attachmentId: id, kind: row.kind, fileName: row.fileName, version: row.version });
    return getRow(tx, id);
  });
}

/**
 * Deletes the bytes of files removed more than 30 days ago (the row stays, for the history, which
 * records the purge as the system's). Batch by batch until none is left.
 */
export async function purgeExpiredAttachments(db: Db, now = new Date()) {
  const before = new Date(now.getTime() - RECOVERY_DAYS * 86_400_000);
  let purged = 0;
  for (;;) {
    const expired = await db
      .select({ id: attachments.id, storageKey: attachments.storageKey, meetingId: attachments.meetingId, followUpId: attachments.followUpId, kind: attachments.kind, fileName: attachments.fileName, version: attachments.version })
      .from(attachments)
      .where(and(isNotNull(attachments.storageKey), lt(attachments.deletedAt, before)))
      .limit(100);
    for (const a of expired) {
      // The row first: if the store's delete then fails, the orphan sweep finds the bytes later.
      await db.transaction(async (tx) => {
        await tx.update(attachments).set({ storageKey: null }).where(eq(attachments.id, a.id));
        const t = targetOf(a);
        await recordEvent(tx, null, t.type, t.id, "attachment_purged", { attachmentId: a.id, kind: a.kind, fileName: a.fileName, version: a.version, removedMoreThanDays: RECOVERY_DAYS });
      });
      await storeFor(db, a.storageKey).delete(a.storageKey!).catch(() => {});
      purged++;
    }
    if (expired.length < 100) return purged;
  }
}

/** How old unreferenced bytes must be before the sweep deletes them: an upload still being written is younger. */
export const ORPHAN_GRACE_MS = 24 * 3_600_000;

/**
 * Deletes bytes no document refers to: chunks in the database and objects in S3 (and multipart
 * uploads left open) older than a day. They come from a crash between writing a file and
 * recording it, or between a purge's two steps.
 */
export async function sweepOrphanFiles(db: Db, now = new Date()) {
  const before = new Date(now.getTime() - ORPHAN_GRACE_MS);
  const result = { blobs: 0, objects: 0, uploads: 0 };
  for (;;) {
    const gone = rowsOf<{ blob_id: string }>(
      await db.execute(sql`
        delete from attachment_chunks where blob_id in (
          select c.blob_id from attachment_chunks c
          group by c.blob_id
          having max(c.created_at) < ${before.toISOString()}::timestamptz
            and not exists (select 1 from attachments a where a.storage_key = 'db:' || c.blob_id::text)
          limit 200)
        returning blob_id`),
    );
    const blobs = new Set(gone.map((r) => r.blob_id)).size;
    result.blobs += blobs;
    if (blobs < 200) break;
  }
  if (s3Settings()) {
    const store = storeFor(db);
    for await (const keys of store.listOlderThan?.(before) ?? []) {
      const known = new Set(
        (await db.select({ k: attachments.storageKey }).from(attachments).where(inArray(attachments.storageKey, keys))).map((r) => r.k),
      );
      for (const key of keys) {
        if (known.has(key)) continue;
        await store.delete(key);
        result.objects++;
      }
    }
    result.uploads = (await store.abortStaleUploads?.(before)) ?? 0;
  }
  return result;
}

/** The scheduled housekeeping of documents (the reminders run and every start): the purge, then the sweep. */
export async function attachmentHousekeeping(db: Db, now = new Date()) {
  const purged = await purgeExpiredAttachments(db, now);
  return { purged, ...(await sweepOrphanFiles(db, now)) };
}

/** Links the viewer's own uploads on this follow-up to their comment (inside addComment's transaction). */
export async function attachToComment(tx: Db, viewer: Viewer, followUpId: string, commentId: string, ids: string[]) {
  const unique = [...new Set(ids)];
  if (!unique.length) return;
  const updated = await tx
    .update(attachments)
    .set({ commentId })
    .where(and(inArray(attachments.id, unique), eq(attachments.followUpId, followUpId), eq(attachments.createdById, viewer.id), isNull(attachments.commentId), isNull(attachments.deletedAt)))
    .returning({ id: attachments.id });
  if (updated.length !== unique.length) {
    throw invalid("comment", { attachmentIds: vm("commentAttachments") });
  }
}

/**
 * A follow-up in a priority area that requires evidence may be marked done only with a document or
 * link attached (to it or its comments). Throws 400 naming the status field otherwise.
 */
export async function checkEvidence(tx: Db, followUpId: string, priorityAreaId: string) {
  const [area] = await tx.select({ requiresEvidence: priorityAreas.requiresEvidence, name: priorityAreas.name, nameFr: priorityAreas.nameFr }).from(priorityAreas).where(eq(priorityAreas.id, priorityAreaId));
  if (!area?.requiresEvidence) return;
  const [found] = await tx
    .select({ id: attachments.id })
    .from(attachments)
    .where(and(eq(attachments.followUpId, followUpId), isNull(attachments.deletedAt)))
    .limit(1);
  if (!found) {
    // The area's name in each language: French says its French name, where it has one.
    const names = { area: area.name, areaFr: localName(area, "fr") };
    throw invalid("follow_up", { status: vm("evidenceRequired", names) }, vm("evidenceRequiredShort", names));
  }
}

/**
 * A record's documents for its page: the API's shape plus whether this viewer may remove each
 * (asked of the policy here; the DELETE asks again).
 */
export async function attachmentItemsForPage(db: Db, viewer: Viewer, target: AttachmentTarget) {
  const record = await visibleRecord(db, viewer, target);
  const rows = await selectAttachments(db)
    .where(and(eq(parentColumn(target), target.id), isNull(attachments.deletedAt)))
    .orderBy(desc(attachments.createdAt), desc(attachments.version), desc(attachments.id));
  return rows.map((r) => ({ ...toAttachmentJson(r), removable: canRemoveAttachment(viewer, r, record) }));
}

/** Whether marking this follow-up done needs evidence (its priority area says so). */
export async function requiresEvidence(db: Db, priorityAreaId: string) {
  const [area] = await db.select({ v: priorityAreas.requiresEvidence }).from(priorityAreas).where(eq(priorityAreas.id, priorityAreaId));
  return !!area?.v;
}

/** Each follow-up's documents for the exports (the follow-ups are already filtered by the viewer): name and address. */
export async function documentRefs(db: Db, followUpIds: string[]): Promise<Map<string, DocumentRef[]>> {
  const base = env().APP_URL;
  const out = new Map<string, DocumentRef[]>();
  for (const [id, rows] of await attachmentsOfFollowUps(db, followUpIds)) {
    out.set(id, rows.map((r) => (r.kind === "link" ? { label: r.title, url: r.url ?? "" } : { label: r.version > 1 ? `${r.fileName} (v${r.version})` : r.fileName, url: `${base}/api/v1/attachments/${r.id}` })));
  }
  return out;
}
