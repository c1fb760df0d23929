import { useLocale, useTranslations } from "next-intl";
import { useMemo } from "react";
import { type FormatT, makeFormatter } from "@/lib/format";
import { isLocale } from "@/lib/i18n/locale";

/** The formatter of the reader's language in a client component: `const f = useFormat(); f.date(iso)`, `f.followUps(n)`. */
export function useFormat() {
  const locale = useLocale();
  const t = useTranslations("format");
  return useMemo(() => makeFormatter(isLocale(locale) ? locale : "en", ((key, values) => t(key, values)) as FormatT), [locale, t]);
}
