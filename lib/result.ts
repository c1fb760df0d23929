import type { FieldErrors } from "@/lib/errors";

/**
 * What a server action, or a call through the typed /api/v1 client, answers: the data, or the
 * error with its code and the fields it names. Never a throw.
 */
export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: string; code: string; fieldErrors?: FieldErrors };

/** The answer when the server could not be reached (a rejected action call or fetch): a form-level message, and what was typed stays. */
export const unreachable = <T>(): ActionResult<T> => ({
  ok: false,
  code: "network",
  error: "Could not reach the server. Check your connection and try again; what you typed is still here.",
});
