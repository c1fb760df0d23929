import { CalendarPlus, CircleAlert, Plus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
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
import { requireViewer } from "@/lib/session";
import { fieldErrors, safeParseInput } from "@/lib/validation/common";
import { meetingFilters, type MeetingFilters as Filters } from "@/lib/validation/meetings";

export const metadata: Metadata = { title: "Meetings" };

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
async function loadPage(db: Db, viewer: Viewer, params: Record<string, string>) {
  const parsed = safeParseInput(meetingFilters, params);
  if (!parsed.success) {
    return { page: await listMeetings(db, viewer, {}), filters: {} as Filters, problem: Object.values(fieldErrors(parsed.error)).join(" ") };
  }
  try {
    return { page: await listMeetings(db, viewer, parsed.data), filters: parsed.data, problem: null };
  } catch (e) {
    if (!(e instanceof AppError) || e.type !== "bad_request") throw e;
    return { page: await listMeetings(db, viewer, {}), filters: {} as Filters, problem: Object.values(e.fields ?? {}).join(" ") || e.message };
  }
}

export default async function MeetingsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const viewer = await requireViewer();
  const { params, hadEmpty } = readParams(await searchParams);
  // The filter form sends every field; keep the shared link short by dropping the empty ones.
  if (hadEmpty) redirect(toQuery(params));

  const db = await getDb();
  const [{ page, filters, problem }, series, areas, organisations] = await Promise.all([
    loadPage(db, viewer, params),
    listMeetingSeries(db),
    listPriorityAreas(db),
    listOrganisations(db),
  ]);

  const areaById = new Map(areas.map((a) => [a.id, a]));
  const items = page.items.map((m) => ({
    ...m,
    priorityAreas: m.priorityAreaIds
      .map((id) => areaById.get(id))
      .filter((a) => a !== undefined)
      .sort((a, b) => a.sortOrder - b.sortOrder)
      .map((a) => ({ id: a.id, name: a.name })),
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

  return (
    <>
      <PageHeader title="Meetings" description="EU–UNODC meetings, newest first.">
        <ButtonLink href="/meetings/new">
          <Plus aria-hidden className="size-4" />
          Log a meeting
        </ButtonLink>
      </PageHeader>
      <PageBody>
        <div className="space-y-4">
          <MeetingFilters
            values={values}
            years={years}
            series={series.map((s) => ({ id: s.id, name: s.name, archived: s.archived }))}
            priorityAreas={areas.map((a) => ({ id: a.id, name: a.name, archived: a.archived }))}
            organisations={organisations.map((o) => ({ id: o.id, name: o.name, acronym: o.acronym, parentId: o.parentId, archived: o.archived }))}
          />
          {filters.seriesId && series.some((s) => s.id === filters.seriesId) && (
            <p className="text-sm">
              <Link href={`/series/${filters.seriesId}`}>
                {series.find((s) => s.id === filters.seriesId)?.name}: commitments made and closed, meeting by meeting →
              </Link>
            </p>
          )}
          {problem && (
            <div role="alert" className="flex gap-2 rounded-md border border-amber-400 bg-amber-50 px-3 py-2 text-sm text-amber-950">
              <CircleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
              <p>
                This link’s filters could not be used ({problem}), so all meetings are shown.
              </p>
            </div>
          )}
          {items.length > 0 ? (
            <section aria-labelledby="meetings-list-title" className="overflow-hidden rounded-lg border border-zinc-200 bg-white">
              <h2 id="meetings-list-title" className="sr-only">
                {filtered ? "Matching meetings" : "All meetings"}
              </h2>
              <ul className="divide-y divide-zinc-200">
                {items.map((m) => (
                  <MeetingListRow key={m.id} meeting={m} />
                ))}
              </ul>
            </section>
          ) : filtered || filters.cursor ? (
            <div className="rounded-lg border border-dashed border-zinc-300 bg-white px-6 py-10 text-center">
              <h2 className="font-semibold">No meetings match these filters</h2>
              <p className="mt-1 text-sm text-zinc-600">Try fewer filters, or a different search.</p>
              <p className="mt-4">
                <Link href="/meetings" className="text-sm font-medium">
                  Show all meetings
                </Link>
              </p>
            </div>
          ) : (
            <div className="rounded-lg border border-dashed border-zinc-300 bg-white px-6 py-12 text-center">
              <CalendarPlus aria-hidden className="mx-auto size-8 text-zinc-400" />
              <h2 className="mt-3 font-semibold">No meetings yet</h2>
              <p className="mx-auto mt-1 max-w-md text-sm text-zinc-600">
                Log the meetings where EU and UNODC agree things — Senior Officials Meetings, regional dialogues, launches — so the
                follow-ups agreed there are not lost by the next one.
              </p>
              <ButtonLink href="/meetings/new" className="mt-4">
                <Plus aria-hidden className="size-4" />
                Log a meeting
              </ButtonLink>
            </div>
          )}
          {(page.nextCursor || filters.cursor) && (
            <nav aria-label="Pages of meetings" className="flex items-center justify-between gap-3 text-sm">
              {filters.cursor ? <Link href={toQuery({ ...values, limit: filters.limit })}>First page</Link> : <span />}
              {page.nextCursor && (
                <Link href={toQuery({ ...values, limit: filters.limit, cursor: page.nextCursor })} className={"font-medium"}>
                  Next page →
                </Link>
              )}
            </nav>
          )}
        </div>
      </PageBody>
    </>
  );
}
