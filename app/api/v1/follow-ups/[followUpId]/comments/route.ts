import { addComment, listComments } from "@/db/queries/follow-ups";
import { apiRoute, readJson, uuidParam } from "@/server/api";
import { commentInput } from "@/lib/validation/follow-ups";

type P = { followUpId: string };

export const GET = apiRoute<P>(async ({ db, viewer, params }) => ({ items: await listComments(db, viewer, uuidParam(params.followUpId, "follow_up")) }));

export const POST = apiRoute<P>(async ({ req, db, viewer, params }) => {
  const id = uuidParam(params.followUpId, "follow_up");
  const { body, mentionedUserIds, attachmentIds } = await readJson(req, commentInput);
  return addComment(db, viewer, id, body, { mentionedUserIds, attachmentIds });
}, { status: 201 });
