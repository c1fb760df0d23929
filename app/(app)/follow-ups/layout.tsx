import { IntlProvider } from "@/components/i18n/intl-provider";
import { followUpNamespaces } from "@/lib/i18n/namespaces";

/** The follow-up pages' client components (forms, status control, table) get the "followUps" namespace; no other page downloads it. */
export default function FollowUpsLayout({ children }: { children: React.ReactNode }) {
  return <IntlProvider namespaces={followUpNamespaces}>{children}</IntlProvider>;
}
