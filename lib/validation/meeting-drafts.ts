import { z } from "zod";
import { vm } from "@/lib/i18n/validation";
import { text } from "./common";
import { draftTextLimit } from "./lists";
import { followUpInput } from "./follow-ups";
import { agendaItemFields } from "./agenda-items";
import { meetingInput } from "./meetings";

export { draftTextLimit };

/** Pasted minutes or a press release. Kept exactly as pasted (not trimmed): the draft points into it by offset. */
export const meetingDraftInput = z.object({
  text: text("Text", draftTextLimit).refine((s) => s.trim().length > 0, { error: vm("draftPasteText") }),
});
export type MeetingDraftInput = z.infer<typeof meetingDraftInput>;

/**
 * A follow-up ticked in a draft, created together with its meeting. `agendaItem`: the index of the
 * draft's agenda item it was agreed under (in `agendaItems`), so it is created as an action there.
 */
export const draftFollowUp = followUpInput.pick({ title: true, priorityAreaId: true, ownerOrganisationId: true, dueOn: true }).extend({
  agendaItem: z.number().int().min(0).max(99).optional(),
});
export type DraftFollowUp = z.input<typeof draftFollowUp>;

/** A numbered topic of the minutes, created as an agenda item of the meeting (its actions are the follow-ups that name it). */
export const draftAgendaItem = agendaItemFields.pick({ title: true, priorityAreaId: true });
export type DraftAgendaItem = z.input<typeof draftAgendaItem>;

/** The meeting form plus the draft's ticked follow-ups and its agenda items: one transaction creates them all. */
export const meetingWithFollowUpsInput = meetingInput
  .extend({
    followUps: z.array(draftFollowUp, { error: vm("mustBeList", { label: "Follow-ups" }) }).max(50, { error: vm("draftAtMostFollowUps", { max: 50 }) }).default([]),
    agendaItems: z.array(draftAgendaItem, { error: vm("mustBeList", { label: "Agenda items" }) }).max(100, { error: vm("atMostAgendaItems", { max: 100 }) }).default([]),
  })
  .superRefine((v, ctx) => {
    v.followUps.forEach((f, i) => {
      if (f.agendaItem !== undefined && f.agendaItem >= v.agendaItems.length)
        ctx.addIssue({ code: "custom", path: ["followUps", i, "agendaItem"], message: vm("draftAgendaItem") });
    });
  });
export type MeetingWithFollowUpsValues = z.output<typeof meetingWithFollowUpsInput>;
