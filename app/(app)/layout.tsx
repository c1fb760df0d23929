import { eq } from "drizzle-orm";
import { getDb } from "@/db/connection";
import { listSavedViews } from "@/db/queries/saved-views";
import { organisations } from "@/db/schema";
import { Providers } from "@/components/providers";
import { Shell } from "@/components/shell/shell";
import { signOut } from "@/lib/auth";
import { logPageQueries } from "@/lib/query-log";
import { requireViewer } from "@/lib/session";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  await logPageQueries();
  const viewer = await requireViewer();
  const db = await getDb();
  const [[org], views] = await Promise.all([
    db.select({ name: organisations.name, acronym: organisations.acronym }).from(organisations).where(eq(organisations.id, viewer.organisationId)),
    listSavedViews(db, viewer),
  ]);
  async function signOutAction() {
    "use server";
    await signOut({ redirectTo: "/signin" });
  }
  return (
    <Providers>
      <Shell user={{ name: viewer.name, role: viewer.role, organisation: org?.acronym ?? org?.name ?? "", organisationName: org?.name ?? "" }} signOut={signOutAction}
        views={views.map((v) => ({ id: v.id, name: v.name, href: v.href, own: v.own }))}
      >
        {children}
      </Shell>
    </Providers>
  );
}
