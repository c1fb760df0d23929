import { useTranslations } from "next-intl";
import type { NotificationMailValues } from "@/lib/validation/user-notifications";
import { NotificationMailForm } from "./notification-mail-form";

/** Profile section: which notifications are e-mailed at once, gathered into the digest, or not e-mailed. */
export function NotificationMail({ email, prefs, mailOn }: { email: string; prefs: NotificationMailValues; mailOn: boolean }) {
  const t = useTranslations("profile");
  return (
    <section aria-labelledby="notification-mail-title" className="rounded-md border border-zinc-300 bg-white p-4">
      <h2 id="notification-mail-title" className="font-semibold">
        {t("notificationMailTitle")}
      </h2>
      <p className="mt-1 mb-4 text-sm text-zinc-700">
        {t("notificationMailIntro", { email })}
        {!mailOn && ` ${t("notificationMailOff")}`}
      </p>
      <NotificationMailForm defaults={prefs} />
    </section>
  );
}
