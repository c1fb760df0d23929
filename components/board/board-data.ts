import "server-only";
import type { Db } from "@/db/client";
import { type FollowUp } from "@/db/queries/follow-ups";
import { listMeetings } from "@/db/queries/meetings";
import { listOrganisations } from "@/db/queries/organisations";
import { listMeetingSeries, listPriorityAreas } from "@/db/queries/reference";
import { listActivePeople, listUsers } from "@/db/queries/users";
import { organisationTree } from "@/components/meetings/organisation-tree";
import { formatDate } from "@/lib/format";
import type { Viewer } from "@/lib/policy";
import type { BoardCard } from "./types";

/** Only what a card shows crosses to the client. */
export const toBoardCard = (f: FollowUp): BoardCard => ({
  id: f.id,
  title: f.title,
  status: f.status,
  version: f.version,
  priority: f.priority,
  priorityAreaId: f.priorityAreaId,
  priorityAreaName: f.priorityAreaName,
  ownerOrganisationId: f.ownerOrganisationId,
  ownerOrganisationAcronym: f.ownerOrganisationAcronym,
  ownerOrganisationName: f.ownerOrganisationName,
  ownerUserId: f.ownerUserId,
  ownerUserName: f.ownerUserName,
  dueOn: f.dueOn,
  overdue: f.overdue,
  meetingId: f.meetingId,
  meetingTitle: f.meetingTitle,
});

/** The choices of the filter bar, limited to what the viewer may see. */
export async function filterOptions(db: Db, viewer: Viewer, opts: { ownersLater?: { selectedId?: string } } = {}) {
  // With ownersLater, only the viewer's organisation's people (and the chosen owner) come with the
  // page; the filter loads everyone after it (thousands of options weigh more than the board).
  const [areas, organisations, meetings, series, users] = await Promise.all([
    listPriorityAreas(db),
    listOrganisations(db),
    listMeetings(db, viewer, { limit: 200 }),
    listMeetingSeries(db),
    opts.ownersLater
      ? listActivePeople(db, { organisationId: viewer.organisationId, alsoId: opts.ownersLater.selectedId }).then((p) => p.map((u) => ({ ...u, active: true })))
      : listUsers(db),
  ]);
  return {
    priorityAreas: areas.filter((a) => !a.archived).map((a) => ({ id: a.id, name: a.name })),
    organisations: organisationTree(organisations.map((o) => ({ id: o.id, name: o.name, acronym: o.acronym, parentId: o.parentId, archived: o.archived }))).map(
      ({ organisation, depth }) => ({ ...organisation, depth }),
    ),
    meetings: meetings.items.map((m) => ({ id: m.id, name: `${m.title} (${formatDate(m.heldOn)})` })),
    series: series.filter((s) => !s.archived).map((s) => ({ id: s.id, name: s.name })),
    owners: users.filter((u) => u.active).map((u) => ({ id: u.id, name: u.name })),
    ownersComplete: !opts.ownersLater,
  };
}
