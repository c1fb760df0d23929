import { draftMeeting } from "@/db/queries/meeting-drafts";
import { apiRoute, readJson } from "@/server/api";
import { bodyLimits } from "@/server/body-limits";
import { meetingDraftInput } from "@/lib/validation/meeting-drafts";

/** A reviewable draft of a meeting from pasted minutes or a press release. Saves nothing. */
export const POST = apiRoute(async ({ req, db, viewer }) => draftMeeting(db, viewer, (await readJson(req, meetingDraftInput)).text), { maxBody: bodyLimits.draft });
