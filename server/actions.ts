import "server-only";
import { headers } from "next/headers";
import { z } from "zod";
import type { Db } from "@/db/client";
import { getDb } from "@/db/connection";
import { recordRefused } from "@/server/audit";
import { AppError, type FieldErrors } from "@/lib/errors";
import type { Viewer } from "@/lib/policy";
import { authenticate } from "@/server/session";
import { safeParseInput } from "@/lib/validation/common";
import { errorSentence, localizeAppError, localizedFieldErrors } from "@/lib/i18n/errors";
import type { Locale } from "@/lib/i18n/locale";
import { requestLocale } from "@/server/i18n";

import type { ActionResult } from "@/lib/result";

export type { ActionResult };

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
        const locale = await requestLocale();
        return { ok: false, code: "bad_request:input", error: errorSentence("bad_request", locale), fieldErrors: localizedFieldErrors(parsed.error, locale) };
      }
      return { ok: true, data: await handler(parsed.data, { db: await getDb(), viewer }) };
    } catch (e) {
      // A signed-in user refused (403) is in the audit trail, with the page the action came from.
      if (viewer && e instanceof AppError && e.type === "forbidden") await recordRefused(getDb(), viewer, e, { method: "POST", path: await actionPath() });
      return actionError(e, await requestLocale().catch(() => "en" as const));
    }
  };
}

/** A failed action's result in the requester's language (the code as it is); an unexpected error is logged. */
export function actionError(e: unknown, locale: Locale): { ok: false; error: string; code: string; fieldErrors?: FieldErrors } {
  if (e instanceof AppError) {
    const { code, message, fields } = localizeAppError(e, locale);
    return { ok: false, code, error: message, fieldErrors: fields };
  }
  console.error(e);
  return { ok: false, code: "internal", error: errorSentence("internal", locale) };
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
