import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { LanguageSwitcher } from "@/components/i18n/language-switcher";
import { localName } from "@/lib/i18n/names";
import { AccountSecurity } from "@/components/profile/account-security";
import { ApiTokensPanel } from "@/components/profile/api-tokens-panel";
import { CalendarFeed } from "@/components/profile/calendar-feed";
import { DigestPreferences } from "@/components/profile/digest-preferences";
import { NotificationMail } from "@/components/profile/notification-mail";
import { PageBody, PageHeader } from "@/components/shell/page";
import { listApiTokens } from "@/db/queries/api-tokens";
import { getCalendarFeed } from "@/db/queries/calendar-feeds";
import { getDigestPreferences } from "@/db/queries/notifications";
import { getOrganisationName } from "@/db/queries/organisations";
import { getNotificationMail } from "@/db/queries/user-notifications";
import { env, mailOn, passwordSignInEnabled } from "@/server/env";
import { pageContext } from "@/server/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("profile"))("title") };
}

/** The signed-in user's own settings: e-mail reminders and the private calendar feed. */
export default async function ProfilePage() {
  const { viewer, db } = await pageContext();
  const [org, digest, mail, feed, tokens, t, locale] = await Promise.all([
    getOrganisationName(db, viewer.organisationId),
    getDigestPreferences(db, viewer),
    getNotificationMail(db, viewer),
    getCalendarFeed(db, viewer),
    listApiTokens(db, viewer),
    getTranslations("profile"),
    getLocale(),
  ]);
  return (
    <>
      <PageHeader title={t("title")} description={`${viewer.name} · ${viewer.email} · ${org ? localName(org, locale) : ""}`} />
      <PageBody>
        <div className="grid max-w-3xl gap-6">
          <section aria-labelledby="language-heading" className="rounded-lg border border-zinc-200 bg-white p-4">
            <h2 id="language-heading" className="text-base font-semibold">
              {t("language")}
            </h2>
            <p className="mt-1 text-sm text-zinc-600">{t("languageHint")}</p>
            <LanguageSwitcher className="mt-3" />
          </section>
          <DigestPreferences email={viewer.email} prefs={digest} mailOn={mailOn()} defaultDays={env().REMINDER_DAYS} />
          <NotificationMail email={viewer.email} prefs={mail} mailOn={mailOn()} />
          <CalendarFeed feed={feed} />
          <AccountSecurity passwordSignIn={passwordSignInEnabled()} />
          <ApiTokensPanel neverAllowed={env().API_TOKENS_NEVER_EXPIRE === "true"} initial={tokens} />
        </div>
      </PageBody>
    </>
  );
}
