import { IntlProvider } from "@/components/i18n/intl-provider";
import { profileNamespaces } from "@/lib/i18n/namespaces";

/** The profile's client components get the "profile" namespace; no other page downloads it. */
export default function ProfileLayout({ children }: { children: React.ReactNode }) {
  return <IntlProvider namespaces={profileNamespaces}>{children}</IntlProvider>;
}
