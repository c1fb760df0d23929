/**
 * Who may do what: the access table as data, and the functions every page,
 * server action and API route asks. Nothing else decides access.
 */
import type { roles } from "@/db/schema";
import type { Locale } from "@/lib/i18n/locale";

export type Role = (typeof roles)[number];

export type Viewer = {
  id: string;
  name: string;
  email: string;
  role: Role;
  organisationId: string;
  /** The language the person chose (null: their browser's); lib/i18n/locale.ts decides the one used. */
  locale?: Locale | null;
  /**
   * The language this request reads in (lib/i18n/server.ts: the saved choice, the cookie, Accept-Language,
   * English), set where a request loads the viewer; absent outside a request (e-mails use `locale`).
   */
  readLocale?: Locale;
  /** The viewer's organisation, its ancestors and its descendants ("takes part" for restricted meetings). */
  relatedOrganisationIds: ReadonlySet<string>;
  /** The viewer's organisation and its descendants (a manager's scope). */
  subtreeOrganisationIds: ReadonlySet<string>;
  /** The session this request came with (absent outside a request, in scripts and tests). */
  sessionId?: string;
};

/** The conditions a rule can name; each is evaluated against the record in question. */
export type Condition =
  | "always"
  | "never"
  | "participant" // the viewer's organisation (or an ancestor/descendant) takes part in the meeting
  | "creator" // the viewer created the record
  | "creator_or_host" // created it, or the viewer's organisation hosts the meeting
  | "owner" // the viewer owns the follow-up, or the viewer's organisation does
  | "visible" // anything the viewer can see
  | "owner_in_subtree"; // the follow-up's owner organisation is in the viewer's subtree

export type Permission =
  | "meeting:see_internal"
  | "meeting:see_restricted"
  | "meeting:create"
  | "meeting:edit"
  | "follow_up:create"
  | "follow_up:progress"
  | "follow_up:manage"
  | "reference:edit";

export const accessTable: Record<Permission, Record<Role, Condition>> = {
  "meeting:see_internal": { staff: "always", manager: "always", admin: "always" },
  "meeting:see_restricted": { staff: "participant", manager: "participant", admin: "always" },
  "meeting:create": { staff: "always", manager: "always", admin: "always" },
  "meeting:edit": { staff: "creator", manager: "creator_or_host", admin: "always" },
  // Adding a follow-up to a meeting requires seeing the meeting; that is checked separately.
  "follow_up:create": { staff: "always", manager: "always", admin: "always" },
  // Change status (except cancel), edit the text, comment.
  "follow_up:progress": { staff: "owner", manager: "visible", admin: "always" },
  // Reassign, re-date, cancel, bulk edit.
  "follow_up:manage": { staff: "never", manager: "owner_in_subtree", admin: "always" },
  "reference:edit": { staff: "never", manager: "never", admin: "always" },
};

export type MeetingFacts = {
  visibility: "internal" | "restricted";
  createdById: string | null;
  hostOrganisationId: string | null;
  participantOrganisationIds: readonly string[];
};

export type FollowUpFacts = {
  createdById: string | null;
  ownerOrganisationId: string;
  ownerUserId: string | null;
};

type Facts = { meeting?: MeetingFacts; followUp?: FollowUpFacts };

function holds(condition: Condition, viewer: Viewer, facts: Facts): boolean {
  const { meeting, followUp } = facts;
  switch (condition) {
    case "always":
    case "visible":
      return true;
    case "never":
      return false;
    case "participant":
      return !!meeting && takesPart(viewer, meeting);
    case "creator":
      return (meeting?.createdById ?? followUp?.createdById) === viewer.id;
    case "creator_or_host":
      return !!meeting && (meeting.createdById === viewer.id || meeting.hostOrganisationId === viewer.organisationId);
    case "owner":
      return !!followUp && (followUp.ownerUserId === viewer.id || followUp.ownerOrganisationId === viewer.organisationId);
    case "owner_in_subtree":
      return !!followUp && viewer.subtreeOrganisationIds.has(followUp.ownerOrganisationId);
  }
}

export function takesPart(viewer: Viewer, meeting: Pick<MeetingFacts, "hostOrganisationId" | "participantOrganisationIds">) {
  const orgs = [...meeting.participantOrganisationIds, ...(meeting.hostOrganisationId ? [meeting.hostOrganisationId] : [])];
  return orgs.some((id) => viewer.relatedOrganisationIds.has(id));
}

export function can(viewer: Viewer, permission: Permission, facts: Facts = {}): boolean {
  return holds(accessTable[permission][viewer.role], viewer, facts);
}

export function canSeeMeeting(viewer: Viewer, meeting: MeetingFacts): boolean {
  return meeting.visibility === "internal"
    ? can(viewer, "meeting:see_internal", { meeting })
    : can(viewer, "meeting:see_restricted", { meeting });
}

/** A follow-up is seen with its meeting; one recorded without a meeting is internal. */
export function canSeeFollowUp(viewer: Viewer, meeting: MeetingFacts | null): boolean {
  return meeting ? canSeeMeeting(viewer, meeting) : can(viewer, "meeting:see_internal");
}

export type FollowUpChange = {
  status?: string;
  ownerOrganisationId?: string;
  ownerUserId?: string | null;
  /** The organisation of the new owner user, when ownerUserId changes to someone. */
  ownerUserOrganisationId?: string | null;
  dueOn?: string | null;
  other?: boolean; // title, description, priority, priority area
};

/**
 * Which permission a change to a follow-up needs. Reassigning, re-dating, cancelling (and
 * reopening a cancelled one) is managing; the rest is progress.
 */
export function canChangeFollowUp(
  viewer: Viewer,
  current: FollowUpFacts & { status: string; dueOn: string | null },
  change: FollowUpChange,
): boolean {
  const followUp = current;
  const manages =
    (change.ownerOrganisationId !== undefined && change.ownerOrganisationId !== current.ownerOrganisationId) ||
    (change.ownerUserId !== undefined && change.ownerUserId !== current.ownerUserId) ||
    (change.dueOn !== undefined && change.dueOn !== current.dueOn) ||
    (change.status !== undefined && change.status !== current.status && (change.status === "cancelled" || current.status === "cancelled"));
  if (manages) {
    if (!can(viewer, "follow_up:manage", { followUp })) return false;
    // A manager may only hand a follow-up to an organisation, or a person, inside their own subtree.
    if (viewer.role !== "admin") {
      if (change.ownerOrganisationId !== undefined && !viewer.subtreeOrganisationIds.has(change.ownerOrganisationId)) return false;
      if (change.ownerUserOrganisationId && !viewer.subtreeOrganisationIds.has(change.ownerUserOrganisationId)) return false;
    }
  }
  const progresses = change.other || (change.status !== undefined && change.status !== current.status);
  if (progresses && !manages) return can(viewer, "follow_up:progress", { followUp });
  return true;
}

export const canComment = (viewer: Viewer, followUp: FollowUpFacts) => can(viewer, "follow_up:progress", { followUp });

/**
 * Documents follow their record: whoever can see it reads its files (checked by the caller, which
 * answers 404 otherwise). Adding to a follow-up is progress; adding to a meeting needs only seeing it.
 */
export const canAttachToFollowUp = (viewer: Viewer, followUp: FollowUpFacts) => can(viewer, "follow_up:progress", { followUp });

/**
 * Removing a document: whoever added it, a manager of the follow-up's owner (its scope) or, on a
 * meeting, whoever may edit the meeting as its creator or a manager of its host; admins always.
 */
/**
 * Seeing the documents removed in the last 30 days and restoring one: admins only (a removal
 * hides a file from everyone else, whatever they may see of its record).
 */
export const canRestoreAttachment = (viewer: Viewer) => can(viewer, "reference:edit");

export function canRemoveAttachment(
  viewer: Viewer,
  attachment: { createdById: string },
  record: { followUp: FollowUpFacts } | { meeting: MeetingFacts },
): boolean {
  if (viewer.role === "admin" || attachment.createdById === viewer.id) return true;
  if ("followUp" in record) return can(viewer, "follow_up:manage", { followUp: record.followUp });
  return viewer.role === "manager" && can(viewer, "meeting:edit", { meeting: record.meeting });
}
