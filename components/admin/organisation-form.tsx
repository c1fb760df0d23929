"use client";

import { useTranslations } from "next-intl";
import { createOrganisationAction, updateOrganisationAction } from "@/app/(app)/admin/actions";
import { describedBy, Field, inputClass } from "@/components/ui/field";
import { type AdminOrganisation, kinds, orgLabel } from "./organisation-labels";
import { emptyToNull, FormActions, FormSummary } from "./form-bits";
import { useZodForm } from "@/components/ui/use-zod-form";
import { organisationTree } from "@/lib/organisations/tree";
import { LengthCounter } from "@/components/ui/length-counter";
import { limits } from "@/lib/validation/limits";

const fields = ["name", "acronym", "nameFr", "acronymFr", "kind", "parentId", "domains"] as const;

/** Create an organisation, or rename / move / re-describe one (the same schema on both sides). */
export function OrganisationForm({ prefix, organisations, current, onDone, onCancel }: { prefix: string; organisations: AdminOrganisation[]; current?: AdminOrganisation; onDone: () => void; onCancel: () => void }) {
  const t = useTranslations("admin.orgForm");
  const to = useTranslations("admin.organisations");
  const tc = useTranslations("admin.common");
  const labels = Object.fromEntries(fields.map((f) => [f, t(f)])) as Record<(typeof fields)[number], string>;
  const { form, onSubmit, summaryRef, formError, errorOf } = useZodForm({
    schema: () => import("@/lib/validation/organisations").then((m) => m.organisationInput),
    fields,
    defaultValues: current
      ? { name: current.name, acronym: current.acronym ?? "", nameFr: current.nameFr ?? "", acronymFr: current.acronymFr ?? "", kind: current.kind, parentId: current.parentId, domains: current.domains.join(", ") }
      : { name: "", acronym: "", nameFr: "", acronymFr: "", kind: "un", parentId: null, domains: "" },
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
          <input id={id("name")} type="text" className={inputClass} {...describedBy(id("name"), undefined, errorOf("name"))} maxLength={limits.name} {...register("name")} />
          <LengthCounter control={form.control} name="name" max={limits.name} />
        </Field>
        <Field id={id("acronym")} label={labels.acronym} error={errorOf("acronym")}>
          <input id={id("acronym")} type="text" className={inputClass} {...describedBy(id("acronym"), undefined, errorOf("acronym"))} maxLength={limits.acronym} {...register("acronym")} />
          <LengthCounter control={form.control} name="acronym" max={limits.acronym} />
        </Field>
      </div>
      {/* French readers see these; left empty, they see the English ones. */}
      <div className="grid gap-4 sm:grid-cols-[2fr_1fr]">
        <Field id={id("nameFr")} label={labels.nameFr} error={errorOf("nameFr")}>
          <input id={id("nameFr")} type="text" lang="fr" className={inputClass} {...describedBy(id("nameFr"), undefined, errorOf("nameFr"))} maxLength={limits.name} {...register("nameFr")} />
          <LengthCounter control={form.control} name="nameFr" max={limits.name} />
        </Field>
        <Field id={id("acronymFr")} label={labels.acronymFr} error={errorOf("acronymFr")}>
          <input id={id("acronymFr")} type="text" lang="fr" className={inputClass} {...describedBy(id("acronymFr"), undefined, errorOf("acronymFr"))} maxLength={limits.acronym} {...register("acronymFr")} />
          <LengthCounter control={form.control} name="acronymFr" max={limits.acronym} />
        </Field>
      </div>
      <div className="grid gap-4 sm:grid-cols-[1fr_2fr]">
        <Field id={id("kind")} label={labels.kind} error={errorOf("kind")}>
          <select id={id("kind")} className={inputClass} {...describedBy(id("kind"), undefined, errorOf("kind"))} {...register("kind")}>
            {kinds.map((value) => (
              <option key={value} value={value}>
                {to("kind", { kind: value })}
              </option>
            ))}
          </select>
        </Field>
        <Field id={id("parentId")} label={labels.parentId} error={errorOf("parentId")}>
          <select id={id("parentId")} className={inputClass} {...describedBy(id("parentId"), undefined, errorOf("parentId"))} {...register("parentId", { setValueAs: emptyToNull })}>
            <option value="">{t("topLevel")}</option>
            {/* The tree, as everywhere else: each parent followed by its sub-organisations, indented. */}
            {organisationTree(parents, [current?.parentId]).map(({ organisation: o, depth }) => (
              <option key={o.id} value={o.id}>
                {"\u00a0\u00a0\u00a0".repeat(depth)}
                {orgLabel(o)}
                {o.archived ? tc("archivedSuffix") : ""}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field id={id("domains")} label={labels.domains} hint={t("domainsHint")} error={errorOf("domains")}>
        <input id={id("domains")} type="text" className={inputClass} {...describedBy(id("domains"), "hint", errorOf("domains"))} {...register("domains")} />
      </Field>
      <FormActions submitting={formState.isSubmitting} label={current ? tc("saveChanges") : t("add")} onCancel={onCancel} />
    </form>
  );
}
