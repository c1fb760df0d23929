"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createMeeting, updateMeeting } from "@/db/queries/meetings";
import { authedAction } from "@/lib/actions";
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
