import type { Metadata } from "next";
import { NewMeeting } from "@/components/meetings/new-meeting";
import { PageBody, PageHeader } from "@/components/shell/page";
import { getDb } from "@/db/connection";
import { listReviewableMeetings } from "@/db/queries/meetings";
import { listOrganisations } from "@/db/queries/organisations";
import { listMeetingSeries, listPriorityAreas } from "@/db/queries/reference";
import { requireViewer } from "@/lib/session";

export const metadata: Metadata = { title: "Log a meeting" };

export default async function NewMeetingPage() {
  const viewer = await requireViewer();
  const db = await getDb();
  const [series, organisations, areas, reviewable] = await Promise.all([listMeetingSeries(db), listOrganisations(db), listPriorityAreas(db), listReviewableMeetings(db, viewer)]);
  return (
    <>
      <PageHeader title="Log a meeting" description="When and where it was, who took part and what was discussed — typed in, or drafted from pasted minutes. Add its follow-ups on the next page." />
      <PageBody>
        <NewMeeting
          defaults={{
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
          }}
          series={series.map((s) => ({ id: s.id, name: s.name, archived: s.archived }))}
          organisations={organisations.map((o) => ({ id: o.id, name: o.name, acronym: o.acronym, parentId: o.parentId, archived: o.archived }))}
          priorityAreas={areas.map((a) => ({ id: a.id, name: a.name, archived: a.archived }))}
          meetings={reviewable}
        />
      </PageBody>
    </>
  );
}
