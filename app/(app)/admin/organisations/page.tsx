import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AdminNav } from "@/components/admin/admin-nav";
import { OrganisationAdmin } from "@/components/admin/organisation-admin";
import { OrganisationImport } from "@/components/admin/organisation-import";
import { PageBody, PageHeader } from "@/components/shell/page";
import { listOrganisations, organisationUsageAll } from "@/db/queries/organisations";
import { relatives } from "@/lib/organisations/tree";
import { adminPageContext } from "@/server/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin");
  return { title: t("titleSuffix", { section: t("organisations.title") }) };
}

const none = { users: 0, followUps: 0, hostedMeetings: 0, participations: 0, children: 0 };

export default async function OrganisationsAdminPage() {
  const { db } = await adminPageContext();
  const t = await getTranslations("admin.organisations");
  const [rows, usage] = await Promise.all([listOrganisations(db), organisationUsageAll(db)]);
  const organisations = rows.map((o) => ({
    id: o.id, name: o.name, acronym: o.acronym, nameFr: o.nameFr, acronymFr: o.acronymFr, kind: o.kind, parentId: o.parentId, domains: o.domains, archived: o.archived, version: o.version,
    subtree: [...relatives(rows, o.id).subtree],
    usage: usage.get(o.id) ?? none,
  }));
  return (
    <>
      <PageHeader title={t("title")} description={t("description", { active: rows.filter((o) => !o.archived).length, archived: rows.filter((o) => o.archived).length })} />
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
