"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createMeetingWithFollowUps, draftMeeting } from "@/db/queries/meeting-drafts";
import { createMeeting, updateMeeting } from "@/db/queries/meetings";
import { authedAction } from "@/lib/actions";
import { meetingDraftInput, meetingWithFollowUpsInput } from "@/lib/validation/meeting-drafts";
import { meetingInput, meetingPatch } from "@/lib/validation/meetings";

export const createMeetingAction = authedAction(meetingInput, async (input, { db, viewer }) => {
  const meeting = await createMeeting(db, viewer, input);
  revalidatePath("/meetings");
  return { id: meeting.id };
});

export const updateMeetingAction = authedAction(z.object({ id: z.uuid(), patch: meetingPatch }), async ({ id, patch }, { db, viewer }) => {
  const meeting = await updateMeeting(db, viewer, id, patch);
  revalidatePath(`/meetings/${id}`);
  return { id: meeting.id, version: meeting.version };
});

/** Reads pasted text into a draft; writes nothing. */
export const draftMeetingAction = authedAction(meetingDraftInput, async ({ text }, { db, viewer }) => draftMeeting(db, viewer, text));

/** A meeting from an accepted draft, with the follow-ups ticked in it. */
export const createMeetingWithFollowUpsAction = authedAction(meetingWithFollowUpsInput, async (input, { db, viewer }) => {
  const meeting = await createMeetingWithFollowUps(db, viewer, input);
  revalidatePath("/meetings");
  return { id: meeting.id };
});
