import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { AdminNav } from "@/components/admin/admin-nav";
import { buttonClass } from "@/components/ui/button";
import { Chip } from "@/components/ui/chip";
import { inputClass } from "@/components/ui/field";
import { PageBody, PageHeader } from "@/components/shell/page";
import { entityNames, listActivity } from "@/db/queries/activity";
import { listUsers } from "@/db/queries/users";
import { listOrganisations } from "@/db/queries/organisations";
import { listMeetingSeries, listPriorityAreas } from "@/db/queries/reference";
import { RecordPicker, type RecordOption } from "@/components/ui/record-picker";
import { LocalTime } from "@/components/ui/local-time";
import { DateInput } from "@/components/ui/date-input";
import { type Formatter, formatLabels, priorityLabels, statusLabels } from "@/lib/format";
import { formatterFor } from "@/lib/i18n/format-server";
import { isLocale } from "@/lib/i18n/locale";
import { messagesOf } from "@/lib/i18n/translate";
import { localizeIssue } from "@/lib/i18n/validation";
import { adminPageContext } from "@/server/session";
import { safeParseInput } from "@/lib/validation/common";
import { activityFilters, entityTypes } from "@/lib/validation/activity";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin");
  return { title: t("titleSuffix", { section: t("activity.title") }) };
}

type T = Awaited<ReturnType<typeof getTranslations<"admin.activity">>>;
const recordHref: Partial<Record<string, (id: string) => string>> = { meeting: (id) => `/meetings/${id}`, follow_up: (id) => `/follow-ups/${id}` };

function show(value: unknown, t: T): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "string") return value || t("empty");
  if (Array.isArray(value)) return value.length ? value.map((v) => show(v, t)).join(", ") : t("none");
  const text = JSON.stringify(value);
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}

/** A field name as words: "ownerOrganisationId" → "owner organisation" (the catalogue's, else spelled out from the name). */
const fieldLabel = (field: string, t: T) => {
  const key = `fields.${field}` as "fields.title";
  return t.has(key) ? t(key) : field.replace(/Id$/, "").replace(/([A-Z])/g, " $1").toLowerCase();
};

type Row = { action: string; actorName: string | null; after: unknown };

type Change = { entityId: string; entityType: string; at: Date | string; field: string | null; before: unknown; after: unknown };

/**
 * A field change as a sentence where one reads better than "field: from → to", naming the record:
 * "Deactivated Jonas Weber.", "Moved Drugs below Corruption." (the neighbour is the area whose
 * position changed in the same reordering).
 */
function changeSentence(a: Change, name: string, siblings: readonly Change[], names: ReadonlyMap<string, string>, t: T): string | null {
  const { field, before, after } = a;
  if (field === "active" && typeof after === "boolean") return after ? t("reactivatedName", { name }) : t("deactivatedName", { name });
  if (field === "archived" && typeof after === "boolean") return after ? t("archivedName", { name }) : t("restoredName", { name });
  if (field === "sortOrder" && typeof before === "number" && typeof after === "number") {
    const down = after > before;
    const same = (b: Change) => b.entityType === a.entityType && b.field === "sortOrder" && new Date(b.at).getTime() === new Date(a.at).getTime() && b.entityId !== a.entityId;
    // Moved down: the one now just above it; moved up: the one now just below it.
    const neighbour = siblings.find((b) => same(b) && b.after === (down ? after - 1 : after + 1));
    const other = neighbour && names.get(neighbour.entityId);
    if (other) return t("movedNext", { name, place: down ? "below" : "above", other });
    return t("movedName", { name, direction: down ? "down" : "up", from: String(before), to: String(after) });
  }
  return null;
}
// Stored values as people read them: "open → in_progress" was the database talking.
const labelled = (field: string, v: unknown, t: T, f: Formatter): string | undefined => {
  if (typeof v !== "string") return undefined;
  if (field === "status" && v in statusLabels) return f.status(v as keyof typeof statusLabels);
  if (field === "priority" && v in priorityLabels) return f.priority(v as keyof typeof priorityLabels);
  if (field === "format" && v in formatLabels) return f.meetingFormat(v as keyof typeof formatLabels);
  if (field === "role" && (v === "staff" || v === "manager" || v === "admin")) return t("role", { role: v });
  if (field === "visibility" && (v === "internal" || v === "restricted")) return t("visibility", { visibility: v });
  return undefined;
};
const obj = (v: unknown): Record<string, unknown> => (v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const str = (v: unknown) => (typeof v === "string" ? v : "");

/** An event (not a field change) as a sentence; sign-ins and refusals marked so they stand out. */
function EventSentence({ a, t }: { a: Row; t: T }) {
  const after = obj(a.after);
  const b = (chunks: React.ReactNode) => <span className="font-medium">{chunks}</span>;
  const sso = str(after.method) === "sso" ? "yes" : "no";
  const email = str(after.email) || t("unknownAddress");
  switch (a.action) {
    case "signed_in":
      return <span><Chip className="mr-1.5 border-emerald-700/50 bg-emerald-50 text-emerald-900">{t("chipSignIn")}</Chip>{t("signedIn", { sso })}</span>;
    case "sign_in_refused": {
      const reason = str(after.reason);
      const reasonKey = `refusal.${reason}` as "refusal.deactivated";
      return (
        <span>
          <Chip className="mr-1.5 border-red-700 bg-red-50 text-red-900">{t("chipRefused")}</Chip>
          {t.rich("signInRefused", { sso, email, reason: reason && t.has(reasonKey) ? t(reasonKey) : reason, b })}
        </span>
      );
    }
    case "identity_linked":
      return <span>{t("identityLinked")}</span>;
    case "sign_in_failed":
      return (
        <span>
          <Chip className="mr-1.5 border-amber-700 bg-amber-50 text-amber-900">{t("chipFailed")}</Chip>
          {t.rich("signInFailed", { email, b })}
        </span>
      );
    case "sign_in_throttled":
      return (
        <span>
          <Chip className="mr-1.5 border-red-700 bg-red-50 text-red-900">{t("chipThrottled")}</Chip>
          {t.rich("signInThrottled", { email, address: str(after.address) || "none", b })}
        </span>
      );
    case "refused":
      return (
        <span>
          <Chip className="mr-1.5 border-red-700 bg-red-50 text-red-900">{t("chipForbidden")}</Chip>
          {t("refused", { actor: a.actorName ?? t("aUser"), admin: str(after.code) === "forbidden:admin" ? "yes" : "no" })}
          {str(after.path) && <>{t("colon")}<code className="text-[13px]">{[str(after.method), str(after.path)].filter(Boolean).join(" ")}</code></>}.
        </span>
      );
    case "merged":
      return <span>{t.rich("merged", { name: str(after.intoName) || t("anotherOrganisation"), b })}</span>;
    case "merged_from":
      return <span>{t.rich("mergedFrom", { name: str(after.fromName) || t("anotherOrganisationCap"), b })}</span>;
    case "password_link_issued":
      return <span>{t("passwordLinkIssued")}</span>;
    case "password_set":
      return <span>{t("passwordSet")}</span>;
    case "calendar_feed_created":
      return <span>{t("feedCreated")}</span>;
    case "calendar_feed_revoked":
      return <span>{t("feedRevoked")}</span>;
    case "created":
      return <span>{t("created")}</span>;
    case "commented":
      return <span>{t("commented")}</span>;
    case "updated":
      return <span className="font-medium">{t("updated")}</span>;
    case "retention_purge":
      return <span className="font-medium">{t("retentionPurge")}</span>;
    default:
      return <span className="font-medium">{a.action.replace(/_/g, " ")}</span>;
  }
}

/** Who did it: sign-in attempts with an address no one has come from no user. */
const actorLabel = (a: Row, t: T) => a.actorName ?? (a.action.startsWith("sign_in_") ? t("notSignedIn") : t("system"));

export default async function ActivityAdminPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { viewer, db } = await adminPageContext();
  const [t, rawLocale] = await Promise.all([getTranslations("admin.activity"), getLocale()]);
  const locale = isLocale(rawLocale) ? rawLocale : "en";
  const f = formatterFor(locale);
  const raw = Object.fromEntries(Object.entries(await searchParams).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""));
  const parsed = safeParseInput(activityFilters, raw);
  const filters = parsed.success ? parsed.data : {};
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => localizeIssue(i, locale, messagesOf(locale).validation));
  // A stale or hand-edited page link starts again from the newest.
  const list = (f: typeof filters) => listActivity(db, viewer, { ...f, limit: 50 });
  const [page, people, orgs, areas, series] = await Promise.all([list(filters).catch(() => list({ ...filters, cursor: undefined })), listUsers(db), listOrganisations(db), listPriorityAreas(db), listMeetingSeries(db)]);
  // The record filter picks by name: reference records here, meetings and follow-ups searched as one types.
  const typeLabel = (type: string) => t("type", { type });
  const records: RecordOption[] = [
    ...orgs.map((o) => ({ id: o.id, label: o.acronym && o.acronym !== o.name ? `${o.acronym} — ${o.name}` : o.name, type: "organisation", typeLabel: typeLabel("organisation") })),
    ...areas.map((a) => ({ id: a.id, label: a.name, type: "priority_area", typeLabel: typeLabel("priority_area") })),
    ...series.map((x) => ({ id: x.id, label: x.name, type: "meeting_series", typeLabel: typeLabel("meeting_series") })),
    ...people.map((u) => ({ id: u.id, label: u.name, type: "user", typeLabel: typeLabel("user") })),
  ];
  const chosenName = filters.entityId ? (await entityNames(db, entityTypes.map((entityType) => ({ entityType, entityId: filters.entityId as string })), viewer)).get(filters.entityId) : undefined;
  const chosenRecord: RecordOption | null = filters.entityId && chosenName ? (records.find((r) => r.id === filters.entityId) ?? { id: filters.entityId, label: chosenName, type: filters.entityType ?? "", typeLabel: "" }) : null;
  const names = await entityNames(db, page.items, viewer);
  // ids stand in for names in before/after of reference fields.
  const idNames = await entityNames(db, page.items.flatMap((a) => [a.before, a.after].filter((v): v is string => typeof v === "string" && /^[0-9a-f-]{36}$/.test(v)).map((entityId) => ({ entityType: a.field === "organisationId" || a.field === "parentId" || a.field === "ownerOrganisationId" || a.field === "hostOrganisationId" ? "organisation" : "user", entityId }))), viewer);
  const value = (v: unknown) => (typeof v === "string" && idNames.has(v) ? (idNames.get(v) as string) : show(v, t));
  const { cursor: _cursor, ...kept } = raw;
  const older = page.nextCursor ? `/admin/activity?${new URLSearchParams({ ...kept, cursor: page.nextCursor })}` : null;

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <PageBody>
        <AdminNav current="/admin/activity" />
        <form method="get" className="mb-5 grid gap-3 sm:grid-cols-2 lg:grid-cols-4 lg:items-end" aria-label={t("filterLabel")}>
          <div className="space-y-1">
            <label htmlFor="entityType" className="block text-sm font-semibold">{t("entityType")}</label>
            <select id="entityType" name="entityType" defaultValue={filters.entityType ?? ""} className={inputClass}>
              <option value="">{t("all")}</option>
              {entityTypes.map((e) => <option key={e} value={e}>{t("type", { type: e })}</option>)}
            </select>
          </div>
          <div className="space-y-1">
            <label htmlFor="kind" className="block text-sm font-semibold">{t("show")}</label>
            <select id="kind" name="kind" defaultValue={filters.kind ?? ""} className={inputClass}>
              <option value="">{t("kindAll")}</option>
              <option value="changes">{t("kindChanges")}</option>
              <option value="sign_ins">{t("kindSignIns")}</option>
            </select>
          </div>
          <div className="space-y-1">
            <label htmlFor="actorId" className="block text-sm font-semibold">{t("who")}</label>
            <select id="actorId" name="actorId" defaultValue={filters.actorId ?? ""} className={inputClass}>
              <option value="">{t("anyone")}</option>
              {people.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
            </select>
          </div>
          <div className="space-y-1">
            <label htmlFor="entityId" className="block text-sm font-semibold">{t("entityId")}</label>
            <RecordPicker id="entityId" name="entityId" typeField="entityType" label={t("records")} options={records} defaultValue={chosenRecord} />
          </div>
          <div className="space-y-1">
            <label htmlFor="from" className="block text-sm font-semibold">{t("from")}</label>
            <DateInput id="from" name="from" defaultValue={filters.from ?? ""} className={inputClass} />
          </div>
          <div className="space-y-1">
            <label htmlFor="to" className="block text-sm font-semibold">{t("to")}</label>
            <DateInput id="to" name="to" defaultValue={filters.to ?? ""} className={inputClass} />
          </div>
          <div className="flex gap-2">
            <button type="submit" className={buttonClass("primary")}>{t("filter")}</button>
            <Link href="/admin/activity" className={buttonClass("secondary")}>{t("clear")}</Link>
          </div>
        </form>
        {problems.length > 0 && (
          <p role="alert" className="mb-4 rounded-md border-2 border-red-700 bg-white p-3 text-sm font-medium text-red-800">
            {problems.join(" ")} {t("showingEverything")}
          </p>
        )}
        {page.items.length === 0 ? (
          <p className="text-sm text-zinc-700">{t("noMatch")}</p>
        ) : (
          <div className="overflow-x-auto rounded-md border border-zinc-200 bg-white">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">{t("caption")}</caption>
              <thead className="border-b border-zinc-200 bg-zinc-50 text-zinc-700">
                <tr>
                  <th scope="col" className="px-3 py-2 font-semibold">{t("when")}</th>
                  <th scope="col" className="px-3 py-2 font-semibold">{t("who")}</th>
                  <th scope="col" className="px-3 py-2 font-semibold">{t("what")}</th>
                  <th scope="col" className="px-3 py-2 font-semibold">{t("change")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-200">
                {page.items.map((a) => {
                  const name = names.get(a.entityId) ?? a.entityId.slice(0, 8);
                  const href = recordHref[a.entityType]?.(a.entityId);
                  return (
                    <tr key={a.id} className="align-top">
                      <td className="whitespace-nowrap px-3 py-2 text-zinc-700"><LocalTime at={a.at} /></td>
                      <td className="px-3 py-2">{actorLabel(a, t)}</td>
                      <td className="px-3 py-2">
                        <span className="text-zinc-700">{t("type", { type: a.entityType })}</span>{" "}
                        <Link className="underline" href={href ?? `/admin/activity?entityType=${a.entityType}&entityId=${a.entityId}`}>{name}</Link>
                      </td>
                      <td className="px-3 py-2">
                        {a.field && changeSentence(a, name, page.items, names, t) ? (
                          <span className="font-medium">{changeSentence(a, name, page.items, names, t)}</span>
                        ) : a.field ? (
                          <>
                            <span className="font-medium">{fieldLabel(a.field, t)}</span>{t("colon")}<span className="text-zinc-700">{labelled(a.field, a.before, t, f) ?? value(a.before)}</span> → <span>{labelled(a.field, a.after, t, f) ?? value(a.after)}</span>
                          </>
                        ) : (
                          <EventSentence a={a} t={t} />
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
          {raw.cursor && <Link href={`/admin/activity?${new URLSearchParams(kept)}`} className={buttonClass("secondary")}>{t("newest")}</Link>}
          {older && <Link href={older} className={buttonClass("secondary")}>{t("older")}</Link>}
        </div>
      </PageBody>
    </>
  );
}
