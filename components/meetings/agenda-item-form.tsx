"use client";

import { useTranslations } from "next-intl";
import { type Path, useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { describedBy, FieldError, inputClass } from "@/components/ui/field";
import { lazyZodResolver } from "@/lib/lazy-resolver";
import type { agendaItemFields } from "@/lib/validation/agenda-items";
import type { z } from "zod";
import { organisationLabel, organisationTree, type OrganisationOption } from "@/lib/organisations/tree";
import { LengthCounter } from "@/components/ui/length-counter";
import { useFocusAfterRender } from "@/components/ui/use-focus-after-render";
import { limits } from "@/lib/validation/limits";

const resolver = lazyZodResolver(() => import("@/lib/validation/agenda-items").then((m) => m.agendaItemFields));
type ItemInput = z.input<typeof agendaItemFields>;
export type ItemValues = z.output<typeof agendaItemFields>;
const emptyToNull = (v: unknown) => (v === "" || v === undefined ? null : v);
const fields = ["title", "priorityAreaId", "leadOrganisationId", "notes", "restricted"] as const;

/** An agenda item's own fields: added before the meeting, notes filled in during or after it. */
export function AgendaItemForm({
  prefix,
  current,
  areas,
  organisations,
  submitLabel,
  submit,
  onCancel,
  onDelete,
  keepOpen,
}: {
  prefix: string;
  current?: { title: string; priorityAreaId: string | null; leadOrganisationId: string | null; notes: string; restricted: boolean };
  areas: { id: string; name: string }[];
  organisations: OrganisationOption[];
  submitLabel: string;
  submit: (v: ItemValues) => Promise<{ ok: boolean; fieldErrors?: Record<string, string> }>;
  onCancel: () => void;
  onDelete?: () => Promise<unknown>;
  /** Adding several in a row: the form clears and the title takes the focus again. */
  keepOpen?: boolean;
}) {
  const tf = useTranslations("agenda.form");
  const empty = { title: "", priorityAreaId: null, leadOrganisationId: null, notes: "", restricted: false };
  const {
    register,
    handleSubmit,
    reset,
    setError,
    setFocus,
    control,
    formState: { errors, isSubmitting },
  } = useForm<ItemInput, unknown, ItemValues>({
    resolver,
    defaultValues: current ? { title: current.title, priorityAreaId: current.priorityAreaId, leadOrganisationId: current.leadOrganisationId, notes: current.notes, restricted: current.restricted } : empty,
  });
  const focusAfterRender = useFocusAfterRender(setFocus);
  const id = (f: string) => `${prefix}-${f}`;
  const err = (f: (typeof fields)[number]) => errors[f]?.message;

  const onSubmit = async (v: ItemValues) => {
    const r = await submit(v);
    if (r.ok) {
      if (keepOpen) {
        reset(empty);
        focusAfterRender("title");
      }
      return;
    }
    for (const [key, message] of Object.entries(r.fieldErrors ?? {})) {
      const field = fields.find((f) => key === f || key.endsWith(`.${f}`));
      if (field) setError(field as Path<ItemInput>, { type: "server", message });
    }
  };

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="space-y-3">
      <div className="space-y-1">
        <label htmlFor={id("title")} className="block text-sm font-semibold">
          {tf("title")}
        </label>
        <input id={id("title")} type="text" autoComplete="off" className={inputClass} placeholder={tf("titlePlaceholder")} {...describedBy(id("title"), undefined, err("title"))} maxLength={limits.title} {...register("title")} />
        <LengthCounter control={control} name="title" max={limits.title} />
        <FieldError id={id("title")} error={err("title")} />
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <div className="space-y-1">
          <label htmlFor={id("area")} className="block text-sm font-semibold">
            {tf("area")}
          </label>
          <select id={id("area")} className={inputClass} {...describedBy(id("area"), undefined, err("priorityAreaId"))} {...register("priorityAreaId", { setValueAs: emptyToNull })}>
            <option value="">{tf("none")}</option>
            {areas.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
          <FieldError id={id("area")} error={err("priorityAreaId")} />
        </div>
        <div className="space-y-1">
          <label htmlFor={id("lead")} className="block text-sm font-semibold">
            {tf("lead")}
          </label>
          <select id={id("lead")} className={inputClass} {...describedBy(id("lead"), undefined, err("leadOrganisationId"))} {...register("leadOrganisationId", { setValueAs: emptyToNull })}>
            <option value="">{tf("none")}</option>
            {organisationTree(organisations, [current?.leadOrganisationId]).map(({ organisation: o, depth }) => (
              <option key={o.id} value={o.id}>
                {"\u00a0\u00a0\u00a0".repeat(depth)}
                {organisationLabel(o)}
              </option>
            ))}
          </select>
          <FieldError id={id("lead")} error={err("leadOrganisationId")} />
        </div>
      </div>
      <div className="space-y-1">
        <label htmlFor={id("notes")} className="block text-sm font-semibold">
          {tf("notes")}
        </label>
        <p id={`${id("notes")}-hint`} className="text-sm text-zinc-600">
          {tf("notesHint")}
        </p>
        <textarea id={id("notes")} rows={current ? 6 : 3} className={inputClass} {...describedBy(id("notes"), "hint", err("notes"))} maxLength={limits.agendaNotes} {...register("notes")} />
        <LengthCounter control={control} name="notes" max={limits.agendaNotes} />
        <FieldError id={id("notes")} error={err("notes")} />
      </div>
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" className="mt-1" {...register("restricted")} />
        <span>{tf.rich("restricted", { strong: (chunks) => <span className="font-semibold">{chunks}</span> })}</span>
      </label>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? tf("saving") : submitLabel}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {keepOpen ? tf("done") : tf("cancel")}
        </Button>
        {onDelete && (
          <Button variant="ghost" className="ml-auto text-red-800" onClick={() => void onDelete()}>
            {tf("remove")}
          </Button>
        )}
      </div>
    </form>
  );
}
