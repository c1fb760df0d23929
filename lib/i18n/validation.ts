/**
 * Validation messages from the catalogue (namespace `validation`), on the client and the server.
 *
 * A schema is built once, in English, at import (`requiredText("Title", 300)` → "Enter title."): forms and
 * the API have always answered those sentences, and English users keep them word for word. Each sentence
 * made through `vm()` is remembered with its key and values, so `localizeMessage()` can say it again in
 * another language: the API (lib/api.ts), server actions (lib/actions.ts) and client forms
 * (useLocalizedMessage) translate a field's message where it is shown, and `code` never changes.
 * Labels ("Title") are translated through `validation.labels`, looked up by their English text.
 * Issues zod wrote itself (no message of ours) are said again with zod's own locale (z.locales.fr).
 */
import { z } from "zod";
import { createTranslator } from "use-intl/core";
import en from "@/messages/en.json";
import type { Locale } from "./locale";
import { labelKeyOf, localizeMessage, remember, said, shown, type ValidationKey, type ValidationMessages, type Values } from "./said";

export { localizeMessage, sayIn, type ValidationKey } from "./said";

const english = createTranslator({ locale: "en", messages: { validation: en.validation }, namespace: "validation" });
for (const [k, v] of Object.entries(en.validation.labels)) labelKeyOf.set(v, k as keyof ValidationMessages["labels"]);

/** An English validation sentence from the catalogue, remembered so it can be said in another language. */
export function vm(key: ValidationKey, values: Values = {}): string {
  const message = english(key, shown(values, "en"));
  remember(message, key, values);
  return message;
}

/** The labels every schema used (for the test that each has a French name). */
export const usedLabels = () => new Set([...said.values()].map((v) => v.values.label).filter((l): l is string => typeof l === "string" && l !== ""));

const zodEnglish = z.locales.en().localeError;
const zodLocales: Record<Locale, () => { localeError: typeof zodEnglish }> = { en: z.locales.en, fr: z.locales.fr };

/** One issue's message in `locale`: a catalogue sentence, or zod's own default in that language. */
export function localizeIssue(issue: z.core.$ZodIssue, locale: Locale, validation: ValidationMessages): string {
  if (locale === "en") return issue.message;
  const ours = localizeMessage(issue.message, locale, validation);
  if (ours !== issue.message) return ours;
  // zod's default sentence (no message of ours): said again by zod's French locale.
  const raw = { ...issue, input: undefined } as unknown as Parameters<typeof zodEnglish>[0];
  const asDefault = zodEnglish(raw);
  const defaultText = typeof asDefault === "string" ? asDefault : asDefault?.message;
  if (defaultText !== issue.message) return issue.message;
  const translated = zodLocales[locale]().localeError(raw);
  return (typeof translated === "string" ? translated : translated?.message) ?? issue.message;
}
