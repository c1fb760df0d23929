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
import { dateText } from "@/lib/date-text";
import en from "@/messages/en.json";
import type { Locale } from "./locale";

type ValidationMessages = typeof en.validation;
export type ValidationKey = Exclude<keyof ValidationMessages, "labels">;
/**
 * A sentence's values. A number counts ICU plurals, and is written the reader's way ("5,000" / "5 000") where
 * the message says `{n, number}` or `#`; a value whose name ends in `Date` or `On` is an ISO date, written
 * "30 Jun 2027" / "30 juin 2027"; `problem` is another of these sentences, said in the same language.
 */
type Values = Record<string, string | number>;
type Said = { key: ValidationKey; values: Values };

const english = createTranslator({ locale: "en", messages: { validation: en.validation }, namespace: "validation" });
/**
 * Sentences whose values are only what schemas pass when they are built (a label, limits, a fixed list,
 * a parameter's name): a fixed number of them, kept for good.
 */
const said = new Map<string, Said>();
/**
 * Sentences with any other value (a person's name, a title, a count): said again within the same
 * request, so only the latest are kept; values people type would otherwise fill memory for good.
 */
const recent = new Map<string, Said>();
const RECENT = 2000;
const schemaValues = new Set(["label", "min", "max", "fromDate", "toDate", "list", "param"]);

const isDateValue = (name: string) => /(Date|On)$/.test(name);
/** The values as `locale` writes them: dates in its words, the label's lower case for "Enter {labelLower}.". */
function shown(values: Values, locale: Locale): Values {
  const out: Values = {};
  for (const [name, v] of Object.entries(values)) out[name] = typeof v === "string" && isDateValue(name) ? dateText(v, locale) : v;
  if (typeof out.label === "string") out.labelLower = out.label.toLowerCase();
  return out;
}

/** An English validation sentence from the catalogue, remembered so it can be said in another language. */
export function vm(key: ValidationKey, values: Values = {}): string {
  const message = english(key, shown(values, "en"));
  if (Object.keys(values).every((name) => schemaValues.has(name))) {
    if (!said.has(message)) said.set(message, { key, values });
  } else {
    recent.delete(message);
    recent.set(message, { key, values });
    if (recent.size > RECENT) recent.delete(recent.keys().next().value!);
  }
  return message;
}

/** The labels every schema used (for the test that each has a French name). */
export const usedLabels = () => new Set([...said.values()].map((v) => v.values.label).filter((l): l is string => typeof l === "string" && l !== ""));

const labelKeyOf = new Map(Object.entries(en.validation.labels).map(([k, v]) => [v, k as keyof ValidationMessages["labels"]]));

/**
 * `message` (an English sentence a schema produced) in `locale`, given that language's `validation`
 * namespace; unchanged when it is English or not a catalogue sentence.
 */
export function localizeMessage(message: string, locale: Locale, validation: ValidationMessages): string {
  if (locale === "en") return message;
  const known = said.get(message) ?? recent.get(message);
  return known ? sayIn(locale, validation, known.key, known.values) : message;
}

const translatorOf = (locale: Locale, validation: ValidationMessages) => createTranslator({ locale, messages: { validation }, namespace: "validation" });
/** One translator per catalogue (it keeps its parsed messages: an import can say thousands of problems). */
const translators = new WeakMap<ValidationMessages, ReturnType<typeof translatorOf>>();

/** The sentence `key` in `locale` (given that language's `validation` namespace), its label and dates in that language. */
export function sayIn(locale: Locale, validation: ValidationMessages, key: ValidationKey, values: Values = {}): string {
  let t = translators.get(validation);
  if (!t) translators.set(validation, (t = translatorOf(locale, validation)));
  const local: Values = {};
  for (const [name, v] of Object.entries(values)) {
    const labelKey = name === "label" && typeof v === "string" ? labelKeyOf.get(v) : undefined;
    // `problem` is itself one of these sentences (a follow-up's in "Follow-up 2 (“…”): …"), said in `locale` too;
    // every other value (a name, a title) stays as it was written.
    local[name] = labelKey ? t(`labels.${labelKey}`) : name === "problem" && typeof v === "string" ? localizeMessage(v, locale, validation) : v;
  }
  return t(key, shown(local, locale));
}

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
