"use client";

import type { Control, UseFormRegister } from "react-hook-form";
import { useTranslations } from "next-intl";
import type { z } from "zod";
import { describedBy, Field, inputClass } from "@/components/ui/field";
import type { ActionResult } from "@/lib/result";
import type { meetingSeriesInput } from "@/lib/validation/meeting-series";
import { FormActions, FormSummary } from "./form-bits";
import { useZodForm } from "@/components/ui/use-zod-form";
import { LengthCounter } from "@/components/ui/length-counter";
import { limits } from "@/lib/validation/limits";

const fields = ["name", "nameFr", "description"] as const;

/** The field labels, in the reader's language. */
export function useNameDescriptionLabels() {
  const t = useTranslations("admin.common");
  return { name: t("name"), nameFr: t("nameFrOptional"), description: t("descriptionOptional") };
}
type Schema = typeof meetingSeriesInput;

/** The name, French name and description fields, shared by the meeting series and priority area forms. */
export function NameDescriptionFields({ prefix, register, control, errorOf }: {
  prefix: string;
  control: Control<{ name: string; nameFr?: string | null; description?: string }>;
  // Both forms have a name, its French version and a description; their other fields differ.
  register: UseFormRegister<{ name: string; nameFr?: string | null; description?: string }>;
  errorOf: (f: string) => string | undefined;
}) {
  const labels = useNameDescriptionLabels();
  const t = useTranslations("admin.common");
  const id = (f: string) => `${prefix}-${f}`;
  return (
    <>
      <Field id={id("name")} label={labels.name} error={errorOf("name")}>
        <input id={id("name")} type="text" className={inputClass} {...describedBy(id("name"), undefined, errorOf("name"))} maxLength={limits.name} {...register("name")} />
        <LengthCounter control={control} name="name" max={limits.name} />
      </Field>
      <Field id={id("nameFr")} label={labels.nameFr} hint={t("nameFrHint")} error={errorOf("nameFr")}>
        <input id={id("nameFr")} type="text" lang="fr" className={inputClass} {...describedBy(id("nameFr"), "hint", errorOf("nameFr"))} maxLength={limits.name} {...register("nameFr")} />
        <LengthCounter control={control} name="nameFr" max={limits.name} />
      </Field>
      <Field id={id("description")} label={labels.description} error={errorOf("description")}>
        <textarea id={id("description")} rows={2} className={inputClass} {...describedBy(id("description"), undefined, errorOf("description"))} maxLength={limits.description} {...register("description")} />
        <LengthCounter control={control} name="description" max={limits.description} />
      </Field>
    </>
  );
}

/** Name and description: the form of a meeting series. */
const loadSchema = () => import("@/lib/validation/meeting-series").then((m) => m.meetingSeriesInput);

export function NamedItemForm({ prefix, current, submit, onDone, onCancel, submitLabel }: {
  prefix: string;
  current?: { name: string; nameFr: string | null; description: string };
  submit: (values: z.output<Schema>) => Promise<ActionResult<unknown>>;
  onDone: () => void;
  onCancel: () => void;
  submitLabel: string;
}) {
  const { form, onSubmit, summaryRef, formError, errorOf } = useZodForm({
    schema: loadSchema,
    fields,
    defaultValues: { name: current?.name ?? "", nameFr: current?.nameFr ?? "", description: current?.description ?? "" },
    submit,
    onDone: () => {
      onDone();
    },
  });
  const labels = useNameDescriptionLabels();
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-2xl space-y-4">
      <FormSummary prefix={prefix} labels={labels} errorOf={errorOf} formError={formError} summaryRef={summaryRef} />
      <NameDescriptionFields prefix={prefix} register={form.register} control={form.control} errorOf={errorOf} />
      <FormActions submitting={form.formState.isSubmitting} label={submitLabel} onCancel={onCancel} />
    </form>
  );
}
