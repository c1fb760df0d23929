import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { NewMeeting } from "@/components/meetings/new-meeting";
import { PageBody, PageHeader } from "@/components/shell/page";
import { listReviewableMeetings } from "@/db/queries/meetings";
import { listOrganisations } from "@/db/queries/organisations";
import { listMeetingSeries, listPriorityAreas } from "@/db/queries/reference";
import { pageContext } from "@/server/session";
import type { MeetingInput } from "@/lib/validation/meetings";
import { localOptions, localOrganisations, pageLocale } from "../reference-options";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("meetings"))("logMeeting") };
}

export default async function NewMeetingPage() {
  const { viewer, db } = await pageContext();
  const [t, locale] = await Promise.all([getTranslations("meetings"), pageLocale()]);
  const [series, organisations, areas, reviewable] = await Promise.all([listMeetingSeries(db), listOrganisations(db), listPriorityAreas(db), listReviewableMeetings(db, viewer)]);
  const defaults: Partial<MeetingInput> = {
    title: "",
    seriesId: null,
    seriesNumber: null,
    heldOn: "",
    location: "",
    hostOrganisationId: viewer.organisationId,
    coChairs: [],
    participantOrganisationIds: [],
    reviewedMeetingIds: [],
    priorityAreaIds: [],
    summary: "",
    visibility: "internal",
  };
  return (
    <>
      <PageHeader title={t("logMeeting")} description={t("newDescription")} />
      <PageBody>
        <NewMeeting
          defaults={defaults}
          series={localOptions(series, locale)}
          organisations={localOrganisations(organisations, locale)}
          priorityAreas={localOptions(areas, locale)}
          meetings={reviewable}
        />
      </PageBody>
    </>
  );
}
