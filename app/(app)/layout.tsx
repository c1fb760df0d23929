import { listSavedViews } from "@/db/queries/saved-views";
import { getOrganisationName } from "@/db/queries/organisations";
import { IntlProvider } from "@/components/i18n/intl-provider";
import { Providers } from "@/components/providers";
import { signedInNamespaces } from "@/lib/i18n/namespaces";
import { Shell } from "@/components/shell/shell";
import { getLocale } from "next-intl/server";
import { localAcronym, localName } from "@/lib/i18n/names";
import { signOut } from "@/server/auth";
import { logPageQueries } from "@/server/query-log";
import { pageContext } from "@/server/session";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  await logPageQueries();
  const { viewer, db } = await pageContext();
  const [org, views] = await Promise.all([
    getOrganisationName(db, viewer.organisationId),
    listSavedViews(db, viewer),
  ]);
  async function signOutAction() {
    "use server";
    await signOut({ redirectTo: "/signin" });
  }
  const locale = await getLocale();
  const orgName = org ? localName(org, locale) : "";
  const orgAcronym = org ? localAcronym(org, locale) : null;
  return (
    <IntlProvider namespaces={signedInNamespaces}>
    <Providers>
      <Shell user={{ name: viewer.name, role: viewer.role, organisation: orgAcronym ?? orgName, organisationName: orgName }} signOut={signOutAction}
        views={views.map((v) => ({ id: v.id, name: v.name, href: v.href, own: v.own }))}
      >
        {children}
      </Shell>
    </Providers>
    </IntlProvider>
  );
}
