import type { Metadata } from "next";
import Link from "next/link";
import { AdminNav } from "@/components/admin/admin-nav";
import { buttonClass } from "@/components/ui/button";
import { Chip } from "@/components/ui/chip";
import { inputClass } from "@/components/ui/field";
import { PageBody, PageHeader } from "@/components/shell/page";
import { getDb } from "@/db/connection";
import { entityNames, listActivity } from "@/db/queries/activity";
import { listUsers } from "@/db/queries/users";
import { formatDateTime } from "@/lib/format";
import { requireAdmin } from "@/lib/session";
import { safeParseInput } from "@/lib/validation/common";
import { activityFilters, entityTypes } from "@/lib/validation/activity";

export const metadata: Metadata = { title: "Audit trail · Admin" };

const typeLabels: Record<(typeof entityTypes)[number], string> = {
  organisation: "Organisation",
  priority_area: "Priority area",
  meeting_series: "Meeting series",
  user: "User",
  meeting: "Meeting",
  follow_up: "Follow-up",
};
const recordHref: Partial<Record<string, (id: string) => string>> = { meeting: (id) => `/meetings/${id}`, follow_up: (id) => `/follow-ups/${id}` };

function show(value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "string") return value || "(empty)";
  if (Array.isArray(value)) return value.length ? value.map(show).join(", ") : "(none)";
  const text = JSON.stringify(value);
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}

const fieldLabels: Record<string, string> = { sdgTargets: "SDG targets", sortOrder: "position", coChairs: "co-chairs", heldOn: "date" };
/** A field name as words: "ownerOrganisationId" → "owner organisation". */
const fieldLabel = (field: string) => fieldLabels[field] ?? field.replace(/Id$/, "").replace(/([A-Z])/g, " $1").toLowerCase();

type Row = { action: string; actorName: string | null; after: unknown };
const obj = (v: unknown): Record<string, unknown> => (v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const str = (v: unknown) => (typeof v === "string" ? v : "");

/** An event (not a field change) as a sentence; sign-ins and refusals marked so they stand out. */
function EventSentence({ a }: { a: Row }) {
  const after = obj(a.after);
  switch (a.action) {
    case "signed_in":
      return <span><Chip className="mr-1.5 border-emerald-700/50 bg-emerald-50 text-emerald-900">Sign-in</Chip>Signed in{str(after.method) === "sso" && " with single sign-on"}.</span>;
    case "sign_in_refused":
      return (
        <span>
          <Chip className="mr-1.5 border-red-700 bg-red-50 text-red-900">Sign-in refused</Chip>
          A sign-in{str(after.method) === "sso" ? " with single sign-on" : " with a password"} as <span className="font-medium">{str(after.email) || "an unknown address"}</span> was refused: {refusalLabels[str(after.reason)] ?? str(after.reason)}.
        </span>
      );
    case "identity_linked":
      return <span>Linked to an account at the single sign-on provider.</span>;
    case "sign_in_failed":
      return (
        <span>
          <Chip className="mr-1.5 border-amber-700 bg-amber-50 text-amber-900">Failed sign-in</Chip>
          Someone tried to sign in as <span className="font-medium">{str(after.email) || "an unknown address"}</span> with a wrong password or an inactive account.
        </span>
      );
    case "sign_in_throttled":
      return (
        <span>
          <Chip className="mr-1.5 border-red-700 bg-red-50 text-red-900">Sign-in throttled</Chip>
          A sign-in as <span className="font-medium">{str(after.email) || "an unknown address"}</span>
          {str(after.address) && <> from {str(after.address)}</>} was refused after too many failures.
        </span>
      );
    case "refused":
      return (
        <span>
          <Chip className="mr-1.5 border-red-700 bg-red-50 text-red-900">Refused (403)</Chip>
          {a.actorName ?? "A user"} tried something {str(after.code) === "forbidden:admin" ? "only admins may do" : "their role does not allow"}
          {str(after.path) && <>: <code className="text-[13px]">{[str(after.method), str(after.path)].filter(Boolean).join(" ")}</code></>}.
        </span>
      );
    case "merged":
      return <span>Merged into <span className="font-medium">{str(after.intoName) || "another organisation"}</span> and archived.</span>;
    case "merged_from":
      return <span><span className="font-medium">{str(after.fromName) || "Another organisation"}</span> was merged into this one.</span>;
    case "password_link_issued":
      return <span>A set-password link was issued.</span>;
    case "password_set":
      return <span>The password was set with a one-time link.</span>;
    case "calendar_feed_created":
      return <span>Made a new calendar feed address.</span>;
    case "calendar_feed_revoked":
      return <span>Turned off a calendar feed address (it answers 404 from now on).</span>;
    case "created":
      return <span>Created.</span>;
    case "commented":
      return <span>Commented.</span>;
    default:
      return <span className="font-medium">{a.action.replace(/_/g, " ")}</span>;
  }
}

const refusalLabels: Record<string, string> = {
  unknown_domain: "the e-mail domain is no organisation's",
  deactivated: "the account is deactivated",
  unverified_email: "the provider did not confirm the e-mail address",
  no_email: "the provider did not share an e-mail address",
  password_sign_in_off: "password sign-in is turned off",
};

/** Who did it: sign-in attempts with an address no one has come from no user. */
const actorLabel = (a: Row) => a.actorName ?? (a.action.startsWith("sign_in_") ? "Not signed in" : "System");

export default async function ActivityAdminPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireAdmin();
  const raw = Object.fromEntries(Object.entries(await searchParams).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""));
  const parsed = safeParseInput(activityFilters, raw);
  const filters = parsed.success ? parsed.data : {};
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => i.message);
  const db = await getDb();
  // A stale or hand-edited page link starts again from the newest.
  const list = (f: typeof filters) => listActivity(db, viewer, { ...f, limit: 50 });
  const [page, people] = await Promise.all([list(filters).catch(() => list({ ...filters, cursor: undefined })), listUsers(db)]);
  const names = await entityNames(db, page.items);
  // ids stand in for names in before/after of reference fields.
  const idNames = await entityNames(db, page.items.flatMap((a) => [a.before, a.after].filter((v): v is string => typeof v === "string" && /^[0-9a-f-]{36}$/.test(v)).map((entityId) => ({ entityType: a.field === "organisationId" || a.field === "parentId" || a.field === "ownerOrganisationId" || a.field === "hostOrganisationId" ? "organisation" : "user", entityId }))));
  const value = (v: unknown) => (typeof v === "string" && idNames.has(v) ? (idNames.get(v) as string) : show(v));
  const { cursor: _cursor, ...kept } = raw;
  const older = page.nextCursor ? `/admin/activity?${new URLSearchParams({ ...kept, cursor: page.nextCursor })}` : null;

  return (
    <>
      <PageHeader title="Audit trail" description="Every change: who, when, what, from → to. Newest first." />
      <PageBody>
        <AdminNav current="/admin/activity" />
        <form method="get" className="mb-5 grid gap-3 sm:grid-cols-2 lg:grid-cols-[1fr_1fr_1fr_auto_auto_auto] lg:items-end" aria-label="Filter the audit trail">
          <div className="space-y-1">
            <label htmlFor="entityType" className="block text-sm font-semibold">Entity type</label>
            <select id="entityType" name="entityType" defaultValue={filters.entityType ?? ""} className={inputClass}>
              <option value="">All</option>
              {entityTypes.map((t) => <option key={t} value={t}>{typeLabels[t]}</option>)}
            </select>
          </div>
          <div className="space-y-1">
            <label htmlFor="actorId" className="block text-sm font-semibold">Who</label>
            <select id="actorId" name="actorId" defaultValue={filters.actorId ?? ""} className={inputClass}>
              <option value="">Anyone</option>
              {people.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
            </select>
          </div>
          <div className="space-y-1">
            <label htmlFor="entityId" className="block text-sm font-semibold">Entity id</label>
            <input id="entityId" name="entityId" defaultValue={filters.entityId ?? ""} className={inputClass} placeholder="uuid of one record" />
          </div>
          <div className="space-y-1">
            <label htmlFor="from" className="block text-sm font-semibold">From</label>
            <input id="from" name="from" type="date" defaultValue={filters.from ?? ""} className={inputClass} />
          </div>
          <div className="space-y-1">
            <label htmlFor="to" className="block text-sm font-semibold">To</label>
            <input id="to" name="to" type="date" defaultValue={filters.to ?? ""} className={inputClass} />
          </div>
          <div className="flex gap-2">
            <button type="submit" className={buttonClass("primary")}>Filter</button>
            <Link href="/admin/activity" className={buttonClass("secondary")}>Clear</Link>
          </div>
        </form>
        {problems.length > 0 && (
          <p role="alert" className="mb-4 rounded-md border-2 border-red-700 bg-white p-3 text-sm font-medium text-red-800">
            {problems.join(" ")} Showing everything instead.
          </p>
        )}
        {page.items.length === 0 ? (
          <p className="text-sm text-zinc-700">No changes match these filters.</p>
        ) : (
          <div className="overflow-x-auto rounded-md border border-zinc-200 bg-white">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Changes, newest first</caption>
              <thead className="border-b border-zinc-200 bg-zinc-50 text-zinc-700">
                <tr>
                  <th scope="col" className="px-3 py-2 font-semibold">When</th>
                  <th scope="col" className="px-3 py-2 font-semibold">Who</th>
                  <th scope="col" className="px-3 py-2 font-semibold">What</th>
                  <th scope="col" className="px-3 py-2 font-semibold">Change</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-200">
                {page.items.map((a) => {
                  const name = names.get(a.entityId) ?? a.entityId.slice(0, 8);
                  const href = recordHref[a.entityType]?.(a.entityId);
                  return (
                    <tr key={a.id} className="align-top">
                      <td className="whitespace-nowrap px-3 py-2 text-zinc-700">{formatDateTime(a.at)}</td>
                      <td className="px-3 py-2">{actorLabel(a)}</td>
                      <td className="px-3 py-2">
                        <span className="text-zinc-700">{typeLabels[a.entityType as keyof typeof typeLabels] ?? a.entityType}</span>{" "}
                        <Link className="underline" href={href ?? `/admin/activity?entityType=${a.entityType}&entityId=${a.entityId}`}>{name}</Link>
                      </td>
                      <td className="px-3 py-2">
                        {a.field ? (
                          <>
                            <span className="font-medium">{fieldLabel(a.field)}</span>: <span className="text-zinc-700">{value(a.before)}</span> → <span>{value(a.after)}</span>
                          </>
                        ) : (
                          <EventSentence a={a} />
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        <div className="mt-4 flex gap-2">
          {raw.cursor && <Link href={`/admin/activity?${new URLSearchParams(kept)}`} className={buttonClass("secondary")}>Newest</Link>}
          {older && <Link href={older} className={buttonClass("secondary")}>Older changes</Link>}
        </div>
      </PageBody>
    </>
  );
}
