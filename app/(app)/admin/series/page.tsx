import type { Metadata } from "next";
import { AdminNav } from "@/components/admin/admin-nav";
import { NamedListAdmin } from "@/components/admin/named-list-admin";
import { PageBody, PageHeader } from "@/components/shell/page";
import { getDb } from "@/db/connection";
import { listMeetingSeries } from "@/db/queries/reference";
import { requireAdmin } from "@/lib/session";

export const metadata: Metadata = { title: "Meeting series · Admin" };

export default async function SeriesAdminPage() {
  await requireAdmin();
  const rows = await listMeetingSeries(await getDb());
  const items = rows.map((s) => ({ id: s.id, name: s.name, description: s.description, archived: s.archived, version: s.version }));
  return (
    <>
      <PageHeader title="Meeting series" description="Recurring meetings, such as the annual Senior Officials Meeting. Archived series stay on old meetings." />
      <PageBody>
        <AdminNav current="/admin/series" />
        <NamedListAdmin items={items} />
      </PageBody>
    </>
  );
}
