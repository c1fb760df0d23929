"use client";

import type { Control } from "react-hook-form";
import { useTranslations } from "next-intl";
import { Controller } from "react-hook-form";
import type { z } from "zod";
import { describedBy, Field, inputClass } from "@/components/ui/field";
import type { ActionResult } from "@/lib/result";
import type { priorityAreaInput } from "@/lib/validation/priority-areas";
import { FormActions, FormSummary } from "./form-bits";
import type { SdgTarget } from "@/lib/sdg";
import { NameDescriptionFields, useNameDescriptionLabels } from "./named-item-form";
import { SdgTargetPicker } from "./sdg-target-picker";
import { useZodForm } from "@/components/ui/use-zod-form";

const fields = ["name", "nameFr", "description", "keywords", "sdgTargets", "requiresEvidence"] as const;

export type PriorityAreaFormValues = z.output<typeof priorityAreaInput>;

/** A priority area: name, description, the other names it goes by and the SDG targets it serves. */
export function PriorityAreaForm({ prefix, current, targets, submit, onDone, onCancel, submitLabel }: {
  prefix: string;
  current?: { name: string; nameFr: string | null; description: string; keywords: string[]; sdgTargets: string[]; requiresEvidence: boolean };
  targets: SdgTarget[];
  submit: (values: PriorityAreaFormValues) => Promise<ActionResult<unknown>>;
  onDone: () => void;
  onCancel: () => void;
  submitLabel: string;
}) {
  const t = useTranslations("admin.areaForm");
  const labels = { ...useNameDescriptionLabels(), keywords: t("keywords"), sdgTargets: t("sdgTargets"), requiresEvidence: t("requiresEvidence") };
  const { form, onSubmit, summaryRef, formError, errorOf } = useZodForm({
    schema: () => import("@/lib/validation/priority-areas").then((m) => m.priorityAreaInput),
    fields,
    defaultValues: { name: current?.name ?? "", nameFr: current?.nameFr ?? "", description: current?.description ?? "", keywords: (current?.keywords ?? []).join("\n"), sdgTargets: current?.sdgTargets ?? [], requiresEvidence: current?.requiresEvidence ?? false },
    submit,
    onDone: () => onDone(),
  });
  const id = (f: string) => `${prefix}-${f}`;
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-2xl space-y-4">
      <FormSummary prefix={prefix} labels={labels} errorOf={errorOf} formError={formError} summaryRef={summaryRef} />
      <NameDescriptionFields prefix={prefix} register={form.register} control={form.control as unknown as Control<{ name: string; nameFr?: string | null; description?: string }>} errorOf={errorOf} />
      <Field
        id={id("keywords")}
        label={labels.keywords}
        hint={t("keywordsHint")}
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
            hint={t("sdgHint")}
            targets={targets}
            value={field.value ?? []}
            onChange={field.onChange}
            error={errorOf("sdgTargets")}
          />
        )}
      />
      <div className="flex items-start gap-2">
        <input id={id("requiresEvidence")} type="checkbox" className="mt-1 size-4" {...describedBy(id("requiresEvidence"), "hint", errorOf("requiresEvidence"))} {...form.register("requiresEvidence")} />
        <div>
          <label htmlFor={id("requiresEvidence")} className="text-sm font-semibold text-zinc-900">
            {labels.requiresEvidence}
          </label>
          <p id={`${id("requiresEvidence")}-hint`} className="text-sm text-zinc-600">
            {t("evidenceHint")}
          </p>
          {errorOf("requiresEvidence") && <p id={`${id("requiresEvidence")}-error`} className="text-sm text-red-800">{errorOf("requiresEvidence")}</p>}
        </div>
      </div>
      <FormActions submitting={form.formState.isSubmitting} label={submitLabel} onCancel={onCancel} />
    </form>
  );
}
