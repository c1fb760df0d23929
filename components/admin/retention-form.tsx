"use client";

import { useTranslations } from "next-intl";
import { setRetentionAction } from "@/app/(app)/admin/actions";
import { useZodForm } from "@/components/ui/use-zod-form";
import { Button } from "@/components/ui/button";
import { describedBy, ErrorSummary, Field, inputClass } from "@/components/ui/field";
import { toast } from "@/components/ui/toast";

/** The retention period of sign-in records, refused attempts and sent e-mails. */
export function RetentionForm({ days }: { days: number }) {
  const t = useTranslations("admin.retention");
  const tc = useTranslations("admin.common");
  const labels = { days: t("days") };
  const { form, onSubmit, summaryRef, formError, errorOf } = useZodForm({
    schema: () => import("@/lib/validation/settings").then((m) => m.retentionInput),
    defaultValues: { days },
    fields: ["days"],
    submit: setRetentionAction,
    onDone: (r) => toast.success(t("saved", { days: String(r.days) })),
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-end gap-3" aria-label={t("formLabel")}>
      <ErrorSummary errors={{ days: errorOf("days"), ...(formError ? { _: formError } : {}) }} labels={labels} summaryRef={summaryRef} />
      <Field id="retention-days" label={labels.days} hint={t("hint")} error={errorOf("days")} className="w-44">
        <input id="retention-days" type="number" inputMode="numeric" min={30} max={3650} className={inputClass} {...describedBy("retention-days", "hint", errorOf("days"))} {...form.register("days")} />
      </Field>
      <Button type="submit" disabled={form.formState.isSubmitting}>
        {form.formState.isSubmitting ? tc("saving") : tc("save")}
      </Button>
    </form>
  );
}
