import { anonymiseUser } from "@/db/queries/personal-data";
import { apiRoute, uuidParam } from "@/server/api";

/** Anonymises a departed user, for good (admins only). */
export const POST = apiRoute<{ userId: string }>(async ({ db, viewer, params }) => anonymiseUser(db, viewer, uuidParam(params.userId, "user")));
