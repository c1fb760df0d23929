import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AdminNav } from "@/components/admin/admin-nav";
import { WebhooksPanel } from "@/components/admin/webhooks-panel";
import { ApiTokensPanel } from "@/components/profile/api-tokens-panel";
import { PageBody, PageHeader } from "@/components/shell/page";
import { listAllApiTokens } from "@/db/queries/api-tokens";
import { listWebhooks } from "@/db/queries/webhooks";
import { adminPageContext } from "@/server/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin");
  return { title: t("titleSuffix", { section: t("integrations.title") }) };
}

/** Webhooks (register, test, delivery log) and every user's API tokens. */
export default async function AdminIntegrationsPage() {
  const { viewer, db } = await adminPageContext();
  const t = await getTranslations("admin.integrations");
  const [hooks, tokens] = await Promise.all([listWebhooks(db, viewer), listAllApiTokens(db, viewer)]);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <PageBody>
        <AdminNav current="/admin/integrations" />
        <div className="grid max-w-5xl gap-6">
          <WebhooksPanel initial={hooks} />
          <ApiTokensPanel all initial={tokens} />
        </div>
      </PageBody>
    </>
  );
}
