import { z } from "zod";
import { vm } from "@/lib/i18n/validation";
import { createApiToken, listAllApiTokens, listApiTokens } from "@/db/queries/api-tokens";
import { apiRoute, readJson, readQuery } from "@/server/api";
import { apiTokenInput } from "@/lib/validation/api-tokens";

const listQuery = z.object({ all: z.enum(["true", "false"], { error: vm("booleanParam", { param: "all" }) }).optional() });

/** The viewer's tokens; `?all=true`: every user's (admins only). Session only: a token cannot list tokens. */
export const GET = apiRoute(
  async ({ req, db, viewer }) => ({ items: readQuery(req, listQuery).all === "true" ? await listAllApiTokens(db, viewer) : await listApiTokens(db, viewer) }),
  { sessionOnly: true },
);

/** Makes a token; the answer holds the token itself, this once. */
export const POST = apiRoute(async ({ req, db, viewer }) => createApiToken(db, viewer, await readJson(req, apiTokenInput)), { status: 201, sessionOnly: true });
