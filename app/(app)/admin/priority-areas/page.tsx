import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AdminNav } from "@/components/admin/admin-nav";
import { PriorityAreasAdmin } from "@/components/admin/priority-areas-admin";
import { PageBody, PageHeader } from "@/components/shell/page";
import { listPriorityAreas, listSdgTargets, toSdgTargetJson } from "@/db/queries/reference";
import { adminPageContext } from "@/server/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin");
  return { title: t("titleSuffix", { section: t("priorityAreas.title") }) };
}

export default async function PriorityAreasAdminPage() {
  const { db } = await adminPageContext();
  const t = await getTranslations("admin.priorityAreas");
  const [rows, targets] = await Promise.all([listPriorityAreas(db), listSdgTargets(db)]);
  const items = rows.map((a) => ({ id: a.id, name: a.name, nameFr: a.nameFr, description: a.description, keywords: a.keywords, sdgTargets: a.sdgTargets, requiresEvidence: a.requiresEvidence, archived: a.archived, version: a.version }));
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <PageBody>
        <AdminNav current="/admin/priority-areas" />
        <PriorityAreasAdmin items={items} targets={targets.map(toSdgTargetJson)} />
      </PageBody>
    </>
  );
}
