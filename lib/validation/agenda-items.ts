import { z } from "zod";
import { vm } from "@/lib/i18n/validation";
import { implementationStatuses, outcomeKinds } from "@/db/enums";
import { id, isoDate, requiredText, text } from "./common";
import { priority, status } from "./follow-ups";
import { limits } from "./limits";

export const outcomeKind = z.enum(outcomeKinds, { error: vm("outcomeKind") });
export const implementationStatus = z.enum(implementationStatuses, {
  error: vm("implementationStatus"),
});

/** The quick-add fields of a follow-up, for an action created in place under an agenda item. */
export const newActionFollowUp = z.object({
  title: requiredText("Action", limits.title),
  priorityAreaId: id("Priority area"),
  ownerOrganisationId: id("Owner organisation"),
  ownerUserId: id("Owner").nullable().optional(),
  dueOn: isoDate("Due date").nullable().optional(),
  priority: priority.default("normal"),
});

export const agendaOutcomeInput = z
  .object({
    id: id("Outcome").optional(),
    kind: outcomeKind,
    text: text("Outcome", limits.outcomeText).trim().default(""),
    followUpId: id("Follow-up").nullable().optional(),
    /** An action created in place: the follow-up is created with the agenda, on this meeting. */
    newFollowUp: newActionFollowUp.optional(),
    implementationStatus: implementationStatus.nullable().optional(),
  })
  .superRefine((o, ctx) => {
    if (o.kind !== "action" && !o.text) ctx.addIssue({ code: "custom", path: ["text"], message: vm("outcomeText") });
    if (o.kind !== "action" && (o.followUpId || o.newFollowUp))
      ctx.addIssue({ code: "custom", path: ["followUpId"], message: vm("outcomeOnlyAction") });
    if (o.kind === "action" && o.followUpId && o.newFollowUp)
      ctx.addIssue({ code: "custom", path: ["followUpId"], message: vm("outcomeLinkOrCreate") });
    if (o.kind === "action" && !o.text && !o.followUpId && !o.newFollowUp)
      ctx.addIssue({ code: "custom", path: ["text"], message: vm("outcomeDescribeAction") });
    if (o.kind !== "decision" && o.implementationStatus)
      ctx.addIssue({ code: "custom", path: ["implementationStatus"], message: vm("outcomeOnlyDecision") });
  });
export type AgendaOutcomeInput = z.input<typeof agendaOutcomeInput>;

/** An item's own fields (the editor's item form); the agenda write adds its id and outcomes. */
export const agendaItemFields = z.object({
  title: requiredText("Agenda item title", limits.title),
  priorityAreaId: id("Priority area").nullable().optional(),
  leadOrganisationId: id("Lead organisation").nullable().optional(),
  notes: text("Notes", limits.agendaNotes).default(""),
  /** Left out of minutes circulated beyond the participants. */
  restricted: z.boolean({ error: vm("booleanField", { label: "Restricted" }) }).default(false),
});

export const agendaItemInput = agendaItemFields.extend({
  id: id("Agenda item").optional(),
  carriedFromMeetingId: id("Carried-over meeting").nullable().optional(),
  outcomes: z.array(agendaOutcomeInput, { error: vm("mustBeList", { label: "Outcomes" }) }).max(100, { error: vm("atMostOutcomes", { max: 100 }) }).default([]),
});
export type AgendaItemInput = z.input<typeof agendaItemInput>;
export type AgendaItemValues = z.output<typeof agendaItemInput>;

/** The whole agenda, in order: written at once with the meeting's version (a stale one is a 409). */
export const agendaItemsInput = z.array(agendaItemInput, { error: vm("mustBeList", { label: "Agenda items" }) }).max(100, { error: vm("atMostAgendaItems", { max: 100 }) });

/** Minutes as documents: `wide` leaves restricted content out, for circulation beyond the participants. */
export const minutesOptions = z.object({
  audience: z.enum(["all", "wide"], { error: vm("audience") }).optional(),
});

/**
 * Updating a carried-over follow-up from the agenda: its status, a new due date and a comment,
 * each optional. Sent as the follow-up's own patch and comment (followUpPatch, commentInput).
 */
export const carryOverUpdate = z.object({
  status,
  dueOn: isoDate("Due date").nullable(),
  comment: text("Comment", limits.comment).trim(),
});
export type CarryOverUpdate = z.output<typeof carryOverUpdate>;
