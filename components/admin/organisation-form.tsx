"use client";

import { createOrganisationAction, updateOrganisationAction } from "@/app/(app)/admin/actions";
import { describedBy, Field, inputClass } from "@/components/ui/field";
import { type AdminOrganisation, kindLabels, orgLabel } from "./organisation-admin";
import { emptyToNull, FormActions, FormSummary } from "./form-bits";
import { useAdminForm } from "./use-admin-form";

const labels = { name: "Name", acronym: "Acronym (optional)", kind: "Kind", parentId: "Parent organisation (optional)", domains: "E-mail domains (optional)" } as const;
const fields = Object.keys(labels);

/** Create an organisation, or rename / move / re-describe one (the same schema on both sides). */
export function OrganisationForm({ prefix, organisations, current, onDone, onCancel }: { prefix: string; organisations: AdminOrganisation[]; current?: AdminOrganisation; onDone: () => void; onCancel: () => void }) {
  const { form, onSubmit, summaryRef, formError, errorOf } = useAdminForm({
    schema: () => import("@/lib/validation/organisations").then((m) => m.organisationInput),
    fields,
    defaultValues: current
      ? { name: current.name, acronym: current.acronym ?? "", kind: current.kind, parentId: current.parentId, domains: current.domains.join(", ") }
      : { name: "", acronym: "", kind: "un", parentId: null, domains: "" },
    submit: (values) => (current ? updateOrganisationAction({ id: current.id, patch: { ...values, version: current.version } }) : createOrganisationAction(values)),
    onDone: () => {
      onDone();
    },
  });
  const { register, formState } = form;
  const id = (f: string) => `${prefix}-${f}`;
  // An organisation cannot sit under itself or its own sub-organisations; archived ones are not offered, unless already chosen.
  const parents = organisations.filter((o) => !(current && current.subtree.includes(o.id)) && (!o.archived || o.id === current?.parentId));

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-3xl space-y-4">
      <FormSummary prefix={prefix} labels={labels} errorOf={errorOf} formError={formError} summaryRef={summaryRef} />
      <div className="grid gap-4 sm:grid-cols-[2fr_1fr]">
        <Field id={id("name")} label={labels.name} error={errorOf("name")}>
          <input id={id("name")} type="text" className={inputClass} {...describedBy(id("name"), undefined, errorOf("name"))} {...register("name")} />
        </Field>
        <Field id={id("acronym")} label={labels.acronym} error={errorOf("acronym")}>
          <input id={id("acronym")} type="text" className={inputClass} {...describedBy(id("acronym"), undefined, errorOf("acronym"))} {...register("acronym")} />
        </Field>
      </div>
      <div className="grid gap-4 sm:grid-cols-[1fr_2fr]">
        <Field id={id("kind")} label={labels.kind} error={errorOf("kind")}>
          <select id={id("kind")} className={inputClass} {...describedBy(id("kind"), undefined, errorOf("kind"))} {...register("kind")}>
            {Object.entries(kindLabels).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </Field>
        <Field id={id("parentId")} label={labels.parentId} error={errorOf("parentId")}>
          <select id={id("parentId")} className={inputClass} {...describedBy(id("parentId"), undefined, errorOf("parentId"))} {...register("parentId", { setValueAs: emptyToNull })}>
            <option value="">None (top level)</option>
            {parents.map((o) => (
              <option key={o.id} value={o.id}>
                {orgLabel(o)}
                {o.archived ? " (archived)" : ""}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field id={id("domains")} label={labels.domains} hint="Separate with commas, e.g. unodc.org, un.org. Used later to place single-sign-on users." error={errorOf("domains")}>
        <input id={id("domains")} type="text" className={inputClass} {...describedBy(id("domains"), "hint", errorOf("domains"))} {...register("domains")} />
      </Field>
      <FormActions submitting={formState.isSubmitting} label={current ? "Save changes" : "Add organisation"} onCancel={onCancel} />
    </form>
  );
}
