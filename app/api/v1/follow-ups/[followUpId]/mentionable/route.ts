import { z } from "zod";
import { vm } from "@/lib/i18n/validation";
import { mentionCandidates } from "@/db/queries/user-notifications";
import { apiRoute, readQuery, uuidParam } from "@/server/api";

type P = { followUpId: string };
const query = z.object({ q: z.string().max(100, { error: vm("searchAtMost", { max: 100 }) }).optional() });

/** People who can see the follow-up, for the comment box's @mention list. */
export const GET = apiRoute<P>(async ({ req, db, viewer, params }) => ({
  items: await mentionCandidates(db, viewer, uuidParam(params.followUpId, "follow_up"), readQuery(req, query).q ?? ""),
}));
