/**
 * Errors said in the requester's language where they are answered (lib/api.ts, lib/actions.ts):
 * `message` and `fields` are translated, `code` never changes (integrations match on it).
 * English is the language errors are written in, so an English answer is exactly what it always was.
 */
import type { z } from "zod";
import type { AppError, ErrorType, FieldErrors } from "@/lib/errors";
import { fieldErrors } from "@/lib/validation/common";
import type { Locale } from "./locale";
import { messagesOf, translate } from "./translate";
import { localizeIssue, localizeMessage, sayIn, type ValidationKey } from "./validation";

type ErrorKey = keyof ReturnType<typeof messagesOf>["errors"];
const englishErrors = messagesOf("en").errors;
const errorKeyOf = new Map(Object.entries(englishErrors).map(([k, v]) => [v, k as ErrorKey]));

/** One sentence of an error in `locale`: a catalogue error sentence, a validation sentence, or (people's words, an unknown sentence) as written. */
export function localizeErrorText(text: string, locale: Locale): string {
  if (locale === "en") return text;
  const key = errorKeyOf.get(text);
  if (key) return translate(locale, "errors")(key);
  return localizeMessage(text, locale, messagesOf(locale).validation);
}

/**
 * A validation sentence said at once in `locale`, not remembered: for what a query answers as data rather
 * than throws (an import's problems row by row, a bulk edit's refusals), where the reader's language is known.
 */
export const sentenceIn = (locale: Locale, key: ValidationKey, values?: Parameters<typeof sayIn>[3]) => sayIn(locale, messagesOf(locale).validation, key, values);

/** A zod error's fields in `locale` (zod's own defaults included). */
export function localizedFieldErrors(error: z.ZodError, locale: Locale): FieldErrors {
  const validation = messagesOf(locale).validation;
  return fieldErrors(error, (issue) => localizeIssue(issue, locale, validation));
}

/** An AppError's message and fields in `locale`; its code as it is. */
export function localizeAppError(e: AppError, locale: Locale): { code: string; message: string; fields?: FieldErrors } {
  const fields = e.issues ? localizedFieldErrors(e.issues, locale) : e.fields ? Object.fromEntries(Object.entries(e.fields).map(([k, v]) => [k, localizeErrorText(v, locale)])) : undefined;
  return { code: e.code, message: localizeErrorText(e.message, locale), ...(fields ? { fields } : {}) };
}

/** A sentence of the `errors` namespace ("bad_request" → "Some of the information is not valid…", "internal", "invalidJson"). */
export const errorSentence = (key: ErrorKey | ErrorType, locale: Locale) => translate(locale, "errors")(key);
