"use client";

import { Lock } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { useWatch } from "react-hook-form";
import { updateFollowUpAction } from "@/app/(app)/follow-ups/actions";
import { useFormat } from "@/components/i18n/use-format";
import { ChangedUnderNotice, useChangedBy } from "@/components/live/changed-under";
import { Button } from "@/components/ui/button";
import { DateInput } from "@/components/ui/date-input";
import { CharactersLeft, describedBy, ErrorSummary, Field, inputClass } from "@/components/ui/field";
import { useZodForm } from "@/components/ui/use-zod-form";
import { followUpPriorities } from "@/db/enums";
import { changedFields } from "@/lib/forms/changed-fields";
import type { ActionResult } from "@/lib/result";
import { ConflictNotice, fetchLatestFollowUp, type LatestFollowUp } from "./conflict-notice";

type Priority = (typeof followUpPriorities)[number];

export type EditableFollowUp = Omit<LatestFollowUp, "status" | "priority"> & { priority: Priority };
export type Option = { id: string; label: string };

const fields = ["title", "description", "priorityAreaId", "ownerOrganisationId", "ownerUserId", "dueOn", "priority"] as const;
type FieldName = (typeof fields)[number];
type Values = Pick<EditableFollowUp, FieldName>;

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
const unchanged = "unchanged" as const;

/**
 * Edit a follow-up, on the one form hook (useZodForm): validates with followUpPatch (the server's
 * own schema) and sends only the changed fields (changedFields) with the version the edit started
 * from, so a newer change is never overwritten; a 409 offers "keep mine" or "load theirs".
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
  const t = useTranslations("followUps");
  const f = useFormat();
  const router = useRouter();
  // What the edit started from. Conflicts are judged against this, not against the newest props.
  const [base, setBase] = useState(() => ({ values: valuesOf(followUp), version: followUp.version }));
  const [note, setNote] = useState<string | null>(null);
  const [busy, startTransition] = useTransition();
  // "Keep mine" saves over the newest version: the version to send instead of the edit's own.
  const keepMineVersion = useRef<number | null>(null);
  const labels: Record<FieldName, string> = {
    title: t("fieldTitle"),
    description: t("fieldDescription"),
    priorityAreaId: t("fieldPriorityArea"),
    ownerOrganisationId: t("fieldOwnerOrganisation"),
    ownerUserId: t("fieldOwner"),
    dueOn: t("fieldDueDate"),
    priority: t("fieldPriority"),
  };

  /**
   * The version to send. If only fields outside this form changed since the edit started (say,
   * the status, from the control above), the newer version is safe to build on.
   */
  const versionToSend = () => (sameValues(base.values, valuesOf(followUp)) ? Math.max(base.version, followUp.version) : base.version);

  const { form, onSubmit, summaryRef, formError, conflict, clearConflict, pending, errorOf, say } = useZodForm({
    schema: () => import("@/lib/validation/follow-ups").then((m) => m.followUpPatch),
    defaultValues: { ...base.values, version: base.version },
    fields,
    refresh: false,
    submit: async (values): Promise<ActionResult<unknown>> => {
      setNote(null);
      const version = keepMineVersion.current ?? versionToSend();
      keepMineVersion.current = null;
      const changed = changedFields(values, base.values, { only: fields });
      if (!Object.keys(changed).length) {
        setNote(t("nothingChanged"));
        return { ok: true, data: unchanged };
      }
      return updateFollowUpAction({ id: followUp.id, patch: { ...changed, version } });
    },
    // In a transition, so "saved" shows together with the refreshed page, not before it.
    onDone: (data) => {
      if (data !== unchanged) startTransition(() => (router.refresh(), onSaved()));
    },
  });
  const { register, control, reset, setFocus } = form;
  const titleLength = (useWatch({ control, name: "title" }) ?? "").length;
  const descriptionLength = (useWatch({ control, name: "description" }) ?? "").length;
  useEffect(() => setFocus("title"), [setFocus]);

  // Keep mine: apply my changes on top of the newest version (their other changes stay).
  const keepMine = () =>
    startTransition(async () => {
      const latest = await fetchLatestFollowUp(followUp.id);
      clearConflict();
      if (!latest) return say(t("unreachable"));
      keepMineVersion.current = latest.version;
      await onSubmit();
      keepMineVersion.current = null; // an invalid form never reached submit: the next save is an ordinary one
    });

  // Reload: show their version in the form (my edits are dropped, by choice) and start again from it.
  const loadTheirs = () =>
    startTransition(async () => {
      const latest = await fetchLatestFollowUp(followUp.id);
      const priority = followUpPriorities.find((p) => p === latest?.priority);
      if (!latest || !priority) return say(t("unreachable"));
      const values = valuesOf({ ...latest, priority });
      setBase({ values, version: latest.version });
      reset({ ...values, version: latest.version });
      clearConflict();
      setNote(t("showingLatest"));
      router.refresh();
    });

  // Someone else changed this form's fields since the edit started (the page refreshed live): say who,
  // before a save would meet the 409. The conflict handling stays the safety net.
  const changedUnder = followUp.version > base.version && !sameValues(base.values, valuesOf(followUp));
  const changedBy = useChangedBy(changedUnder, followUp.version, `/api/v1/follow-ups/${encodeURIComponent(followUp.id)}/activity`);

  const err = (k: FieldName) => errorOf(k);
  const summary: Record<string, string | undefined> = { ...Object.fromEntries(fields.map((k) => [k, err(k)])), ...(formError ? { _form: formError } : {}) };
  // The three fields a manager changes share one hint, read with each of them.
  const manageDescribedBy = (k: FieldName) => {
    const ids = [canManage ? "" : "manage-hint", err(k) ? `${k}-error` : ""].filter(Boolean).join(" ");
    return { "aria-describedby": ids || undefined, "aria-invalid": err(k) ? true : undefined };
  };
  const working = pending || busy;
  const locked = `${inputClass} disabled:bg-zinc-100 disabled:text-zinc-700`;

  return (
    <form noValidate onSubmit={(e) => (setNote(null), onSubmit(e))} className="space-y-4">
      <ErrorSummary errors={summary} labels={labels} summaryRef={summaryRef} />
      {conflict && (
        <ConflictNotice message={conflict} pending={working} onReload={loadTheirs} onKeepMine={keepMine} reloadLabel={t("reloadTheirs")} keepMineLabel={t("keepMine")} />
      )}
      {changedUnder && !conflict && <ChangedUnderNotice name={changedBy ?? t("someone")} onReview={loadTheirs} pending={working} />}
      {note && (
        <p role="status" className="rounded-md bg-zinc-100 px-3 py-2 text-sm text-zinc-700">
          {note}
        </p>
      )}

      <Field id="title" label={labels.title} error={err("title")}>
        <input id="title" type="text" maxLength={300} className={inputClass} {...describedBy("title", undefined, err("title"))} {...register("title")} />
        <CharactersLeft length={titleLength} max={300} />
      </Field>

      <Field id="description" label={labels.description} hint={t("descriptionHint")} error={err("description")}>
        <textarea id="description" rows={6} maxLength={20_000} className={inputClass} {...describedBy("description", "hint", err("description"))} {...register("description")} />
        <CharactersLeft length={descriptionLength} max={20_000} />
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
                {f.priority(p)}
              </option>
            ))}
          </select>
        </Field>
      </div>

      <fieldset className="space-y-3 rounded-md border border-zinc-200 px-3 pb-3 pt-1">
        <legend className="px-1 text-sm font-semibold text-zinc-900">{t("ownershipLegend")}</legend>
        {!canManage && (
          <p id="manage-hint" className="flex items-start gap-1.5 text-sm text-zinc-600">
            <Lock aria-hidden className="mt-0.5 size-3.5 shrink-0" />
            {t("managerHint")}
          </p>
        )}
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="ownerOrganisationId" label={labels.ownerOrganisationId} error={err("ownerOrganisationId")}>
            <select id="ownerOrganisationId" className={locked} {...manageDescribedBy("ownerOrganisationId")} {...register("ownerOrganisationId", { disabled: !canManage })}>
              {options.organisations.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.label}
                </option>
              ))}
            </select>
          </Field>

          <Field id="ownerUserId" label={labels.ownerUserId} error={err("ownerUserId")}>
            <select id="ownerUserId" className={locked} {...manageDescribedBy("ownerUserId")} {...register("ownerUserId", { disabled: !canManage, setValueAs: emptyToNull })}>
              <option value="">{t("noOwnerOrganisationOwns")}</option>
              {options.users.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.label}
                </option>
              ))}
            </select>
          </Field>

          <Field id="dueOn" label={labels.dueOn} error={err("dueOn")}>
            <DateInput id="dueOn" className={locked} {...manageDescribedBy("dueOn")} {...register("dueOn", { disabled: !canManage, setValueAs: emptyToNull })} />
          </Field>
        </div>
      </fieldset>

      <div className="flex flex-wrap gap-2 pt-1">
        <Button type="submit" disabled={working}>
          {working ? t("saving") : t("saveChanges")}
        </Button>
        <Button variant="secondary" onClick={onCancel} disabled={working}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}
