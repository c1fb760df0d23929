import { getFollowUp, toFollowUpJson, updateFollowUp } from "@/db/queries/follow-ups";
import { apiRoute, readJson, uuidParam } from "@/server/api";
import { followUpPatch } from "@/lib/validation/follow-ups";

type P = { followUpId: string };

export const GET = apiRoute<P>(async ({ db, viewer, params }) => toFollowUpJson(await getFollowUp(db, viewer, uuidParam(params.followUpId, "follow_up"))));

export const PATCH = apiRoute<P>(async ({ req, db, viewer, params }) => {
  const id = uuidParam(params.followUpId, "follow_up");
  return toFollowUpJson(await updateFollowUp(db, viewer, id, await readJson(req, followUpPatch)));
});
