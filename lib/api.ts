import "server-only";
import { NextResponse } from "next/server";
import { z } from "zod";
import { type Db } from "@/db/client";
import { getDb } from "@/db/connection";
import { queryCountEnabled, requestQueryCounter } from "@/db/query-count";
import { recordRefused } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import type { Viewer } from "@/lib/policy";
import { authenticate } from "@/lib/session";
import { fieldErrors, safeParseInput } from "@/lib/validation/common";

type Ctx<P> = { params: Promise<P> };
type Handler<P> = (args: { req: Request; db: Db; viewer: Viewer; params: P }) => Promise<unknown>;

/**
 * Every /api/v1 route: authenticate, refuse cross-site writes, run the handler, and map
 * errors to `{ error: { code, message, fields } }` with the right status. Never a 500 for input.
 */
export function apiRoute<P = Record<string, never>>(handler: Handler<P>, opts: { status?: number } = {}) {
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

function runRoute<P>(handler: Handler<P>, opts: { status?: number }) {
  return async (req: Request, ctx: Ctx<P>): Promise<Response> => {
    let viewer: Viewer | undefined;
    try {
      if (req.method !== "GET" && req.method !== "HEAD") checkOrigin(req);
      viewer = await authenticate();
      const db = await getDb();
      const params = await ctx.params;
      const data = await handler({ req, db, viewer, params });
      if (data instanceof Response) return data;
      return NextResponse.json(data, { status: opts.status ?? 200, headers: { "cache-control": "no-store" } });
    } catch (e) {
      // A signed-in user refused (403) is in the audit trail.
      if (viewer && e instanceof AppError && e.type === "forbidden") await recordRefused(getDb(), viewer, e, { method: req.method, path: new URL(req.url).pathname });
      return errorResponse(e);
    }
  };
}

export function errorResponse(e: unknown) {
  if (e instanceof AppError) return NextResponse.json(e.toJSON(), { status: e.status });
  if (e instanceof z.ZodError) return NextResponse.json(invalidInput(e).toJSON(), { status: 400 });
  console.error(e);
  return NextResponse.json({ error: { code: "internal", message: "Something went wrong on our side. Try again; if it keeps happening, tell an admin." } }, { status: 500 });
}

export const invalidInput = (e: z.ZodError) => new AppError("bad_request:input", undefined, fieldErrors(e));

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
  if (!host || originHost !== host) throw new AppError("forbidden:origin", "Requests from another site are not accepted.");
}

export async function readJson<S extends z.ZodType>(req: Request, schema: S): Promise<z.infer<S>> {
  let body: unknown;
  try {
    body = await req.json();
  } catch {
    throw new AppError("bad_request:json", "The request body is not valid JSON.", { _: "The request body is not valid JSON." });
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
