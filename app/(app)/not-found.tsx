import { getTranslations } from "next-intl/server";
import { PageBody, PageHeader } from "@/components/shell/page";
import { ButtonLink } from "@/components/ui/button";

/** Also what a record one may not see answers: its existence does not leak. */
export default async function NotFound() {
  const [t, tShell] = await Promise.all([getTranslations("errors"), getTranslations("shell")]);
  return (
    <>
      <PageHeader title={t("notFoundTitle")} />
      <PageBody>
        <div className="max-w-xl space-y-4">
          <p>{t("notFoundText")}</p>
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
