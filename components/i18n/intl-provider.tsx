import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";
import { type Messages, type Namespace, pick } from "@/lib/i18n/catalogue";

/**
 * The request's language for client components, with only the namespaces they need (lib/i18n/namespaces.ts):
 * never the other language's catalogue, never the whole one.
 */
export async function IntlProvider({ namespaces, children }: { namespaces: readonly Namespace[]; children: ReactNode }) {
  const messages = (await getMessages()) as Messages;
  return (
    <NextIntlClientProvider messages={pick(messages, namespaces)} timeZone="UTC">
      {children}
    </NextIntlClientProvider>
  );
}
