/**
 * Translators outside React, for what the server writes without a page: e-mails, calendar files,
 * exports, API errors, audit sentences. Both catalogues are read here, on the server only (never import
 * this from a client component: use useTranslations there).
 */
import { createTranslator } from "use-intl/core";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import type { Locale } from "./locale";

export type Messages = typeof en;
const catalogues: Record<Locale, Messages> = { en, fr };

export const messagesOf = (locale: Locale): Messages => catalogues[locale];

/** `translate("fr", "email")("hello", { name })`: one namespace of one language, with ICU plurals and selects. */
export function translate<N extends keyof Messages>(locale: Locale, namespace: N) {
  return createTranslator({ locale, messages: catalogues[locale], namespace, timeZone: "UTC" });
}
