import { IntlProvider } from "@/components/i18n/intl-provider";
import { agendaNamespaces } from "@/lib/i18n/namespaces";

/** A meeting's pages: their client components get the agenda editor's namespace; no other page downloads it. */
export default function MeetingLayout({ children }: { children: React.ReactNode }) {
  return <IntlProvider namespaces={agendaNamespaces}>{children}</IntlProvider>;
}
