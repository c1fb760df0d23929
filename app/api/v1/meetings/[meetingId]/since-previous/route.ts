import { sinceThePreviousMeeting } from "@/db/queries/continuity";
import { toFollowUpJson } from "@/db/queries/follow-ups";
import { apiRoute, uuidParam } from "@/server/api";

type P = { meetingId: string };

/** GET /api/v1/meetings/{id}/since-previous — the earlier meetings' follow-ups, with their status then and now. */
export const GET = apiRoute<P>(async ({ db, viewer, params }) => {
  const since = await sinceThePreviousMeeting(db, viewer, uuidParam(params.meetingId, "meeting"));
  return {
    asOf: since.asOf,
    groups: since.groups.map((g) => ({
      meeting: g.meeting,
      items: g.items.map((f) => ({ ...toFollowUpJson(f), statusThen: f.statusThen })),
    })),
  };
});
