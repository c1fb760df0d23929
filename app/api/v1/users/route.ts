import { assertAdmin } from "@/db/queries/admin";
import { createUser, listUsers, toUserJson } from "@/db/queries/users";
import { apiRoute, readJson } from "@/server/api";
import { userInput } from "@/lib/validation/users";

export const GET = apiRoute(async ({ db, viewer }) => {
  assertAdmin(viewer);
  return { items: (await listUsers(db)).map(toUserJson) };
});

/** The answer carries `setPasswordPath` once: the one-time link to hand to the new user. */
export const POST = apiRoute(async ({ req, db, viewer }) => {
  const { user, setPasswordPath } = await createUser(db, viewer, await readJson(req, userInput));
  return { ...toUserJson(user), setPasswordPath };
}, { status: 201 });
