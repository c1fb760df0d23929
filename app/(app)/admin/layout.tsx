import { PageBody, PageHeader } from "@/components/shell/page";
import { can } from "@/lib/policy";
import { requireViewer } from "@/lib/session";

/** Admin pages are for admins: anyone else gets a clear page saying so (the queries refuse them too). */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const viewer = await requireViewer();
  if (!can(viewer, "reference:edit")) {
    return (
      <>
        <PageHeader title="Admin" />
        <PageBody>
          <div className="max-w-xl rounded-md border border-zinc-300 bg-white p-5">
            <h2 className="font-semibold">Only admins can open these pages</h2>
            <p className="mt-2 text-sm text-zinc-700">
              Organisations, priority areas, meeting series, users and the audit trail are kept by the admins. If something in those lists is wrong or
              missing, ask an admin to change it.
            </p>
          </div>
        </PageBody>
      </>
    );
  }
  return children;
}
