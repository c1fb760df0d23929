import { z } from "zod";
import { text } from "./common";
import { draftTextLimit } from "./lists";
import { followUpInput } from "./follow-ups";
import { meetingInput } from "./meetings";

export { draftTextLimit };

/** Pasted minutes or a press release. Kept exactly as pasted (not trimmed): the draft points into it by offset. */
export const meetingDraftInput = z.object({
  text: text("Text", draftTextLimit).refine((s) => s.trim().length > 0, { error: "Paste the minutes or the press release to read." }),
});
export type MeetingDraftInput = z.infer<typeof meetingDraftInput>;

/** A follow-up ticked in a draft, created together with its meeting. */
export const draftFollowUp = followUpInput.pick({ title: true, priorityAreaId: true, ownerOrganisationId: true, dueOn: true });
export type DraftFollowUp = z.input<typeof draftFollowUp>;

/** The meeting form plus the draft's ticked follow-ups: one transaction creates them all. */
export const meetingWithFollowUpsInput = meetingInput.extend({
  followUps: z.array(draftFollowUp, { error: "Follow-ups must be a list." }).max(50, { error: "At most 50 follow-ups at once." }).default([]),
});
export type MeetingWithFollowUpsValues = z.output<typeof meetingWithFollowUpsInput>;
