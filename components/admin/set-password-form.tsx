"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";
import { setPasswordAction } from "@/app/(auth)/set-password/actions";
import { Button } from "@/components/ui/button";
import { describedBy, ErrorSummary, Field, inputClass } from "@/components/ui/field";
import { useZodForm } from "@/components/ui/use-zod-form";

const fields = ["password", "confirm"] as const;

/** Set a password from an invitation or reset link, on the one form hook (useZodForm). */
export function SetPasswordForm({ token }: { token: string }) {
  const t = useTranslations("setPassword");
  const labels = { password: t("password"), confirm: t("confirm") };
  const [done, setDone] = useState(false);
  const { form, onSubmit, summaryRef, formError, pending, errorOf } = useZodForm({
    schema: () => import("@/lib/validation/users").then((m) => m.setPasswordInput),
    defaultValues: { token, password: "", confirm: "" },
    fields,
    refresh: false,
    submit: (values) => setPasswordAction(values),
    onDone: () => setDone(true),
  });
  if (done) {
    return (
      <p role="status" className="text-sm text-zinc-800">
        {t.rich("done", { link: (chunks) => <Link href="/signin">{chunks}</Link> })}
      </p>
    );
  }
  const { register } = form;
  const [password, confirm] = fields.map((k) => errorOf(k));
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <ErrorSummary errors={{ password, confirm, ...(formError ? { _: formError } : {}) }} labels={labels} summaryRef={summaryRef} />
      <Field id="password" label={labels.password} hint={t("hint")} error={password}>
        <input id="password" type="password" autoComplete="new-password" className={inputClass} {...describedBy("password", "hint", password)} {...register("password")} />
      </Field>
      <Field id="confirm" label={labels.confirm} error={confirm}>
        <input id="confirm" type="password" autoComplete="new-password" className={inputClass} {...describedBy("confirm", undefined, confirm)} {...register("confirm")} />
      </Field>
      <Button type="submit" disabled={pending} className="w-full py-2">
        {pending ? t("saving") : t("submit")}
      </Button>
    </form>
  );
}
