import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AdminNav } from "@/components/admin/admin-nav";
import { NamedListAdmin } from "@/components/admin/named-list-admin";
import { PageBody, PageHeader } from "@/components/shell/page";
import { getDb } from "@/db/connection";
import { listMeetingSeries } from "@/db/queries/reference";
import { requireAdmin } from "@/server/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin");
  return { title: t("titleSuffix", { section: t("series.title") }) };
}

export default async function SeriesAdminPage() {
  await requireAdmin();
  const t = await getTranslations("admin.series");
  const rows = await listMeetingSeries(await getDb());
  const items = rows.map((s) => ({ id: s.id, name: s.name, nameFr: s.nameFr, description: s.description, archived: s.archived, version: s.version }));
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <PageBody>
        <AdminNav current="/admin/series" />
        <NamedListAdmin items={items} />
      </PageBody>
    </>
  );
}
