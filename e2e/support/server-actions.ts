import fs from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";

type ManifestEntry = { workers: Record<string, unknown>; exportedName?: string; filename?: string };

/** The server actions of the built app (.next), by "file#exportedName" → id and a page that serves it. */
export function serverActions(): Map<string, { id: string; page: string }> {
  const file = path.join(process.cwd(), ".next", "server", "server-reference-manifest.json");
  const manifest = JSON.parse(fs.readFileSync(file, "utf8")) as { node: Record<string, ManifestEntry> };
  const out = new Map<string, { id: string; page: string }>();
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (!entry.filename || !entry.exportedName) continue;
    out.set(`${entry.filename}#${entry.exportedName}`, { id, page: pagePath(Object.keys(entry.workers)) });
  }
  return out;
}

/** A URL that renders one of the pages the action is bundled with (a static one when there is one). */
function pagePath(workers: string[]): string {
  const urls = workers.map((w) =>
    w
      .replace(/^app/, "")
      .replace(/\/page$/, "")
      .replace(/\/\([^)]+\)/g, "")
      .replace(/\[[^[\]]+\]/g, "00000000-0000-4000-8000-000000000000") || "/",
  );
  return urls.find((u) => !u.includes("00000000-")) ?? urls[0] ?? "/";
}

export type ActionAnswer = { status: number; ok: boolean | null; code: string | null; text: string; location: string | null };

/** React's reply encoding for plain values: a string starting with "$" is escaped as "$$…". */
const encodeReply = (value: unknown): unknown =>
  typeof value === "string" ? (value.startsWith("$") ? `$${value}` : value)
  : Array.isArray(value) ? value.map(encodeReply)
  : value && typeof value === "object" ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encodeReply(v)]))
  : value;

/**
 * Calls a server action over HTTP the way the browser does (Next-Action header, arguments encoded
 * as React encodes them), without the UI, and reads the result from the RSC answer.
 */
export async function callAction(request: APIRequestContext, action: { id: string; page: string }, args: unknown[], headers: Record<string, string> = {}): Promise<ActionAnswer> {
  const res = await request.post(action.page, {
    headers: { "next-action": action.id, accept: "text/x-component", "content-type": "text/plain;charset=UTF-8", ...headers },
    data: JSON.stringify(encodeReply(args)),
    maxRedirects: 0,
    failOnStatusCode: false,
  });
  const text = await res.text();
  const ok = /"ok":true/.test(text) ? true : /"ok":false/.test(text) ? false : null;
  return { status: res.status(), ok, code: /"code":"([^"]+)"/.exec(text)?.[1] ?? null, text, location: res.headers()["location"] ?? null };
}
