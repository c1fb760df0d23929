import { issuePasswordLink } from "@/db/queries/users";
import { apiRoute, uuidParam } from "@/server/api";

/** A new one-time set-password link; earlier unused links stop working. */
export const POST = apiRoute<{ userId: string }>(async ({ db, viewer, params }) => issuePasswordLink(db, viewer, uuidParam(params.userId, "user")), { status: 201 });
