import { endSessionsFor } from "@/db/queries/users";
import { apiRoute } from "@/server/api";

/** "Sign out everywhere": ends every session of the caller, this one included. */
export const DELETE = apiRoute(async ({ db, viewer }) => {
  await endSessionsFor(db, viewer, viewer.id);
  return new Response(null, { status: 204 });
});
