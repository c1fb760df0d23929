import { assertAdmin } from "@/db/queries/admin";
import { getUser, toUserJson, updateUser } from "@/db/queries/users";
import { apiRoute, readJson, uuidParam } from "@/server/api";
import { userPatch } from "@/lib/validation/users";

type P = { userId: string };

export const GET = apiRoute<P>(async ({ db, viewer, params }) => {
  assertAdmin(viewer);
  return toUserJson(await getUser(db, uuidParam(params.userId, "user")));
});

export const PATCH = apiRoute<P>(async ({ req, db, viewer, params }) => {
  const id = uuidParam(params.userId, "user");
  return toUserJson(await updateUser(db, viewer, id, await readJson(req, userPatch)));
});
