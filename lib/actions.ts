import "server-only";
import { headers } from "next/headers";
import { z } from "zod";
import type { Db } from "@/db/client";
import { getDb } from "@/db/connection";
import { recordRefused } from "@/lib/audit";
import { AppError, type FieldErrors } from "@/lib/errors";
import type { Viewer } from "@/lib/policy";
import { authenticate } from "@/lib/session";
import { fieldErrors, safeParseInput } from "@/lib/validation/common";

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: string; code: string; fieldErrors?: FieldErrors };

/**
 * Every server action is built with this: load the session, parse with the form's own zod
 * schema, run the handler (which asks the policy), and return a typed result, never a throw.
 */
export function authedAction<S extends z.ZodType, T>(schema: S, handler: (input: z.infer<S>, ctx: { db: Db; viewer: Viewer }) => Promise<T>) {
  return async (raw: unknown): Promise<ActionResult<T>> => {
    let viewer: Viewer | undefined;
    try {
      viewer = await authenticate();
      const parsed = safeParseInput(schema, raw);
      if (!parsed.success) {
        return { ok: false, code: "bad_request:input", error: "Some of the information is not valid. Check the highlighted fields.", fieldErrors: fieldErrors(parsed.error) };
      }
      return { ok: true, data: await handler(parsed.data, { db: await getDb(), viewer }) };
    } catch (e) {
      // A signed-in user refused (403) is in the audit trail, with the page the action came from.
      if (viewer && e instanceof AppError && e.type === "forbidden") await recordRefused(getDb(), viewer, e, { method: "POST", path: await actionPath() });
      if (e instanceof AppError) return { ok: false, code: e.code, error: e.message, fieldErrors: e.fields };
      console.error(e);
      return { ok: false, code: "internal", error: "Something went wrong on our side. Try again; if it keeps happening, tell an admin." };
    }
  };
}

/** The page a server action was called from (its Referer), for the audit trail; null if unknown. */
async function actionPath(): Promise<string | null> {
  try {
    const referer = (await headers()).get("referer");
    return referer ? new URL(referer).pathname : null;
  } catch {
    return null;
  }
}
