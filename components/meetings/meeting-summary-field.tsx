"use client";

import { useTranslations } from "next-intl";
import { type RefObject, useEffect, useRef } from "react";
import { type UseFormReturn, useWatch } from "react-hook-form";
import { useMentions } from "@/components/mentions/use-mentions";
import { describedBy, Field, inputClass } from "@/components/ui/field";
import { LengthCounter } from "@/components/ui/length-counter";
import type { MeetingInput, MeetingValues } from "@/lib/validation/meetings";
import { limits } from "@/lib/validation/limits";

/**
 * Where the people offered for an @mention come from: for a saved meeting, those who can see it; for
 * one being logged, those who will, as the form now stands (its visibility, host and participants).
 * The server checks each mention again on save, against the meeting as saved, and notifies each once.
 */
export function mentionSource(meetingId: string | null, now: { visibility?: string; hostOrganisationId?: string | null; participantOrganisationIds?: readonly string[] }) {
  if (meetingId) return `/api/v1/meetings/${meetingId}/mentionable`;
  const qs = new URLSearchParams({ visibility: now.visibility ?? "internal" });
  if (now.hostOrganisationId) qs.set("hostOrganisationId", now.hostOrganisationId);
  for (const id of now.participantOrganisationIds ?? []) qs.append("participantOrganisationIds", id);
  return `/api/v1/meetings/mentionable?${qs}`;
}

/** The summary (the minutes) in Markdown, with an accessible @mention autocomplete. */
export function MeetingSummaryField({
  form,
  meetingId,
  error,
  mentionedIdsRef,
}: {
  form: UseFormReturn<MeetingInput, unknown, MeetingValues>;
  meetingId: string | null;
  error?: string;
  /** Set to the autocomplete's "who is still mentioned in this text", read by the form on save. */
  mentionedIdsRef: RefObject<(summary: string) => string[]>;
}) {
  const t = useTranslations("meetingForm");
  const { register, getValues, setValue, control } = form;
  const [visibility, hostOrganisationId, participantOrganisationIds] = useWatch({ control, name: ["visibility", "hostOrganisationId", "participantOrganisationIds"] });
  const textarea = useRef<HTMLTextAreaElement | null>(null);
  const mentions = useMentions({
    source: mentionSource(meetingId, { visibility, hostOrganisationId, participantOrganisationIds }),
    recordNoun: "meeting",
    textarea,
    getText: () => getValues("summary") ?? "",
    setText: (text) => setValue("summary", text, { shouldDirty: true }),
  });
  useEffect(() => {
    mentionedIdsRef.current = mentions.mentionedIds;
  });
  const { ref, onChange, onBlur, ...rest } = register("summary");
  return (
    <Field id="summary" label={t("summary")} hint={meetingId ? t("summaryHintEdit") : t("summaryHintCreate")} error={error}>
      <div className="relative">
        <textarea
          id="summary"
          rows={10}
          className={`${inputClass} font-mono text-sm`}
          {...describedBy("summary", "hint", error)}
          maxLength={limits.meetingSummary}
          {...rest}
          ref={(el) => {
            ref(el);
            textarea.current = el;
          }}
          onChange={(e) => {
            void onChange(e);
            mentions.detect(e.target);
          }}
          onClick={(e) => mentions.detect(e.currentTarget)}
          onKeyDown={(e) => void mentions.onKeyDown(e)}
          onBlur={(e) => {
            void onBlur(e);
            mentions.close();
          }}
          {...mentions.textareaProps}
        />
        {mentions.listbox}
      </div>
      <LengthCounter control={control} name="summary" max={limits.meetingSummary} />
      {mentions.announcer}
    </Field>
  );
}
