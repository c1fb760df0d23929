import { useTranslations } from "next-intl";
import { useFormat } from "@/components/i18n/use-format";

/** "15 Feb 2022 · due in 3 days"; overdue is the one loud thing on a page. */
/** `today` (UTC) from the server keeps a client-rendered date the same as the server's HTML. */
export function DueDate({ dueOn, overdue, closed, today }: { dueOn: string | null; overdue: boolean; closed?: boolean; today?: string }) {
  const t = useTranslations("format");
  const f = useFormat();
  if (!dueOn) return <span className="text-zinc-500">{t("noDueDate")}</span>;
  return (
    <span>
      <time dateTime={dueOn} className="whitespace-nowrap">{f.date(dueOn)}</time>
      {!closed && (
        <>
          {" · "}
          <span className={`whitespace-nowrap ${overdue ? "font-semibold text-red-700" : "text-zinc-600"}`}>{f.due(dueOn, overdue, today)}</span>
        </>
      )}
    </span>
  );
}
