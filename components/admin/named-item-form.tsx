"use client";

import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { describedBy, Field, inputClass } from "@/components/ui/field";
import type { ActionResult } from "@/lib/actions";
import type { meetingSeriesInput } from "@/lib/validation/meeting-series";
import type { priorityAreaInput } from "@/lib/validation/priority-areas";
import { FormSummary } from "./form-bits";
import { useAdminForm } from "./use-admin-form";

const labels = { name: "Name", description: "Description (optional)" } as const;
type Schema = typeof priorityAreaInput | typeof meetingSeriesInput;

/** Name and description: the form of a priority area and of a meeting series. */
export function NamedItemForm({ prefix, schema, current, submit, onDone, onCancel, submitLabel }: {
  prefix: string;
  schema: Schema;
  current?: { name: string; description: string };
  submit: (values: z.output<Schema>) => Promise<ActionResult<unknown>>;
  onDone: () => void;
  onCancel: () => void;
  submitLabel: string;
}) {
  const { form, onSubmit, summaryRef, formError, errorOf } = useAdminForm({
    schema,
    fields: Object.keys(labels),
    defaultValues: { name: current?.name ?? "", description: current?.description ?? "" },
    submit,
    onDone: () => {
      onDone();
    },
  });
  const id = (f: string) => `${prefix}-${f}`;
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-2xl space-y-4">
      <FormSummary prefix={prefix} labels={labels} errorOf={errorOf} formError={formError} summaryRef={summaryRef} />
      <Field id={id("name")} label={labels.name} error={errorOf("name")}>
        <input id={id("name")} type="text" className={inputClass} {...describedBy(id("name"), undefined, errorOf("name"))} {...form.register("name")} />
      </Field>
      <Field id={id("description")} label={labels.description} error={errorOf("description")}>
        <textarea id={id("description")} rows={2} className={inputClass} {...describedBy(id("description"), undefined, errorOf("description"))} {...form.register("description")} />
      </Field>
      <div className="flex gap-2">
        <Button type="submit" disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? "Saving…" : submitLabel}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
