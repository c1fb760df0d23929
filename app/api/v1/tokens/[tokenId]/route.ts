import { revokeApiToken } from "@/db/queries/api-tokens";
import { apiRoute, uuidParam } from "@/server/api";

/** Revokes a token (one's own; an admin any): it answers 401 from now on. */
export const DELETE = apiRoute<{ tokenId: string }>(async ({ db, viewer, params }) => revokeApiToken(db, viewer, uuidParam(params.tokenId, "api_token")), { sessionOnly: true });
