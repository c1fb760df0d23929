"use client";

import { FileText, Sparkles } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { draftMeetingAction } from "@/app/(app)/meetings/actions";
import { Button } from "@/components/ui/button";
import { describedBy, FieldError, inputClass } from "@/components/ui/field";
import { FileInput } from "@/components/ui/file-input";
import type { MeetingDraft } from "@/lib/drafts/extract";
import type { Accepted, Option } from "@/lib/drafts/review";
import { draftTextLimit } from "@/lib/validation/lists";
import type { OrganisationOption } from "@/lib/organisations/tree";
import { DraftReview } from "./draft-review";

/**
 * What the person accepts: values for the meeting form, the follow-ups to create with it and the
 * agenda items they go under. document: the Word or PDF file the draft was read from, attached to
 * the meeting once it is logged.
 */
export type AcceptedDraft = Accepted & { document?: File };

/** "Start from minutes or a press release": paste or drop the text, read it into a draft, then review it (DraftReview). */
export function MeetingDraftPanel({
  series,
  organisations,
  priorityAreas,
  fallbackOrganisationId,
  onAccept,
}: {
  series: Option[];
  organisations: OrganisationOption[];
  priorityAreas: Option[];
  fallbackOrganisationId: string;
  onAccept: (accepted: AcceptedDraft) => void;
}) {
  const t = useTranslations("meetingDraft");
  const [text, setText] = useState("");
  const [error, setError] = useState<string>();
  const [sourceFile, setSourceFile] = useState<File>();
  const [dragging, setDragging] = useState(false);
  const [reading, setReading] = useState(false);
  // `n` remounts the review form for each new draft (its values start from that draft).
  const [draft, setDraft] = useState<{ n: number; text: string; result: MeetingDraft }>();

  const opened = (draftText: string, result: MeetingDraft) => setDraft((d) => ({ n: (d?.n ?? 0) + 1, text: draftText, result }));

  const read = async () => {
    setError(undefined);
    setReading(true);
    const result = await draftMeetingAction({ text }).catch(() => null);
    setReading(false);
    if (!result) return setError(t("unreachable"));
    if (!result.ok) return setError(result.fieldErrors?.text ?? result.error);
    opened(text, result.data);
  };

  const discard = () => {
    setDraft(undefined);
    setSourceFile(undefined);
  };

  /** A dropped or chosen .docx or .pdf: the server reads its text and drafts from it; the file waits here to be attached. */
  const readDocument = async (file: File | undefined) => {
    if (!file) return;
    setError(undefined);
    setReading(true);
    const form = new FormData();
    form.append("file", file, file.name);
    const res = await fetch("/api/v1/meeting-drafts/document", { method: "POST", body: form }).catch(() => null);
    const body = res ? await res.json().catch(() => null) : null;
    setReading(false);
    if (!res || res.status !== 200 || !body?.draft) return setError(body?.error?.message ?? t("unreachable"));
    setText(body.text);
    setSourceFile(file);
    opened(body.text, body.draft);
  };

  if (draft)
    return (
      <DraftReview
        key={draft.n}
        text={draft.text}
        draft={draft.result}
        series={series}
        organisations={organisations}
        priorityAreas={priorityAreas}
        fallbackOrganisationId={fallbackOrganisationId}
        onDiscard={discard}
        onAccept={(accepted) => {
          onAccept({ ...accepted, document: sourceFile });
          // The pasted text stays (the draft's view closes): until the meeting is logged, one can draft
          // from it again or copy from it; it went into the summary too.
          discard();
        }}
      />
    );

  return (
    <section
      aria-labelledby="draft-heading"
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        void readDocument(e.dataTransfer.files[0]);
      }}
      data-testid="draft-dropzone"
      className={`max-w-3xl space-y-3 rounded-lg border p-4 sm:p-5 ${dragging ? "border-2 border-dashed border-accent-700 bg-accent-50" : "border-accent-100 bg-accent-50/60"}`}
    >
      <div className="flex items-start gap-2">
        <Sparkles aria-hidden className="mt-0.5 size-5 shrink-0 text-accent-700" />
        <div>
          <h2 id="draft-heading" className="font-semibold text-zinc-900">
            {t("heading")}
          </h2>
          <p id="draft-text-hint" className="text-sm text-zinc-700">
            {t("intro")}
          </p>
        </div>
      </div>
      <label htmlFor="draft-text" className="block text-sm font-semibold text-zinc-900">
        {t("textLabel")}
      </label>
      <textarea
        id="draft-text"
        rows={6}
        value={text}
        maxLength={draftTextLimit}
        onChange={(e) => setText(e.target.value)}
        className={`${inputClass} text-sm`}
        {...describedBy("draft-text", "hint", error)}
      />
      <FieldError id="draft-text" error={error} />
      <div className="flex flex-wrap items-center gap-2">
        <Button onClick={read} disabled={reading || !text.trim()} className="px-4 py-2">
          <FileText aria-hidden className="size-4" />
          {reading ? t("reading") : t("read")}
        </Button>
        <span className="text-sm text-zinc-700">{t("orDrop")}</span>
        <FileInput
          id="draft-file"
          accept=".docx,.pdf,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          aria-label={t("chooseFileLabel")}
          disabled={reading}
          chosen={sourceFile ? [sourceFile.name] : []}
          onChange={(e) => {
            void readDocument(e.target.files?.[0]);
            e.target.value = "";
          }}
        />
      </div>
      <p className="text-xs text-zinc-600">{t("fileKept")}</p>
    </section>
  );
}
