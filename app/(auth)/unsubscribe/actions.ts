"use server";

import { getDb } from "@/db/connection";
import { unsubscribe } from "@/db/queries/notifications";
import type { ActionResult } from "@/lib/actions";
import { AppError } from "@/lib/errors";
import { fieldErrors } from "@/lib/validation/common";
import { unsubscribeInput } from "@/lib/validation/reminders";

/** No session here: the signed token from the e-mail is the proof (it names the user and the kind of mail). */
export async function unsubscribeAction(raw: unknown): Promise<ActionResult<{ email: string; kind: "digest" | "assignment" }>> {
  const parsed = unsubscribeInput.safeParse(raw);
  if (!parsed.success) return { ok: false, code: "bad_request:input", error: "This unsubscribe link is not valid.", fieldErrors: fieldErrors(parsed.error) };
  try {
    const done = await unsubscribe(await getDb(), parsed.data.token);
    return { ok: true, data: { email: done.email, kind: done.kind } };
  } catch (e) {
    if (e instanceof AppError) return { ok: false, code: e.code, error: e.message, fieldErrors: e.fields };
    console.error(e);
    return { ok: false, code: "internal", error: "Something went wrong on our side. Try again; if it keeps happening, tell an admin." };
  }
}
