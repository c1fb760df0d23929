import type { Metadata } from "next";
import Link from "next/link";
import { AdminNav } from "@/components/admin/admin-nav";
import { RestoreDocumentButton } from "@/components/admin/removed-documents";
import { PageBody, PageHeader } from "@/components/shell/page";
import { getDb } from "@/db/connection";
import { listRemovedAttachments, RECOVERY_DAYS } from "@/db/queries/attachments";
import { formatDate, formatDateTime, formatSize } from "@/lib/format";
import { requireAdmin } from "@/server/session";

export const metadata: Metadata = { title: "Removed documents · Admin" };

/** Documents and links removed in the last 30 days, each with a way back onto its record. */
export default async function RemovedDocumentsPage() {
  const viewer = await requireAdmin();
  const items = await listRemovedAttachments(await getDb(), viewer);
  return (
    <>
      <PageHeader
        title="Removed documents"
        description={`Files and links removed from meetings and follow-ups in the last ${RECOVERY_DAYS} days. Restoring one puts it back where it was; after ${RECOVERY_DAYS} days its file is deleted for good.`}
      />
      <PageBody>
        <AdminNav current="/admin/documents" />
        {items.length ? (
          <ul aria-label="Removed documents" className="divide-y divide-zinc-200 rounded-md border border-zinc-200 bg-white">
            {items.map((d) => {
              const name = d.kind === "link" ? d.title : d.version > 1 ? `${d.fileName} (version ${d.version})` : (d.fileName ?? "");
              return (
                <li key={d.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
                  <div className="min-w-0 flex-1 basis-64 text-sm">
                    <p className="break-words font-medium text-zinc-900">{name}</p>
                    <p className="break-words text-zinc-700">
                      {d.kind === "link" ? <>Link to {d.url}</> : <>{formatSize(d.size)}</>} · on the {d.recordType === "follow_up" ? "follow-up" : "meeting"}{" "}
                      <Link href={d.recordType === "follow_up" ? `/follow-ups/${d.followUpId}` : `/meetings/${d.meetingId}`}>{d.recordTitle}</Link>
                    </p>
                    <p className="text-zinc-700">
                      Added by {d.createdByName}; removed by {d.removedByName ?? "someone no longer known"} on <time dateTime={d.removedAt}>{formatDateTime(d.removedAt)}</time>. Restorable until{" "}
                      <time dateTime={d.restorableUntil}>{formatDate(d.restorableUntil)}</time>.
                    </p>
                  </div>
                  <RestoreDocumentButton id={d.id} name={name} />
                </li>
              );
            })}
          </ul>
        ) : (
          <p className="text-sm text-zinc-700">No document has been removed in the last {RECOVERY_DAYS} days.</p>
        )}
      </PageBody>
    </>
  );
}
