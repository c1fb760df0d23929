"use client";

import { useTranslations } from "next-intl";
import type { mergeOrganisationAction } from "@/app/(app)/admin/actions";
import { describedBy, Field, inputClass } from "@/components/ui/field";
import { type AdminOrganisation, orgLabel } from "./organisation-labels";
import { FormActions, FormSummary } from "./form-bits";
import { useZodForm } from "@/components/ui/use-zod-form";

/** Merge: says exactly what will move before it moves it. */
export function OrganisationMergeForm({ from, organisations, merge, onDone, onCancel }: { from: AdminOrganisation; organisations: AdminOrganisation[]; merge: typeof mergeOrganisationAction; onDone: () => void; onCancel: () => void }) {
  const t = useTranslations("admin.merge");
  const labels = { intoId: t("intoId") };
  const prefix = `merge-${from.id.slice(0, 8)}`;
  const { form, onSubmit, summaryRef, formError, errorOf } = useZodForm({
    schema: () => import("@/lib/validation/organisations").then((m) => m.organisationMerge),
    fields: ["intoId"],
    defaultValues: { intoId: "", version: from.version },
    submit: (values) => merge({ id: from.id, merge: values }),
    onDone: () => {
      onDone();
    },
  });
  const targets = organisations.filter((o) => !o.archived && !from.subtree.includes(o.id));
  const into = targets.find((o) => o.id === form.watch("intoId"));
  const u = from.usage;
  const what = [
    t("people", { count: u.users }),
    t("followUps", { count: u.followUps }),
    t("hostedMeetings", { count: u.hostedMeetings }),
    t("participations", { count: u.participations }),
    t("children", { count: u.children }),
  ].join(", ");
  const id = `${prefix}-intoId`;
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-3xl space-y-4">
      <FormSummary prefix={prefix} labels={labels} errorOf={errorOf} formError={formError} summaryRef={summaryRef} />
      <Field id={id} label={labels.intoId} hint={t("hint")} error={errorOf("intoId")}>
        <select id={id} className={inputClass} {...describedBy(id, "hint", errorOf("intoId"))} {...form.register("intoId")}>
          <option value="">{t("choose")}</option>
          {targets.map((o) => (
            <option key={o.id} value={o.id}>
              {orgLabel(o)}
            </option>
          ))}
        </select>
      </Field>
      <p className="text-sm text-zinc-800" aria-live="polite">
        {into
          ? t("confirm", { what, from: from.acronym ?? from.name, into: into.acronym ?? into.name })
          : t("has", { from: from.acronym ?? from.name, what })}
      </p>
      <FormActions submitting={form.formState.isSubmitting} label={t("submit")} busyLabel={t("busy")} danger disabled={!into} onCancel={onCancel} />
    </form>
  );
}
