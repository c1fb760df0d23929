"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useTransition } from "react";
import { toast } from "@/components/ui/toast";
import { setLocaleAction } from "@/app/(app)/profile/actions";
import { isLocale, localeNames, locales } from "@/lib/i18n/locale";

/**
 * The language switcher (the shell and the profile): saves the choice on the user (e-mails follow it)
 * and in the `locale` cookie, then re-renders the page in that language. Each language is named in
 * itself ("Français"), with its own `lang`, so a screen reader says it right.
 */
export function LanguageSwitcher({ className = "" }: { className?: string }) {
  const t = useTranslations("language");
  const locale = useLocale();
  const router = useRouter();
  const id = useId();
  const [pending, start] = useTransition();
  return (
    <span className={`flex items-center gap-2 text-sm ${className}`}>
      <label htmlFor={id} className="text-zinc-700">
        {t("label")}
      </label>
      <select
        id={id}
        value={locale}
        disabled={pending}
        onChange={(e) => {
          const next = e.target.value;
          if (!isLocale(next)) return;
          start(async () => {
            const result = await setLocaleAction({ locale: next }).catch(() => null);
            if (!result?.ok) toast.error(t("failed"));
            else router.refresh();
          });
        }}
        className="rounded border border-zinc-300 bg-white px-2 py-1 text-sm"
      >
        {locales.map((l) => (
          <option key={l} value={l} lang={l}>
            {localeNames[l]}
          </option>
        ))}
      </select>
    </span>
  );
}
