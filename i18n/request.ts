import { getRequestConfig } from "next-intl/server";
import { catalogue } from "@/lib/i18n/catalogue";
import { isLocale } from "@/lib/i18n/locale";
import { requestLocale } from "@/server/i18n";

/**
 * next-intl's per-request configuration, without i18n routing (no locale in the URL: a signed-in
 * internal tool). The locale is decided in lib/i18n/server.ts; server components get that one
 * language's catalogue; client components only the namespaces their layout passes on (lib/i18n/client-messages.ts).
 */
export default getRequestConfig(async ({ locale: explicit }) => {
  const locale = isLocale(explicit) ? explicit : await requestLocale();
  return { locale, messages: await catalogue(locale), timeZone: "UTC" };
});
