"use client";

import { Download, LogOut } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, useTransition } from "react";
import { toast } from "@/components/ui/toast";
import { changePasswordAction, endMySessionsAction } from "@/app/(app)/profile/actions";
import { useZodForm } from "@/components/ui/use-zod-form";
import { Button, buttonClass } from "@/components/ui/button";
import { describedBy, ErrorSummary, Field, inputClass } from "@/components/ui/field";

const fields = ["currentPassword", "password", "confirm"] as const;

/** The profile's account panel: change the password, sign out everywhere, download one's data. */
export function AccountSecurity({ passwordSignIn }: { passwordSignIn: boolean }) {
  const t = useTranslations("profile");
  const labels = { currentPassword: t("currentPassword"), password: t("newPassword"), confirm: t("newPasswordAgain") };
  const uid = useId();
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [pending, startTransition] = useTransition();
  const questionRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (confirming) questionRef.current?.focus();
  }, [confirming]);

  const { form, onSubmit, summaryRef, formError, errorOf, pending: saving } = useZodForm({
    schema: () => import("@/lib/validation/users").then((m) => m.changePasswordInput),
    defaultValues: { currentPassword: "", password: "", confirm: "" },
    fields,
    submit: changePasswordAction,
    onDone: ({ otherSessionsEnded }) => {
      form.reset();
      toast.success(otherSessionsEnded ? t("passwordChangedSessions", { count: otherSessionsEnded }) : t("passwordChanged"));
    },
  });

  const endAll = () =>
    startTransition(async () => {
      const result = await endMySessionsAction({}).catch(() => null);
      if (!result?.ok) {
        setConfirming(false);
        toast.error(result?.error ?? t("unreachable"));
        return;
      }
      // This session ended too: the sign-in page is next.
      router.replace("/signin");
    });

  const { register } = form;
  return (
    <section aria-labelledby={`${uid}-title`} className="space-y-5 rounded-lg border border-zinc-200 bg-white px-4 py-4">
      <div className="space-y-1">
        <h2 id={`${uid}-title`} className="text-base font-semibold">
          {t("accountTitle")}
        </h2>
        <p className="text-sm text-zinc-700">{t("accountIntro")}</p>
      </div>

      {passwordSignIn && (
        <form onSubmit={onSubmit} noValidate className="max-w-md space-y-4" aria-label={t("changePassword")}>
          <ErrorSummary
            errors={{ currentPassword: errorOf("currentPassword"), password: errorOf("password"), confirm: errorOf("confirm"), ...(formError ? { _: formError } : {}) }}
            labels={labels}
            summaryRef={summaryRef}
          />
          <Field id="currentPassword" label={labels.currentPassword} error={errorOf("currentPassword")}>
            <input id="currentPassword" type="password" autoComplete="current-password" className={inputClass} {...describedBy("currentPassword", undefined, errorOf("currentPassword"))} {...register("currentPassword")} />
          </Field>
          <Field id="password" label={labels.password} hint={t("passwordHint")} error={errorOf("password")}>
            <input id="password" type="password" autoComplete="new-password" className={inputClass} {...describedBy("password", "hint", errorOf("password"))} {...register("password")} />
          </Field>
          <Field id="confirm" label={labels.confirm} error={errorOf("confirm")}>
            <input id="confirm" type="password" autoComplete="new-password" className={inputClass} {...describedBy("confirm", undefined, errorOf("confirm"))} {...register("confirm")} />
          </Field>
          <Button type="submit" disabled={saving}>
            {saving ? t("saving") : t("changePassword")}
          </Button>
        </form>
      )}

      <div className="flex flex-wrap items-start gap-3 border-t border-zinc-100 pt-4">
        {confirming ? (
          <div className="space-y-2" role="group" aria-labelledby={`${uid}-question`}>
            <p id={`${uid}-question`} ref={questionRef} tabIndex={-1} className="text-sm text-zinc-900">
              {t("signOutQuestion")}
            </p>
            <div className="flex gap-2">
              <Button variant="danger" onClick={endAll} disabled={pending}>
                {t("signOutConfirm")}
              </Button>
              <Button variant="secondary" onClick={() => setConfirming(false)} disabled={pending}>
                {t("cancel")}
              </Button>
            </div>
          </div>
        ) : (
          <Button variant="secondary" onClick={() => setConfirming(true)}>
            <LogOut aria-hidden className="size-4" />
            {t("signOutEverywhere")}
          </Button>
        )}
        <a href="/api/v1/me/export" download className={buttonClass("secondary")}>
          <Download aria-hidden className="size-4" />
          {t("downloadData")}
        </a>
      </div>
    </section>
  );
}
