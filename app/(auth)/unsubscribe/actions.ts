"use server";

import { getDb } from "@/db/connection";
import { unsubscribe } from "@/db/queries/notifications";
import type { ActionResult } from "@/lib/result";
import { actionError } from "@/server/actions";
import { localizedFieldErrors } from "@/lib/i18n/errors";
import { translate } from "@/lib/i18n/translate";
import { requestLocale } from "@/server/i18n";
import type { UnsubscribeKind } from "@/server/reminders/tokens";
import { unsubscribeInput } from "@/lib/validation/reminders";

/** No session here: the signed token from the e-mail is the proof (it names the user and the kind of mail). */
export async function unsubscribeAction(raw: unknown): Promise<ActionResult<{ email: string; kind: UnsubscribeKind }>> {
  const parsed = unsubscribeInput.safeParse(raw);
  const locale = await requestLocale();
  if (!parsed.success) return { ok: false, code: "bad_request:input", error: translate(locale, "auth")("unsubscribeLinkInvalid"), fieldErrors: localizedFieldErrors(parsed.error, locale) };
  try {
    const done = await unsubscribe(await getDb(), parsed.data.token);
    return { ok: true, data: { email: done.email, kind: done.kind } };
  } catch (e) {
    return actionError(e, locale);
  }
}
