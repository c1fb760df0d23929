"use server";

import { getDb } from "@/db/connection";
import { setPasswordWithToken } from "@/db/queries/users";
import type { ActionResult } from "@/lib/result";
import { actionError } from "@/server/actions";
import { errorSentence, localizedFieldErrors } from "@/lib/i18n/errors";
import { requestLocale } from "@/server/i18n";
import { setPasswordInput } from "@/lib/validation/users";

/** No session here: the one-time token is the proof, and it is spent in the same transaction. */
export async function setPasswordAction(raw: unknown): Promise<ActionResult<{ email: string }>> {
  const parsed = setPasswordInput.safeParse(raw);
  const locale = await requestLocale();
  if (!parsed.success) return { ok: false, code: "bad_request:input", error: errorSentence("checkFields", locale), fieldErrors: localizedFieldErrors(parsed.error, locale) };
  try {
    const user = await setPasswordWithToken(await getDb(), parsed.data.token, parsed.data.password);
    return { ok: true, data: { email: user.email } };
  } catch (e) {
    return actionError(e, locale);
  }
}
