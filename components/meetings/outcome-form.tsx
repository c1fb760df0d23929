"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { type Path, useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { describedBy, FieldError, inputClass } from "@/components/ui/field";
import { implementationStatuses, outcomeKinds } from "@/db/enums";
import { lazyZodResolver } from "@/lib/lazy-resolver";
import type { agendaOutcomeInput } from "@/lib/validation/agenda-items";
import { organisationLabel, organisationTree, type OrganisationOption } from "@/lib/organisations/tree";
import { DateInput } from "@/components/ui/date-input";
import { LengthCounter } from "@/components/ui/length-counter";
import { useFocusAfterRender } from "@/components/ui/use-focus-after-render";
import { limits } from "@/lib/validation/limits";

const resolver = lazyZodResolver(() => import("@/lib/validation/agenda-items").then((m) => m.agendaOutcomeInput));
type OutcomeInput = z.input<typeof agendaOutcomeInput>;
export type OutcomeValues = z.output<typeof agendaOutcomeInput>;
const emptyToNull = (v: unknown) => (v === "" || v === undefined ? null : v);

export type ActionChoices = {
  areas: { id: string; name: string }[];
  organisations: OrganisationOption[];
  defaultOrganisationId: string;
  /** The meeting's follow-ups not yet under an item, to link instead of creating one. */
  followUps: { id: string; title: string }[];
};

/**
 * An outcome under an agenda item. An action is a follow-up: created here with the quick-add
 * fields (title, priority area, owner, due date), or an existing one linked. The form stays open
 * after each one, so a decision and two actions are entered in a row.
 */
export function OutcomeForm({
  prefix,
  itemTitle,
  defaultAreaId,
  choices,
  submit,
  onCancel,
}: {
  prefix: string;
  itemTitle: string;
  defaultAreaId: string | null;
  choices: ActionChoices;
  submit: (v: OutcomeValues) => Promise<{ ok: boolean; fieldErrors?: Record<string, string> }>;
  onCancel: () => void;
}) {
  const t = useTranslations("agenda");
  const to = useTranslations("agenda.outcome");
  const [mode, setMode] = useState<"new" | "link">("new");
  const [done, setDone] = useState("");
  const areaId = defaultAreaId ?? choices.areas[0]?.id ?? "";
  const fresh = (kind: OutcomeInput["kind"]): OutcomeInput => ({
    kind,
    text: "",
    implementationStatus: null,
    newFollowUp: { title: "", priorityAreaId: areaId, ownerOrganisationId: choices.defaultOrganisationId, dueOn: null, priority: "normal" },
  });
  const {
    register,
    handleSubmit,
    reset,
    setError,
    setFocus,
    control,
    formState: { errors, isSubmitting },
  } = useForm<OutcomeInput, unknown, OutcomeValues>({ resolver, defaultValues: fresh("decision"), shouldUnregister: true });
  const kind = useWatch({ control, name: "kind" });
  const focusAfterRender = useFocusAfterRender(setFocus);
  const id = (f: string) => `${prefix}-${f}`;

  const onSubmit = async (v: OutcomeValues) => {
    setDone("");
    const r = await submit(v);
    if (r.ok) {
      setDone(v.newFollowUp?.title || v.text ? to("added", { what: v.newFollowUp?.title || v.text }) : to("addedLinked"));
      reset(fresh(v.kind));
      focusAfterRender(v.kind === "action" && mode === "new" ? "newFollowUp.title" : "text");
      return;
    }
    for (const [key, message] of Object.entries(r.fieldErrors ?? {})) {
      const field = (["text", "followUpId", "implementationStatus"] as const).find((f) => key.endsWith(f));
      if (field) setError(field as Path<OutcomeInput>, { type: "server", message });
      else setError("text", { type: "server", message });
    }
  };
  const nf = errors.newFollowUp;

  return (
    <form onSubmit={handleSubmit(onSubmit, () => setDone(""))} noValidate className="space-y-3" aria-label={to("formLabel", { title: itemTitle })}>
      <fieldset>
        <legend className="text-sm font-semibold">{to("kindLegend")}</legend>
        <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
          {outcomeKinds.map((k) => (
            <label key={k} className="flex items-center gap-1.5 text-sm">
              <input type="radio" value={k} {...register("kind")} />
              <span>
                {t("kind", { kind: k })} <span className="text-zinc-600">{to("kindHint", { kind: k })}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>

      {kind === "action" && (
        <fieldset>
          <legend className="text-sm font-semibold">{to("followUpLegend")}</legend>
          <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm">
            <label className="flex items-center gap-1.5">
              <input type="radio" name={id("mode")} checked={mode === "new"} onChange={() => setMode("new")} />
              {to("createNew")}
            </label>
            <label className="flex items-center gap-1.5">
              <input type="radio" name={id("mode")} checked={mode === "link"} onChange={() => setMode("link")} disabled={!choices.followUps.length} />
              {to("linkExisting", { left: choices.followUps.length })}
            </label>
          </div>
        </fieldset>
      )}

      {kind === "action" && mode === "new" && (
        <div className="grid gap-3 sm:grid-cols-2">
          <div className="space-y-1 sm:col-span-2">
            <label htmlFor={id("fu-title")} className="block text-sm font-semibold">
              {to("action")}
            </label>
            <input id={id("fu-title")} type="text" autoComplete="off" className={inputClass} placeholder={to("actionPlaceholder")} {...describedBy(id("fu-title"), undefined, nf?.title?.message)} maxLength={limits.title} {...register("newFollowUp.title")} />
            <LengthCounter control={control} name="newFollowUp.title" max={limits.title} />
            <FieldError id={id("fu-title")} error={nf?.title?.message} />
          </div>
          <div className="space-y-1">
            <label htmlFor={id("fu-org")} className="block text-sm font-semibold">
              {to("responsible")}
            </label>
            <select id={id("fu-org")} className={inputClass} {...describedBy(id("fu-org"), undefined, nf?.ownerOrganisationId?.message)} {...register("newFollowUp.ownerOrganisationId")}>
              {organisationTree(choices.organisations, [choices.defaultOrganisationId]).map(({ organisation: o, depth }) => (
                <option key={o.id} value={o.id}>
                  {"\u00a0\u00a0\u00a0".repeat(depth)}
                  {organisationLabel(o)}
                </option>
              ))}
            </select>
            <FieldError id={id("fu-org")} error={nf?.ownerOrganisationId?.message} />
          </div>
          <div className="space-y-1">
            <label htmlFor={id("fu-area")} className="block text-sm font-semibold">
              {to("area")}
            </label>
            <select id={id("fu-area")} className={inputClass} {...describedBy(id("fu-area"), undefined, nf?.priorityAreaId?.message)} {...register("newFollowUp.priorityAreaId")}>
              {choices.areas.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
            <FieldError id={id("fu-area")} error={nf?.priorityAreaId?.message} />
          </div>
          <div className="space-y-1">
            <label htmlFor={id("fu-due")} className="block text-sm font-semibold">
              {to("due")}
            </label>
            <DateInput id={id("fu-due")} className={inputClass} {...describedBy(id("fu-due"), undefined, nf?.dueOn?.message)} {...register("newFollowUp.dueOn", { setValueAs: emptyToNull })} />
            <FieldError id={id("fu-due")} error={nf?.dueOn?.message} />
          </div>
        </div>
      )}

      {kind === "action" && mode === "link" && (
        <div className="space-y-1">
          <label htmlFor={id("link")} className="block text-sm font-semibold">
            {to("followUp")}
          </label>
          <select id={id("link")} className={inputClass} {...describedBy(id("link"), undefined, errors.followUpId?.message)} {...register("followUpId", { setValueAs: emptyToNull })}>
            <option value="">{to("chooseFollowUp")}</option>
            {choices.followUps.map((f) => (
              <option key={f.id} value={f.id}>
                {f.title}
              </option>
            ))}
          </select>
          <FieldError id={id("link")} error={errors.followUpId?.message} />
        </div>
      )}

      <div className="space-y-1">
        <label htmlFor={id("text")} className="block text-sm font-semibold">
          {to("textLabel", { kind })}
        </label>
        <textarea
          id={id("text")}
          rows={2}
         className={inputClass}
          placeholder={kind === "action" ? "" : to("textPlaceholder", { kind })}
          {...describedBy(id("text"), undefined, errors.text?.message)}
          maxLength={limits.outcomeText}
          {...register("text")}
        />
        <LengthCounter control={control} name="text" max={limits.outcomeText} />
        <FieldError id={id("text")} error={errors.text?.message} />
      </div>

      {kind === "decision" && (
        <div className="space-y-1">
          <label htmlFor={id("impl")} className="block text-sm font-semibold">
            {to("implementation")}
          </label>
          <select id={id("impl")} className={`${inputClass} sm:w-64`} {...register("implementationStatus", { setValueAs: emptyToNull })}>
            <option value="">{t("notSet")}</option>
            {implementationStatuses.map((k) => (
              <option key={k} value={k}>
                {t("implementation", { status: k })}
              </option>
            ))}
          </select>
        </div>
      )}

      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? to("adding") : to("add")}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t("form.done")}
        </Button>
        <p role="status" className="text-sm text-emerald-800">
          {done}
        </p>
      </div>
    </form>
  );
}
