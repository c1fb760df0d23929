import { z } from "zod";
import { vm } from "@/lib/i18n/validation";
import { mentionCandidates } from "@/db/queries/user-notifications";
import { apiRoute, readQuery, uuidParam } from "@/server/api";

type P = { meetingId: string };
const query = z.object({ q: z.string().max(100, { error: vm("searchAtMost", { max: 100 }) }).optional() });

/** People who can see the meeting, for the @mention list of its summary (404 for a meeting the viewer cannot see). */
export const GET = apiRoute<P>(async ({ req, db, viewer, params }) => ({
  items: await mentionCandidates(db, viewer, { meetingId: uuidParam(params.meetingId, "meeting") }, readQuery(req, query).q ?? ""),
}));
