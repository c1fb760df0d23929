import "server-only";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { getViewer } from "@/server/session";
import { cookieValue, type Locale, localeCookie, resolveLocale } from "@/lib/i18n/locale";

/**
 * The language of this request: the signed-in user's saved choice, then the `locale` cookie, then
 * Accept-Language, then English (lib/i18n/locale.ts). Pages (through i18n/request.ts), server
 * actions and API routes all ask here.
 */
export const requestLocale = cache(async (): Promise<Locale> => {
  const viewer = await getViewer().catch(() => null);
  if (viewer?.readLocale) return viewer.readLocale;
  const [jar, h] = await Promise.all([cookies(), headers()]);
  return resolveLocale({ saved: viewer?.locale, cookie: jar.get(localeCookie)?.value, acceptLanguage: h.get("accept-language") });
});

/** For an API route that knows its request and viewer (a bearer token has no cookie): the same rule. */
export function localeOfRequest(req: Request, saved?: string | null): Locale {
  return resolveLocale({ saved, cookie: cookieValue(req.headers.get("cookie"), localeCookie), acceptLanguage: req.headers.get("accept-language") });
}
