"use server";

import { getDb } from "@/db/connection";
import { setPasswordWithToken } from "@/db/queries/users";
import type { ActionResult } from "@/lib/actions";
import { AppError } from "@/lib/errors";
import { fieldErrors } from "@/lib/validation/common";
import { setPasswordInput } from "@/lib/validation/users";

/** No session here: the one-time token is the proof, and it is spent in the same transaction. */
export async function setPasswordAction(raw: unknown): Promise<ActionResult<{ email: string }>> {
  const parsed = setPasswordInput.safeParse(raw);
  if (!parsed.success) return { ok: false, code: "bad_request:input", error: "Check the highlighted fields.", fieldErrors: fieldErrors(parsed.error) };
  try {
    const user = await setPasswordWithToken(await getDb(), parsed.data.token, parsed.data.password);
    return { ok: true, data: { email: user.email } };
  } catch (e) {
    if (e instanceof AppError) return { ok: false, code: e.code, error: e.message, fieldErrors: e.fields };
    console.error(e);
    return { ok: false, code: "internal", error: "Something went wrong on our side. Try again; if it keeps happening, tell an admin." };
  }
}
