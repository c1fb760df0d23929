"use client";

import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import type { DraftAgendaItem, DraftFollowUp } from "@/lib/validation/meeting-drafts";
import type { MeetingInput } from "@/lib/validation/meetings";
import { type AcceptedDraft, MeetingDraftPanel } from "./meeting-draft";
import { MeetingForm, type MeetingFormProps } from "./meeting-form";
import type { OrganisationOption } from "@/lib/organisations/tree";

type Option = { id: string; name: string; archived: boolean };

/**
 * "Log a meeting": the form, and above it a draft from pasted text. Accepting the draft fills
 * the form afresh (a new key remounts it with the draft as its values); the person saves.
 */
export function NewMeeting({
  defaults,
  series,
  organisations,
  priorityAreas,
  meetings,
}: {
  defaults: Partial<MeetingInput>;
  series: Option[];
  organisations: OrganisationOption[];
  priorityAreas: Option[];
  meetings?: MeetingFormProps["meetings"];
}) {
  const [form, setForm] = useState<{ key: number; defaults: Partial<MeetingInput>; followUps: DraftFollowUp[]; agendaItems?: DraftAgendaItem[]; document?: File }>({ key: 0, defaults, followUps: [] });
  const t = useTranslations("meetingForm");
  const [notice, setNotice] = useState("");
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const active = <T extends Option>(list: T[]) => list.filter((o) => !o.archived);

  const accept = ({ values, followUps, agendaItems, document }: AcceptedDraft) => {
    setForm((f) => ({ key: f.key + 1, defaults: { ...defaults, ...values }, followUps, agendaItems, document }));
    setNotice(t("filledFromDraft", { count: followUps.length, hasDocument: document ? "yes" : "no", document: document?.name ?? "" }));
    requestAnimationFrame(() => noticeRef.current?.focus());
  };

  const formProps: MeetingFormProps = { mode: "create", cancelHref: "/meetings", defaults: form.defaults, followUps: form.followUps, agendaItems: form.agendaItems, document: form.document, series, organisations, priorityAreas, meetings };
  return (
    <div className="space-y-6">
      <MeetingDraftPanel series={active(series)} organisations={organisations} priorityAreas={active(priorityAreas)} fallbackOrganisationId={defaults.hostOrganisationId ?? ""} onAccept={accept} />
      {notice && (
        <p ref={noticeRef} tabIndex={-1} role="status" className="max-w-3xl rounded-md border border-emerald-700 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          {notice}
        </p>
      )}
      <MeetingForm key={form.key} {...formProps} />
    </div>
  );
}
