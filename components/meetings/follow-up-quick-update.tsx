"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { addCommentAction, updateFollowUpAction } from "@/app/(app)/follow-ups/actions";
import { ChangedUnderNotice, useChangedBy } from "@/components/live/changed-under";
import { Button } from "@/components/ui/button";
import { describedBy, FieldError, inputClass } from "@/components/ui/field";
import { useFormat } from "@/components/i18n/use-format";
import { followUpStatuses } from "@/db/enums";
import { useZodForm } from "@/components/ui/use-zod-form";
import type { ActionResult } from "@/lib/result";
import type { CarryOverUpdate } from "@/lib/validation/agenda-items";
import { DateInput } from "@/components/ui/date-input";
import { LengthCounter } from "@/components/ui/length-counter";
import { limits } from "@/lib/validation/limits";

const loadSchema = () => import("@/lib/validation/agenda-items").then((m) => m.carryOverUpdate);
const emptyToNull = (v: unknown) => (v === "" || v === undefined ? null : v);

type Linked = { id: string; title: string; status: string; dueOn: string | null; version: number };

/**
 * Under the carry-over item, during the meeting: a follow-up's status, a new due date and a
 * comment, saved through the follow-up's own actions (so its policy, history and 409 apply).
 */
export function FollowUpQuickUpdate({ followUp }: { followUp: Linked }) {
  const t = useTranslations("meetingPage");
  const f = useFormat();
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState("");
  const uid = useId();
  const id = (f: string) => `${uid}-${f}`;
  // Saved through the follow-up's own actions (its policy, history and 409): the status and date, then the comment.
  const save = async (v: CarryOverUpdate): Promise<ActionResult<unknown>> => {
    const patch = { version: base.version, ...(v.status !== base.status ? { status: v.status } : {}), ...(v.dueOn !== base.dueOn ? { dueOn: v.dueOn } : {}) };
    if (Object.keys(patch).length > 1) {
      const updated = await updateFollowUpAction({ id: followUp.id, patch });
      if (!updated.ok || !v.comment) return updated;
    }
    return v.comment ? addCommentAction({ followUpId: followUp.id, body: v.comment }) : ({ ok: true, data: null } as const);
  };
  const { form, onSubmit, formError, conflict, errorOf, pending } = useZodForm({
    schema: loadSchema,
    defaultValues: { status: followUp.status as CarryOverUpdate["status"], dueOn: followUp.dueOn, comment: "" },
    fields: ["status", "dueOn", "comment"],
    submit: (v) => save(v),
    onDone: () => {
      setMessage(t("updated", { title: followUp.title }));
      setOpen(false);
    },
  });
  const { register, control, reset } = form;
  const problem = conflict || formError;
  // What the form was opened on. The meeting page refreshes live: a change by someone else since
  // then is named before a save, and the save still goes against this version (a 409, never a
  // silent overwrite of their status or date).
  const [base, setBase] = useState<Linked>(followUp);
  const changedUnder = open && followUp.version > base.version && (followUp.status !== base.status || followUp.dueOn !== base.dueOn);
  const changedBy = useChangedBy(changedUnder, followUp.version, `/api/v1/follow-ups/${encodeURIComponent(followUp.id)}/activity`);
  const startFrom = (f: Linked) => {
    setBase(f);
    reset({ status: f.status as CarryOverUpdate["status"], dueOn: f.dueOn, comment: "" });
  };

  return (
    <div className="mt-2">
      <Button
        variant="ghost"
        className="-ml-2 px-2 text-xs"
        aria-expanded={open}
        onClick={() => {
          if (!open) startFrom(followUp);
          setOpen(!open);
        }}
      >
        {open ? t("updateClose") : t("updateOpen")}
        <span className="sr-only"> {followUp.title}</span>
      </Button>
      <span role="status" className="text-xs text-emerald-800">
        {message}
      </span>
      {open && (
        <form
          onSubmit={(e) => {
            setMessage("");
            void onSubmit(e);
          }}
          noValidate className="mt-2 grid gap-2 rounded-md bg-zinc-50 p-3 sm:grid-cols-[10rem_10rem_minmax(0,1fr)_auto] sm:items-end" aria-label={t("updateFormLabel", { title: followUp.title })}>
          {changedUnder && changedBy && (
            <div className="sm:col-span-4">
              <ChangedUnderNotice name={changedBy} onReview={() => startFrom(followUp)} />
            </div>
          )}
          {problem && (
            <p role="alert" className="text-sm font-medium text-red-800 sm:col-span-4">
              {problem}
            </p>
          )}
          <div className="space-y-1">
            <label htmlFor={id("status")} className="block text-xs font-semibold">
              {t("updateStatus")}
            </label>
            <select id={id("status")} className={inputClass} {...register("status")}>
              {followUpStatuses.map((k) => (
                <option key={k} value={k}>
                  {f.status(k)}
                </option>
              ))}
            </select>
          </div>
          <div className="space-y-1">
            <label htmlFor={id("due")} className="block text-xs font-semibold">
              {t("updateDueDate")}
            </label>
            <DateInput id={id("due")} className={inputClass} {...describedBy(id("due"), undefined, errorOf("dueOn"))} {...register("dueOn", { setValueAs: emptyToNull })} />
            <FieldError id={id("due")} error={errorOf("dueOn")} />
          </div>
          <div className="space-y-1">
            <label htmlFor={id("comment")} className="block text-xs font-semibold">
              {t("updateComment")}
            </label>
            <input id={id("comment")} type="text" autoComplete="off" className={inputClass} {...describedBy(id("comment"), undefined, errorOf("comment"))} maxLength={limits.comment} {...register("comment")} />
            <LengthCounter control={control} name="comment" max={limits.comment} />
            <FieldError id={id("comment")} error={errorOf("comment")} />
          </div>
          <Button type="submit" disabled={pending}>
            {pending ? t("updateSaving") : t("updateSave")}
          </Button>
        </form>
      )}
    </div>
  );
}
