"use client";

import { useTranslations } from "next-intl";
import { toast } from "@/components/ui/toast";
import { updateNotificationMailAction } from "@/app/(app)/profile/actions";
import { useZodForm } from "@/components/ui/use-zod-form";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/field";
import { notificationMailModes } from "@/db/enums";
import type { NotificationMailValues, UserNotificationKind } from "@/lib/validation/user-notifications";

const kinds: readonly UserNotificationKind[] = ["mentioned", "commented", "status_changed", "redated", "document"];

/** One row of three choices per kind; the assignment choice rides along unchanged (it is set above). */
export function NotificationMailForm({ defaults }: { defaults: NotificationMailValues }) {
  const t = useTranslations("profile");
  const labels: Record<string, string> = Object.fromEntries(kinds.map((kind) => [kind, t("notificationKind", { kind })]));
  const { form, onSubmit, summaryRef, formError, errorOf, pending } = useZodForm({
    schema: () => import("@/lib/validation/user-notifications").then((m) => m.notificationMailInput),
    defaultValues: defaults,
    fields: kinds,
    submit: updateNotificationMailAction,
    onDone: (saved) => {
      form.reset(saved);
      toast.success(t("notificationMailSaved"));
    },
  });
  const { register, formState: { isDirty } } = form;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      <ErrorSummary errors={{ ...Object.fromEntries(kinds.map((kind) => [kind, errorOf(kind)])), ...(formError ? { _: formError } : {}) }} labels={labels} summaryRef={summaryRef} />
      {kinds.map((kind) => (
        <fieldset key={kind} id={kind} className="flex flex-wrap items-center gap-x-5 gap-y-1 border-b border-zinc-100 pb-2">
          <legend className="float-left w-full text-sm font-semibold text-zinc-900 sm:w-72">{labels[kind]}</legend>
          {notificationMailModes.map((m) => (
            <label key={m} className="inline-flex items-center gap-1.5 text-sm text-zinc-800">
              <input type="radio" value={m} className="size-4" {...register(kind)} />
              {t("mailMode", { mode: m })}
            </label>
          ))}
        </fieldset>
      ))}
      <Button type="submit" disabled={pending || !isDirty}>
        {pending ? t("saving") : t("saveNotificationMail")}
      </Button>
    </form>
  );
}
