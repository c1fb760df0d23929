import type { FieldErrors } from "@/lib/errors";
import { type ActionResult, unreachable } from "@/lib/result";

/**
 * The one typed client for /api/v1 from the browser: every call answers the `ActionResult<T>` a
 * server action answers — the data, or the error's code, message and fields — and never throws
 * (a network failure is `unreachable()`, code "network"). Same session, same policy as the pages.
 */

/** The error types of lib/errors.ts by HTTP status, for an answer without the API's JSON error (a proxy's 502). */
const typeOfStatus: Record<number, string> = {
  400: "bad_request",
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  409: "conflict",
  413: "payload_too_large",
  415: "unsupported_type",
  429: "rate_limited",
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * An HTTP answer as a result: a 2xx is the data; anything else is the API's `{ error: { code, message,
 * fields } }`, or, without it, the status's error type with no message (errorText gives the sentence).
 */
export function toResult<T>(status: number, body: unknown): ActionResult<T> {
  if (status >= 200 && status < 300) return { ok: true, data: body as T };
  const error = isRecord(body) && isRecord(body.error) ? body.error : null;
  const code = typeof error?.code === "string" && error.code ? error.code : (typeOfStatus[status] ?? "internal");
  const message = typeof error?.message === "string" ? error.message : "";
  const fields = isRecord(error?.fields) ? (Object.fromEntries(Object.entries(error.fields).filter(([, v]) => typeof v === "string")) as FieldErrors) : undefined;
  return { ok: false, code, error: message, ...(fields && Object.keys(fields).length ? { fieldErrors: fields } : {}) };
}

/** The type of an error code ("conflict:follow_up" → "conflict"), as the `errors` catalogue names it. */
export const errorType = (code: string) => code.split(":")[0] ?? code;

type ErrorsT = (key: "unreachable" | "internal" | "bad_request" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "payload_too_large" | "unsupported_type" | "rate_limited") => string;
const knownTypes = new Set(["bad_request", "unauthorized", "forbidden", "not_found", "conflict", "payload_too_large", "unsupported_type", "rate_limited"]);

/**
 * The sentence to show for a failed call, in the reader's language (`t` is the `errors` namespace):
 * the server's own (already in the requester's language), else the sentence of its type; a network
 * failure says the server could not be reached.
 */
export function errorText(result: { code: string; error: string; fieldErrors?: FieldErrors }, t: ErrorsT, opts: { preferField?: boolean } = {}): string {
  if (result.code === "network") return t("unreachable");
  const field = opts.preferField ? Object.values(result.fieldErrors ?? {})[0] : undefined;
  if (field) return field;
  if (result.error) return result.error;
  const type = errorType(result.code);
  return knownTypes.has(type) ? t(type as Parameters<ErrorsT>[0]) : t("internal");
}

type Query = Record<string, string | number | boolean | readonly (string | number)[] | null | undefined>;

/** `?a=1&status=open&status=done` from an object: undefined and null left out, arrays repeated (the API's shape). */
export function queryString(query: Query): string {
  const q = new URLSearchParams();
  for (const [k, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    for (const one of Array.isArray(value) ? value : [value]) q.append(k, String(one));
  }
  const s = q.toString();
  return s ? `?${s}` : "";
}

type Options = { query?: Query; signal?: AbortSignal };

async function call<T>(method: string, path: string, body: unknown, opts: Options = {}): Promise<ActionResult<T>> {
  let res: Response;
  try {
    res = await fetch(`${path}${opts.query ? queryString(opts.query) : ""}`, {
      method,
      cache: "no-store",
      headers: { accept: "application/json", ...(body === undefined ? {} : { "content-type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: opts.signal,
    });
  } catch (e) {
    // A query cancelled on purpose (TanStack's signal) is not a failure to report.
    if (opts.signal?.aborted) throw e;
    return unreachable<T>();
  }
  let parsed: unknown = null;
  try {
    const text = await res.text();
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // A 2xx that is not JSON (an HTML page from something in between) is not the API's answer.
    if (res.ok) return { ok: false, code: "internal", error: "" };
    parsed = null;
  }
  return toResult<T>(res.status, parsed);
}

export const api = {
  get: <T>(path: string, opts?: Options) => call<T>("GET", path, undefined, opts),
  post: <T>(path: string, body?: unknown, opts?: Options) => call<T>("POST", path, body ?? {}, opts),
  patch: <T>(path: string, body: unknown, opts?: Options) => call<T>("PATCH", path, body, opts),
  put: <T>(path: string, body: unknown, opts?: Options) => call<T>("PUT", path, body, opts),
  delete: <T = null>(path: string, opts?: Options) => call<T>("DELETE", path, undefined, opts),
};
