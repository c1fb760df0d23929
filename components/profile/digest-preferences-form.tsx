"use client";

import { toast } from "sonner";
import type { z } from "zod";
import { updateDigestPreferencesAction } from "@/app/(app)/profile/actions";
import { useAdminForm } from "@/components/admin/use-admin-form";
import { Button } from "@/components/ui/button";
import { describedBy, ErrorSummary, Field, FieldError, inputClass } from "@/components/ui/field";
import { digestFrequencies } from "@/db/enums";
import type { digestPreferencesInput } from "@/lib/validation/reminders";

const labels = { frequency: "Digest", days: "Days ahead", assignmentNotices: "Assignment notices" } as const;
const frequencyLabels: Record<(typeof digestFrequencies)[number], string> = { daily: "Daily", weekly: "Weekly (Mondays)", never: "Never" };
type Input = z.input<typeof digestPreferencesInput>;

/** The profile's "E-mail reminders" form: the digest's frequency and days ahead, and assignment notices. */
export function DigestPreferencesForm({ defaults, defaultDays }: { defaults: Input; defaultDays: number }) {
  const { form, onSubmit, summaryRef, formError, errorOf } = useAdminForm({
    schema: () => import("@/lib/validation/reminders").then((m) => m.digestPreferencesInput),
    defaultValues: { ...defaults, days: defaults.days ?? "" },
    fields: Object.keys(labels),
    submit: updateDigestPreferencesAction,
    onDone: (saved) => {
      form.reset({ frequency: saved.frequency, days: saved.days ?? "", assignmentNotices: saved.assignmentNotices });
      toast.success("Your e-mail reminders are saved.");
    },
  });
  const { register, formState: { isSubmitting, isDirty } } = form;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <ErrorSummary errors={{ frequency: errorOf("frequency"), days: errorOf("days"), ...(formError ? { _: formError } : {}) }} labels={labels} summaryRef={summaryRef} />
      <fieldset id="frequency" aria-describedby={errorOf("frequency") ? "frequency-error" : undefined}>
        <legend className="block text-sm font-semibold text-zinc-900">{labels.frequency}</legend>
        <div className="mt-1 flex flex-wrap gap-x-5 gap-y-1">
          {digestFrequencies.map((f) => (
            <label key={f} className="inline-flex items-center gap-1.5 text-sm text-zinc-800">
              <input type="radio" value={f} className="size-4" {...register("frequency")} />
              {frequencyLabels[f]}
            </label>
          ))}
        </div>
        <FieldError id="frequency" error={errorOf("frequency")} />
      </fieldset>
      <Field id="days" label={labels.days} hint={`How far ahead the digest looks for due follow-ups, 1 to 60 days. Empty: ${defaultDays}.`} error={errorOf("days")} className="max-w-xs">
        <input id="days" type="number" inputMode="numeric" min={1} max={60} className={inputClass} {...describedBy("days", "hint", errorOf("days"))} {...register("days")} />
      </Field>
      <label className="flex items-center gap-2 text-sm text-zinc-800">
        <input type="checkbox" className="size-4" {...register("assignmentNotices")} />
        E-mail me when a follow-up is assigned to me (or, as a manager, to my organisation)
      </label>
      <Button type="submit" disabled={isSubmitting || !isDirty}>
        {isSubmitting ? "Saving…" : "Save reminders"}
      </Button>
    </form>
  );
}
