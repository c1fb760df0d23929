import { getDb } from "@/db/connection";
import { unsubscribe } from "@/db/queries/notifications";
import { errorResponse } from "@/server/api";
import { bodyLimits, limitBody } from "@/server/body-limits";
import { localeOfRequest } from "@/server/i18n";

export const dynamic = "force-dynamic";

/**
 * RFC 8058 one-click unsubscribe: a mail client POSTs "List-Unsubscribe=One-Click" to the URL of the
 * e-mail's List-Unsubscribe header. No session: the signed token in the URL is the proof. A bad
 * token answers 400 and changes nothing.
 */
export async function POST(req: Request) {
  try {
    await limitBody(req, bodyLimits.anonymous, (body) => new Request(req.url, { method: req.method, headers: req.headers, body }));
    const done = await unsubscribe(await getDb(), new URL(req.url).searchParams.get("token"));
    return Response.json({ unsubscribed: done.kind, email: done.email }, { headers: { "cache-control": "no-store" } });
  } catch (e) {
    return errorResponse(e, localeOfRequest(req));
  }
}
