/**
 * The access table (lib/policy.ts), row by row: role × how the record's organisation relates to the
 * viewer's × action → allowed. The viewers live in a small world of two trees and a loner:
 *
 *   EC ── DG HOME        UNODC ── ROSEN (a field office)        EEAS (on its own)
 */
import { describe, expect, it } from "vitest";
import { relatives } from "@/lib/organisations/tree";
import {
  can,
  canChangeFollowUp,
  canComment,
  canSeeFollowUp,
  canSeeMeeting,
  type FollowUpChange,
  type MeetingFacts,
  type Role,
  type Viewer,
} from "@/lib/policy";

const tree = [
  { id: "EC", parentId: null },
  { id: "DG HOME", parentId: "EC" },
  { id: "UNODC", parentId: null },
  { id: "ROSEN", parentId: "UNODC" },
  { id: "EEAS", parentId: null },
];
type Org = (typeof tree)[number]["id"];

function viewer(role: Role, organisationId: Org, id = `${role} of ${organisationId}`): Viewer {
  const { related, subtree } = relatives(tree, organisationId);
  return { id, name: id, email: `${role}@example.org`, role, organisationId, relatedOrganisationIds: related, subtreeOrganisationIds: subtree };
}

/**
 * How the record's organisation (the one taking part in a meeting, or owning a follow-up) relates
 * to the viewer's. Each relation is a pair of real organisations from the tree above.
 */
const relations = {
  "same org": { viewerOrg: "UNODC", recordOrg: "UNODC", insideSubtree: "ROSEN", outsideSubtree: "EC" },
  "parent org": { viewerOrg: "DG HOME", recordOrg: "EC", insideSubtree: "DG HOME", outsideSubtree: "EEAS" },
  "child org": { viewerOrg: "EC", recordOrg: "DG HOME", insideSubtree: "EC", outsideSubtree: "UNODC" },
  "unrelated org": { viewerOrg: "EEAS", recordOrg: "UNODC", insideSubtree: "EEAS", outsideSubtree: "ROSEN" },
} as const satisfies Record<string, { viewerOrg: Org; recordOrg: Org; insideSubtree: Org; outsideSubtree: Org }>;
type Relation = keyof typeof relations;
const relationNames = Object.keys(relations) as Relation[];

/** Spreads a row "role: same, parent, child, unrelated" into one case per relation. */
function perRelation<Head extends unknown[]>(rows: [...Head, boolean, boolean, boolean, boolean][]) {
  return rows.flatMap((row) => {
    const head = row.slice(0, -4) as Head;
    const allowed = row.slice(-4) as boolean[];
    return relationNames.map((relation, i) => [...head, relation, allowed[i] ?? false] as [...Head, Relation, boolean]);
  });
}

describe("seeing a meeting", () => {
  // visibility     role        same   parent child  unrelated
  const table = perRelation<["internal" | "restricted", Role]>([
    ["internal", "staff", /*    */ true, true, true, true],
    ["internal", "manager", /*  */ true, true, true, true],
    ["internal", "admin", /*    */ true, true, true, true],
    ["restricted", "staff", /*  */ true, true, true, false],
    ["restricted", "manager", /**/ true, true, true, false],
    ["restricted", "admin", /*  */ true, true, true, true],
  ]);

  it.each(table)("a %s meeting: %s whose %s takes part → %s", (visibility, role, relation, allowed) => {
    const { viewerOrg, recordOrg } = relations[relation];
    const meeting: MeetingFacts = { visibility, createdById: "someone else", hostOrganisationId: null, participantOrganisationIds: [recordOrg] };
    expect(canSeeMeeting(viewer(role, viewerOrg), meeting)).toBe(allowed);
    // Its follow-ups are seen with it.
    expect(canSeeFollowUp(viewer(role, viewerOrg), meeting)).toBe(allowed);
  });

  it("counts the host as taking part in a restricted meeting", () => {
    const meeting: MeetingFacts = { visibility: "restricted", createdById: null, hostOrganisationId: "ROSEN", participantOrganisationIds: [] };
    expect(canSeeMeeting(viewer("staff", "UNODC"), meeting)).toBe(true);
    expect(canSeeMeeting(viewer("staff", "EEAS"), meeting)).toBe(false);
  });

  it("does not let a sibling organisation see a restricted meeting", () => {
    // DG HOME and DG INTPA-like siblings share a parent but are not related to each other.
    const siblings = [...tree, { id: "DG INTPA", parentId: "EC" }];
    const { related, subtree } = relatives(siblings, "DG INTPA");
    const intpa: Viewer = { ...viewer("staff", "EC"), organisationId: "DG INTPA", relatedOrganisationIds: related, subtreeOrganisationIds: subtree };
    const meeting: MeetingFacts = { visibility: "restricted", createdById: null, hostOrganisationId: null, participantOrganisationIds: ["DG HOME"] };
    expect(canSeeMeeting(intpa, meeting)).toBe(false);
  });

  it("shows a follow-up recorded without a meeting to everyone", () => {
    for (const role of ["staff", "manager", "admin"] as const) expect(canSeeFollowUp(viewer(role, "EEAS"), null)).toBe(true);
  });
});

describe("logging and editing a meeting", () => {
  type Who = "creator" | "host org" | "parent of host org" | "other";
  //  role        creator  host org  parent of host  other
  const rows: [Role, boolean, boolean, boolean, boolean][] = [
    ["staff", /*  */ true, false, false, false],
    ["manager", /**/ true, true, false, false],
    ["admin", /*  */ true, true, true, true],
  ];
  const who: Who[] = ["creator", "host org", "parent of host org", "other"];
  const table = rows.flatMap(([role, ...allowed]) => who.map((w, i) => [role, w, allowed[i] ?? false] as const));

  it.each(table)("%s who is the meeting's %s may edit it → %s", (role, w, allowed) => {
    // The meeting is hosted by DG HOME; "other" is a viewer in EEAS who did not log it.
    const me = viewer(role, w === "parent of host org" ? "EC" : w === "other" ? "EEAS" : w === "creator" ? "UNODC" : "DG HOME");
    const meeting: MeetingFacts = {
      visibility: "internal",
      createdById: w === "creator" ? me.id : "someone else",
      hostOrganisationId: "DG HOME",
      participantOrganisationIds: ["DG HOME", "UNODC"],
    };
    expect(can(me, "meeting:edit", { meeting })).toBe(allowed);
  });

  it.each(["staff", "manager", "admin"] as const)("%s may log a meeting and add follow-ups", (role) => {
    expect(can(viewer(role, "EEAS"), "meeting:create")).toBe(true);
    expect(can(viewer(role, "EEAS"), "follow_up:create")).toBe(true);
  });
});

describe("working on a follow-up", () => {
  type Action =
    | "change status"
    | "edit the text"
    | "comment"
    | "cancel"
    | "reopen a cancelled one"
    | "re-date"
    | "reassign within subtree"
    | "reassign outside subtree";

  //  action                       role        same   parent child  unrelated   (the owner organisation is the viewer's …)
  const table = perRelation<[Action, Role]>([
    ["change status", "staff", /*             */ true, false, false, false],
    ["change status", "manager", /*           */ true, true, true, true],
    ["change status", "admin", /*             */ true, true, true, true],
    ["edit the text", "staff", /*             */ true, false, false, false],
    ["edit the text", "manager", /*           */ true, true, true, true],
    ["edit the text", "admin", /*             */ true, true, true, true],
    ["comment", "staff", /*                   */ true, false, false, false],
    ["comment", "manager", /*                 */ true, true, true, true],
    ["comment", "admin", /*                   */ true, true, true, true],
    ["cancel", "staff", /*                    */ false, false, false, false],
    ["cancel", "manager", /*                  */ true, false, true, false],
    ["cancel", "admin", /*                    */ true, true, true, true],
    ["reopen a cancelled one", "staff", /*    */ false, false, false, false],
    ["reopen a cancelled one", "manager", /*  */ true, false, true, false],
    ["reopen a cancelled one", "admin", /*    */ true, true, true, true],
    ["re-date", "staff", /*                   */ false, false, false, false],
    ["re-date", "manager", /*                 */ true, false, true, false],
    ["re-date", "admin", /*                   */ true, true, true, true],
    ["reassign within subtree", "staff", /*   */ false, false, false, false],
    ["reassign within subtree", "manager", /* */ true, false, true, false],
    ["reassign within subtree", "admin", /*   */ true, true, true, true],
    ["reassign outside subtree", "staff", /*  */ false, false, false, false],
    ["reassign outside subtree", "manager", /**/ false, false, false, false],
    ["reassign outside subtree", "admin", /*  */ true, true, true, true],
  ]);

  function attempt(action: Action, me: Viewer, relation: Relation): boolean {
    const { recordOrg, insideSubtree, outsideSubtree } = relations[relation];
    const current = {
      createdById: "someone else",
      ownerOrganisationId: recordOrg,
      ownerUserId: null,
      status: action === "reopen a cancelled one" ? "cancelled" : "open",
      dueOn: "2030-06-30",
    };
    const changes: Record<Exclude<Action, "comment">, FollowUpChange> = {
      "change status": { status: "in_progress" },
      "edit the text": { other: true },
      cancel: { status: "cancelled" },
      "reopen a cancelled one": { status: "open" },
      "re-date": { dueOn: "2030-09-30" },
      "reassign within subtree": { ownerOrganisationId: insideSubtree },
      "reassign outside subtree": { ownerOrganisationId: outsideSubtree },
    };
    return action === "comment" ? canComment(me, current) : canChangeFollowUp(me, current, changes[action]);
  }

  it.each(table)("%s: %s when the owner is the viewer's %s → %s", (action, role, relation, allowed) => {
    expect(attempt(action, viewer(role, relations[relation].viewerOrg), relation)).toBe(allowed);
  });

  describe("a follow-up owned by the viewer in person, in another organisation", () => {
    const me = viewer("staff", "EEAS");
    const current = { createdById: null, ownerOrganisationId: "UNODC", ownerUserId: me.id, status: "open", dueOn: null };

    it("lets them change its status, edit it and comment", () => {
      expect(canChangeFollowUp(me, current, { status: "done" })).toBe(true);
      expect(canChangeFollowUp(me, current, { other: true })).toBe(true);
      expect(canComment(me, current)).toBe(true);
    });

    it("does not let them cancel, re-date or hand it on", () => {
      expect(canChangeFollowUp(me, current, { status: "cancelled" })).toBe(false);
      expect(canChangeFollowUp(me, current, { dueOn: "2030-01-01" })).toBe(false);
      expect(canChangeFollowUp(me, current, { ownerUserId: null })).toBe(false);
    });
  });

  it("treats sending the current values back as no change at all", () => {
    const staff = viewer("staff", "EEAS");
    const current = { createdById: null, ownerOrganisationId: "UNODC", ownerUserId: null, status: "cancelled", dueOn: "2030-06-30" };
    // Not the owner, but nothing changes: a form that re-sends every field must not be refused.
    expect(canChangeFollowUp(staff, current, { status: "cancelled", dueOn: "2030-06-30", ownerOrganisationId: "UNODC", ownerUserId: null })).toBe(true);
    expect(canChangeFollowUp(staff, current, { status: "open" })).toBe(false);
  });

  it("checks every part of a combined change: re-date + reassign inside the subtree is fine, outside it is not", () => {
    const manager = viewer("manager", "UNODC");
    const current = { createdById: null, ownerOrganisationId: "ROSEN", ownerUserId: null, status: "open", dueOn: null };
    expect(canChangeFollowUp(manager, current, { dueOn: "2030-01-01", ownerOrganisationId: "UNODC" })).toBe(true);
    expect(canChangeFollowUp(manager, current, { dueOn: "2030-01-01", ownerOrganisationId: "EEAS" })).toBe(false);
  });

  it("lets a manager name as owner only a person inside their subtree; an admin anyone", () => {
    const current = { createdById: null, ownerOrganisationId: "ROSEN", ownerUserId: null, status: "open", dueOn: null };
    const manager = viewer("manager", "UNODC");
    expect(canChangeFollowUp(manager, current, { ownerUserId: "someone in ROSEN", ownerUserOrganisationId: "ROSEN" })).toBe(true);
    expect(canChangeFollowUp(manager, current, { ownerUserId: "someone in EEAS", ownerUserOrganisationId: "EEAS" })).toBe(false);
    expect(canChangeFollowUp(viewer("admin", "EEAS"), current, { ownerUserId: "someone in EC", ownerUserOrganisationId: "EC" })).toBe(true);
  });
});

describe("keeping the reference lists", () => {
  // Reference data has no owner: the answer is the same whatever organisation the viewer is in.
  const table: [Role, boolean][] = [
    ["staff", false],
    ["manager", false],
    ["admin", true],
  ];
  it.each(table)("%s may edit organisations, priority areas, series, users and roles → %s", (role, allowed) => {
    for (const relation of relationNames) {
      expect(can(viewer(role, relations[relation].viewerOrg), "reference:edit")).toBe(allowed);
    }
  });
});

describe("the organisation tree", () => {
  it("relates an organisation to its ancestors and descendants, but its subtree is only downwards", () => {
    const deep = [...tree, { id: "ROSEN-DAKAR", parentId: "ROSEN" }];
    const { related, subtree } = relatives(deep, "ROSEN");
    expect([...related].sort()).toEqual(["ROSEN", "ROSEN-DAKAR", "UNODC"]);
    expect([...subtree].sort()).toEqual(["ROSEN", "ROSEN-DAKAR"]);
  });

  it("survives a cycle in the parent links", () => {
    const cyclic = [
      { id: "A", parentId: "B" },
      { id: "B", parentId: "A" },
    ];
    const { related, subtree } = relatives(cyclic, "A");
    expect([...related].sort()).toEqual(["A", "B"]);
    expect([...subtree].sort()).toEqual(["A", "B"]);
  });
});
