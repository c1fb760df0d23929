import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { AdminNav } from "@/components/admin/admin-nav";
import { RestoreDocumentButton } from "@/components/admin/removed-documents";
import { PageBody, PageHeader } from "@/components/shell/page";
import { listRemovedAttachments, RECOVERY_DAYS } from "@/db/queries/attachments";
import { formatSize } from "@/lib/format";
import { formatterFor } from "@/lib/i18n/format-server";
import { isLocale } from "@/lib/i18n/locale";
import { adminPageContext } from "@/server/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin");
  return { title: t("titleSuffix", { section: t("documents.title") }) };
}

/** Documents and links removed in the last 30 days, each with a way back onto its record. */
export default async function RemovedDocumentsPage() {
  const { viewer, db } = await adminPageContext();
  const [t, ta, rawLocale] = await Promise.all([getTranslations("admin.documents"), getTranslations("attachments"), getLocale()]);
  const locale = isLocale(rawLocale) ? rawLocale : "en";
  const f = formatterFor(locale);
  const items = await listRemovedAttachments(db, viewer);
  return (
    <>
      <PageHeader title={t("title")} description={t("description", { days: RECOVERY_DAYS })} />
      <PageBody>
        <AdminNav current="/admin/documents" />
        {items.length ? (
          <ul aria-label={t("title")} className="divide-y divide-zinc-200 rounded-md border border-zinc-200 bg-white">
            {items.map((d) => {
              const name = d.kind === "link" ? d.title : d.version > 1 ? ta("fileVersion", { name: d.fileName ?? "", version: d.version }) : (d.fileName ?? "");
              return (
                <li key={d.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
                  <div className="min-w-0 flex-1 basis-64 text-sm">
                    <p className="break-words font-medium text-zinc-900">{name}</p>
                    <p className="break-words text-zinc-700">
                      {d.kind === "link" ? t("linkTo", { url: d.url ?? "" }) : formatSize(d.size, ta, locale)} ·{" "}
                      {t.rich("onRecord", {
                        type: d.recordType,
                        title: d.recordTitle,
                        record: (chunks) => <Link href={d.recordType === "follow_up" ? `/follow-ups/${d.followUpId}` : `/meetings/${d.meetingId}`}>{chunks}</Link>,
                      })}
                    </p>
                    <p className="text-zinc-700">
                      {t.rich("addedRemoved", {
                        added: d.createdByName,
                        removed: d.removedByName ?? t("someoneUnknown"),
                        removedAt: f.dateTime(d.removedAt),
                        until: f.date(d.restorableUntil),
                        removedTime: (chunks) => <time dateTime={d.removedAt}>{chunks}</time>,
                        untilTime: (chunks) => <time dateTime={d.restorableUntil}>{chunks}</time>,
                      })}
                    </p>
                  </div>
                  <RestoreDocumentButton id={d.id} name={name} />
                </li>
              );
            })}
          </ul>
        ) : (
          <p className="text-sm text-zinc-700">{t("none", { days: RECOVERY_DAYS })}</p>
        )}
      </PageBody>
    </>
  );
}
