"use client";

import { Controller } from "react-hook-form";
import type { z } from "zod";
import { describedBy, Field, inputClass } from "@/components/ui/field";
import type { ActionResult } from "@/lib/actions";
import type { priorityAreaInput } from "@/lib/validation/priority-areas";
import { FormActions, FormSummary } from "./form-bits";
import type { SdgTarget } from "@/lib/sdg";
import { NameDescriptionFields } from "./named-item-form";
import { SdgTargetPicker } from "./sdg-target-picker";
import { useAdminForm } from "./use-admin-form";

const labels = { name: "Name", description: "Description (optional)", keywords: "Keywords (optional)", sdgTargets: "SDG targets (optional)" } as const;

export type PriorityAreaFormValues = z.output<typeof priorityAreaInput>;

/** A priority area: name, description, the other names it goes by and the SDG targets it serves. */
export function PriorityAreaForm({ prefix, current, targets, submit, onDone, onCancel, submitLabel }: {
  prefix: string;
  current?: { name: string; description: string; keywords: string[]; sdgTargets: string[] };
  targets: SdgTarget[];
  submit: (values: PriorityAreaFormValues) => Promise<ActionResult<unknown>>;
  onDone: () => void;
  onCancel: () => void;
  submitLabel: string;
}) {
  const { form, onSubmit, summaryRef, formError, errorOf } = useAdminForm({
    schema: () => import("@/lib/validation/priority-areas").then((m) => m.priorityAreaInput),
    fields: Object.keys(labels),
    defaultValues: { name: current?.name ?? "", description: current?.description ?? "", keywords: (current?.keywords ?? []).join("\n"), sdgTargets: current?.sdgTargets ?? [] },
    submit,
    onDone: () => onDone(),
  });
  const id = (f: string) => `${prefix}-${f}`;
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-2xl space-y-4">
      <FormSummary prefix={prefix} labels={labels} errorOf={errorOf} formError={formError} summaryRef={summaryRef} />
      <NameDescriptionFields prefix={prefix} register={form.register} errorOf={errorOf} />
      <Field
        id={id("keywords")}
        label={labels.keywords}
        hint="Other names for this area, one per line or separated by commas, e.g. migrant smuggling, TIP. They help recognise the area in pasted meeting notes."
        error={errorOf("keywords")}
      >
        <textarea id={id("keywords")} rows={3} className={inputClass} {...describedBy(id("keywords"), "hint", errorOf("keywords"))} {...form.register("keywords")} />
      </Field>
      <Controller
        control={form.control}
        name="sdgTargets"
        render={({ field }) => (
          <SdgTargetPicker
            id={id("sdgTargets")}
            legend={labels.sdgTargets}
            hint="The Sustainable Development Goal targets this area's work serves."
            targets={targets}
            value={field.value ?? []}
            onChange={field.onChange}
            error={errorOf("sdgTargets")}
          />
        )}
      />
      <FormActions submitting={form.formState.isSubmitting} label={submitLabel} onCancel={onCancel} />
    </form>
  );
}
