import type { Metadata } from "next";
import { AdminNav } from "@/components/admin/admin-nav";
import { NamedListAdmin } from "@/components/admin/named-list-admin";
import { PageBody, PageHeader } from "@/components/shell/page";
import { getDb } from "@/db/connection";
import { listPriorityAreas } from "@/db/queries/reference";
import { can } from "@/lib/policy";
import { requireViewer } from "@/lib/session";

export const metadata: Metadata = { title: "Priority areas · Admin" };

export default async function PriorityAreasAdminPage() {
  const viewer = await requireViewer();
  if (!can(viewer, "reference:edit")) return null; // the admin layout explains
  const rows = await listPriorityAreas(await getDb());
  const items = rows.map((a) => ({ id: a.id, name: a.name, description: a.description, keywords: a.keywords, archived: a.archived, version: a.version }));
  return (
    <>
      <PageHeader title="Priority areas" description="The order here is the order in every list. Archived areas stay on old records." />
      <PageBody>
        <AdminNav current="/admin/priority-areas" />
        <NamedListAdmin kind="area" items={items} />
      </PageBody>
    </>
  );
}
