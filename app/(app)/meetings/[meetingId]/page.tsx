import { CalendarPlus, FileText, Lock, Pencil, Users, Upload } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { cache } from "react";
import { AttachmentsPanel } from "@/components/attachments/attachments-panel";
import { SincePrevious } from "@/components/continuity/since-previous";
import { AgendaEditor } from "@/components/meetings/agenda-editor";
import { MinutesDownloads } from "@/components/meetings/minutes-downloads";
import { MarkdownText } from "@/components/meetings/markdown";
import { MeetingFollowUpList } from "@/components/meetings/meeting-follow-up-list";
import type { MeetingFollowUpItem } from "@/components/meetings/meeting-follow-up-row";
import { seriesText } from "@/components/meetings/meeting-list-row";
import { organisationTree } from "@/lib/organisations/tree";
import { QuickAddFollowUp } from "@/components/meetings/quick-add-follow-up";
import { SummaryBar } from "@/components/meetings/summary-bar";
import { ButtonLink, buttonClass } from "@/components/ui/button";
import { Chip, OrgName } from "@/components/ui/chip";
import { WatchPanel } from "@/components/notifications/watch-panel";
import { PageBody, PageHeader } from "@/components/shell/page";
import { getDb } from "@/db/connection";
import { carryOverOffer, listAgendaItems } from "@/db/queries/agenda-items";
import { attachmentItemsForPage } from "@/db/queries/attachments";
import { sinceThePreviousMeeting } from "@/db/queries/continuity";
import { maxAttachmentBytes } from "@/server/attachments/storage";
import { listMeetingFollowUps } from "@/db/queries/follow-ups";
import { isClosed } from "@/lib/follow-ups/status";
import { getMeeting } from "@/db/queries/meetings";
import { listOrganisations } from "@/db/queries/organisations";
import { listMeetingSeries, listPriorityAreas } from "@/db/queries/reference";
import { listActivePeople } from "@/db/queries/users";
import { todayIso } from "@/lib/format";
import { formatterFor } from "@/lib/i18n/format-server";
import { localName } from "@/lib/i18n/names";
import { localOrganisations, pageLocale } from "../reference-options";
import { can } from "@/lib/policy";
import { loadForPage } from "@/server/session";

type Props = { params: Promise<{ meetingId: string }> };

/** What a row shows, and nothing else: the list is a client component, so its rows travel as data. */
const listItem = (f: MeetingFollowUpItem): MeetingFollowUpItem => ({
  id: f.id,
  title: f.title,
  status: f.status,
  priorityAreaName: f.priorityAreaName,
  ownerOrganisationAcronym: f.ownerOrganisationAcronym,
  ownerOrganisationName: f.ownerOrganisationName,
  ownerUserName: f.ownerUserName,
  dueOn: f.dueOn,
  overdue: f.overdue,
});

const loadMeeting = cache(async (meetingId: string) => {
  const { record: meeting, viewer } = await loadForPage(meetingId, getMeeting);
  return { viewer, meeting };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { meeting } = await loadMeeting((await params).meetingId);
  return { title: meeting.title };
}

export default async function MeetingPage({ params }: Props) {
  const { viewer, meeting } = await loadMeeting((await params).meetingId);
  const db = await getDb();
  const locale = await pageLocale();
  const [t, f] = [await getTranslations("meetings"), formatterFor(locale)];
  // Only the viewer's organisation's people: the quick-add row loads everyone else after the page
  // (thousands of <option>s would weigh more than the follow-ups).
  const canEdit = can(viewer, "meeting:edit", { meeting });
  const [followUps, organisations, areas, people, since, agenda, carryOver, documents, allSeries] = await Promise.all([
    listMeetingFollowUps(db, viewer, meeting.id),
    listOrganisations(db),
    listPriorityAreas(db),
    listActivePeople(db, { organisationId: viewer.organisationId }),
    sinceThePreviousMeeting(db, viewer, meeting.id),
    listAgendaItems(db, viewer, meeting.id),
    canEdit ? carryOverOffer(db, viewer, meeting) : Promise.resolve(null),
    attachmentItemsForPage(db, viewer, { type: "meeting", id: meeting.id }),
    listMeetingSeries(db),
  ]);

  const participantIds = new Set(meeting.participantOrganisationIds);
  // Reference names in the reader's language; the title, place, co-chairs and summary are user content.
  const orgs = localOrganisations(organisations, locale);
  const host = orgs.find((o) => o.id === meeting.hostOrganisationId);
  // Reference names in the reader's language, in the follow-ups' rows too.
  const areaNames = new Map(areas.map((a) => [a.id, localName(a, locale)]));
  const orgsById = new Map(orgs.map((o) => [o.id, o]));
  const local = <T extends { priorityAreaId: string; priorityAreaName: string; ownerOrganisationId: string; ownerOrganisationName: string; ownerOrganisationAcronym: string | null }>(x: T): T => {
    const owner = orgsById.get(x.ownerOrganisationId);
    return { ...x, priorityAreaName: areaNames.get(x.priorityAreaId) ?? x.priorityAreaName, ownerOrganisationName: owner?.name ?? x.ownerOrganisationName, ownerOrganisationAcronym: owner ? owner.acronym : x.ownerOrganisationAcronym };
  };
  const sinceGroups = since.groups.map((g) => ({ ...g, items: g.items.map(local) }));
  // Due date order from the query, with what is finished (done, cancelled) at the end.
  const rows = [...followUps].map(local).sort((a, b) => Number(isClosed(a.status)) - Number(isClosed(b.status)));
  const participants = organisationTree(
    orgs.filter((o) => participantIds.has(o.id)),
    meeting.participantOrganisationIds,
    (o) => o.acronym ?? o.name, // the chips show acronyms, so they are ordered by them
  ).map((t) => t.organisation);
  const meetingAreaIds = new Set(meeting.priorityAreaIds);
  const meetingAreas = areas.filter((a) => meetingAreaIds.has(a.id));
  const seriesRow = allSeries.find((s) => s.id === meeting.seriesId);
  const series = seriesText(seriesRow ? localName(seriesRow, locale) : meeting.seriesName, meeting.seriesNumber, (v) => t("seriesNumbered", v));
  const area = (a: (typeof areas)[number]) => ({ id: a.id, name: localName(a, locale) });

  return (
    <>
      <PageHeader
        title={meeting.title}
        description={
          <span className="flex flex-wrap items-center gap-x-2">
            <time dateTime={meeting.heldOn}>{f.date(meeting.heldOn)}</time>
            {[f.meetingFormat(meeting.format), meeting.location || null, series].filter(Boolean).map((part, i) => (
              <span key={i} className="inline-flex items-center gap-2">
                <span aria-hidden className="text-zinc-400">·</span>
                {part}
              </span>
            ))}
            {meeting.visibility === "restricted" && (
              <span className="inline-flex items-center gap-2">
                <span aria-hidden className="text-zinc-400">·</span>
                <span className="inline-flex items-center gap-1 font-medium text-zinc-800">
                  <Lock aria-hidden className="size-3.5" />
                  {t("restricted")}
                </span>
              </span>
            )}
          </span>
        }
      >
        <ButtonLink href={`/meetings/${meeting.id}/briefing`} variant="secondary">
          <FileText aria-hidden className="size-4" />
          {t("briefing")}
        </ButtonLink>
        <a href={`/api/v1/meetings/${meeting.id}.ics`} download className={buttonClass("secondary")}>
          <CalendarPlus aria-hidden className="size-4" />
          {t("addToCalendar")}
        </a>
        <ButtonLink href={`/follow-ups/import?meetingId=${meeting.id}`} variant="secondary">
          <Upload aria-hidden className="size-4" />
          {t("importFollowUps")}
        </ButtonLink>
        {canEdit && (
          <ButtonLink href={`/meetings/${meeting.id}/edit`} variant="secondary">
            <Pencil aria-hidden className="size-4" />
            {t("editMeeting")}
          </ButtonLink>
        )}
      </PageHeader>
      <PageBody>
        <p className="mb-4 text-sm">
          <Link href="/meetings">{t("backToAll")}</Link>
        </p>
        <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem] lg:items-start">
          <div className="min-w-0 space-y-6">
            <AgendaEditor
              meetingId={meeting.id}
              version={meeting.version}
              canEdit={canEdit}
              items={agenda}
              areas={areas.filter((a) => !a.archived).map(area)}
              organisations={orgs}
              followUps={followUps.map((f) => ({ id: f.id, title: f.title }))}
              defaultOrganisationId={viewer.organisationId}
              carryOver={carryOver}
            />
            <section aria-labelledby="follow-ups-title" className="overflow-hidden rounded-lg border border-zinc-200 bg-white">
              <div className="space-y-3 border-b border-zinc-200 px-4 py-4">
                <h2 id="follow-ups-title" className="text-base font-semibold">
                  {t("followUpsTitle")}
                </h2>
                <SummaryBar followUps={followUps} />
              </div>
              {/* Above the list, where people reach for it: under 40 rows it was 41 Tabs and five phone screens down. */}
              <QuickAddFollowUp
                meetingId={meeting.id}
                meetingAreas={meetingAreas.filter((a) => !a.archived).map(area)}
                otherAreas={areas.filter((a) => !a.archived && !meetingAreaIds.has(a.id)).map(area)}
                organisations={orgs}
                defaultOrganisationId={viewer.organisationId}
                people={people}
              />
              {followUps.length > 0 && <MeetingFollowUpList rows={rows.map(listItem)} today={todayIso()} />}
            </section>
            {sinceGroups.length > 0 && <SincePrevious groups={sinceGroups} heldOn={meeting.heldOn} />}
            {/* Anyone who can see a meeting may add its documents (the agenda, the concept note, the minutes). */}
            <div className="rounded-lg border border-zinc-200 bg-white px-4 py-4">
              <AttachmentsPanel
                target={{ type: "meeting", id: meeting.id }}
                initial={documents}
                canAdd
                maxMb={Math.floor(maxAttachmentBytes() / 1024 / 1024)}
              />
            </div>
            <section aria-labelledby="summary-title" className="rounded-lg border border-zinc-200 bg-white px-4 py-4">
              <h2 id="summary-title" className="mb-2 text-base font-semibold">
                {t("summaryTitle")}
              </h2>
              {meeting.summary.trim() ? <MarkdownText>{meeting.summary}</MarkdownText> : <p className="text-sm text-zinc-600">{t("noSummary")}</p>}
            </section>
          </div>
          <div className="space-y-6">
          <section aria-labelledby="details-title" className="rounded-lg border border-zinc-200 bg-white px-4 py-4 text-sm">
            <h2 id="details-title" className="mb-3 text-base font-semibold">
              {t("detailsTitle")}
            </h2>
            <dl className="space-y-3">
              <Detail term={t("detailDate")}>
                <time dateTime={meeting.heldOn}>{f.date(meeting.heldOn)}</time>
              </Detail>
              <Detail term={t("detailFormat")}>{f.meetingFormat(meeting.format)}</Detail>
              <Detail term={t("detailLocation")}>{meeting.location || <span className="text-zinc-500">{t("notRecorded")}</span>}</Detail>
              <Detail term={t("detailSeries")}>
                {series && meeting.seriesId ? <Link href={`/series/${meeting.seriesId}`}>{series}</Link> : <span className="text-zinc-500">{t("notInSeries")}</span>}
              </Detail>
              <Detail term={t("detailHost")}>
                {meeting.hostName ? (
                  <Chip>
                    <OrgName acronym={host ? host.acronym : meeting.hostAcronym} name={host?.name ?? meeting.hostName} />
                  </Chip>
                ) : (
                  <span className="text-zinc-500">{t("notRecorded")}</span>
                )}
              </Detail>
              <Detail term={t("detailCoChairs")}>
                {meeting.coChairs.length ? (
                  <ul className="space-y-1">
                    {meeting.coChairs.map((c, i) => (
                      <li key={i}>{c}</li>
                    ))}
                  </ul>
                ) : (
                  <span className="text-zinc-500">{t("notRecorded")}</span>
                )}
              </Detail>
              <Detail term={t("detailVisibility")}>
                {meeting.visibility === "restricted" ? (
                  <span className="inline-flex items-center gap-1">
                    <Lock aria-hidden className="size-3.5" />
                    {t("visibilityRestricted")}
                  </span>
                ) : (
                  <span className="inline-flex items-center gap-1">
                    <Users aria-hidden className="size-3.5" />
                    {t("visibilityInternal")}
                  </span>
                )}
              </Detail>
              <Detail term={t("detailParticipants", { count: participants.length })}>
                {participants.length ? (
                  <ul className="flex flex-wrap gap-1">
                    {participants.map((o) => (
                      <li key={o.id}>
                        <Chip>
                          <OrgName acronym={o.acronym} name={o.name} />
                        </Chip>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <span className="text-zinc-500">{t("noneRecorded")}</span>
                )}
              </Detail>
              <Detail term={t("priorityAreas")}>
                {meetingAreas.length ? (
                  <ul className="flex flex-wrap gap-1">
                    {meetingAreas.map((a) => (
                      <li key={a.id}>
                        <Chip title={a.description || undefined}>{localName(a, locale)}</Chip>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <span className="text-zinc-500">{t("noneRecorded")}</span>
                )}
              </Detail>
            </dl>
          </section>
          <MinutesDownloads meetingId={meeting.id} />
          <WatchPanel kind="meetings" id={meeting.id} />
          </div>
        </div>
      </PageBody>
    </>
  );
}

function Detail({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-semibold text-zinc-600">{term}</dt>
      <dd className="mt-0.5 text-zinc-900">{children}</dd>
    </div>
  );
}
