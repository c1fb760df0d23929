import "server-only";
import { NextResponse } from "next/server";
import { z } from "zod";
import { type Db } from "@/db/client";
import { getDb } from "@/db/connection";
import { authenticateToken } from "@/db/queries/api-tokens";
import { queryCountEnabled, requestQueryCounter } from "@/db/query-count";
import { recordRefused } from "@/server/audit";
import { bodyLimits, limitBody } from "@/server/body-limits";
import { AppError } from "@/lib/errors";
import { errorSentence, localizeAppError } from "@/lib/i18n/errors";
import type { Locale } from "@/lib/i18n/locale";
import { vm } from "@/lib/i18n/validation";
import { localeOfRequest } from "@/server/i18n";
import type { Viewer } from "@/lib/policy";
import { authenticate } from "@/server/session";
import { clientAddress } from "@/server/sign-in";
import { fieldErrors, safeParseInput } from "@/lib/validation/common";

type Ctx<P> = { params: Promise<P> };
/** `locale`: the requester's language (saved choice, cookie, Accept-Language, English), for what the handler writes in words. */
type Handler<P> = (args: { req: Request; db: Db; viewer: Viewer; params: P; locale: Locale }) => Promise<unknown>;

/**
 * Every /api/v1 route: authenticate, refuse cross-site writes, run the handler, and map
 * errors to `{ error: { code, message, fields } }` with the right status. Never a 500 for input.
 */
export function apiRoute<P = Record<string, never>>(handler: Handler<P>, opts: RouteOptions = {}) {
  const route = runRoute(handler, opts);
  if (!queryCountEnabled()) return route;
  // Benchmarks only: the number of SQL statements this request sent, session lookup included.
  return async (req: Request, ctx: Ctx<P>) => {
    const queries = requestQueryCounter();
    const result = await route(req, ctx);
    result.headers.set("x-query-count", String(queries()));
    return result;
  };
}

/**
 * `status` of a success; `maxBody`, the body limit of server/body-limits.ts (default: json), or "own" for an
 * upload the handler streams under its own limit (documents, imports); sessionOnly: a bearer token is
 * refused (token management: a token cannot make tokens).
 */
type RouteOptions = { status?: number; maxBody?: number | "own"; sessionOnly?: boolean };

function runRoute<P>(handler: Handler<P>, opts: RouteOptions) {
  return async (incoming: Request, ctx: Ctx<P>): Promise<Response> => {
    let viewer: Viewer | undefined;
    let req = incoming;
    try {
      const token = bearerToken(req);
      if (token !== null) viewer = await authenticateBearer(req, token, opts);
      else {
        if (req.method !== "GET" && req.method !== "HEAD") checkOrigin(req);
        viewer = await authenticate();
      }
      if (req.method !== "GET" && req.method !== "HEAD" && opts.maxBody !== "own") {
        req = await limitBody(req, opts.maxBody ?? bodyLimits.json, (body) => new Request(incoming.url, { method: incoming.method, headers: incoming.headers, body }));
      }
      const db = await getDb();
      const params = await ctx.params;
      const locale = localeOfRequest(req, viewer.locale);
      viewer = { ...viewer, readLocale: locale };
      const data = await handler({ req, db, viewer, params, locale });
      if (data instanceof Response) return data;
      return NextResponse.json(data, { status: opts.status ?? 200, headers: { "cache-control": "no-store" } });
    } catch (e) {
      // A signed-in user refused (403) is in the audit trail.
      if (viewer && e instanceof AppError && e.type === "forbidden") await recordRefused(getDb(), viewer, e, { method: req.method, path: new URL(req.url).pathname });
      return errorResponse(e, localeOfRequest(req, viewer?.locale));
    }
  };
}

/**
 * `{ error: { code, message, fields } }` with its status. `message` and `fields` are in `locale` (the
 * requester's: lib/i18n/server.ts); `code` is the same in every language.
 */
export function errorResponse(e: unknown, locale: Locale = "en") {
  if (e instanceof z.ZodError) return errorResponse(invalidInput(e), locale);
  if (e instanceof AppError) return NextResponse.json({ error: localizeAppError(e, locale) }, { status: e.status });
  console.error(e);
  return NextResponse.json({ error: { code: "internal", message: errorSentence("internal", locale) } }, { status: 500 });
}

export const invalidInput = (e: z.ZodError) => {
  const error = new AppError("bad_request:input", undefined, fieldErrors(e));
  error.issues = e;
  return error;
};

/** The token of an `Authorization: Bearer …` header; null without one (the session cookie decides). */
function bearerToken(req: Request): string | null {
  const header = req.headers.get("authorization");
  if (!header) return null;
  const [scheme, token] = header.trim().split(/\s+/, 2);
  return scheme?.toLowerCase() === "bearer" ? (token ?? "") : null;
}

/**
 * An API token acts as its owner through the same policy, capped by its scope. It is exempt from
 * the Origin check: a browser never adds this header cross-site by itself (CORS), so a forged
 * request cannot carry it; the cookie ignored here is what the Origin check protects.
 */
async function authenticateBearer(req: Request, token: string, opts: RouteOptions): Promise<Viewer> {
  const auth = await authenticateToken(await getDb(), token, clientAddress(req.headers));
  if (opts.sessionOnly) throw new AppError("forbidden:api_token", vm("tokenCannotManageTokens"));
  if (auth.scope === "read" && req.method !== "GET" && req.method !== "HEAD") {
    throw new AppError("forbidden:api_token_scope", vm("tokenReadOnly"));
  }
  return auth.viewer;
}

/** A browser request from another site (a forged Origin) is refused before anything happens. */
function checkOrigin(req: Request) {
  const origin = req.headers.get("origin");
  if (!origin) return;
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  let originHost: string | undefined;
  try {
    originHost = new URL(origin).host;
  } catch {
    originHost = undefined;
  }
  if (!host || originHost !== host) throw new AppError("forbidden:origin", vm("crossSite"));
}

export async function readJson<S extends z.ZodType>(req: Request, schema: S): Promise<z.infer<S>> {
  let body: unknown;
  try {
    body = await req.json();
  } catch {
    const sentence = errorSentence("invalidJson", "en");
    throw new AppError("bad_request:json", sentence, { _: sentence });
  }
  const parsed = safeParseInput(schema, body);
  if (!parsed.success) throw invalidInput(parsed.error);
  return parsed.data;
}

export function readQuery<S extends z.ZodType>(req: Request, schema: S): z.infer<S> {
  const url = new URL(req.url);
  const raw: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const all = url.searchParams.getAll(key).filter((v) => v !== "");
    if (all.length) raw[key] = all.length === 1 ? (all[0] as string) : all;
  }
  const parsed = safeParseInput(schema, raw);
  if (!parsed.success) throw invalidInput(parsed.error);
  return parsed.data;
}

export const uuidParam = (value: string, entity: string) => {
  if (!z.uuid().safeParse(value).success) throw new AppError(`not_found:${entity}`);
  return value;
};
