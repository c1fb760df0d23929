"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { type Path, useForm } from "react-hook-form";
import { createFollowUpAction } from "@/app/(app)/follow-ups/actions";
import { Button } from "@/components/ui/button";
import { describedBy, ErrorSummary, Field, inputClass } from "@/components/ui/field";
import { priorityLabels } from "@/lib/format";
import type { FollowUpInput, FollowUpValues } from "@/lib/validation/follow-ups";
import { lazyZodResolver } from "@/lib/lazy-resolver";

/** zod and the schema load after the page (lib/lazy-resolver.ts). */
const resolver = lazyZodResolver(() => import("@/lib/validation/follow-ups").then((m) => m.followUpInput));

export type Option = { id: string; label: string };

const labels = {
  title: "Title",
  description: "Description (optional)",
  meetingId: "Meeting",
  priorityAreaId: "Priority area",
  ownerOrganisationId: "Owner organisation",
  ownerUserId: "Owner (optional)",
  dueOn: "Due date (optional)",
  priority: "Priority",
} as const;
type FieldName = keyof typeof labels;
const emptyToNull = (v: unknown) => (v === "" || v === undefined ? null : v);

/** Record a follow-up, from a meeting or from a call or an e-mail; validated by the server's own schema. */
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
  const router = useRouter();
  const summaryRef = useRef<HTMLDivElement>(null);
  const [formError, setFormError] = useState("");
  const wantSummaryFocus = useRef(false);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<FollowUpInput, unknown, FollowUpValues>({
    resolver,
    shouldFocusError: false,
    defaultValues: { title: "", description: "", meetingId: defaults.meetingId, priorityAreaId: areas[0]?.id ?? "", ownerOrganisationId: defaults.ownerOrganisationId, ownerUserId: null, dueOn: null, priority: "normal", status: "open" },
  });

  // On a failed submit focus moves to the error summary, which links to each field. The errors
  // may render a moment after the submit, so try after every render until the summary is there.
  useEffect(() => {
    if (wantSummaryFocus.current && summaryRef.current) {
      summaryRef.current.focus();
      wantSummaryFocus.current = false;
    }
  });
  const failed = () => {
    wantSummaryFocus.current = true;
  };

  const onSubmit = async (values: FollowUpValues) => {
    setFormError("");
    const result = await createFollowUpAction(values).catch(() => null);
    if (result?.ok) return router.push(`/follow-ups/${result.data.id}`);
    if (!result) setFormError("Could not reach the server. Check your connection and try again; what you typed is still here.");
    else {
      const placed = Object.entries(result.fieldErrors ?? {}).filter(([k]) => k in labels);
      for (const [key, message] of placed) setError(key as Path<FollowUpInput>, { type: "server", message });
      if (!placed.length) setFormError(result.error);
    }
    failed();
  };

  const err = (f: FieldName) => errors[f]?.message;
  const summary = Object.fromEntries((Object.keys(labels) as FieldName[]).map((f) => [f, err(f)]));
  const select = (name: "meetingId" | "priorityAreaId" | "ownerOrganisationId" | "ownerUserId", options: Option[], empty?: string) => (
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
    <form onSubmit={handleSubmit(onSubmit, failed)} noValidate className="max-w-2xl space-y-5">
      <ErrorSummary errors={formError ? { ...summary, _: formError } : summary} labels={labels} summaryRef={summaryRef} />
      <Field id="title" label={labels.title} hint="What was agreed, as one action someone can finish." error={err("title")}>
        <input id="title" type="text" className={inputClass} {...describedBy("title", "hint", err("title"))} {...register("title")} />
      </Field>
      <Field id="description" label={labels.description} error={err("description")}>
        <textarea id="description" rows={4} className={inputClass} {...describedBy("description", undefined, err("description"))} {...register("description")} />
      </Field>
      {select("meetingId", meetings, "Not from a meeting (a call, an e-mail…)")}
      {select("priorityAreaId", areas)}
      <div className="grid gap-5 sm:grid-cols-2">
        {select("ownerOrganisationId", organisations)}
        {select("ownerUserId", people, "No one in particular")}
      </div>
      <div className="grid gap-5 sm:grid-cols-2">
        <Field id="dueOn" label={labels.dueOn} error={err("dueOn")}>
          <input id="dueOn" type="date" className={inputClass} {...describedBy("dueOn", undefined, err("dueOn"))} {...register("dueOn", { setValueAs: emptyToNull })} />
        </Field>
        <Field id="priority" label={labels.priority} error={err("priority")}>
          <select id="priority" className={inputClass} {...register("priority")}>
            {Object.entries(priorityLabels).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Button type="submit" disabled={isSubmitting} className="px-4 py-2">
        {isSubmitting ? "Saving…" : "Record follow-up"}
      </Button>
    </form>
  );
}
