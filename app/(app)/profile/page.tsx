import type { Metadata } from "next";
import { eq } from "drizzle-orm";
import { CalendarFeed } from "@/components/profile/calendar-feed";
import { DigestPreferences } from "@/components/profile/digest-preferences";
import { PageBody, PageHeader } from "@/components/shell/page";
import { getDb } from "@/db/connection";
import { organisations } from "@/db/schema";
import { requireViewer } from "@/lib/session";

export const metadata: Metadata = { title: "Profile" };

/** The signed-in user's own settings: e-mail reminders and the private calendar feed. */
export default async function ProfilePage() {
  const viewer = await requireViewer();
  const db = await getDb();
  const [org] = await db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, viewer.organisationId));
  return (
    <>
      <PageHeader title="Profile" description={`${viewer.name} · ${viewer.email} · ${org?.name ?? ""}`} />
      <PageBody>
        <div className="grid max-w-3xl gap-6">
          <DigestPreferences viewer={viewer} />
          <CalendarFeed viewer={viewer} />
        </div>
      </PageBody>
    </>
  );
}
