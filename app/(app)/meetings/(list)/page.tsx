import { CalendarPlus, CircleAlert, Plus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { MeetingFilters, type MeetingFilterValues } from "@/components/meetings/meeting-filters";
import { MeetingListRow } from "@/components/meetings/meeting-list-row";
import { ButtonLink } from "@/components/ui/button";
import { PageBody, PageHeader } from "@/components/shell/page";
import type { Db } from "@/db/client";
import { getDb } from "@/db/connection";
import { listMeetings } from "@/db/queries/meetings";
import { listOrganisations } from "@/db/queries/organisations";
import { listMeetingSeries, listPriorityAreas } from "@/db/queries/reference";
import { AppError } from "@/lib/errors";
import type { Viewer } from "@/lib/policy";
import { requireViewer } from "@/server/session";
import { safeParseInput } from "@/lib/validation/common";
import { meetingFilters, type MeetingFilters as Filters } from "@/lib/validation/meetings";
import { localizedFieldErrors, localizeErrorText } from "@/lib/i18n/errors";
import type { Locale } from "@/lib/i18n/locale";
import { localName } from "@/lib/i18n/names";
import { localOptions, localOrganisations, pageLocale } from "../reference-options";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("meetings"))("title") };
}

type SearchParams = Record<string, string | string[] | undefined>;
const filterKeys = ["q", "seriesId", "year", "priorityAreaId", "organisationId", "cursor", "limit"] as const;

/** The first value of each known parameter; empty ones (an untouched select) are dropped. */
function readParams(sp: SearchParams) {
  const out: Partial<Record<(typeof filterKeys)[number], string>> = {};
  let hadEmpty = false;
  for (const key of filterKeys) {
    const raw = sp[key];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value === undefined) continue;
    if (value.trim() === "") hadEmpty = true;
    else out[key] = value;
  }
  return { params: out, hadEmpty };
}

const toQuery = (params: Record<string, string | number | undefined>) => {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== "") qs.set(k, String(v));
  const s = qs.toString();
  return s ? `/meetings?${s}` : "/meetings";
};

/**
 * The meetings for the link's filters. Invalid filters or a broken page link are the user's
 * input, not a crash: the first page of all meetings is shown with a sentence saying why.
 */
async function loadPage(db: Db, viewer: Viewer, params: Record<string, string>, locale: Locale) {
  const parsed = safeParseInput(meetingFilters, params);
  if (!parsed.success) {
    return { page: await listMeetings(db, viewer, {}), filters: {} as Filters, problem: Object.values(localizedFieldErrors(parsed.error, locale)).join(" ") };
  }
  try {
    return { page: await listMeetings(db, viewer, parsed.data), filters: parsed.data, problem: null };
  } catch (e) {
    if (!(e instanceof AppError) || e.type !== "bad_request") throw e;
    return { page: await listMeetings(db, viewer, {}), filters: {} as Filters, problem: Object.values(e.fields ?? {}).map((m) => localizeErrorText(m, locale)).join(" ") || localizeErrorText(e.message, locale) };
  }
}

export default async function MeetingsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const viewer = await requireViewer();
  const { params, hadEmpty } = readParams(await searchParams);
  // The filter form sends every field; keep the shared link short by dropping the empty ones.
  if (hadEmpty) redirect(toQuery(params));

  const db = await getDb();
  const locale = await pageLocale();
  const [{ page, filters, problem }, series, areas, organisations] = await Promise.all([
    loadPage(db, viewer, params, locale),
    listMeetingSeries(db),
    listPriorityAreas(db),
    listOrganisations(db),
  ]);

  const areaById = new Map(areas.map((a) => [a.id, a]));
  // Reference names in the reader's language; the title and place are user content.
  const seriesById = new Map(series.map((s) => [s.id, localName(s, locale)]));
  const orgs = localOrganisations(organisations, locale);
  const orgById = new Map(orgs.map((o) => [o.id, o]));
  const items = page.items.map((m) => ({
    ...m,
    seriesName: (m.seriesId && seriesById.get(m.seriesId)) ?? m.seriesName,
    hostName: (m.hostOrganisationId && orgById.get(m.hostOrganisationId)?.name) ?? m.hostName,
    hostAcronym: m.hostOrganisationId && orgById.has(m.hostOrganisationId) ? (orgById.get(m.hostOrganisationId)?.acronym ?? null) : m.hostAcronym,
    priorityAreas: m.priorityAreaIds
      .map((id) => areaById.get(id))
      .filter((a) => a !== undefined)
      .sort((a, b) => a.sortOrder - b.sortOrder)
      .map((a) => ({ id: a.id, name: localName(a, locale) })),
  }));

  const values: MeetingFilterValues = {
    q: filters.q,
    seriesId: filters.seriesId,
    year: filters.year,
    priorityAreaId: filters.priorityAreaId,
    organisationId: filters.organisationId,
  };
  const filtered = Object.values(values).some((v) => v !== undefined && v !== "");
  const thisYear = new Date().getUTCFullYear();
  const years = Array.from({ length: thisYear + 1 - 2000 + 1 }, (_, i) => thisYear + 1 - i);
  if (filters.year && !years.includes(filters.year)) years.push(filters.year);

  const t = await getTranslations("meetings");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")}>
        <ButtonLink href="/meetings/new">
          <Plus aria-hidden className="size-4" />
          {t("logMeeting")}
        </ButtonLink>
      </PageHeader>
      <PageBody>
        <div className="space-y-4">
          <MeetingFilters
            values={values}
            years={years}
            series={localOptions(series, locale)}
            priorityAreas={localOptions(areas, locale)}
            organisations={orgs}
          />
          {filters.seriesId && series.some((s) => s.id === filters.seriesId) && (
            <p className="text-sm">
              <Link href={`/series/${filters.seriesId}`}>
                {t("seriesLink", { series: seriesById.get(filters.seriesId) ?? "" })}
              </Link>
            </p>
          )}
          {problem && (
            <div role="alert" className="flex gap-2 rounded-md border border-amber-400 bg-amber-50 px-3 py-2 text-sm text-amber-950">
              <CircleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
              <p>{t("badFilters", { problem })}</p>
            </div>
          )}
          {items.length > 0 ? (
            <section aria-labelledby="meetings-list-title" className="overflow-hidden rounded-lg border border-zinc-200 bg-white">
              <h2 id="meetings-list-title" className="sr-only">
                {filtered ? t("matchingMeetings") : t("allMeetings")}
              </h2>
              <ul className="divide-y divide-zinc-200">
                {items.map((m) => (
                  <MeetingListRow key={m.id} meeting={m} />
                ))}
              </ul>
            </section>
          ) : filtered || filters.cursor ? (
            <div className="rounded-lg border border-dashed border-zinc-300 bg-white px-6 py-10 text-center">
              <h2 className="font-semibold">{t("noMatchTitle")}</h2>
              <p className="mt-1 text-sm text-zinc-600">{t("noMatchHint")}</p>
              <p className="mt-4">
                <Link href="/meetings" className="text-sm font-medium">
                  {t("showAll")}
                </Link>
              </p>
            </div>
          ) : (
            <div className="rounded-lg border border-dashed border-zinc-300 bg-white px-6 py-12 text-center">
              <CalendarPlus aria-hidden className="mx-auto size-8 text-zinc-400" />
              <h2 className="mt-3 font-semibold">{t("emptyTitle")}</h2>
              <p className="mx-auto mt-1 max-w-md text-sm text-zinc-600">{t("emptyText")}</p>
              <ButtonLink href="/meetings/new" className="mt-4">
                <Plus aria-hidden className="size-4" />
                {t("logMeeting")}
              </ButtonLink>
            </div>
          )}
          {(page.nextCursor || filters.cursor) && (
            <nav aria-label={t("pagesNav")} className="flex items-center justify-between gap-3 text-sm">
              {filters.cursor ? <Link href={toQuery({ ...values, limit: filters.limit })}>{t("firstPage")}</Link> : <span />}
              {page.nextCursor && (
                <Link href={toQuery({ ...values, limit: filters.limit, cursor: page.nextCursor })} className={"font-medium"}>
                  {t("nextPage")}
                </Link>
              )}
            </nav>
          )}
        </div>
      </PageBody>
    </>
  );
}
