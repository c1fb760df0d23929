import type { Metadata } from "next";
import { AdminNav } from "@/components/admin/admin-nav";
import { PriorityAreasAdmin } from "@/components/admin/priority-areas-admin";
import { PageBody, PageHeader } from "@/components/shell/page";
import { getDb } from "@/db/connection";
import { listPriorityAreas, listSdgTargets, toSdgTargetJson } from "@/db/queries/reference";
import { requireAdmin } from "@/lib/session";

export const metadata: Metadata = { title: "Priority areas · Admin" };

export default async function PriorityAreasAdminPage() {
  await requireAdmin();
  const db = await getDb();
  const [rows, targets] = await Promise.all([listPriorityAreas(db), listSdgTargets(db)]);
  const items = rows.map((a) => ({ id: a.id, name: a.name, description: a.description, keywords: a.keywords, sdgTargets: a.sdgTargets, archived: a.archived, version: a.version }));
  return (
    <>
      <PageHeader title="Priority areas" description="The order here is the order in every list. Archived areas stay on old records." />
      <PageBody>
        <AdminNav current="/admin/priority-areas" />
        <PriorityAreasAdmin items={items} targets={targets.map(toSdgTargetJson)} />
      </PageBody>
    </>
  );
}
