/**
 * The one place that decides a person's language: their saved choice, then the `locale` cookie (set by
 * the switcher, and what a signed-out page remembers), then the browser's Accept-Language, then English.
 * Pure and client-safe; i18n/request.ts feeds it the request, server code without a request (e-mails,
 * scripts) passes the recipient's saved choice.
 */
export const locales = ["en", "fr"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "en";
/** The cookie the language switcher sets (a year), read before Accept-Language. */
export const localeCookie = "locale";
/** What the language switcher shows, each in its own language (never translated). */
export const localeNames: Record<Locale, string> = { en: "English", fr: "Français" };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/**
 * The best supported language of an Accept-Language header ("fr-FR,fr;q=0.9,en;q=0.8" → "fr"), or null.
 * Split on commas and semicolons only: no regular expression, no backtracking.
 */
export function fromAcceptLanguage(header: string | null | undefined): Locale | null {
  if (!header) return null;
  let best: { locale: Locale; q: number; i: number } | null = null;
  for (const [i, part] of header.slice(0, 1000).split(",").entries()) {
    const [tag = "", ...params] = part.trim().split(";");
    const base = tag.trim().toLowerCase().split("-")[0];
    if (!isLocale(base)) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0) continue;
    if (!best || q > best.q) best = { locale: base, q, i };
  }
  return best?.locale ?? null;
}

export function resolveLocale({ saved, cookie, acceptLanguage }: { saved?: string | null; cookie?: string | null; acceptLanguage?: string | null }): Locale {
  if (isLocale(saved)) return saved;
  if (isLocale(cookie)) return cookie;
  return fromAcceptLanguage(acceptLanguage) ?? defaultLocale;
}

/** One cookie's value from a Cookie header ("a=1; locale=fr" → "fr"), or null. */
export function cookieValue(header: string | null | undefined, name: string): string | null {
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return null;
}

/** The language a viewer reads in: the request's (readLocale), else their saved choice, else English. */
export const readerLocale = (viewer: { readLocale?: Locale; locale?: Locale | null }): Locale => viewer.readLocale ?? recipientLocale(viewer.locale);

/** The language of a person without a request (an e-mail, a feed): their saved choice, else English. */
export const recipientLocale = (saved: string | null | undefined): Locale => (isLocale(saved) ? saved : defaultLocale);

/** BCP 47 tags for Intl: the UI's "15 Feb 2022" is British English. */
export const intlTag: Record<Locale, string> = { en: "en-GB", fr: "fr-FR" };
