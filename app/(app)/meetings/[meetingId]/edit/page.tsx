import { Lock } from "lucide-react";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { cache } from "react";
import { MeetingForm } from "@/components/meetings/meeting-form";
import { ButtonLink } from "@/components/ui/button";
import { PageBody, PageHeader } from "@/components/shell/page";
import { getDb } from "@/db/connection";
import { lastActorName } from "@/db/queries/activity";
import { getMeeting, listReviewableMeetings } from "@/db/queries/meetings";
import { listOrganisations } from "@/db/queries/organisations";
import { listMeetingSeries, listPriorityAreas } from "@/db/queries/reference";
import { can } from "@/lib/policy";
import { loadForPage } from "@/server/session";
import { localOptions, localOrganisations, pageLocale } from "../../reference-options";

type Props = { params: Promise<{ meetingId: string }> };

const loadMeeting = cache(async (meetingId: string) => {
  const { record: meeting, viewer } = await loadForPage(meetingId, getMeeting);
  return { viewer, meeting };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { meeting } = await loadMeeting((await params).meetingId);
  return { title: (await getTranslations("meetings"))("editTitleMeta", { title: meeting.title }) };
}

export default async function EditMeetingPage({ params }: Props) {
  const { viewer, meeting } = await loadMeeting((await params).meetingId);
  const meetingHref = `/meetings/${meeting.id}`;
  const t = await getTranslations("meetings");

  if (!can(viewer, "meeting:edit", { meeting })) {
    return (
      <>
        <PageHeader title={t("cannotEditTitle")} description={meeting.title} />
        <PageBody>
          <div className="max-w-xl rounded-lg border border-zinc-200 bg-white p-5">
            <div className="flex gap-3">
              <Lock aria-hidden className="mt-0.5 size-5 shrink-0 text-zinc-500" />
              <div className="space-y-2 text-[15px]">
                <p>{t("cannotEditWho")}</p>
                <p className="text-zinc-700">{t("cannotEditStill")}</p>
                <ButtonLink href={meetingHref} variant="secondary" className="mt-2">
                  {t("backToMeeting")}
                </ButtonLink>
              </div>
            </div>
          </div>
        </PageBody>
      </>
    );
  }

  const db = await getDb();
  const locale = await pageLocale();
  const [series, organisations, areas, reviewable, changedBy] = await Promise.all([
    listMeetingSeries(db),
    listOrganisations(db),
    listPriorityAreas(db),
    listReviewableMeetings(db, viewer),
    lastActorName(db, "meeting", meeting.id),
  ]);
  return (
    <>
      <PageHeader title={t("editMeeting")} description={meeting.title} />
      <PageBody>
        <MeetingForm
          mode="edit"
          meetingId={meeting.id}
          version={meeting.version}
          changedBy={changedBy}
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
          series={localOptions(series, locale)}
          organisations={localOrganisations(organisations, locale)}
          priorityAreas={localOptions(areas, locale)}
          meetings={reviewable.filter((m) => m.id !== meeting.id)}
        />
      </PageBody>
    </>
  );
}
