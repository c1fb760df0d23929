"use client";

import { AlertTriangle, Check, Plus } from "lucide-react";
import { useTranslations } from "next-intl";
import { type FormEvent, type ReactNode, useEffect, useState } from "react";
import { useWatch } from "react-hook-form";
import { createFollowUpAction } from "@/app/(app)/follow-ups/actions";
import { listPeopleAction } from "@/app/(app)/people-actions";
import { useFormat } from "@/components/i18n/use-format";
import { Button } from "@/components/ui/button";
import { describedBy, FieldError } from "@/components/ui/field";
import { useZodForm } from "@/components/ui/use-zod-form";
import { organisationLabel, organisationTree, type OrganisationOption } from "@/lib/organisations/tree";
import { isClosed } from "@/lib/follow-ups/status";
import { DateInput } from "@/components/ui/date-input";

const schema = () => import("@/lib/validation/follow-ups").then((m) => m.followUpInput);

type Area = { id: string; name: string };
type Person = { id: string; name: string; organisationId: string; organisationAcronym: string | null };

const controlClass =
  "block w-full rounded-md border border-zinc-400 bg-white px-2 py-1.5 text-sm text-zinc-900 placeholder:text-zinc-500 aria-[invalid=true]:border-red-700 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-700";
const fields = ["title", "priorityAreaId", "ownerOrganisationId", "ownerUserId", "dueOn"] as const;
const emptyToNull = (v: unknown) => (v === "" || v === undefined ? null : v);
const titleMax = 300;
/** Today in the person's own calendar, as the date input writes it. */
const localToday = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
};
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
const pastStatuses = ["open", "done", "cancelled"] as const;

/**
 * The quick-add form at the top of a meeting's follow-ups: after each add the title clears and
 * takes focus again while the area and owner stay, so several can be recorded in a row. The due
 * date clears unless "Keep this due date" is ticked: carried over unseen, it dated the next
 * follow-up wrongly. A past due date asks whether the follow-up is already done or cancelled
 * (re-creating an old meeting's follow-ups made them "overdue by 950 days").
 */
export function QuickAddFollowUp({
  meetingId,
  meetingAreas,
  otherAreas,
  organisations,
  people: firstPeople,
  defaultOrganisationId,
}: {
  meetingId: string;
  meetingAreas: Area[];
  otherAreas: Area[];
  organisations: OrganisationOption[];
  people: Person[];
  defaultOrganisationId: string;
}) {
  const t = useTranslations("meetingPage");
  const tf = useTranslations("form");
  const f = useFormat();
  // The page sends the viewer's organisation's people; everyone else arrives right after it.
  const [people, setPeople] = useState(firstPeople);
  useEffect(() => {
    let live = true;
    // Unreachable: the page's own people stay.
    listPeopleAction({}).then(
      (r) => {
        if (live && r.ok) setPeople(r.data);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  const [added, setAdded] = useState<{ title: string; status: string } | null>(null);
  const [keepDue, setKeepDue] = useState(false);
  const { form, onSubmit, formError, pending } = useZodForm({
    schema,
    defaultValues: {
      title: "",
      meetingId,
      priorityAreaId: meetingAreas[0]?.id ?? otherAreas[0]?.id ?? "",
      ownerOrganisationId: defaultOrganisationId,
      ownerUserId: null,
      dueOn: null,
      status: "open",
    },
    fields,
    focusField: true,
    submit: (values) => createFollowUpAction(values),
    onDone: (created) => {
      setValue("title", "");
      if (!keepDue) {
        setValue("dueOn", null);
        setValue("status", "open");
      }
      setAdded({ title: created.title, status: isClosed(created.status) ? created.status : "open" });
      setFocus("title");
    },
  });
  const { register, setValue, setFocus, control } = form;
  // An old success message must not sit under a new error (the client's own check included).
  const submit = (e: FormEvent<HTMLFormElement>) => {
    setAdded(null);
    return onSubmit(e);
  };

  const ownerOrganisationId = useWatch({ control, name: "ownerOrganisationId" });
  const dueOn = useWatch({ control, name: "dueOn" });
  const title = useWatch({ control, name: "title" }) ?? "";
  const status = useWatch({ control, name: "status" });
  // Today as the person's calendar has it; a date is only there once they typed one, in the browser.
  const today = typeof dueOn === "string" && /^\d{4}-\d{2}-\d{2}$/.test(dueOn) ? localToday() : null;
  const lateBy = today && typeof dueOn === "string" && dueOn < today ? daysBetween(dueOn, today) : 0;
  // A date no longer past takes the status back to open: a hidden "done" would surprise.
  useEffect(() => {
    if (!lateBy && status !== "open") setValue("status", "open");
  }, [lateBy, status, setValue]);
  const inOrg = people.filter((p) => p.organisationId === ownerOrganisationId);
  const others = people.filter((p) => p.organisationId !== ownerOrganisationId);
  const personLabel = (p: Person) => (p.organisationAcronym ? `${p.name} (${p.organisationAcronym})` : p.name);
  const err = (name: (typeof fields)[number]) => form.formState.errors[name]?.message;

  return (
    <form onSubmit={submit} noValidate aria-labelledby="quick-add-title" className="@container space-y-3 border-b border-zinc-200 bg-zinc-50 px-4 py-4">
      <h3 id="quick-add-title" className="text-sm font-semibold text-zinc-900">
        {t("quickAddTitle")}
      </h3>
      {formError && (
        <p role="alert" className="rounded-md border border-red-700 bg-white px-3 py-2 text-sm font-medium text-red-800">
          {formError}
        </p>
      )}
      <QuickField id="qa-title" label={t("title")} error={err("title")}>
        <input
          id="qa-title"
          type="text"
          autoComplete="off"
          placeholder={t("titlePlaceholder")}
          maxLength={titleMax}
         className={controlClass}
          {...describedBy("qa-title", titleMax - title.length <= 50 ? "hint" : undefined, err("title"))}
          {...register("title")}
        />
        {titleMax - title.length <= 50 && (
          <p id="qa-title-hint" aria-live="polite" className={`text-xs ${title.length >= titleMax ? "font-semibold text-red-800" : "text-zinc-700"}`}>
            {tf("charactersLeft", { left: titleMax - title.length, max: titleMax })}
          </p>
        )}
      </QuickField>
      <div className="grid gap-3 @md:grid-cols-2 @4xl:grid-cols-[minmax(0,1.2fr)_minmax(0,1.2fr)_minmax(0,1fr)_10rem_auto] @4xl:items-start">
        <QuickField id="qa-area" label={t("priorityArea")} error={err("priorityAreaId")}>
          <select id="qa-area" className={controlClass} {...describedBy("qa-area", undefined, err("priorityAreaId"))} {...register("priorityAreaId")}>
            {meetingAreas.length > 0 && otherAreas.length > 0 ? (
              <>
                <optgroup label={t("discussedHere")}>
                  {meetingAreas.map((a) => (
                    <option key={a.id} value={a.id}>
                      {a.name}
                    </option>
                  ))}
                </optgroup>
                <optgroup label={t("otherAreas")}>
                  {otherAreas.map((a) => (
                    <option key={a.id} value={a.id}>
                      {a.name}
                    </option>
                  ))}
                </optgroup>
              </>
            ) : (
              [...meetingAreas, ...otherAreas].map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))
            )}
          </select>
        </QuickField>
        <QuickField id="qa-org" label={t("ownerOrganisation")} error={err("ownerOrganisationId")}>
          <select id="qa-org" className={controlClass} {...describedBy("qa-org", undefined, err("ownerOrganisationId"))} {...register("ownerOrganisationId")}>
            {organisationTree(organisations, [defaultOrganisationId]).map(({ organisation: o, depth }) => (
              <option key={o.id} value={o.id}>
                {"\u00a0\u00a0\u00a0".repeat(depth)}
                {organisationLabel(o)}
              </option>
            ))}
          </select>
        </QuickField>
        <QuickField id="qa-owner" label={t("owner")} error={err("ownerUserId")}>
          <select id="qa-owner" className={controlClass} {...describedBy("qa-owner", undefined, err("ownerUserId"))} {...register("ownerUserId", { setValueAs: emptyToNull })}>
            <option value="">{t("nobody")}</option>
            {inOrg.length > 0 && (
              <optgroup label={t("inOwnerOrganisation")}>
                {inOrg.map((p) => (
                  <option key={p.id} value={p.id}>
                    {personLabel(p)}
                  </option>
                ))}
              </optgroup>
            )}
            <optgroup label={inOrg.length ? t("everyoneElse") : t("everyone")}>
              {others.map((p) => (
                <option key={p.id} value={p.id}>
                  {personLabel(p)}
                </option>
              ))}
            </optgroup>
          </select>
        </QuickField>
        <QuickField id="qa-due" label={t("dueDate")} error={err("dueOn")}>
          <DateInput
            id="qa-due"
            className={controlClass}
            {...describedBy("qa-due", lateBy ? "hint" : undefined, err("dueOn"))}
            {...register("dueOn", { setValueAs: emptyToNull })}
          />
          <label className="flex items-center gap-1.5 pt-0.5 text-xs text-zinc-700">
            <input type="checkbox" checked={keepDue} onChange={(e) => setKeepDue(e.target.checked)} className="size-3.5" />
            {t("keepDue")}
          </label>
        </QuickField>
        <div className="flex items-end @md:col-span-2 @4xl:col-span-1 @4xl:pt-[1.375rem]">
          <Button type="submit" disabled={pending} className="w-full whitespace-nowrap py-1.5 @md:w-auto">
            <Plus aria-hidden className="size-4" />
            {pending ? t("adding") : t("add")}
          </Button>
        </div>
      </div>
      {lateBy > 0 && typeof dueOn === "string" && (
        <fieldset id="qa-due-hint" className="rounded-md border border-amber-700 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          <legend className="sr-only">{t("pastLegend")}</legend>
          <p className="flex items-start gap-1.5 font-medium">
            <AlertTriangle aria-hidden className="mt-0.5 size-4 shrink-0" />
            {t("pastWarning", { date: f.date(dueOn), count: lateBy, days: String(lateBy) })}
          </p>
          <div className="mt-1.5 flex flex-wrap gap-x-4 gap-y-1 pl-5.5">
            {pastStatuses.map((value) => (
              <label key={value} className="inline-flex items-center gap-1.5">
                <input type="radio" value={value} {...register("status")} className="size-3.5" />
                {value === "open" ? t("pastOpen") : f.status(value)}
              </label>
            ))}
          </div>
        </fieldset>
      )}
      <p role="status" className="min-h-5 text-sm text-emerald-800">
        {added && (
          <span className="inline-flex items-center gap-1">
            <Check aria-hidden className="size-4" />
            {t("added", added)}
          </span>
        )}
      </p>
    </form>
  );
}

function QuickField({ id, label, error, children }: { id: string; label: string; error?: string; children: ReactNode }) {
  return (
    <div className="min-w-0 space-y-1">
      <label htmlFor={id} className="block text-xs font-semibold text-zinc-700">
        {label}
      </label>
      {children}
      <FieldError id={id} error={error} />
    </div>
  );
}
