import { mentionCandidates } from "@/db/queries/user-notifications";
import { proposedMentionableQuery } from "@/lib/validation/meetings";
import { apiRoute, readQuery } from "@/server/api";

/**
 * People who will be able to see a meeting being logged, for the @mention list of the new-meeting
 * form's summary: `?visibility=restricted&hostOrganisationId=…&participantOrganisationIds=…&q=`.
 * The create checks each mention again against the meeting as saved.
 */
export const GET = apiRoute(async ({ req, db, viewer }) => {
  const { q, visibility, hostOrganisationId, participantOrganisationIds } = readQuery(req, proposedMentionableQuery);
  const proposed = { visibility, createdById: viewer.id, hostOrganisationId: hostOrganisationId ?? null, participantOrganisationIds };
  return { items: await mentionCandidates(db, viewer, { proposed }, q ?? "") };
});
