import type { Locale } from "./locale";
import type en from "@/messages/en.json";

export type Messages = typeof en;
export type Namespace = keyof Messages;

/** One language's catalogue, loaded on the server (a dynamic import per language). */
export async function catalogue(locale: Locale): Promise<Messages> {
  return locale === "fr" ? (await import("@/messages/fr.json")).default : (await import("@/messages/en.json")).default;
}

/**
 * The namespaces a client component tree needs, and nothing else: NextIntlClientProvider's `messages`.
 * The French catalogue never reaches an English user, and no page gets the whole catalogue.
 */
export function pick(messages: Messages, namespaces: readonly Namespace[]): Partial<Messages> {
  return Object.fromEntries(namespaces.map((n) => [n, messages[n]]));
}
