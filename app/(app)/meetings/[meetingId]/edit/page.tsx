import { Lock } from "lucide-react";
import type { Metadata } from "next";
import { cache } from "react";
import { MeetingForm } from "@/components/meetings/meeting-form";
import { ButtonLink } from "@/components/ui/button";
import { PageBody, PageHeader } from "@/components/shell/page";
import { getDb } from "@/db/connection";
import { getMeeting, listReviewableMeetings } from "@/db/queries/meetings";
import { listOrganisations } from "@/db/queries/organisations";
import { listMeetingSeries, listPriorityAreas } from "@/db/queries/reference";
import { can } from "@/lib/policy";
import { loadForPage } from "@/lib/session";

type Props = { params: Promise<{ meetingId: string }> };

const loadMeeting = cache(async (meetingId: string) => {
  const { record: meeting, viewer } = await loadForPage(meetingId, getMeeting);
  return { viewer, meeting };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { meeting } = await loadMeeting((await params).meetingId);
  return { title: `Edit ${meeting.title}` };
}

export default async function EditMeetingPage({ params }: Props) {
  const { viewer, meeting } = await loadMeeting((await params).meetingId);
  const meetingHref = `/meetings/${meeting.id}`;

  if (!can(viewer, "meeting:edit", { meeting })) {
    return (
      <>
        <PageHeader title="You cannot edit this meeting" description={meeting.title} />
        <PageBody>
          <div className="max-w-xl rounded-lg border border-zinc-200 bg-white p-5">
            <div className="flex gap-3">
              <Lock aria-hidden className="mt-0.5 size-5 shrink-0 text-zinc-500" />
              <div className="space-y-2 text-[15px]">
                <p>
                  Only the person who logged a meeting, a manager of the organisation that hosted it, or an admin can change its
                  details.
                </p>
                <p className="text-zinc-700">You can still add follow-ups to it from the meeting page.</p>
                <ButtonLink href={meetingHref} variant="secondary" className="mt-2">
                  Back to the meeting
                </ButtonLink>
              </div>
            </div>
          </div>
        </PageBody>
      </>
    );
  }

  const db = await getDb();
  const [series, organisations, areas, reviewable] = await Promise.all([listMeetingSeries(db), listOrganisations(db), listPriorityAreas(db), listReviewableMeetings(db, viewer)]);
  return (
    <>
      <PageHeader title="Edit meeting" description={meeting.title} />
      <PageBody>
        <MeetingForm
          mode="edit"
          meetingId={meeting.id}
          version={meeting.version}
          cancelHref={meetingHref}
          defaults={{
            title: meeting.title,
            seriesId: meeting.seriesId,
            seriesNumber: meeting.seriesNumber,
            heldOn: meeting.heldOn,
            format: meeting.format,
            location: meeting.location,
            hostOrganisationId: meeting.hostOrganisationId,
            coChairs: meeting.coChairs,
            participantOrganisationIds: meeting.participantOrganisationIds,
            reviewedMeetingIds: meeting.reviewedMeetingIds,
            priorityAreaIds: meeting.priorityAreaIds,
            summary: meeting.summary,
            visibility: meeting.visibility,
          }}
          series={series.map((s) => ({ id: s.id, name: s.name, archived: s.archived }))}
          organisations={organisations.map((o) => ({ id: o.id, name: o.name, acronym: o.acronym, parentId: o.parentId, archived: o.archived }))}
          priorityAreas={areas.map((a) => ({ id: a.id, name: a.name, archived: a.archived }))}
          meetings={reviewable.filter((m) => m.id !== meeting.id)}
        />
      </PageBody>
    </>
  );
}
