"use server";

import { AuthError } from "next-auth";
import { safePath, signIn } from "@/lib/auth";
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
    // Same sentence whether the account exists or not: no account enumeration.
    if (e instanceof AuthError) return { error: "The e-mail address or password is not right.", email };
    throw e; // Next's redirect after a successful sign-in
  }
  return {};
}
