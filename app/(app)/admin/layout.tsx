import { requireAdmin } from "@/lib/session";

/** Admin pages are for admins: anyone else gets 403 and app/(app)/forbidden.tsx (the queries refuse them too). */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  await requireAdmin();
  return children;
}
