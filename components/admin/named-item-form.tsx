"use client";

import type { UseFormRegister } from "react-hook-form";
import type { z } from "zod";
import { describedBy, Field, inputClass } from "@/components/ui/field";
import type { ActionResult } from "@/lib/actions";
import type { meetingSeriesInput } from "@/lib/validation/meeting-series";
import { FormActions, FormSummary } from "./form-bits";
import { useAdminForm } from "./use-admin-form";

const labels = { name: "Name", description: "Description (optional)" } as const;
type Schema = typeof meetingSeriesInput;

/** The name and description fields, shared by the meeting series and priority area forms. */
export function NameDescriptionFields({ prefix, register, errorOf }: {
  prefix: string;
  // Both forms have name and description; their other fields differ.
  register: UseFormRegister<{ name: string; description?: string }>;
  errorOf: (f: string) => string | undefined;
}) {
  const id = (f: string) => `${prefix}-${f}`;
  return (
    <>
      <Field id={id("name")} label={labels.name} error={errorOf("name")}>
        <input id={id("name")} type="text" className={inputClass} {...describedBy(id("name"), undefined, errorOf("name"))} {...register("name")} />
      </Field>
      <Field id={id("description")} label={labels.description} error={errorOf("description")}>
        <textarea id={id("description")} rows={2} className={inputClass} {...describedBy(id("description"), undefined, errorOf("description"))} {...register("description")} />
      </Field>
    </>
  );
}

/** Name and description: the form of a meeting series. */
const loadSchema = () => import("@/lib/validation/meeting-series").then((m) => m.meetingSeriesInput);

export function NamedItemForm({ prefix, current, submit, onDone, onCancel, submitLabel }: {
  prefix: string;
  current?: { name: string; description: string };
  submit: (values: z.output<Schema>) => Promise<ActionResult<unknown>>;
  onDone: () => void;
  onCancel: () => void;
  submitLabel: string;
}) {
  const { form, onSubmit, summaryRef, formError, errorOf } = useAdminForm({
    schema: loadSchema,
    fields: Object.keys(labels),
    defaultValues: { name: current?.name ?? "", description: current?.description ?? "" },
    submit,
    onDone: () => {
      onDone();
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-2xl space-y-4">
      <FormSummary prefix={prefix} labels={labels} errorOf={errorOf} formError={formError} summaryRef={summaryRef} />
      <NameDescriptionFields prefix={prefix} register={form.register} errorOf={errorOf} />
      <FormActions submitting={form.formState.isSubmitting} label={submitLabel} onCancel={onCancel} />
    </form>
  );
}
