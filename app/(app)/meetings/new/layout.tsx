import { IntlProvider } from "@/components/i18n/intl-provider";
import { meetingDraftNamespaces } from "@/lib/i18n/namespaces";

/** "Log a meeting": its client components get the draft review's namespace; no other page downloads it. */
export default function NewMeetingLayout({ children }: { children: React.ReactNode }) {
  return <IntlProvider namespaces={meetingDraftNamespaces}>{children}</IntlProvider>;
}
