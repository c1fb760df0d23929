import { getDb } from "@/db/connection";
import { errorResponse } from "@/server/api";
import { AppError } from "@/lib/errors";
import { vm } from "@/lib/i18n/validation";
import { isRunRemindersKey } from "@/server/reminders/tokens";
import { MailOffError, runReminders } from "@/server/reminders/run";

export const dynamic = "force-dynamic";

/**
 * `npm run reminders` on the embedded database while this server holds it: the script cannot open
 * the locked data directory, so it asks for the run here, with a key derived from the secret in
 * that directory (only someone who can read the data directory has it). No session grants this.
 */
export async function POST(req: Request) {
  try {
    const key = req.headers.get("authorization")?.replace(/^Bearer /, "") ?? null;
    if (!isRunRemindersKey(key)) throw new AppError("unauthorized:reminders", vm("remindersKey"));
    const body = (await req.json().catch(() => ({}))) as { digests?: unknown };
    return Response.json(await runReminders(await getDb(), { digests: body.digests !== false }), { headers: { "cache-control": "no-store" } });
  } catch (e) {
    if (e instanceof MailOffError) return Response.json({ error: { code: "conflict:mail_off", message: e.message } }, { status: 409 });
    return errorResponse(e);
  }
}
