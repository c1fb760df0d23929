"use client";

import { Lock } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { updateFollowUpAction } from "@/app/(app)/follow-ups/actions";
import { Button } from "@/components/ui/button";
import { describedBy, ErrorSummary, Field, inputClass } from "@/components/ui/field";
import { priorityLabels } from "@/lib/format";
import { followUpPriorities } from "@/db/enums";
import type { followUpPatch } from "@/lib/validation/follow-ups";
import { lazyZodResolver } from "@/lib/lazy-resolver";
import { ConflictNotice, fetchLatestFollowUp, type LatestFollowUp } from "./conflict-notice";

/** zod and the schema load after the page (lib/lazy-resolver.ts). */
const resolver = lazyZodResolver(() => import("@/lib/validation/follow-ups").then((m) => m.followUpPatch));

type FormInput = z.input<typeof followUpPatch>;
type FormOutput = z.output<typeof followUpPatch>;
type Priority = (typeof followUpPriorities)[number];

export type EditableFollowUp = Omit<LatestFollowUp, "status" | "priority"> & { priority: Priority };
export type Option = { id: string; label: string };

const fields = ["title", "description", "priorityAreaId", "ownerOrganisationId", "ownerUserId", "dueOn", "priority"] as const;
type FieldName = (typeof fields)[number];
type Values = Pick<EditableFollowUp, FieldName>;

const labels: Record<FieldName, string> = {
  title: "Title",
  description: "Description",
  priorityAreaId: "Priority area",
  ownerOrganisationId: "Owner organisation",
  ownerUserId: "Owner",
  dueOn: "Due date",
  priority: "Priority",
};

const isField = (k: string): k is FieldName => (fields as readonly string[]).includes(k);
const valuesOf = (f: Values): Values => ({
  title: f.title,
  description: f.description,
  priorityAreaId: f.priorityAreaId,
  ownerOrganisationId: f.ownerOrganisationId,
  ownerUserId: f.ownerUserId,
  dueOn: f.dueOn,
  priority: f.priority,
});
const sameValues = (a: Values, b: Values) => fields.every((k) => a[k] === b[k]);
const emptyToNull = (v: unknown) => (v === "" ? null : v);

/** Only what the person changed; a disabled field comes back undefined and is left alone. */
function changesFrom(values: FormOutput, base: Values): Partial<Values> {
  const out: Partial<Values> = {};
  for (const k of fields) {
    const v = values[k];
    if (v !== undefined && v !== base[k]) Object.assign(out, { [k]: v });
  }
  return out;
}

const managerHint = "A manager of the owning organisation, or an admin, can reassign or re-date this follow-up.";
const offline = "Could not reach the server. Check your connection and try again; your changes are still here.";

/**
 * Edit a follow-up. Validates with followUpPatch (the server's own schema) and sends only the
 * changed fields with the version the edit started from, so a newer change is never overwritten.
 */
export function FollowUpForm({
  followUp,
  options,
  canManage,
  onSaved,
  onCancel,
}: {
  followUp: EditableFollowUp;
  options: { priorityAreas: Option[]; organisations: Option[]; users: Option[] };
  canManage: boolean;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const router = useRouter();
  // What the edit started from. Conflicts are judged against this, not against the newest props.
  const [base, setBase] = useState(() => ({ values: valuesOf(followUp), version: followUp.version }));
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  // Set when a submit fails; the summary takes focus on the next render that shows it.
  const wantSummaryFocus = useRef(false);
  const [pending, startTransition] = useTransition();
  const summaryRef = useRef<HTMLDivElement>(null);

  const {
    register,
    handleSubmit,
    reset,
    setError,
    getValues,
    setFocus,
    formState: { errors },
  } = useForm<FormInput, unknown, FormOutput>({
    resolver,
    // Focus goes to the error summary (GOV.UK pattern), not to the first field.
    shouldFocusError: false,
    defaultValues: { ...base.values, version: base.version },
  });

  useEffect(() => setFocus("title"), [setFocus]);
  useEffect(() => {
    if (wantSummaryFocus.current && summaryRef.current) {
      summaryRef.current.focus();
      wantSummaryFocus.current = false;
    }
  });

  /**
   * The version to send. If only fields outside this form changed since the edit started (say,
   * the status, from the control above), the newer version is safe to build on.
   */
  const versionToSend = () => (sameValues(base.values, valuesOf(followUp)) ? Math.max(base.version, followUp.version) : base.version);

  function save(changed: Partial<Values>, version: number) {
    setFormError(null);
    setConflict(null);
    setNote(null);
    startTransition(async () => {
      const result = await updateFollowUpAction({ id: followUp.id, patch: { ...changed, version } }).catch(() => null);
      if (!result) {
        setFormError(offline);
        wantSummaryFocus.current = true;
      } else if (result.ok) {
        // In a transition, so "saved" shows together with the refreshed page, not before it.
        startTransition(() => {
          router.refresh();
          onSaved();
        });
      } else if (result.code.startsWith("conflict")) {
        setConflict(result.error);
      } else {
        for (const [key, message] of Object.entries(result.fieldErrors ?? {})) {
          if (isField(key)) setError(key, { type: "server", message });
        }
        setFormError(result.error);
        wantSummaryFocus.current = true;
      }
    });
  }

  const onValid = (values: FormOutput) => {
    const changed = changesFrom(values, base.values);
    if (!Object.keys(changed).length) {
      setFormError(null);
      setNote("You have not changed anything yet.");
      return;
    }
    save(changed, versionToSend());
  };

  // Keep mine: apply my changes on top of the newest version (their other changes stay).
  const keepMine = () =>
    startTransition(async () => {
      const latest = await fetchLatestFollowUp(followUp.id);
      const { followUpPatch: schema } = await import("@/lib/validation/follow-ups");
      const parsed = schema.safeParse({ ...getValues(), version: latest?.version ?? 1 });
      if (!latest || !parsed.success) {
        setConflict(null);
        setFormError(latest ? "Some of the information is not valid. Check the highlighted fields." : offline);
        wantSummaryFocus.current = true;
        return;
      }
      save(changesFrom(parsed.data, base.values), latest.version);
    });

  // Reload: show their version in the form (my edits are dropped, by choice) and start again from it.
  const loadTheirs = () =>
    startTransition(async () => {
      const latest = await fetchLatestFollowUp(followUp.id);
      const priority = followUpPriorities.find((p) => p === latest?.priority);
      if (!latest || !priority) {
        setFormError(offline);
        return;
      }
      const values = valuesOf({ ...latest, priority });
      setBase({ values, version: latest.version });
      reset({ ...values, version: latest.version });
      setConflict(null);
      setNote("Showing the latest version. Make your changes again if they are still needed.");
      router.refresh();
    });

  const fieldErrors: Record<string, string | undefined> = Object.fromEntries(fields.map((k) => [k, errors[k]?.message]));
  const summary = { ...fieldErrors, ...(formError ? { _form: formError } : {}) };
  const err = (k: FieldName) => errors[k]?.message;
  // The three fields a manager changes share one hint, read with each of them.
  const manageDescribedBy = (k: FieldName) => {
    const ids = [canManage ? "" : "manage-hint", err(k) ? `${k}-error` : ""].filter(Boolean).join(" ");
    return { "aria-describedby": ids || undefined, "aria-invalid": err(k) ? true : undefined };
  };

  return (
    <form
      noValidate
      onSubmit={(e) =>
        handleSubmit(onValid, () => {
          setFormError(null);
          wantSummaryFocus.current = true;
        })(e)
      }
      className="space-y-4"
    >
      <ErrorSummary errors={summary} labels={labels} summaryRef={summaryRef} />
      {conflict && (
        <ConflictNotice
          message={conflict}
          pending={pending}
          onReload={loadTheirs}
          onKeepMine={keepMine}
          reloadLabel="Reload (show their version)"
          keepMineLabel="Keep mine (save my changes over theirs)"
        />
      )}
      {note && (
        <p role="status" className="rounded-md bg-zinc-100 px-3 py-2 text-sm text-zinc-700">
          {note}
        </p>
      )}

      <Field id="title" label={labels.title} error={err("title")}>
        <input id="title" type="text" className={inputClass} {...describedBy("title", undefined, err("title"))} {...register("title")} />
      </Field>

      <Field id="description" label={labels.description} hint="Plain text. Line breaks are kept." error={err("description")}>
        <textarea id="description" rows={6} className={inputClass} {...describedBy("description", "hint", err("description"))} {...register("description")} />
      </Field>

      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="priorityAreaId" label={labels.priorityAreaId} error={err("priorityAreaId")}>
          <select id="priorityAreaId" className={inputClass} {...describedBy("priorityAreaId", undefined, err("priorityAreaId"))} {...register("priorityAreaId")}>
            {options.priorityAreas.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </select>
        </Field>

        <Field id="priority" label={labels.priority} error={err("priority")}>
          <select id="priority" className={inputClass} {...describedBy("priority", undefined, err("priority"))} {...register("priority")}>
            {followUpPriorities.map((p) => (
              <option key={p} value={p}>
                {priorityLabels[p]}
              </option>
            ))}
          </select>
        </Field>

      </div>

      <fieldset className="space-y-3 rounded-md border border-zinc-200 px-3 pb-3 pt-1">
        <legend className="px-1 text-sm font-semibold text-zinc-900">Ownership and due date</legend>
        {!canManage && (
          <p id="manage-hint" className="flex items-start gap-1.5 text-sm text-zinc-600">
            <Lock aria-hidden className="mt-0.5 size-3.5 shrink-0" />
            {managerHint}
          </p>
        )}
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="ownerOrganisationId" label={labels.ownerOrganisationId} error={err("ownerOrganisationId")}>
            <select
              id="ownerOrganisationId"
              className={`${inputClass} disabled:bg-zinc-100 disabled:text-zinc-700`}
              {...manageDescribedBy("ownerOrganisationId")}
              {...register("ownerOrganisationId", { disabled: !canManage })}
            >
              {options.organisations.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.label}
                </option>
              ))}
            </select>
          </Field>

          <Field id="ownerUserId" label={labels.ownerUserId} error={err("ownerUserId")}>
            <select
              id="ownerUserId"
              className={`${inputClass} disabled:bg-zinc-100 disabled:text-zinc-700`}
              {...manageDescribedBy("ownerUserId")}
              {...register("ownerUserId", { disabled: !canManage, setValueAs: emptyToNull })}
            >
              <option value="">No one named (the organisation owns it)</option>
              {options.users.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.label}
                </option>
              ))}
            </select>
          </Field>

          <Field id="dueOn" label={labels.dueOn} error={err("dueOn")}>
            <input
              id="dueOn"
              type="date"
              className={`${inputClass} disabled:bg-zinc-100 disabled:text-zinc-700`}
              {...manageDescribedBy("dueOn")}
              {...register("dueOn", { disabled: !canManage, setValueAs: emptyToNull })}
            />
          </Field>
        </div>
      </fieldset>

      <div className="flex flex-wrap gap-2 pt-1">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save changes"}
        </Button>
        <Button variant="secondary" onClick={onCancel} disabled={pending}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
