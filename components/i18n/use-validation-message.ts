import { useLocale, useMessages } from "next-intl";
import { useCallback } from "react";
import { isLocale } from "@/lib/i18n/locale";
import { localizeMessage } from "@/lib/i18n/said";
import type en from "@/messages/en.json";

/**
 * A validation message (a zod schema's English sentence, or a server's) in the reader's language:
 * FieldError and ErrorSummary pass every error through it, so a form's client-side checks read French
 * for a French user without the form doing anything. A message already in French passes unchanged.
 */
export function useValidationMessage(): (message: string) => string {
  const locale = useLocale();
  const messages = useMessages() as Partial<typeof en>;
  return useCallback(
    (message: string) => (isLocale(locale) && messages.validation ? localizeMessage(message, locale, messages.validation) : message),
    [locale, messages.validation],
  );
}
