import { IntlProvider } from "@/components/i18n/intl-provider";
import { meetingNamespaces } from "@/lib/i18n/namespaces";

/** The meeting pages' client components get their namespaces (the form, the quick-add row); no other page downloads them. */
export default function MeetingsLayout({ children }: { children: React.ReactNode }) {
  return <IntlProvider namespaces={meetingNamespaces}>{children}</IntlProvider>;
}
