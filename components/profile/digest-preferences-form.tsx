"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useRef, useState } from "react";
import { type Path, useForm } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { updateDigestPreferencesAction } from "@/app/(app)/profile/actions";
import { Button } from "@/components/ui/button";
import { describedBy, ErrorSummary, Field, FieldError, inputClass } from "@/components/ui/field";
import { digestFrequencies } from "@/db/enums";
import { digestPreferencesInput, type DigestPreferencesValues } from "@/lib/validation/reminders";

const labels = { frequency: "Digest", days: "Days ahead", assignmentNotices: "Assignment notices" } as const;
const frequencyLabels: Record<(typeof digestFrequencies)[number], string> = {
  daily: "Daily",
  weekly: "Weekly (Mondays)",
  never: "Never",
};
type Input = z.input<typeof digestPreferencesInput>;

export function DigestPreferencesForm({ defaults, defaultDays }: { defaults: Input; defaultDays: number }) {
  const summaryRef = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(0);
  const [formError, setFormError] = useState("");
  const { register, handleSubmit, setError, reset, formState: { errors, isSubmitting, isDirty } } = useForm<Input, unknown, DigestPreferencesValues>({
    resolver: zodResolver(digestPreferencesInput),
    shouldFocusError: false,
    defaultValues: { ...defaults, days: defaults.days ?? "" },
  });
  const focusPending = useRef(0);
  useEffect(() => {
    if (failed > focusPending.current && summaryRef.current) {
      focusPending.current = failed;
      summaryRef.current.focus();
    }
  });
  const onSubmit = handleSubmit(async (values) => {
    setFormError("");
    const result = await updateDigestPreferencesAction(values).catch(() => null);
    if (result?.ok) {
      reset({ frequency: result.data.frequency, days: result.data.days ?? "", assignmentNotices: result.data.assignmentNotices });
      toast.success("Your e-mail reminders are saved.");
      return;
    }
    if (!result) setFormError("Could not reach the server. Try again.");
    else {
      const placed = Object.entries(result.fieldErrors ?? {}).filter(([k]) => k in labels);
      for (const [k, m] of placed) setError(k as Path<Input>, { type: "server", message: m });
      if (!placed.length) setFormError(result.error);
    }
    setFailed((n) => n + 1);
  }, () => setFailed((n) => n + 1));
  const err = (f: keyof typeof labels) => errors[f]?.message;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <ErrorSummary errors={{ frequency: err("frequency"), days: err("days"), ...(formError ? { _: formError } : {}) }} labels={labels} summaryRef={summaryRef} />
      <fieldset id="frequency" aria-describedby={err("frequency") ? "frequency-error" : undefined}>
        <legend className="block text-sm font-semibold text-zinc-900">{labels.frequency}</legend>
        <div className="mt-1 flex flex-wrap gap-x-5 gap-y-1">
          {digestFrequencies.map((f) => (
            <label key={f} className="inline-flex items-center gap-1.5 text-sm text-zinc-800">
              <input type="radio" value={f} className="size-4" {...register("frequency")} />
              {frequencyLabels[f]}
            </label>
          ))}
        </div>
        <FieldError id="frequency" error={err("frequency")} />
      </fieldset>
      <Field id="days" label={labels.days} hint={`How far ahead the digest looks for due follow-ups, 1 to 60 days. Empty: ${defaultDays}.`} error={err("days")} className="max-w-xs">
        <input
          id="days"
          type="number"
          inputMode="numeric"
          min={1}
          max={60}
          className={inputClass}
          {...describedBy("days", "hint", err("days"))}
          {...register("days")}
        />
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
