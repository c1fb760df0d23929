import { getMeeting, toMeetingJson, updateMeeting } from "@/db/queries/meetings";
import { apiRoute, readJson, uuidParam } from "@/lib/api";
import { meetingPatch } from "@/lib/validation/meetings";

type P = { meetingId: string };

export const GET = apiRoute<P>(async ({ db, viewer, params }) => toMeetingJson(await getMeeting(db, viewer, uuidParam(params.meetingId, "meeting"))));

export const PATCH = apiRoute<P>(async ({ req, db, viewer, params }) => {
  const id = uuidParam(params.meetingId, "meeting");
  return toMeetingJson(await updateMeeting(db, viewer, id, await readJson(req, meetingPatch)));
});
