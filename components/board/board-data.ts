import "server-only";
import type { Db } from "@/db/client";
import { type FollowUp } from "@/db/queries/follow-ups";
import { listMeetingOptions } from "@/db/queries/meetings";
import { listOrganisations } from "@/db/queries/organisations";
import { listMeetingSeries, listPriorityAreas } from "@/db/queries/reference";
import { listActivePeople } from "@/db/queries/users";
import { organisationTree } from "@/components/meetings/organisation-tree";
import { formatDate } from "@/lib/format";
import type { Viewer } from "@/lib/policy";
import type { BoardCard, Option } from "./types";

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

/**
 * The choices of the filter bar, limited to what the viewer may see. The meeting and owner lists
 * (hundreds of names, under "More filters") come with the page only as the chosen one, if any:
 * the bar loads them when "More filters" opens. Sent whole they weighed more than the board's cards.
 */
export async function filterOptions(db: Db, viewer: Viewer, chosen: { meetingId?: string; ownerUserId?: string }) {
  const [areas, organisations, meetings, series, owners] = await Promise.all([
    listPriorityAreas(db),
    listOrganisations(db),
    chosen.meetingId ? listMeetingOptions(db, viewer, { id: chosen.meetingId }) : [],
    listMeetingSeries(db),
    chosen.ownerUserId ? listActivePeople(db, { id: chosen.ownerUserId }) : [],
  ]);
  return {
    priorityAreas: areas.filter((a) => !a.archived).map((a) => ({ id: a.id, name: a.name })),
    organisations: organisationTree(organisations.map((o) => ({ id: o.id, name: o.name, acronym: o.acronym, parentId: o.parentId, archived: o.archived }))).map(
      ({ organisation, depth }) => ({ ...organisation, depth }),
    ),
    meetings: meetings.map(toMeetingOption),
    series: series.filter((s) => !s.archived).map((s) => ({ id: s.id, name: s.name })),
    owners: owners.map((u) => ({ id: u.id, name: u.name })),
  };
}

export const toMeetingOption = (m: { id: string; title: string; heldOn: string }): Option => ({ id: m.id, name: `${m.title} (${formatDate(m.heldOn)})` });
