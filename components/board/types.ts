import type { followUpStatuses } from "@/db/schema";

export type Status = (typeof followUpStatuses)[number];

/** What a board card needs; nothing else crosses to the client. */
export type BoardCard = {
  id: string;
  title: string;
  status: Status;
  version: number;
  priority: "low" | "normal" | "high";
  priorityAreaId: string;
  priorityAreaName: string;
  ownerOrganisationId: string;
  ownerOrganisationAcronym: string | null;
  ownerOrganisationName: string;
  ownerUserId: string | null;
  ownerUserName: string | null;
  dueOn: string | null;
  overdue: boolean;
  meetingId: string | null;
  meetingTitle: string | null;
};

/**
 * Only what a card shows crosses to the client: a follow-up from the page's query, or an item of
 * `GET /api/v1/follow-ups?names=true`, stripped to the card's fields.
 */
export const toBoardCard = (f: BoardCard): BoardCard => ({
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

export type Option = { id: string; name: string };
export type OrganisationOption = { id: string; name: string; acronym: string | null; parentId: string | null; archived: boolean };
