import { endSessionsFor } from "@/db/queries/users";
import { apiRoute, uuidParam } from "@/server/api";

/** An admin ends every session of a person (a lost laptop, a stolen cookie). */
export const DELETE = apiRoute<{ userId: string }>(async ({ db, viewer, params }) => {
  await endSessionsFor(db, viewer, uuidParam(params.userId, "user"));
  return new Response(null, { status: 204 });
});
