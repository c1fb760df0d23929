import { ChevronDown, Download } from "lucide-react";
import { useTranslations } from "next-intl";
import { buttonClass } from "./button";

/**
 * A CSV download in two separators: commas, and semicolons for Excel set to a European locale
 * (German, French, Italian… lists use ";"), which otherwise opens the whole row in one column.
 * A native <details> menu: works without JavaScript and by keyboard.
 */
export function CsvDownload({ href, label, variant = "secondary", className = "" }: { href: string; label?: string; variant?: "secondary" | "ghost"; className?: string }) {
  const t = useTranslations("ui");
  const withSep = `${href}${href.includes("?") ? "&" : "?"}sep=semicolon`;
  return (
    <details className={`group relative ${className}`}>
      <summary className={`${buttonClass(variant)} cursor-pointer list-none [&::-webkit-details-marker]:hidden`}>
        <Download aria-hidden className="size-4" />
        {label ?? t("exportCsv")}
        <ChevronDown aria-hidden className="size-4 transition-transform group-open:rotate-180" />
      </summary>
      <ul className="absolute right-0 z-20 mt-1 w-72 rounded-md border border-zinc-200 bg-white p-1 text-sm shadow-lg">
        <li>
          <a href={href} download className="block rounded px-3 py-2 text-zinc-900 no-underline hover:bg-zinc-100 hover:no-underline">
            <span className="font-medium">{t("comma")}</span>
            <span className="block text-xs text-zinc-600">{t("commaHint")}</span>
          </a>
        </li>
        <li>
          <a href={withSep} download className="block rounded px-3 py-2 text-zinc-900 no-underline hover:bg-zinc-100 hover:no-underline">
            <span className="font-medium">{t("semicolon")}</span>
            <span className="block text-xs text-zinc-600">{t("semicolonHint")}</span>
          </a>
        </li>
      </ul>
    </details>
  );
}
