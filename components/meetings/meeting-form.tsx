"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { Controller, type FieldErrors, type Path, useForm } from "react-hook-form";
import { createMeetingAction, createMeetingWithFollowUpsAction, updateMeetingAction } from "@/app/(app)/meetings/actions";
import { Button, buttonClass } from "@/components/ui/button";
import { describedBy, ErrorSummary, Field, FieldError, FieldHint, inputClass } from "@/components/ui/field";
import { formatLabels } from "@/lib/format";
import type { DraftFollowUp } from "@/lib/validation/meeting-drafts";
import type { MeetingInput, MeetingValues } from "@/lib/validation/meetings";
import { lazyZodResolver } from "@/lib/lazy-resolver";
import { organisationLabel, organisationTree, type OrganisationOption } from "./organisation-tree";

/** zod and the schema load after the page (lib/lazy-resolver.ts). */
const resolver = lazyZodResolver(() => import("@/lib/validation/meetings").then((m) => m.meetingInput));

type Option = { id: string; name: string; archived: boolean };

export type MeetingFormProps = {
  series: Option[];
  organisations: OrganisationOption[];
  priorityAreas: Option[];
  /** Meetings this one may review: those the viewer can see, newest first. */
  meetings?: { id: string; label: string }[];
  cancelHref: string;
} & ({ mode: "create"; defaults: Partial<MeetingInput>; followUps?: DraftFollowUp[] } | { mode: "edit"; meetingId: string; version: number; defaults: MeetingInput });

// The order of the form, which is also the order of the error summary.
const labels = {
  title: "Title",
  seriesId: "Series",
  seriesNumber: "Number in the series",
  heldOn: "Date",
  format: "Format",
  location: "Location",
  reviewedMeetingIds: "Meetings it reviews",
  hostOrganisationId: "Host organisation",
  coChairs: "Co-chairs",
  participantOrganisationIds: "Participating organisations",
  priorityAreaIds: "Priority areas",
  summary: "Summary",
  visibility: "Visibility",
} as const satisfies Record<keyof MeetingInput, string>;
type FieldName = keyof typeof labels;
const fieldNames = Object.keys(labels) as FieldName[];

const visibilityOptions = [
  { value: "internal", label: "Internal — every signed-in user" },
  { value: "restricted", label: "Restricted — participating organisations only" },
] as const;

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

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().join() === [...b].sort().join();

/** Only what changed goes to the server with an edit, so a concurrent edit of another field is not overwritten. */
function changedFields(values: MeetingValues, before: MeetingValues): Partial<MeetingValues> {
  const out: Record<string, unknown> = {};
  for (const key of fieldNames) {
    const now = values[key];
    const then = before[key];
    const same =
      key === "participantOrganisationIds" || key === "priorityAreaIds" || key === "reviewedMeetingIds"
        ? sameSet(values[key], before[key])
        : JSON.stringify(now ?? null) === JSON.stringify(then ?? null);
    if (!same) out[key] = now;
  }
  return out as Partial<MeetingValues>;
}

export function MeetingForm(props: MeetingFormProps) {
  const { series, organisations, priorityAreas, cancelHref } = props;
  const router = useRouter();
  const summaryRef = useRef<HTMLDivElement>(null);
  const [failedSubmits, setFailedSubmits] = useState(0);
  const focusedFor = useRef(0);
  const [formError, setFormError] = useState<string>();
  const [conflict, setConflict] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<MeetingInput, unknown, MeetingValues>({
    resolver,
    defaultValues: props.defaults,
    shouldFocusError: false,
  });

  // On a failed submit focus moves to the summary, which links to each field (the GOV.UK pattern).
  // The errors may reach the form a render after the failure is counted, so try after every
  // render until the summary exists, once per failed submit.
  useEffect(() => {
    if (failedSubmits > focusedFor.current && summaryRef.current) {
      focusedFor.current = failedSubmits;
      summaryRef.current.focus();
    }
  });

  const onValid = async (values: MeetingValues) => {
    setFormError(undefined);
    setConflict(undefined);
    setNotice(undefined);
    let result;
    if (props.mode === "create") {
      result = props.followUps?.length ? await createMeetingWithFollowUpsAction({ ...values, followUps: props.followUps }) : await createMeetingAction(values);
    } else {
      const { meetingInput } = await import("@/lib/validation/meetings");
      const before = meetingInput.safeParse(props.defaults);
      const patch = before.success ? changedFields(values, before.data) : values;
      if (Object.keys(patch).length === 0) {
        setNotice("Nothing has changed, so there is nothing to save.");
        return;
      }
      result = await updateMeetingAction({ id: props.meetingId, patch: { ...patch, version: props.version } });
    }
    if (result.ok) {
      router.push(`/meetings/${result.data.id}`);
      return;
    }
    if (result.code.startsWith("conflict:")) {
      setConflict(result.error);
      setFailedSubmits((n) => n + 1);
      return;
    }
    let unplaced: string | undefined;
    for (const [key, message] of Object.entries(result.fieldErrors ?? {})) {
      if (key in labels) setError(key as Path<MeetingInput>, { type: "server", message });
      else unplaced = message;
    }
    if (unplaced || !result.fieldErrors || Object.keys(result.fieldErrors).length === 0) setFormError(unplaced ?? result.error);
    setFailedSubmits((n) => n + 1);
  };

  const err = (name: FieldName) => messageOf((errors as FieldErrors<MeetingInput>)[name]);
  const summaryErrors: Record<string, string | undefined> = Object.fromEntries(fieldNames.map((f) => [f, err(f)]));
  if (formError) summaryErrors._ = formError;

  const chosenSeries = props.defaults.seriesId;
  const chosenHost = props.defaults.hostOrganisationId;
  const chosenParticipants = props.defaults.participantOrganisationIds ?? [];
  const chosenAreas = props.defaults.priorityAreaIds ?? [];
  const orgTree = organisationTree(organisations, [chosenHost, ...chosenParticipants]);

  return (
    <form onSubmit={handleSubmit(onValid, () => setFailedSubmits((n) => n + 1))} noValidate className="max-w-3xl space-y-6">
      {conflict ? (
        <div ref={summaryRef} tabIndex={-1} role="alert" className="rounded-md border-2 border-amber-600 bg-amber-50 p-4 text-sm text-amber-950">
          <h2 className="font-semibold">This meeting was changed while you were editing</h2>
          <p className="mt-1">{conflict}</p>
          <p className="mt-2">
            Your changes are still in the form below.{" "}
            <a href={cancelHref} target="_blank" rel="noopener" className="font-medium text-amber-950 underline">
              Open the latest version in a new tab
            </a>{" "}
            to compare.
          </p>
        </div>
      ) : (
        <ErrorSummary errors={summaryErrors} labels={labels} summaryRef={summaryRef} />
      )}
      {notice && (
        <p role="status" className="rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm text-zinc-800">
          {notice}
        </p>
      )}

      <Section title="The meeting">
        <Field id="title" label="Title" error={err("title")}>
          <input id="title" type="text" autoComplete="off" className={inputClass} {...describedBy("title", undefined, err("title"))} {...register("title")} />
        </Field>
        <div className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_11rem]">
          <Field id="seriesId" label="Series (optional)" hint="A recurring meeting this one belongs to." error={err("seriesId")}>
            <select id="seriesId" className={inputClass} {...describedBy("seriesId", "hint", err("seriesId"))} {...register("seriesId", { setValueAs: emptyToNull })}>
              <option value="">Not part of a series</option>
              {series
                .filter((s) => !s.archived || s.id === chosenSeries)
                .map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
            </select>
          </Field>
          <Field id="seriesNumber" label="Number in the series" hint="For example 16." error={err("seriesNumber")}>
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
          <Field id="heldOn" label="Date" error={err("heldOn")}>
            <input id="heldOn" type="date" className={inputClass} {...describedBy("heldOn", undefined, err("heldOn"))} {...register("heldOn")} />
          </Field>
          <Group id="format" legend="Format" error={err("format")}>
            <div className="flex flex-wrap gap-2">
              {(Object.keys(formatLabels) as (keyof typeof formatLabels)[]).map((value, i) => (
                <label
                  key={value}
                  className="flex cursor-pointer items-center gap-2 rounded-md border border-zinc-400 bg-white px-3 py-1.5 text-[15px] has-[:checked]:border-accent-700 has-[:checked]:bg-accent-50 has-[:checked]:text-accent-800"
                >
                  <input id={i === 0 ? "format" : `format-${value}`} type="radio" value={value} className="size-4 accent-accent-700" {...register("format")} />
                  {formatLabels[value]}
                </label>
              ))}
            </div>
          </Group>
        </div>
        <Field id="location" label="Location" hint="A city, or “Online”." error={err("location")}>
          <input id="location" type="text" className={inputClass} {...describedBy("location", "hint", err("location"))} {...register("location")} />
        </Field>
        {props.meetings && props.meetings.length > 0 && (
          <Field id="reviewedMeetingIds" label="Meetings it reviews (optional)" hint="Earlier meetings whose follow-ups this one takes stock of, besides the previous meeting of its series. Ctrl- or ⌘-click to choose several." error={err("reviewedMeetingIds")}>
            <select id="reviewedMeetingIds" multiple size={Math.min(5, props.meetings.length)} className={inputClass} {...describedBy("reviewedMeetingIds", "hint", err("reviewedMeetingIds"))} {...register("reviewedMeetingIds")}>
              {props.meetings.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.label}
                </option>
              ))}
            </select>
          </Field>
        )}
      </Section>

      <Section title="Who took part">
        <Field id="hostOrganisationId" label="Host organisation" error={err("hostOrganisationId")}>
          <select id="hostOrganisationId" className={inputClass} {...describedBy("hostOrganisationId", undefined, err("hostOrganisationId"))} {...register("hostOrganisationId", { setValueAs: emptyToNull })}>
            <option value="">No host recorded</option>
            {orgTree
              .filter(({ organisation: o }) => !o.archived || o.id === chosenHost)
              .map(({ organisation: o, depth }) => (
                <option key={o.id} value={o.id}>
                  {"\u00a0\u00a0\u00a0".repeat(depth)}
                  {organisationLabel(o)}
                </option>
              ))}
          </select>
        </Field>
        <Controller
          control={control}
          name="coChairs"
          render={({ field }) => (
            <Field id="coChairs" label="Co-chairs (optional)" hint="One per line, with their role if useful." error={err("coChairs")}>
              <CoChairs id="coChairs" value={field.value ?? []} onChange={field.onChange} onBlur={field.onBlur} describedBy={describedBy("coChairs", "hint", err("coChairs"))} />
            </Field>
          )}
        />
        <Controller
          control={control}
          name="participantOrganisationIds"
          render={({ field }) => (
            <Group id="participantOrganisationIds" legend="Participating organisations" hint="The host organisation is always included." error={err("participantOrganisationIds")}>
              <CheckboxList
                name="participantOrganisationIds"
                value={field.value ?? []}
                onChange={field.onChange}
                options={orgTree
                  .filter(({ organisation: o }) => !o.archived || chosenParticipants.includes(o.id))
                  .map(({ organisation: o, depth, hasChildren }) => ({ id: o.id, label: o.name, detail: o.acronym, depth, strong: depth === 0 && hasChildren }))}
                scroll
              />
            </Group>
          )}
        />
      </Section>

      <Section title="What was discussed">
        <Controller
          control={control}
          name="priorityAreaIds"
          render={({ field }) => (
            <Group id="priorityAreaIds" legend="Priority areas" error={err("priorityAreaIds")}>
              <CheckboxList
                name="priorityAreaIds"
                value={field.value ?? []}
                onChange={field.onChange}
                options={priorityAreas.filter((a) => !a.archived || chosenAreas.includes(a.id)).map((a) => ({ id: a.id, label: a.name, depth: 0 }))}
                columns
              />
            </Group>
          )}
        />
        <Field id="summary" label="Summary (optional)" hint="What was discussed and agreed. Markdown is supported: **bold**, lists with “-”, links." error={err("summary")}>
          <textarea id="summary" rows={10} className={`${inputClass} font-mono text-sm`} {...describedBy("summary", "hint", err("summary"))} {...register("summary")} />
        </Field>
      </Section>

      <Section title="Who can see it">
        <Group id="visibility" legend="Visibility" error={err("visibility")}>
          <div className="space-y-2">
            {visibilityOptions.map((o, i) => (
              <label key={o.value} className="flex cursor-pointer items-center gap-2 text-[15px]">
                <input id={i === 0 ? "visibility" : `visibility-${o.value}`} type="radio" value={o.value} className="size-4 accent-accent-700" {...register("visibility")} />
                {o.label}
              </label>
            ))}
          </div>
        </Group>
      </Section>

      {props.mode === "create" && !!props.followUps?.length && (
        <Section title="Follow-ups from the draft">
          <p className="text-sm text-zinc-700">Created with the meeting, open, owned as chosen in the draft:</p>
          <ul className="list-disc space-y-1 pl-5 text-[15px]">
            {props.followUps.map((f, i) => (
              <li key={i}>{f.title}</li>
            ))}
          </ul>
        </Section>
      )}

      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={isSubmitting} className="px-4 py-2">
          {isSubmitting ? "Saving…" : props.mode === "create" ? "Log meeting" : "Save changes"}
        </Button>
        <Link href={cancelHref} className={buttonClass("ghost", "px-4 py-2")}>
          Cancel
        </Link>
      </div>
    </form>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="space-y-4 rounded-lg border border-zinc-200 bg-white p-4 sm:p-5">
      <h2 className="text-sm font-semibold uppercase tracking-wide text-zinc-600">{title}</h2>
      {children}
    </section>
  );
}

/** A fieldset whose legend is the label; hint and error as for a single field. */
function Group({ id, legend, hint, error, children }: { id: string; legend: string; hint?: string; error?: string; children: ReactNode }) {
  return (
    <fieldset className="min-w-0 space-y-1.5" {...describedBy(id, hint, error)} aria-invalid={undefined}>
      <legend className="mb-1 block text-sm font-semibold text-zinc-900">{legend}</legend>
      <FieldHint id={id} hint={hint} />
      {children}
      <FieldError id={id} error={error} />
    </fieldset>
  );
}

/** One co-chair per line; the text is kept as typed while the form holds the list of names. */
function CoChairs({
  id,
  value,
  onChange,
  onBlur,
  describedBy: aria,
}: {
  id: string;
  value: string[];
  onChange: (v: string[]) => void;
  onBlur: () => void;
  describedBy: ReturnType<typeof describedBy>;
}) {
  const [text, setText] = useState(() => value.join("\n"));
  return (
    <textarea
      id={id}
      rows={3}
      value={text}
      onBlur={onBlur}
      onChange={(e) => {
        setText(e.target.value);
        onChange(
          e.target.value
            .split("\n")
            .map((line) => line.trim())
            .filter(Boolean),
        );
      }}
      className={inputClass}
      {...aria}
    />
  );
}

type CheckOption = { id: string; label: string; detail?: string | null; depth: number; strong?: boolean };

function CheckboxList({
  name,
  value,
  onChange,
  options,
  scroll,
  columns,
}: {
  name: string;
  value: string[];
  onChange: (v: string[]) => void;
  options: CheckOption[];
  scroll?: boolean;
  columns?: boolean;
}) {
  const chosen = new Set(value);
  const toggle = (id: string, on: boolean) => onChange(on ? [...value, id] : value.filter((v) => v !== id));
  return (
    <div>
      <div className={scroll ? "max-h-72 overflow-y-auto rounded-md border border-zinc-300 bg-white px-2 py-1.5" : ""}>
        <ul className={columns ? "grid gap-x-4 gap-y-0.5 sm:grid-cols-2" : "space-y-0.5"}>
          {options.map((o, i) => (
            <li key={o.id} style={{ paddingLeft: `${o.depth * 1.5}rem` }}>
              <label className="flex cursor-pointer items-start gap-2 rounded px-1 py-1 text-[15px] hover:bg-zinc-50">
                <input
                  id={i === 0 ? name : `${name}-${o.id}`}
                  type="checkbox"
                  checked={chosen.has(o.id)}
                  onChange={(e) => toggle(o.id, e.target.checked)}
                  className="mt-1 size-4 shrink-0 accent-accent-700"
                />
                <span className="min-w-0">
                  <span className={o.strong ? "font-medium" : ""}>{o.label}</span>
                  {o.detail && o.detail !== o.label && <span className="ml-1.5 text-sm text-zinc-600">{o.detail}</span>}
                </span>
              </label>
            </li>
          ))}
        </ul>
      </div>
      {scroll && (
        <p className="mt-1 text-xs text-zinc-600">
          {chosen.size} of {options.length} selected
        </p>
      )}
    </div>
  );
}
