import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { AdminNav } from "@/components/admin/admin-nav";
import { UserAdmin } from "@/components/admin/user-admin";
import { PageBody, PageHeader } from "@/components/shell/page";
import { usersWithIdentity } from "@/db/queries/identities";
import { listOrganisations } from "@/db/queries/organisations";
import { listUsers } from "@/db/queries/users";
import { adminPageContext } from "@/server/session";
import { localAcronym, localName } from "@/lib/i18n/names";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin");
  return { title: t("titleSuffix", { section: t("users.title") }) };
}

export default async function UsersAdminPage() {
  const { viewer, db } = await adminPageContext();
  const t = await getTranslations("admin.users");
  const [people, orgs, sso] = await Promise.all([listUsers(db), listOrganisations(db), usersWithIdentity(db)]);
  // Organisations by their names in the reader's language (a French name or acronym when there is one).
  const locale = await getLocale();
  const local = orgs.map((o) => ({ ...o, name: localName(o, locale), acronym: localAcronym(o, locale) }));
  const label = new Map(local.map((o) => [o.id, o.acronym ?? o.name]));
  const organisations = local.map((o) => ({ id: o.id, label: o.acronym ? `${o.acronym} — ${o.name}` : o.name, archived: o.archived }));
  const users = people.map((u) => ({ ...u, organisationLabel: label.get(u.organisationId) ?? "", sso: sso.has(u.id) }));
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <PageBody>
        <AdminNav current="/admin/users" />
        <UserAdmin users={users} organisations={organisations} viewerId={viewer.id} />
      </PageBody>
    </>
  );
}
