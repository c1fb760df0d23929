import { ChevronRight } from "lucide-react";
import type { ReactNode } from "react";
import { formatDate, formatDateTime, plural, priorityLabels, statusLabels } from "@/lib/format";

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

const fieldLabels: Record<string, string> = {
  status: "status",
  priority: "priority",
  title: "the title",
  description: "the description",
  priorityAreaId: "the priority area",
  ownerOrganisationId: "the owner organisation",
  ownerUserId: "the owner",
  dueOn: "the due date",
};

const has = <T extends object>(labels: T, key: unknown): key is keyof T => typeof key === "string" && Object.hasOwn(labels, key);

/** One value of a field, in words ("In progress", "15 Feb 2022", "UNODC"). */
function value(field: string, v: unknown, names: HistoryNames): ReactNode {
  if (v === null || v === undefined || v === "") return null;
  const text = typeof v === "string" ? v : JSON.stringify(v);
  switch (field) {
    case "status":
      return has(statusLabels, v) ? statusLabels[v] : text;
    case "priority":
      return has(priorityLabels, v) ? priorityLabels[v] : text;
    case "dueOn":
      return formatDate(text);
    case "priorityAreaId":
      return names.priorityAreas.get(text) ?? "an unknown priority area";
    case "ownerUserId":
      return names.users.get(text) ?? "an unknown person";
    case "ownerOrganisationId": {
      const org = names.organisations.get(text);
      if (!org) return "an unknown organisation";
      return org.acronym ? (
        <abbr title={org.name} className="no-underline">
          {org.acronym}
        </abbr>
      ) : (
        org.name
      );
    }
    case "title":
      return `“${text}”`;
    default:
      return text;
  }
}

const V = ({ children }: { children: ReactNode }) => <span className="font-medium text-zinc-900">{children}</span>;

/** What happened, as a sentence after the actor's name. */
export function describeActivity(row: HistoryRow, names: HistoryNames): ReactNode {
  if (row.action === "created") return "created this follow-up";
  if (row.action === "commented") return "commented";
  if (row.action !== "updated" || !row.field) return row.action.replaceAll("_", " ");
  const label = fieldLabels[row.field] ?? row.field;
  // The text is long; the history says that it changed, the page shows what it is now.
  if (row.field === "description") return "edited the description";
  const before = value(row.field, row.before, names);
  const after = value(row.field, row.after, names);
  if (before === null && after === null) return `changed ${label}`;
  if (before === null)
    return (
      <>
        set {label} to <V>{after}</V>
      </>
    );
  if (after === null) return `cleared ${label}`;
  return (
    <>
      changed {label} from <V>{before}</V> to <V>{after}</V>
    </>
  );
}

/** The follow-up's history as a quiet timeline, oldest first; a long one keeps its latest changes in view. */
export function History({ rows, names }: { rows: HistoryRow[]; names: HistoryNames }) {
  if (!rows.length) return <p className="text-sm text-zinc-600">No changes recorded yet.</p>;
  const earlier = rows.length > VISIBLE + 2 ? rows.slice(0, rows.length - VISIBLE) : [];
  const recent = earlier.length ? rows.slice(-VISIBLE) : rows;
  return (
    <div className="space-y-3">
      {earlier.length > 0 && (
        <details className="group">
          <summary className="mb-3 flex w-fit cursor-pointer list-none items-center gap-1.5 rounded text-sm font-medium text-zinc-700 hover:text-zinc-900 [&::-webkit-details-marker]:hidden">
            <ChevronRight aria-hidden className="size-4 transition-transform group-open:rotate-90" />
            {plural(earlier.length, "earlier change")}
          </summary>
          <Timeline rows={earlier} names={names} />
        </details>
      )}
      <Timeline rows={recent} names={names} />
    </div>
  );
}

const VISIBLE = 8;

function Timeline({ rows, names }: { rows: HistoryRow[]; names: HistoryNames }) {
  return (
    <ol className="relative space-y-3 border-l border-zinc-200 pl-4 text-sm">
      {rows.map((row) => (
        <li key={row.id} className="relative">
          <span aria-hidden className="absolute -left-[21px] top-[7px] size-2.5 rounded-full border-2 border-white bg-zinc-400" />
          <span className="text-zinc-700">
            <span className="font-medium text-zinc-900">{row.actorName ?? "The system"}</span> {describeActivity(row, names)}
          </span>
          <span className="text-zinc-600">
            {" · "}
            <time dateTime={row.at} className="whitespace-nowrap">
              {formatDateTime(row.at)}
            </time>
          </span>
        </li>
      ))}
    </ol>
  );
}
