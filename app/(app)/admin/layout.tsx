import { requireAdmin } from "@/server/session";
import { IntlProvider } from "@/components/i18n/intl-provider";
import { adminNamespaces } from "@/lib/i18n/namespaces";

/**
 * Admin pages are for admins: anyone else gets 403 and app/(app)/forbidden.tsx (the queries refuse them too).
 * Their client components get the "admin" namespace; no other page downloads it.
 */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  await requireAdmin();
  return <IntlProvider namespaces={adminNamespaces}>{children}</IntlProvider>;
}
