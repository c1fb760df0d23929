"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { createMeetingAction, createMeetingWithFollowUpsAction, updateMeetingAction } from "@/app/(app)/meetings/actions";
import { useFormat } from "@/components/i18n/use-format";
import { Button, buttonClass } from "@/components/ui/button";
import { describedBy, ErrorSummary, Field, inputClass } from "@/components/ui/field";
import { ChangedUnderNotice, useChangedBy } from "@/components/live/changed-under";
import { Group, Section } from "@/components/ui/form-layout";
import { useZodForm } from "@/components/ui/use-zod-form";
import { DateInput } from "@/components/ui/date-input";
import { LengthCounter } from "@/components/ui/length-counter";
import { changedFields } from "@/lib/forms/changed-fields";
import { meetingFormats, visibilities } from "@/db/enums";
import type { ActionResult } from "@/lib/result";
import type { DraftAgendaItem, DraftFollowUp } from "@/lib/validation/meeting-drafts";
import type { MeetingInput, MeetingValues } from "@/lib/validation/meetings";
import { limits } from "@/lib/validation/limits";
import { organisationTree, type OrganisationOption } from "@/lib/organisations/tree";
import { AreasGroup, PeopleGroups, ReviewsGroup } from "./meeting-form-groups";
import { MeetingConflictNotice } from "./meeting-conflict-notice";
import { MeetingSummaryField } from "./meeting-summary-field";

type Option = { id: string; name: string; archived: boolean };

export type MeetingFormProps = {
  series: Option[];
  organisations: OrganisationOption[];
  priorityAreas: Option[];
  /** Meetings this one may review: those the viewer can see, newest first. */
  meetings?: { id: string; label: string }[];
  cancelHref: string;
} & (
  | { mode: "create"; defaults: Partial<MeetingInput>; followUps?: DraftFollowUp[]; agendaItems?: DraftAgendaItem[]; document?: File }
  /** changedBy: who made the meeting's latest change (the page refreshes live when someone does). */
  | { mode: "edit"; meetingId: string; version: number; defaults: MeetingInput; changedBy?: string | null }
);

// The order of the form, which is also the order of the error summary.
const fieldNames = ["title", "seriesId", "seriesNumber", "heldOn", "format", "location", "reviewedMeetingIds", "hostOrganisationId", "coChairs", "participantOrganisationIds", "priorityAreaIds", "summary", "visibility"] as const satisfies readonly Exclude<keyof MeetingInput, "mentionedUserIds">[];
/** Arrays whose order does not matter: a different order is no change. */
const sets = ["participantOrganisationIds", "priorityAreaIds", "reviewedMeetingIds"] as const;

const emptyToNull = (v: unknown) => (v === "" || v === undefined ? null : v);
/** "" is no number; digits are a number; anything else goes to the schema to be named as wrong. */
const toSeriesNumber = (v: unknown) => {
  if (v === null || v === undefined) return null;
  const s = String(v).trim();
  if (s === "") return null;
  return /^\d+$/.test(s) ? Number(s) : s;
};

/** The first message anywhere in a field's errors (an array field keeps one per item). */
function messageOf(error: unknown): string | undefined {
  if (!error || typeof error !== "object") return undefined;
  if ("message" in error && typeof error.message === "string" && error.message) return error.message;
  for (const value of Object.values(error)) {
    if (value && typeof value === "object" && value !== error) {
      const m = messageOf(value);
      if (m) return m;
    }
  }
  return undefined;
}

/** The server names a refused mention under the summary and as mentionedUserIds: say it once, under the summary. */
function onceUnderSummary<T>(result: ActionResult<T>): ActionResult<T> {
  if (result.ok || !result.fieldErrors?.summary || !result.fieldErrors.mentionedUserIds) return result;
  const { mentionedUserIds: _m, ...fieldErrors } = result.fieldErrors;
  return { ...result, fieldErrors };
}

const schema = () => import("@/lib/validation/meetings").then((m) => m.meetingInput);

export function MeetingForm(props: MeetingFormProps) {
  const { series, organisations, priorityAreas, cancelHref } = props;
  const t = useTranslations("meetingForm");
  const f = useFormat();
  const router = useRouter();
  const [notice, setNotice] = useState<string>();
  // The version and values this edit started from. The page refreshes live when someone else saves
  // the meeting: the save still goes against the version the edit began with (a 409 then, never a
  // silent overwrite of their change), and the form says who changed it, before the save.
  const [base, setBase] = useState(() => (props.mode === "edit" ? { version: props.version, defaults: props.defaults } : null));
  // Who the summary mentions (its @mention autocomplete keeps the list; only names still in the text count).
  const mentionedIds = useRef<(summary: string) => string[]>(() => []);

  const submit = async (values: MeetingValues): Promise<ActionResult<{ id: string } | null>> => {
    setNotice(undefined);
    const mentionedUserIds = mentionedIds.current(values.summary);
    const mentions = mentionedUserIds.length ? { mentionedUserIds } : {};
    if (props.mode === "create") {
      const result = onceUnderSummary(
        props.followUps?.length || props.agendaItems?.length
          ? await createMeetingWithFollowUpsAction({ ...values, ...mentions, followUps: props.followUps ?? [], agendaItems: props.agendaItems ?? [] })
          : await createMeetingAction({ ...values, ...mentions }),
      );
      // The file the draft was read from becomes the meeting's first document (the meeting exists now).
      if (result.ok && props.document) {
        const file = new FormData();
        file.append("file", props.document, props.document.name);
        await fetch(`/api/v1/meetings/${result.data.id}/attachments`, { method: "POST", body: file }).catch(() => null);
      }
      return result;
    }
    const meetingInput = await schema();
    const before = meetingInput.safeParse(base?.defaults ?? props.defaults);
    const patch = before.success ? changedFields(values, before.data, { only: fieldNames, sets }) : values;
    if (Object.keys(patch).length === 0) {
      setNotice(t("nothingChanged"));
      return { ok: true, data: null };
    }
    return onceUnderSummary(await updateMeetingAction({ id: props.meetingId, patch: { ...patch, ...mentions, version: base?.version ?? props.version } }));
  };

  const { form, onSubmit, summaryRef, formError, conflict, clearConflict, pending } = useZodForm({
    schema,
    defaultValues: props.defaults,
    fields: fieldNames,
    submit,
    refresh: false,
    onDone: (data) => {
      if (data) router.push(`/meetings/${data.id}`);
    },
    // The page's version and values become theirs; the form keeps mine.
    onConflict: () => router.refresh(),
  });
  const { register, control, reset } = form;

  const changedUnder = props.mode === "edit" && !!base && props.version > base.version;
  const changedBy = useChangedBy(changedUnder, props.mode === "edit" ? props.version : 0, null, props.mode === "edit" ? (props.changedBy ?? t("someone")) : null);
  const reviewChanges = () => {
    if (props.mode !== "edit") return;
    setBase({ version: props.version, defaults: props.defaults });
    reset(props.defaults);
    clearConflict();
    setNotice(t("showingLatest"));
  };

  const err = (name: (typeof fieldNames)[number]) => messageOf(form.formState.errors[name]);
  const summaryErrors: Record<string, string | undefined> = Object.fromEntries(fieldNames.map((name) => [name, err(name)]));
  if (formError) summaryErrors._ = formError;
  const labels = Object.fromEntries(fieldNames.map((name) => [name, name]));

  const chosenSeries = props.defaults.seriesId;
  const orgTree = organisationTree(organisations, [props.defaults.hostOrganisationId, ...(props.defaults.participantOrganisationIds ?? [])]);

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-3xl space-y-6">
      {conflict ? (
        <MeetingConflictNotice
          message={conflict}
          latestHref={cancelHref}
          summaryRef={summaryRef}
          choices={
            props.mode === "edit" && base
              ? {
                  onLoadTheirs: reviewChanges,
                  theirsLoaded: props.version === base.version,
                  // Mine over theirs, by choice: only the fields I changed are sent, against their version.
                  onKeepMine: () => {
                    setBase({ version: props.version, defaults: base.defaults });
                    clearConflict();
                  },
                }
              : undefined
          }
        />
      ) : (
        <ErrorSummary errors={summaryErrors} labels={labels} summaryRef={summaryRef} />
      )}
      {changedUnder && !conflict && changedBy && <ChangedUnderNotice name={changedBy} onReview={reviewChanges} />}
      {notice && (
        <p role="status" className="rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm text-zinc-800">
          {notice}
        </p>
      )}

      <Section title={t("sectionMeeting")}>
        <Field id="title" label={t("title")} error={err("title")}>
          <input id="title" type="text" autoComplete="off" className={inputClass} {...describedBy("title", undefined, err("title"))} maxLength={limits.title} {...register("title")} />
          <LengthCounter control={control} name="title" max={limits.title} />
        </Field>
        <div className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_11rem]">
          <Field id="seriesId" label={t("series")} hint={t("seriesHint")} error={err("seriesId")}>
            <select id="seriesId" className={inputClass} {...describedBy("seriesId", "hint", err("seriesId"))} {...register("seriesId", { setValueAs: emptyToNull })}>
              <option value="">{t("noSeries")}</option>
              {series
                .filter((s) => !s.archived || s.id === chosenSeries)
                .map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
            </select>
          </Field>
          <Field id="seriesNumber" label={t("seriesNumber")} hint={t("seriesNumberHint")} error={err("seriesNumber")}>
            <input
              id="seriesNumber"
              type="text"
              inputMode="numeric"
              autoComplete="off"
              className={inputClass}
              {...describedBy("seriesNumber", "hint", err("seriesNumber"))}
              {...register("seriesNumber", { setValueAs: toSeriesNumber })}
            />
          </Field>
        </div>
        <div className="grid gap-4 sm:grid-cols-[12rem_minmax(0,1fr)]">
          <Field id="heldOn" label={t("date")} error={err("heldOn")}>
            <DateInput id="heldOn" className={inputClass} {...describedBy("heldOn", undefined, err("heldOn"))} {...register("heldOn")} />
          </Field>
          <Group id="format" legend={t("format")} error={err("format")}>
            <div className="flex flex-wrap gap-2">
              {meetingFormats.map((value, i) => (
                <label
                  key={value}
                  className="flex cursor-pointer items-center gap-2 rounded-md border border-zinc-400 bg-white px-3 py-1.5 text-[15px] has-[:checked]:border-accent-700 has-[:checked]:bg-accent-50 has-[:checked]:text-accent-800"
                >
                  <input id={i === 0 ? "format" : `format-${value}`} type="radio" value={value} className="size-4 accent-accent-700" {...register("format")} />
                  {f.meetingFormat(value)}
                </label>
              ))}
            </div>
          </Group>
        </div>
        <Field id="location" label={t("location")} hint={t("locationHint")} error={err("location")}>
          <input id="location" type="text" className={inputClass} {...describedBy("location", "hint", err("location"))} maxLength={limits.meetingLocation} {...register("location")} />
          <LengthCounter control={control} name="location" max={limits.meetingLocation} />
        </Field>
        {props.meetings && props.meetings.length > 0 && <ReviewsGroup control={control} meetings={props.meetings} error={err("reviewedMeetingIds")} />}
      </Section>

      <Section title={t("sectionPeople")}>
        <PeopleGroups form={form} orgTree={orgTree} chosen={props.defaults} errorOf={err} />
      </Section>

      <Section title={t("sectionDiscussed")}>
        <AreasGroup control={control} priorityAreas={priorityAreas} chosen={props.defaults.priorityAreaIds ?? []} error={err("priorityAreaIds")} />
        <MeetingSummaryField form={form} meetingId={props.mode === "edit" ? props.meetingId : null} error={err("summary")} mentionedIdsRef={mentionedIds} />
      </Section>

      <Section title={t("sectionVisibility")}>
        <Group id="visibility" legend={t("visibility")} error={err("visibility")}>
          <div className="space-y-2">
            {visibilities.map((value, i) => (
              <label key={value} className="flex cursor-pointer items-center gap-2 text-[15px]">
                <input id={i === 0 ? "visibility" : `visibility-${value}`} type="radio" value={value} className="size-4 accent-accent-700" {...register("visibility")} />
                {t(value === "internal" ? "visibilityInternal" : "visibilityRestricted")}
              </label>
            ))}
          </div>
        </Group>
      </Section>

      {props.mode === "create" && !!props.followUps?.length && (
        <Section title={t("sectionDraftFollowUps")}>
          <p className="text-sm text-zinc-700">{t("draftFollowUpsIntro")}</p>
          <ul className="list-disc space-y-1 pl-5 text-[15px]">
            {props.followUps.map((item, i) => (
              <li key={i}>{item.title}</li>
            ))}
          </ul>
        </Section>
      )}

      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending} className="px-4 py-2">
          {pending ? t("saving") : props.mode === "create" ? t("create") : t("save")}
        </Button>
        <Link href={cancelHref} className={buttonClass("ghost", "px-4 py-2")}>
          {t("cancel")}
        </Link>
      </div>
    </form>
  );
}
