"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useWatch } from "react-hook-form";
import { createFollowUpAction } from "@/app/(app)/follow-ups/actions";
import { useFormat } from "@/components/i18n/use-format";
import { Button } from "@/components/ui/button";
import { DateInput } from "@/components/ui/date-input";
import { CharactersLeft, describedBy, ErrorSummary, Field, inputClass } from "@/components/ui/field";
import { useZodForm } from "@/components/ui/use-zod-form";
import { followUpPriorities } from "@/db/enums";

export type Option = { id: string; label: string };

const fields = ["title", "description", "meetingId", "priorityAreaId", "ownerOrganisationId", "ownerUserId", "dueOn", "priority"] as const;
type FieldName = (typeof fields)[number];
const emptyToNull = (v: unknown) => (v === "" || v === undefined ? null : v);

/** Record a follow-up, from a meeting or from a call or an e-mail; validated by the server's own schema (useZodForm). */
export function NewFollowUpForm({
  meetings,
  areas,
  organisations,
  people,
  defaults,
}: {
  meetings: Option[];
  areas: Option[];
  organisations: Option[];
  people: Option[];
  defaults: { meetingId: string | null; ownerOrganisationId: string };
}) {
  const t = useTranslations("followUps");
  const f = useFormat();
  const router = useRouter();
  const labels: Record<FieldName, string> = {
    title: t("fieldTitle"),
    description: t("fieldDescriptionOptional"),
    meetingId: t("fieldMeeting"),
    priorityAreaId: t("fieldPriorityArea"),
    ownerOrganisationId: t("fieldOwnerOrganisation"),
    ownerUserId: t("fieldOwnerOptional"),
    dueOn: t("fieldDueDateOptional"),
    priority: t("fieldPriority"),
  };
  const { form, onSubmit, summaryRef, formError, pending, errorOf } = useZodForm({
    schema: () => import("@/lib/validation/follow-ups").then((m) => m.followUpInput),
    defaultValues: { title: "", description: "", meetingId: defaults.meetingId, priorityAreaId: areas[0]?.id ?? "", ownerOrganisationId: defaults.ownerOrganisationId, ownerUserId: null, dueOn: null, priority: "normal", status: "open" },
    fields,
    refresh: false,
    submit: (values) => createFollowUpAction(values),
    onDone: (created) => router.push(`/follow-ups/${created.id}`),
  });
  const { register, control } = form;
  const titleLength = (useWatch({ control, name: "title" }) ?? "").length;
  const descriptionLength = (useWatch({ control, name: "description" }) ?? "").length;

  const err = (name: FieldName) => errorOf(name);
  const summary: Record<string, string | undefined> = { ...Object.fromEntries(fields.map((k) => [k, err(k)])), ...(formError ? { _: formError } : {}) };
  const selectField = (name: "meetingId" | "priorityAreaId" | "ownerOrganisationId" | "ownerUserId", options: Option[], empty?: string) => (
    <Field id={name} label={labels[name]} error={err(name)}>
      <select id={name} className={inputClass} {...describedBy(name, undefined, err(name))} {...register(name, { setValueAs: empty ? emptyToNull : undefined })}>
        {empty && <option value="">{empty}</option>}
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-2xl space-y-5">
      <ErrorSummary errors={summary} labels={labels} summaryRef={summaryRef} />
      <Field id="title" label={labels.title} hint={t("titleHint")} error={err("title")}>
        <input id="title" type="text" maxLength={300} className={inputClass} {...describedBy("title", "hint", err("title"))} {...register("title")} />
        <CharactersLeft length={titleLength} max={300} />
      </Field>
      <Field id="description" label={labels.description} error={err("description")}>
        <textarea id="description" rows={4} maxLength={20_000} className={inputClass} {...describedBy("description", undefined, err("description"))} {...register("description")} />
        <CharactersLeft length={descriptionLength} max={20_000} />
      </Field>
      {selectField("meetingId", meetings, t("notFromMeeting"))}
      {selectField("priorityAreaId", areas)}
      <div className="grid gap-5 sm:grid-cols-2">
        {selectField("ownerOrganisationId", organisations)}
        {selectField("ownerUserId", people, t("noOneInParticular"))}
      </div>
      <div className="grid gap-5 sm:grid-cols-2">
        <Field id="dueOn" label={labels.dueOn} error={err("dueOn")}>
          <DateInput id="dueOn" className={inputClass} {...describedBy("dueOn", undefined, err("dueOn"))} {...register("dueOn", { setValueAs: emptyToNull })} />
        </Field>
        <Field id="priority" label={labels.priority} error={err("priority")}>
          <select id="priority" className={inputClass} {...register("priority")}>
            {followUpPriorities.map((p) => (
              <option key={p} value={p}>
                {f.priority(p)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Button type="submit" disabled={pending} className="px-4 py-2">
        {pending ? t("saving") : t("recordFollowUp")}
      </Button>
    </form>
  );
}
