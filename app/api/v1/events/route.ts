import { headers } from "next/headers";
import { apiRoute } from "@/server/api";
import { authSecret } from "@/server/env";
import { AppError } from "@/lib/errors";
import { eventStream } from "@/server/event-stream";
import { readSessionToken } from "@/server/session-token";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async ({ req, viewer }) => {
  const token = await readSessionToken(await headers(), authSecret());
  if (typeof token?.sid !== "string") throw new AppError("unauthorized:session");
  return eventStream(req, viewer, token.sid);
});
