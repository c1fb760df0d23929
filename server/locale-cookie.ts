import "server-only";
import { cookies } from "next/headers";
import { type Locale, localeCookie } from "@/lib/i18n/locale";

/** The switcher's cookie, a year: signed-out pages on this browser (the sign-in page after signing out) keep the language. */
export async function rememberLocale(locale: Locale) {
  (await cookies()).set(localeCookie, locale, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax", httpOnly: false });
}
