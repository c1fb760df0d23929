import type { Metadata } from "next";
import { AdminNav } from "@/components/admin/admin-nav";
import { UserAdmin } from "@/components/admin/user-admin";
import { PageBody, PageHeader } from "@/components/shell/page";
import { getDb } from "@/db/connection";
import { usersWithIdentity } from "@/db/queries/identities";
import { listOrganisations } from "@/db/queries/organisations";
import { listUsers } from "@/db/queries/users";
import { requireAdmin } from "@/lib/session";

export const metadata: Metadata = { title: "Users · Admin" };

export default async function UsersAdminPage() {
  await requireAdmin();
  const db = await getDb();
  const [people, orgs, sso] = await Promise.all([listUsers(db), listOrganisations(db), usersWithIdentity(db)]);
  const label = new Map(orgs.map((o) => [o.id, o.acronym ?? o.name]));
  const organisations = orgs.map((o) => ({ id: o.id, label: o.acronym ? `${o.acronym} — ${o.name}` : o.name, archived: o.archived }));
  const users = people.map((u) => ({ ...u, organisationLabel: label.get(u.organisationId) ?? "", sso: sso.has(u.id) }));
  return (
    <>
      <PageHeader title="Users" description="Deactivating someone signs them out at once. The last active admin cannot be demoted or deactivated." />
      <PageBody>
        <AdminNav current="/admin/users" />
        <UserAdmin users={users} organisations={organisations} />
      </PageBody>
    </>
  );
}
