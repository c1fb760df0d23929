import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { AdminNav } from "@/components/admin/admin-nav";
import { RetentionForm } from "@/components/admin/retention-form";
import { PageBody, PageHeader } from "@/components/shell/page";
import { MAX_ATTEMPTS, mailOverview } from "@/db/queries/notifications";
import { mailOn } from "@/server/env";
import { getRetentionDays } from "@/db/queries/personal-data";
import { notificationStatuses } from "@/db/enums";
import { env, smtpHost } from "@/server/env";
import { adminPageContext } from "@/server/session";
import { formatterFor } from "@/lib/i18n/format-server";
import { isLocale } from "@/lib/i18n/locale";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin");
  return { title: t("titleSuffix", { section: t("mail.title") }) };
}


/** Whether mail is on, where it goes, and the reminders that failed or wait for a retry. */
export default async function AdminMailPage() {
  const { db } = await adminPageContext();
  const [t, rawLocale] = await Promise.all([getTranslations("admin.mail"), getLocale()]);
  const f = formatterFor(isLocale(rawLocale) ? rawLocale : "en");
  const [{ counts, problems }, retentionDays] = await Promise.all([mailOverview(db), getRetentionDays(db)]);
  const e = env();
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <PageBody>
        <AdminNav current="/admin/mail" />
        <div className="space-y-6">
          <section aria-labelledby="mail-status-title" className="rounded-md border border-zinc-300 bg-white p-4">
            <h2 id="mail-status-title" className="mb-2 font-semibold">
              {t("statusTitle")}
            </h2>
            {mailOn() ? (
              <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
                <dt className="font-medium text-zinc-700">{t("smtpServer")}</dt>
                <dd>{smtpHost()}</dd>
                <dt className="font-medium text-zinc-700">{t("sentFrom")}</dt>
                <dd>{e.MAIL_FROM}</dd>
                <dt className="font-medium text-zinc-700">{t("schedule")}</dt>
                <dd>
                  {e.REMINDERS === "on"
                    ? t("scheduleOn", { hour: String(e.REMINDER_HOUR).padStart(2, "0") })
                    : t.rich("scheduleCron", { hour: String(e.REMINDER_HOUR).padStart(2, "0"), code: (chunks) => <code>{chunks}</code> })}
                </dd>
              </dl>
            ) : (
              <p className="text-sm text-zinc-800">
                {t.rich("off", { strong: (chunks) => <strong>{chunks}</strong> })}
              </p>
            )}
          </section>

          <section aria-labelledby="mail-counts-title">
            <h2 id="mail-counts-title" className="mb-2 font-semibold">
              {t("byStatus")}
            </h2>
            <dl className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-5">
              {notificationStatuses.map((s) => (
                <div key={s} className="rounded-md border border-zinc-200 bg-white p-3">
                  <dt className="text-zinc-700">{t("status", { status: s })}</dt>
                  <dd className="text-lg font-semibold" data-status={s}>
                    {counts[s] ?? 0}
                  </dd>
                </div>
              ))}
            </dl>
          </section>

          <section aria-labelledby="mail-failed-title">
            <h2 id="mail-failed-title" className="mb-2 font-semibold">
              {t("failedTitle")}
            </h2>
            {problems.length ? (
              <div className="overflow-x-auto rounded-md border border-zinc-200 bg-white">
                <table className="w-full text-left text-sm">
                  <caption className="sr-only">{t("failedCaption")}</caption>
                  <thead className="border-b border-zinc-200 bg-zinc-50 text-zinc-700">
                    <tr>
                      <th scope="col" className="px-3 py-2 font-semibold">{t("to")}</th>
                      <th scope="col" className="px-3 py-2 font-semibold">{t("what")}</th>
                      <th scope="col" className="px-3 py-2 font-semibold">{t("error")}</th>
                      <th scope="col" className="px-3 py-2 font-semibold">{t("attempts")}</th>
                      <th scope="col" className="px-3 py-2 font-semibold">{t("nextAttempt")}</th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-zinc-200">
                    {problems.map((p) => (
                      <tr key={p.id}>
                        <td className="px-3 py-2">{p.toAddress}</td>
                        <td className="px-3 py-2">
                          {t("kind", { kind: p.kind })}: {p.subject}
                        </td>
                        <td className="px-3 py-2 text-red-800">{p.lastError}</td>
                        <td className="px-3 py-2">
                          {t("attemptsOf", { attempts: p.attempts, max: MAX_ATTEMPTS })}
                        </td>
                        <td className="whitespace-nowrap px-3 py-2">{p.nextAttemptAt ? f.dateTime(p.nextAttemptAt) : t("gaveUp")}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : (
              <p className="text-sm text-zinc-700">{t("noFailed")}</p>
            )}
          </section>
          <section aria-labelledby="retention-title" className="rounded-md border border-zinc-300 bg-white p-4">
            <h2 id="retention-title" className="mb-1 font-semibold">
              {t("retention")}
            </h2>
            <p className="mb-3 text-sm text-zinc-700">
              {t("retentionExplain")}
            </p>
            <RetentionForm days={retentionDays} />
          </section>
        </div>
      </PageBody>
    </>
  );
}
