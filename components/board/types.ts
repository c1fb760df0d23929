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

export type Option = { id: string; name: string };
export type OrganisationOption = { id: string; name: string; acronym: string | null; parentId: string | null; archived: boolean };
