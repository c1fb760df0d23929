import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageBody, PageHeader } from "@/components/shell/page";
import { ButtonLink } from "@/components/ui/button";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("errors"))("adminOnlyTitle") };
}

/** What forbidden() answers (HTTP 403) inside the app: today, a non-admin on an admin page. */
export default async function Forbidden() {
  const [t, tShell] = await Promise.all([getTranslations("errors"), getTranslations("shell")]);
  return (
    <>
      <PageHeader title={t("adminOnlyTitle")} />
      <PageBody>
        <div className="max-w-xl space-y-4">
          <p>{t("adminOnlyText")}</p>
          <div className="flex flex-wrap gap-2">
            <ButtonLink href="/my-follow-ups">{tShell("myFollowUps")}</ButtonLink>
            <ButtonLink href="/meetings" variant="secondary">
              {tShell("meetings")}
            </ButtonLink>
          </div>
        </div>
      </PageBody>
    </>
  );
}
