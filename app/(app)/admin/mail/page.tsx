import type { Metadata } from "next";
import { AdminNav } from "@/components/admin/admin-nav";
import { PageBody, PageHeader } from "@/components/shell/page";
import { getDb } from "@/db/connection";
import { MAX_ATTEMPTS, mailOn, mailOverview } from "@/db/queries/notifications";
import { notificationStatuses } from "@/db/enums";
import { env, smtpHost } from "@/lib/env";
import { formatDateTime } from "@/lib/format";
import { requireAdmin } from "@/lib/session";

export const metadata: Metadata = { title: "Mail · Admin" };

const statusLabels: Record<(typeof notificationStatuses)[number], string> = {
  pending: "Waiting to be sent",
  sending: "Being sent",
  sent: "Sent",
  failed: "Failed",
  skipped: "Not sent (nothing due, or no longer wanted)",
};
const kindLabels = { assignment: "Assignment notice", digest: "Digest" } as const;

/** Whether mail is on, where it goes, and the reminders that failed or wait for a retry. */
export default async function AdminMailPage() {
  await requireAdmin();
  const { counts, problems } = await mailOverview(await getDb());
  const e = env();
  return (
    <>
      <PageHeader title="Mail" description="E-mail reminders: assignment notices and the follow-up digests." />
      <PageBody>
        <AdminNav current="/admin/mail" />
        <div className="space-y-6">
          <section aria-labelledby="mail-status-title" className="rounded-md border border-zinc-300 bg-white p-4">
            <h2 id="mail-status-title" className="mb-2 font-semibold">
              Status
            </h2>
            {mailOn() ? (
              <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
                <dt className="font-medium text-zinc-700">Mail is on: SMTP server</dt>
                <dd>{smtpHost()}</dd>
                <dt className="font-medium text-zinc-700">Sent from</dt>
                <dd>{e.MAIL_FROM}</dd>
                <dt className="font-medium text-zinc-700">Schedule</dt>
                <dd>
                  {e.REMINDERS === "on" ? (
                    `This server sends every 15 minutes; digests from ${String(e.REMINDER_HOUR).padStart(2, "0")}:00 UTC.`
                  ) : (
                    <>
                      By <code>npm run reminders</code> (cron); digests from {String(e.REMINDER_HOUR).padStart(2, "0")}:00 UTC. REMINDERS is off in this server.
                    </>
                  )}
                </dd>
              </dl>
            ) : (
              <p className="text-sm text-zinc-800">
                <strong>Mail is off: SMTP_URL is not set.</strong> No reminders are written or sent. Set SMTP_URL (and MAIL_FROM) in the server&apos;s environment and restart it.
              </p>
            )}
          </section>

          <section aria-labelledby="mail-counts-title">
            <h2 id="mail-counts-title" className="mb-2 font-semibold">
              Reminders by status
            </h2>
            <dl className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-5">
              {notificationStatuses.map((s) => (
                <div key={s} className="rounded-md border border-zinc-200 bg-white p-3">
                  <dt className="text-zinc-700">{statusLabels[s]}</dt>
                  <dd className="text-lg font-semibold" data-status={s}>
                    {counts[s] ?? 0}
                  </dd>
                </div>
              ))}
            </dl>
          </section>

          <section aria-labelledby="mail-failed-title">
            <h2 id="mail-failed-title" className="mb-2 font-semibold">
              Failed sends
            </h2>
            {problems.length ? (
              <div className="overflow-x-auto rounded-md border border-zinc-200 bg-white">
                <table className="w-full text-left text-sm">
                  <caption className="sr-only">Reminders that failed, with the error, the attempts and the next attempt</caption>
                  <thead className="border-b border-zinc-200 bg-zinc-50 text-zinc-700">
                    <tr>
                      <th scope="col" className="px-3 py-2 font-semibold">To</th>
                      <th scope="col" className="px-3 py-2 font-semibold">What</th>
                      <th scope="col" className="px-3 py-2 font-semibold">Error</th>
                      <th scope="col" className="px-3 py-2 font-semibold">Attempts</th>
                      <th scope="col" className="px-3 py-2 font-semibold">Next attempt</th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-zinc-200">
                    {problems.map((p) => (
                      <tr key={p.id}>
                        <td className="px-3 py-2">{p.toAddress}</td>
                        <td className="px-3 py-2">
                          {kindLabels[p.kind]}: {p.subject}
                        </td>
                        <td className="px-3 py-2 text-red-800">{p.lastError}</td>
                        <td className="px-3 py-2">
                          {p.attempts} of {MAX_ATTEMPTS}
                        </td>
                        <td className="whitespace-nowrap px-3 py-2">{p.nextAttemptAt ? formatDateTime(p.nextAttemptAt) : "None: gave up"}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : (
              <p className="text-sm text-zinc-700">No failed sends.</p>
            )}
          </section>
        </div>
      </PageBody>
    </>
  );
}
