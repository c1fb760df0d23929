import { CalendarPlus, FileText, Lock, Pencil, Users } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { cache } from "react";
import { SincePrevious } from "@/components/continuity/since-previous";
import { MarkdownText } from "@/components/meetings/markdown";
import { MeetingFollowUpRow } from "@/components/meetings/meeting-follow-up-row";
import { seriesText } from "@/components/meetings/meeting-list-row";
import { organisationTree } from "@/components/meetings/organisation-tree";
import { QuickAddFollowUp } from "@/components/meetings/quick-add-follow-up";
import { SummaryBar } from "@/components/meetings/summary-bar";
import { ButtonLink, buttonClass } from "@/components/ui/button";
import { Chip, OrgName } from "@/components/ui/chip";
import { PageBody, PageHeader } from "@/components/shell/page";
import { getDb } from "@/db/connection";
import { sinceThePreviousMeeting } from "@/db/queries/continuity";
import { isClosed, listMeetingFollowUps } from "@/db/queries/follow-ups";
import { getMeeting } from "@/db/queries/meetings";
import { listOrganisations } from "@/db/queries/organisations";
import { listPriorityAreas } from "@/db/queries/reference";
import { listActivePeople } from "@/db/queries/users";
import { formatDate, formatLabels } from "@/lib/format";
import { can } from "@/lib/policy";
import { loadForPage } from "@/lib/session";

type Props = { params: Promise<{ meetingId: string }> };

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
  // Only the viewer's organisation's people: the quick-add row loads everyone else after the page
  // (thousands of <option>s would weigh more than the follow-ups).
  const [followUps, organisations, areas, people, since] = await Promise.all([
    listMeetingFollowUps(db, meeting.id),
    listOrganisations(db),
    listPriorityAreas(db),
    listActivePeople(db, { organisationId: viewer.organisationId }),
    sinceThePreviousMeeting(db, viewer, meeting.id),
  ]);

  // Due date order from the query, with what is finished (done, cancelled) at the end.
  const rows = [...followUps].sort((a, b) => Number(isClosed(a.status)) - Number(isClosed(b.status)));
  const participantIds = new Set(meeting.participantOrganisationIds);
  const participants = organisationTree(
    organisations.filter((o) => participantIds.has(o.id)),
    meeting.participantOrganisationIds,
    (o) => o.acronym ?? o.name, // the chips show acronyms, so they are ordered by them
  ).map((t) => t.organisation);
  const meetingAreaIds = new Set(meeting.priorityAreaIds);
  const meetingAreas = areas.filter((a) => meetingAreaIds.has(a.id));
  const series = seriesText(meeting.seriesName, meeting.seriesNumber);
  const canEdit = can(viewer, "meeting:edit", { meeting });
  const area = (a: (typeof areas)[number]) => ({ id: a.id, name: a.name });

  return (
    <>
      <PageHeader
        title={meeting.title}
        description={
          <span className="flex flex-wrap items-center gap-x-2">
            <time dateTime={meeting.heldOn}>{formatDate(meeting.heldOn)}</time>
            {[formatLabels[meeting.format], meeting.location || null, series].filter(Boolean).map((part, i) => (
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
                  Restricted
                </span>
              </span>
            )}
          </span>
        }
      >
        <ButtonLink href={`/meetings/${meeting.id}/briefing`} variant="secondary">
          <FileText aria-hidden className="size-4" />
          Briefing
        </ButtonLink>
        <a href={`/api/v1/meetings/${meeting.id}.ics`} download className={buttonClass("secondary")}>
          <CalendarPlus aria-hidden className="size-4" />
          Add to calendar (.ics)
        </a>
        {canEdit && (
          <ButtonLink href={`/meetings/${meeting.id}/edit`} variant="secondary">
            <Pencil aria-hidden className="size-4" />
            Edit meeting
          </ButtonLink>
        )}
      </PageHeader>
      <PageBody>
        <p className="mb-4 text-sm">
          <Link href="/meetings">← All meetings</Link>
        </p>
        <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem] lg:items-start">
          <div className="min-w-0 space-y-6">
            <section aria-labelledby="follow-ups-title" className="overflow-hidden rounded-lg border border-zinc-200 bg-white">
              <div className="space-y-3 border-b border-zinc-200 px-4 py-4">
                <h2 id="follow-ups-title" className="text-base font-semibold">
                  Follow-ups
                </h2>
                <SummaryBar followUps={followUps} />
              </div>
              {followUps.length > 0 && (
                <ul className="divide-y divide-zinc-200 border-b border-zinc-200">
                  {rows.map((f) => (
                    <MeetingFollowUpRow key={f.id} followUp={f} />
                  ))}
                </ul>
              )}
              <QuickAddFollowUp
                meetingId={meeting.id}
                meetingAreas={meetingAreas.filter((a) => !a.archived).map(area)}
                otherAreas={areas.filter((a) => !a.archived && !meetingAreaIds.has(a.id)).map(area)}
                organisations={organisations.map((o) => ({ id: o.id, name: o.name, acronym: o.acronym, parentId: o.parentId, archived: o.archived }))}
                defaultOrganisationId={viewer.organisationId}
                people={people}
              />
            </section>
            {since.groups.length > 0 && <SincePrevious groups={since.groups} heldOn={meeting.heldOn} />}
            <section aria-labelledby="summary-title" className="rounded-lg border border-zinc-200 bg-white px-4 py-4">
              <h2 id="summary-title" className="mb-2 text-base font-semibold">
                Summary
              </h2>
              {meeting.summary.trim() ? <MarkdownText>{meeting.summary}</MarkdownText> : <p className="text-sm text-zinc-600">No summary written yet.</p>}
            </section>
          </div>
          <section aria-labelledby="details-title" className="rounded-lg border border-zinc-200 bg-white px-4 py-4 text-sm">
            <h2 id="details-title" className="mb-3 text-base font-semibold">
              Details
            </h2>
            <dl className="space-y-3">
              <Detail term="Date">
                <time dateTime={meeting.heldOn}>{formatDate(meeting.heldOn)}</time>
              </Detail>
              <Detail term="Format">{formatLabels[meeting.format]}</Detail>
              <Detail term="Location">{meeting.location || <span className="text-zinc-500">Not recorded</span>}</Detail>
              <Detail term="Series">
                {series && meeting.seriesId ? <Link href={`/series/${meeting.seriesId}`}>{series}</Link> : <span className="text-zinc-500">Not part of a series</span>}
              </Detail>
              <Detail term="Host">
                {meeting.hostName ? (
                  <Chip>
                    <OrgName acronym={meeting.hostAcronym} name={meeting.hostName} />
                  </Chip>
                ) : (
                  <span className="text-zinc-500">Not recorded</span>
                )}
              </Detail>
              <Detail term="Co-chairs">
                {meeting.coChairs.length ? (
                  <ul className="space-y-1">
                    {meeting.coChairs.map((c, i) => (
                      <li key={i}>{c}</li>
                    ))}
                  </ul>
                ) : (
                  <span className="text-zinc-500">Not recorded</span>
                )}
              </Detail>
              <Detail term="Visibility">
                {meeting.visibility === "restricted" ? (
                  <span className="inline-flex items-center gap-1">
                    <Lock aria-hidden className="size-3.5" />
                    Restricted — participating organisations only
                  </span>
                ) : (
                  <span className="inline-flex items-center gap-1">
                    <Users aria-hidden className="size-3.5" />
                    Internal — every signed-in user
                  </span>
                )}
              </Detail>
              <Detail term={`Participating organisations (${participants.length})`}>
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
                  <span className="text-zinc-500">None recorded</span>
                )}
              </Detail>
              <Detail term="Priority areas">
                {meetingAreas.length ? (
                  <ul className="flex flex-wrap gap-1">
                    {meetingAreas.map((a) => (
                      <li key={a.id}>
                        <Chip title={a.description || undefined}>{a.name}</Chip>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <span className="text-zinc-500">None recorded</span>
                )}
              </Detail>
            </dl>
          </section>
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
