import type { Metadata } from "next";
import { NewFollowUpForm } from "@/components/follow-ups/new-follow-up-form";
import { organisationLabel, organisationTree } from "@/components/meetings/organisation-tree";
import { PageBody, PageHeader } from "@/components/shell/page";
import { getDb } from "@/db/connection";
import { listMeetings } from "@/db/queries/meetings";
import { listOrganisations } from "@/db/queries/organisations";
import { listPriorityAreas } from "@/db/queries/reference";
import { listUsers } from "@/db/queries/users";
import { formatDate } from "@/lib/format";
import { requireViewer } from "@/lib/session";

export const metadata: Metadata = { title: "New follow-up" };

export default async function NewFollowUpPage({ searchParams }: { searchParams: Promise<{ meetingId?: string }> }) {
  const viewer = await requireViewer();
  const db = await getDb();
  const [meetings, organisations, areas, users] = await Promise.all([
    listMeetings(db, viewer, { limit: 200 }),
    listOrganisations(db),
    listPriorityAreas(db),
    listUsers(db),
  ]);
  const { meetingId } = await searchParams;
  const meetingOptions = meetings.items.map((m) => ({ id: m.id, label: `${formatDate(m.heldOn)} · ${m.title}` }));
  const orgAcronym = new Map(organisations.map((o) => [o.id, o.acronym ?? o.name]));
  return (
    <>
      <PageHeader title="New follow-up" description="Record something agreed, at a meeting or outside one." />
      <PageBody>
        <NewFollowUpForm
          meetings={meetingOptions}
          areas={areas.filter((a) => !a.archived).map((a) => ({ id: a.id, label: a.name }))}
          organisations={organisationTree(organisations).map(({ organisation: o, depth }) => ({ id: o.id, label: `${"\u00a0\u00a0\u00a0".repeat(depth)}${organisationLabel(o)}` }))}
          people={users.filter((u) => u.active).map((u) => ({ id: u.id, label: `${u.name} (${orgAcronym.get(u.organisationId) ?? ""})` }))}
          defaults={{ meetingId: meetingOptions.some((m) => m.id === meetingId) ? (meetingId ?? null) : null, ownerOrganisationId: viewer.organisationId }}
        />
      </PageBody>
    </>
  );
}
