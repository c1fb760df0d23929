import { ChevronRight } from "lucide-react";
import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { useFormat } from "@/components/i18n/use-format";
import { LocalTime } from "@/components/ui/local-time";

export type HistoryRow = {
  id: number;
  at: string;
  actorName: string | null;
  action: string;
  field: string | null;
  before: unknown;
  after: unknown;
};

/** Names for the ids an activity row may hold; loaded once for the page, never per row. */
export type HistoryNames = {
  organisations: ReadonlyMap<string, { acronym: string | null; name: string }>;
  priorityAreas: ReadonlyMap<string, string>;
  users: ReadonlyMap<string, string>;
};

type Tr = ReturnType<typeof useTranslations<"followUps">>;
type Fmt = ReturnType<typeof useFormat>;
const statuses = ["open", "in_progress", "blocked", "done", "cancelled"] as const;
const priorities = ["low", "normal", "high"] as const;
const oneOf = <T extends string>(list: readonly T[], v: unknown): v is T => typeof v === "string" && (list as readonly string[]).includes(v);

/** One value of a field, in words ("In progress", "15 Feb 2022", "UNODC"). */
function value(field: string, v: unknown, names: HistoryNames, t: Tr, f: Fmt): ReactNode {
  if (v === null || v === undefined || v === "") return null;
  const text = typeof v === "string" ? v : JSON.stringify(v);
  switch (field) {
    case "status":
      return oneOf(statuses, v) ? f.status(v) : text;
    case "priority":
      return oneOf(priorities, v) ? f.priority(v) : text;
    case "dueOn":
      return f.date(text);
    case "priorityAreaId":
      return names.priorityAreas.get(text) ?? t("historyUnknownArea");
    case "ownerUserId":
      return names.users.get(text) ?? t("historyUnknownPerson");
    case "ownerOrganisationId": {
      const org = names.organisations.get(text);
      if (!org) return t("historyUnknownOrganisation");
      return org.acronym ? (
        <abbr title={org.name} className="no-underline">
          {org.acronym}
        </abbr>
      ) : (
        org.name
      );
    }
    case "title":
      return t("historyQuoted", { text });
    default:
      return text;
  }
}

const V = ({ children }: { children: ReactNode }) => <span className="font-medium text-zinc-900">{children}</span>;

/** What happened, as a sentence after the actor's name. */
function describeActivity(row: HistoryRow, names: HistoryNames, t: Tr, f: Fmt): ReactNode {
  if (row.action === "created") {
    const file = (row.after as { importedFrom?: unknown } | null)?.importedFrom;
    return typeof file === "string" ? t("historyCreatedImported", { file }) : t("historyCreated");
  }
  if (row.action === "commented") return t("historyCommented");
  const document = attachmentSentence(row, t);
  if (document) return document;
  if (row.action !== "updated" || !row.field) return row.action.replaceAll("_", " ");
  const field = t("historyField", { field: row.field });
  // The text is long; the history says that it changed, the page shows what it is now.
  if (row.field === "description") return t("historyEditedDescription");
  const before = value(row.field, row.before, names, t, f);
  const after = value(row.field, row.after, names, t, f);
  if (before === null && after === null) return t("historyChanged", { field });
  if (before === null) return t.rich("historySet", { field, after: () => <V>{after}</V> });
  if (after === null) return t("historyCleared", { field });
  return t.rich("historyChangedFromTo", { field, before: () => <V>{before}</V>, after: () => <V>{after}</V> });
}

/** The follow-up's history as a quiet timeline, oldest first; a long one keeps its latest changes in view. */
export function History({ rows, names }: { rows: HistoryRow[]; names: HistoryNames }) {
  const t = useTranslations("followUps");
  const f = useFormat();
  if (!rows.length) return <p className="text-sm text-zinc-600">{t("historyEmpty")}</p>;
  const earlier = rows.length > VISIBLE + 2 ? rows.slice(0, rows.length - VISIBLE) : [];
  const recent = earlier.length ? rows.slice(-VISIBLE) : rows;
  return (
    <div className="space-y-3">
      {earlier.length > 0 && (
        <details className="group">
          <summary className="mb-3 flex w-fit cursor-pointer list-none items-center gap-1.5 rounded text-sm font-medium text-zinc-700 hover:text-zinc-900 [&::-webkit-details-marker]:hidden">
            <ChevronRight aria-hidden className="size-4 transition-transform group-open:rotate-90" />
            {t("historyEarlier", { count: earlier.length })}
          </summary>
          <Timeline rows={earlier} names={names} t={t} f={f} />
        </details>
      )}
      <Timeline rows={recent} names={names} t={t} f={f} />
    </div>
  );
}

const VISIBLE = 8;

function Timeline({ rows, names, t, f }: { rows: HistoryRow[]; names: HistoryNames; t: Tr; f: Fmt }) {
  return (
    <ol className="relative space-y-3 border-l border-zinc-200 pl-4 text-sm">
      {rows.map((row) => (
        <li key={row.id} className="relative">
          <span aria-hidden className="absolute -left-[21px] top-[7px] size-2.5 rounded-full border-2 border-white bg-zinc-400" />
          <span className="text-zinc-700">
            <span className="font-medium text-zinc-900">{row.actorName ?? t("historySystem")}</span> {describeActivity(row, names, t, f)}
          </span>
          <span className="text-zinc-600">
            {" · "}
            <LocalTime at={row.at} className="whitespace-nowrap" />
          </span>
        </li>
      ))}
    </ol>
  );
}

/** Documents: "added Report.pdf", "added version 2 of Report.pdf", "removed …", "restored …". */
const documentActions = ["attachment_added", "attachment_version_added", "attachment_removed", "attachment_restored", "attachment_purged"] as const;
function attachmentSentence(row: HistoryRow, t: Tr): ReactNode {
  if (!oneOf(documentActions, row.action)) return null;
  const a = (row.after ?? {}) as { kind?: string; fileName?: string; title?: string; version?: number };
  const name = a.kind === "link" ? t("historyLink", { title: a.title ?? "" }) : (a.fileName ?? t("historyADocument"));
  return t.rich("historyDocument", { action: row.action, version: a.version ?? 1, name: () => <V>{name}</V> });
}
