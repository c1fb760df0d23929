"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createMeetingWithFollowUps, draftMeeting } from "@/db/queries/meeting-drafts";
import { listAgendaItems } from "@/db/queries/agenda-items";
import { createMeeting, updateMeeting } from "@/db/queries/meetings";
import { authedAction } from "@/server/actions";
import { agendaItemsInput } from "@/lib/validation/agenda-items";
import { version } from "@/lib/validation/common";
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

/** The agenda editor's save: the whole agenda under the meeting's version; answers the agenda as stored (new ids, linked follow-ups). */
export const saveAgendaAction = authedAction(
  z.object({ id: z.uuid(), version, agendaItems: agendaItemsInput }),
  async ({ id, version, agendaItems }, { db, viewer }) => {
    const meeting = await updateMeeting(db, viewer, id, { version, agendaItems });
    revalidatePath(`/meetings/${id}`);
    return { version: meeting.version, agendaItems: await listAgendaItems(db, viewer, id) };
  },
);
