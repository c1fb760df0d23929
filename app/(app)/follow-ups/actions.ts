"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { addComment, createFollowUp, toFollowUpJson, updateFollowUp } from "@/db/queries/follow-ups";
import { authedAction } from "@/server/actions";
import { commentInput, followUpInput, followUpPatch } from "@/lib/validation/follow-ups";

export const createFollowUpAction = authedAction(followUpInput, async (input, { db, viewer }) => {
  const followUp = await createFollowUp(db, viewer, input);
  if (followUp.meetingId) revalidatePath(`/meetings/${followUp.meetingId}`);
  return toFollowUpJson(followUp);
});

export const updateFollowUpAction = authedAction(z.object({ id: z.uuid(), patch: followUpPatch }), async ({ id, patch }, { db, viewer }) => {
  const followUp = await updateFollowUp(db, viewer, id, patch);
  revalidatePath(`/follow-ups/${id}`);
  if (followUp.meetingId) revalidatePath(`/meetings/${followUp.meetingId}`);
  return toFollowUpJson(followUp);
});

export const addCommentAction = authedAction(commentInput.extend({ followUpId: z.uuid() }), async ({ followUpId, body, mentionedUserIds, attachmentIds }, { db, viewer }) => {
  const comment = await addComment(db, viewer, followUpId, body, { mentionedUserIds, attachmentIds });
  revalidatePath(`/follow-ups/${followUpId}`);
  return comment;
});
