"use client";

import { useTranslations } from "next-intl";
import { toast } from "@/components/ui/toast";
import type { z } from "zod";
import { updateDigestPreferencesAction } from "@/app/(app)/profile/actions";
import { useZodForm } from "@/components/ui/use-zod-form";
import { Button } from "@/components/ui/button";
import { describedBy, ErrorSummary, Field, FieldError, inputClass } from "@/components/ui/field";
import { digestFrequencies } from "@/db/enums";
import type { digestPreferencesInput } from "@/lib/validation/reminders";

const fields = ["frequency", "days", "assignmentNotices"] as const;
type Input = z.input<typeof digestPreferencesInput>;

/** The profile's "E-mail reminders" form: the digest's frequency and days ahead, and assignment notices. */
export function DigestPreferencesForm({ defaults, defaultDays }: { defaults: Input; defaultDays: number }) {
  const t = useTranslations("profile");
  const labels = { frequency: t("digest"), days: t("daysAhead"), assignmentNotices: t("assignmentNotices") };
  const { form, onSubmit, summaryRef, formError, errorOf, pending } = useZodForm({
    schema: () => import("@/lib/validation/reminders").then((m) => m.digestPreferencesInput),
    defaultValues: { ...defaults, days: defaults.days ?? "" },
    fields,
    submit: updateDigestPreferencesAction,
    onDone: (saved) => {
      form.reset({ frequency: saved.frequency, days: saved.days ?? "", assignmentNotices: saved.assignmentNotices });
      toast.success(t("remindersSaved"));
    },
  });
  const { register, formState: { isDirty } } = form;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <ErrorSummary errors={{ frequency: errorOf("frequency"), days: errorOf("days"), ...(formError ? { _: formError } : {}) }} labels={labels} summaryRef={summaryRef} />
      <fieldset id="frequency" aria-describedby={errorOf("frequency") ? "frequency-error" : undefined}>
        <legend className="block text-sm font-semibold text-zinc-900">{labels.frequency}</legend>
        <div className="mt-1 flex flex-wrap gap-x-5 gap-y-1">
          {digestFrequencies.map((f) => (
            <label key={f} className="inline-flex items-center gap-1.5 text-sm text-zinc-800">
              <input type="radio" value={f} className="size-4" {...register("frequency")} />
              {t("frequency", { frequency: f })}
            </label>
          ))}
        </div>
        <FieldError id="frequency" error={errorOf("frequency")} />
      </fieldset>
      <Field id="days" label={labels.days} hint={t("daysHint", { days: defaultDays })} error={errorOf("days")} className="max-w-xs">
        <input id="days" type="number" inputMode="numeric" min={1} max={60} className={inputClass} {...describedBy("days", "hint", errorOf("days"))} {...register("days")} />
      </Field>
      <label className="flex items-center gap-2 text-sm text-zinc-800">
        <input type="checkbox" className="size-4" {...register("assignmentNotices")} />
        {t("assignmentNoticesLabel")}
      </label>
      <Button type="submit" disabled={pending || !isDirty}>
        {pending ? t("saving") : t("saveReminders")}
      </Button>
    </form>
  );
}
