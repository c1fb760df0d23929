"use server";

import { AuthError, type CredentialsSignin } from "next-auth";
import { signInThrottle } from "@/db/queries/sessions";
import { safePath, signIn, SSO_PROVIDER } from "@/server/auth";
import { oidcConfig } from "@/server/env";
import { signInInput } from "@/lib/validation/auth";
import { localizedFieldErrors } from "@/lib/i18n/errors";
import { requestLocale } from "@/server/i18n";
import { translate } from "@/lib/i18n/translate";

export type SignInState = { error?: string; fields?: Record<string, string>; email?: string };

export async function signInAction(_prev: SignInState, form: FormData): Promise<SignInState> {
  const email = String(form.get("email") ?? "");
  const locale = await requestLocale();
  const t = translate(locale, "auth");
  const parsed = signInInput.safeParse({ email, password: form.get("password") ?? "" });
  if (!parsed.success) return { fields: localizedFieldErrors(parsed.error, locale), email };
  try {
    await signIn("credentials", { ...parsed.data, redirectTo: safePath(form.get("callbackUrl")) });
  } catch (e) {
    if (e instanceof AuthError && (e as CredentialsSignin).code === "password_sign_in_off") {
      return { error: t("passwordSignInOff", { provider: oidcConfig()?.name ?? t("singleSignOn") }), email };
    }
    if (e instanceof AuthError && (e as CredentialsSignin).code === "too_many_attempts") {
      return { error: t("tooManyAttempts", { minutes: signInThrottle.windowMinutes }), email };
    }
    // Same sentence whether the account exists or not: no account enumeration.
    if (e instanceof AuthError) return { error: t("wrongCredentials"), email };
    throw e; // Next's redirect after a successful sign-in
  }
  return {};
}

/** The "Sign in with …" button: off to the single sign-on provider, back to where the user was going. */
export async function ssoSignInAction(form: FormData): Promise<void> {
  if (!oidcConfig()) return; // single sign-on is not configured: the button is not shown either
  await signIn(SSO_PROVIDER, { redirectTo: safePath(form.get("callbackUrl")) });
}
