import type { Metadata } from "next";
import { AdminNav } from "@/components/admin/admin-nav";
import { OrganisationAdmin } from "@/components/admin/organisation-admin";
import { OrganisationImport } from "@/components/admin/organisation-import";
import { PageBody, PageHeader } from "@/components/shell/page";
import { getDb } from "@/db/connection";
import { listOrganisations, organisationUsageAll, relatives } from "@/db/queries/organisations";
import { requireAdmin } from "@/lib/session";

export const metadata: Metadata = { title: "Organisations · Admin" };

const none = { users: 0, followUps: 0, hostedMeetings: 0, participations: 0, children: 0 };

export default async function OrganisationsAdminPage() {
  await requireAdmin();
  const db = await getDb();
  const [rows, usage] = await Promise.all([listOrganisations(db), organisationUsageAll(db)]);
  const organisations = rows.map((o) => ({
    id: o.id, name: o.name, acronym: o.acronym, kind: o.kind, parentId: o.parentId, domains: o.domains, archived: o.archived, version: o.version,
    subtree: [...relatives(rows, o.id).subtree],
    usage: usage.get(o.id) ?? none,
  }));
  return (
    <>
      <PageHeader title="Organisations" description={`${rows.filter((o) => !o.archived).length} active, ${rows.filter((o) => o.archived).length} archived. Archived ones stay on old records but cannot be chosen for new ones.`} />
      <PageBody>
        <AdminNav current="/admin/organisations" />
        <OrganisationAdmin organisations={organisations} />
        <div className="mt-8">
          <OrganisationImport />
        </div>
      </PageBody>
    </>
  );
}
