import { IntlProvider } from "@/components/i18n/intl-provider";
import { signedOutNamespaces } from "@/lib/i18n/namespaces";

/** The signed-out pages (sign-in, set-password, unsubscribe, refusal): the language of the cookie or the browser. */
export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return <IntlProvider namespaces={signedOutNamespaces}>{children}</IntlProvider>;
}
