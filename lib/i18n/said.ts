/**
 * The sentences `vm()` (lib/i18n/validation.ts) has said in English, and how to say them again in
 * another language. Kept apart from `vm()` so that what every form shows its errors through
 * (FieldError → useValidationMessage) loads neither zod nor the English catalogue with the page: both
 * come with a form's schema, which loads after the page (lazyZodResolver), and only then are there
 * sentences of it to translate.
 */
import { createTranslator } from "use-intl/core";
import { dateText } from "@/lib/date-text";
import type en from "@/messages/en.json";
import type { Locale } from "./locale";

export type ValidationMessages = typeof en.validation;
export type ValidationKey = Exclude<keyof ValidationMessages, "labels">;
/**
 * A sentence's values. A number counts ICU plurals, and is written the reader's way ("5,000" / "5 000") where
 * the message says `{n, number}` or `#`; a value whose name ends in `Date` or `On` is an ISO date, written
 * "30 Jun 2027" / "30 juin 2027"; `problem` is another of these sentences, said in the same language.
 */
export type Values = Record<string, string | number>;
type Said = { key: ValidationKey; values: Values };

/**
 * Sentences whose values are only what schemas pass when they are built (a label, limits, a fixed list,
 * a parameter's name): a fixed number of them, kept for good.
 */
export const said = new Map<string, Said>();
/**
 * Sentences with any other value (a person's name, a title, a count): said again within the same
 * request, so only the latest are kept; values people type would otherwise fill memory for good.
 */
const recent = new Map<string, Said>();
const RECENT = 2000;
const schemaValues = new Set(["label", "min", "max", "fromDate", "toDate", "list", "param"]);

/** English label → its key in `validation.labels` (filled by lib/i18n/validation.ts, which has the English catalogue). */
export const labelKeyOf = new Map<string, keyof ValidationMessages["labels"]>();

/** Remembers an English sentence with its key and values. */
export function remember(message: string, key: ValidationKey, values: Values) {
  if (Object.keys(values).every((name) => schemaValues.has(name))) {
    if (!said.has(message)) said.set(message, { key, values });
    return;
  }
  recent.delete(message);
  recent.set(message, { key, values });
  if (recent.size > RECENT) recent.delete(recent.keys().next().value!);
}

const isDateValue = (name: string) => /(Date|On)$/.test(name);
/** The values as `locale` writes them: dates in its words, the label's lower case for "Enter {labelLower}.". */
export function shown(values: Values, locale: Locale): Values {
  const out: Values = {};
  for (const [name, v] of Object.entries(values)) out[name] = typeof v === "string" && isDateValue(name) ? dateText(v, locale) : v;
  if (typeof out.label === "string") out.labelLower = out.label.toLowerCase();
  return out;
}

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
