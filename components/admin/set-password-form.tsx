"use client";

import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { type Path, useForm } from "react-hook-form";
import { setPasswordAction } from "@/app/(auth)/set-password/actions";
import { Button } from "@/components/ui/button";
import { describedBy, ErrorSummary, Field, inputClass } from "@/components/ui/field";
import type { SetPasswordInput } from "@/lib/validation/users";
import { lazyZodResolver } from "@/lib/lazy-resolver";

/** zod and the schema load after the page (lib/lazy-resolver.ts). */
const resolver = lazyZodResolver(() => import("@/lib/validation/users").then((m) => m.setPasswordInput));

const labels = { password: "New password", confirm: "New password again" } as const;

export function SetPasswordForm({ token }: { token: string }) {
  const summaryRef = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(0);
  const [formError, setFormError] = useState("");
  const [done, setDone] = useState(false);
  const { register, handleSubmit, setError, formState: { errors, isSubmitting } } = useForm<SetPasswordInput>({
    resolver,
    shouldFocusError: false,
    defaultValues: { token, password: "", confirm: "" },
  });
  // RHF reports an invalid submit before it publishes the errors, so the summary may appear a
  // render later: focus it on the first render after a failed submit where it exists.
  const focusPending = useRef(0);
  useEffect(() => {
    if (failed > focusPending.current && summaryRef.current) {
      focusPending.current = failed;
      summaryRef.current.focus();
    }
  });
  if (done) {
    return (
      <p role="status" className="text-sm text-zinc-800">
        Your password is set. <Link href="/signin">Sign in</Link>.
      </p>
    );
  }
  const onSubmit = handleSubmit(async (values) => {
    setFormError("");
    const result = await setPasswordAction(values).catch(() => null);
    if (result?.ok) return setDone(true);
    if (!result) setFormError("Could not reach the server. Try again.");
    else {
      const placed = Object.entries(result.fieldErrors ?? {}).filter(([k]) => k in labels);
      for (const [k, m] of placed) setError(k as Path<SetPasswordInput>, { type: "server", message: m });
      if (!placed.length) setFormError(result.error);
    }
    setFailed((n) => n + 1);
  }, () => setFailed((n) => n + 1));
  const err = (f: keyof typeof labels) => errors[f]?.message;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <ErrorSummary errors={{ password: err("password"), confirm: err("confirm"), ...(formError ? { _: formError } : {}) }} labels={labels} summaryRef={summaryRef} />
      <Field id="password" label={labels.password} hint="At least 12 characters." error={err("password")}>
        <input id="password" type="password" autoComplete="new-password" className={inputClass} {...describedBy("password", "hint", err("password"))} {...register("password")} />
      </Field>
      <Field id="confirm" label={labels.confirm} error={err("confirm")}>
        <input id="confirm" type="password" autoComplete="new-password" className={inputClass} {...describedBy("confirm", undefined, err("confirm"))} {...register("confirm")} />
      </Field>
      <Button type="submit" disabled={isSubmitting} className="w-full py-2">
        {isSubmitting ? "Saving…" : "Set password"}
      </Button>
    </form>
  );
}
