import type { Metadata, Viewport } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { HydrationMark } from "@/components/ui/hydration-mark";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("app");
  return {
    title: { default: t("name"), template: t("titleTemplate") },
    description: t("description"),
    // Served from public/: the icon, the web app manifest (and robots.txt, which keeps this internal tool out of search engines).
    icons: { icon: { url: "/icon.svg", type: "image/svg+xml" } },
    manifest: "/manifest.webmanifest",
    robots: { index: false, follow: false },
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

/** `<html lang>` is the person's language (lib/i18n/server.ts): the user's choice, the cookie, the browser, English. */
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body>
        {children}
        <HydrationMark />
      </body>
    </html>
  );
}
