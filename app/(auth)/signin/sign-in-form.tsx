"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { describedBy, Field, inputClass } from "@/components/ui/field";
import { signInAction, type SignInState } from "./actions";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("auth");
  const [state, action, pending] = useActionState<SignInState, FormData>(signInAction, {});
  const emailError = state.fields?.email;
  const passwordError = state.fields?.password;
  return (
    <form action={action} className="space-y-4" noValidate>
      {state.error && (
        <div role="alert" className="rounded-md border-2 border-red-700 p-3 text-sm font-medium text-red-800">
          {state.error}
        </div>
      )}
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Field id="email" label={t("email")} error={emailError}>
        <input id="email" name="email" type="email" autoComplete="username" required defaultValue={state.email} className={inputClass} {...describedBy("email", undefined, emailError)} />
      </Field>
      <Field id="password" label={t("password")} error={passwordError}>
        <input id="password" name="password" type="password" autoComplete="current-password" required className={inputClass} {...describedBy("password", undefined, passwordError)} />
      </Field>
      <Button type="submit" className="w-full py-2" disabled={pending}>
        {pending ? t("signingIn") : t("signInButton")}
      </Button>
    </form>
  );
}
