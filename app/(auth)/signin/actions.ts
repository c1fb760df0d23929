"use server";

import { AuthError, type CredentialsSignin } from "next-auth";
import { signInThrottle } from "@/db/queries/sessions";
import { safePath, signIn, SSO_PROVIDER } from "@/lib/auth";
import { oidcConfig } from "@/lib/env";
import { signInInput } from "@/lib/validation/auth";
import { fieldErrors } from "@/lib/validation/common";

export type SignInState = { error?: string; fields?: Record<string, string>; email?: string };

export async function signInAction(_prev: SignInState, form: FormData): Promise<SignInState> {
  const email = String(form.get("email") ?? "");
  const parsed = signInInput.safeParse({ email, password: form.get("password") ?? "" });
  if (!parsed.success) return { fields: fieldErrors(parsed.error), email };
  try {
    await signIn("credentials", { ...parsed.data, redirectTo: safePath(form.get("callbackUrl")) });
  } catch (e) {
    if (e instanceof AuthError && (e as CredentialsSignin).code === "password_sign_in_off") {
      return { error: `Signing in with a password is turned off. Use “Sign in with ${oidcConfig()?.name ?? "single sign-on"}”.`, email };
    }
    if (e instanceof AuthError && (e as CredentialsSignin).code === "too_many_attempts") {
      return { error: `Too many failed sign-ins for this account or from this address. Wait ${signInThrottle.windowMinutes} minutes, then try again.`, email };
    }
    // Same sentence whether the account exists or not: no account enumeration.
    if (e instanceof AuthError) return { error: "The e-mail address or password is not right.", email };
    throw e; // Next's redirect after a successful sign-in
  }
  return {};
}

/** The "Sign in with …" button: off to the single sign-on provider, back to where the user was going. */
export async function ssoSignInAction(form: FormData): Promise<void> {
  if (!oidcConfig()) return; // single sign-on is not configured: the button is not shown either
  await signIn(SSO_PROVIDER, { redirectTo: safePath(form.get("callbackUrl")) });
}
