"use client";

import type { mergeOrganisationAction } from "@/app/(app)/admin/actions";
import { describedBy, Field, inputClass } from "@/components/ui/field";
import { type AdminOrganisation, orgLabel } from "./organisation-admin";
import { FormActions, FormSummary } from "./form-bits";
import { useAdminForm } from "./use-admin-form";

const labels = { intoId: "Merge into" } as const;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Merge: says exactly what will move before it moves it. */
export function OrganisationMergeForm({ from, organisations, merge, onDone, onCancel }: { from: AdminOrganisation; organisations: AdminOrganisation[]; merge: typeof mergeOrganisationAction; onDone: () => void; onCancel: () => void }) {
  const prefix = `merge-${from.id.slice(0, 8)}`;
  const { form, onSubmit, summaryRef, formError, errorOf } = useAdminForm({
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
    plural(u.users, "person", "people"),
    plural(u.followUps, "follow-up", "follow-ups"),
    plural(u.hostedMeetings, "hosted meeting", "hosted meetings"),
    plural(u.participations, "meeting participation", "meeting participations"),
    plural(u.children, "sub-organisation", "sub-organisations"),
  ].join(", ");
  const id = `${prefix}-intoId`;
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-3xl space-y-4">
      <FormSummary prefix={prefix} labels={labels} errorOf={errorOf} formError={formError} summaryRef={summaryRef} />
      <Field id={id} label={labels.intoId} hint="The organisation to keep. Everything that points at this one moves there." error={errorOf("intoId")}>
        <select id={id} className={inputClass} {...describedBy(id, "hint", errorOf("intoId"))} {...form.register("intoId")}>
          <option value="">Choose an organisation</option>
          {targets.map((o) => (
            <option key={o.id} value={o.id}>
              {orgLabel(o)}
            </option>
          ))}
        </select>
      </Field>
      <p className="text-sm text-zinc-800" aria-live="polite">
        {into
          ? `Move ${what} from ${from.acronym ?? from.name} to ${into.acronym ?? into.name}, then archive ${from.acronym ?? from.name}? This is recorded in the audit trail.`
          : `${from.acronym ?? from.name} has ${what}.`}
      </p>
      <FormActions submitting={form.formState.isSubmitting} label="Merge and archive" busyLabel="Merging…" danger disabled={!into} onCancel={onCancel} />
    </form>
  );
}
