import { useTranslations } from "next-intl";
import type { getDigestPreferences } from "@/db/queries/notifications";
import { DigestPreferencesForm } from "./digest-preferences-form";

/** Profile section: E-mail reminders — the digest (daily, weekly or never) and assignment notices. */
export function DigestPreferences({ email, prefs, mailOn, defaultDays }: { email: string; prefs: Awaited<ReturnType<typeof getDigestPreferences>>; mailOn: boolean; defaultDays: number }) {
  const t = useTranslations("profile");
  return (
    <section aria-labelledby="reminders-title" className="rounded-md border border-zinc-300 bg-white p-4">
      <h2 id="reminders-title" className="font-semibold">
        {t("remindersTitle")}
      </h2>
      <p className="mt-1 mb-4 text-sm text-zinc-700">
        {t("remindersIntro", { email })}
        {!mailOn && ` ${t("remindersMailOff")}`}
      </p>
      <DigestPreferencesForm
        defaults={{ frequency: prefs.frequency, days: prefs.days ?? undefined, assignmentNotices: prefs.assignmentNotices }}
        defaultDays={defaultDays}
      />
    </section>
  );
}
