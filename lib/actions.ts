import "server-only";
import { z } from "zod";
import type { Db } from "@/db/client";
import { getDb } from "@/db/connection";
import { AppError, type FieldErrors } from "@/lib/errors";
import type { Viewer } from "@/lib/policy";
import { authenticate } from "@/lib/session";
import { fieldErrors } from "@/lib/validation/common";

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: string; code: string; fieldErrors?: FieldErrors };

/**
 * Every server action is built with this: load the session, parse with the form's own zod
 * schema, run the handler (which asks the policy), and return a typed result, never a throw.
 */
export function authedAction<S extends z.ZodType, T>(schema: S, handler: (input: z.infer<S>, ctx: { db: Db; viewer: Viewer }) => Promise<T>) {
  return async (raw: unknown): Promise<ActionResult<T>> => {
    try {
      const viewer = await authenticate();
      const parsed = schema.safeParse(raw);
      if (!parsed.success) {
        return { ok: false, code: "bad_request:input", error: "Some of the information is not valid. Check the highlighted fields.", fieldErrors: fieldErrors(parsed.error) };
      }
      return { ok: true, data: await handler(parsed.data, { db: await getDb(), viewer }) };
    } catch (e) {
      if (e instanceof AppError) return { ok: false, code: e.code, error: e.message, fieldErrors: e.fields };
      console.error(e);
      return { ok: false, code: "internal", error: "Something went wrong on our side. Try again; if it keeps happening, tell an admin." };
    }
  };
}
