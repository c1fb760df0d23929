import { makeFormatter, type FormatT, type Formatter } from "@/lib/format";
import type { Locale } from "./locale";
import { translate } from "./translate";

const formatters = new Map<Locale, Formatter>();

/** The formatter of a language, for server code (pages, e-mails, files, exports): `formatterFor(locale).date(iso)`. */
export function formatterFor(locale: Locale): Formatter {
  let f = formatters.get(locale);
  if (!f) {
    const t = translate(locale, "format");
    f = makeFormatter(locale, ((key, values) => t(key, values)) as FormatT);
    formatters.set(locale, f);
  }
  return f;
}
