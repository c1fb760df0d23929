"use client";

import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { addCommentAction } from "@/app/(app)/follow-ups/actions";
import { useMentions } from "@/components/mentions/use-mentions";
import { Button } from "@/components/ui/button";
import { describedBy, Field, inputClass } from "@/components/ui/field";
import { FileInput } from "@/components/ui/file-input";
import { LengthCounter } from "@/components/ui/length-counter";
import { useZodForm } from "@/components/ui/use-zod-form";
import type { ActionResult } from "@/lib/result";
import { limits } from "@/lib/validation/limits";

const fields = ["body"] as const;

/**
 * Add a comment, on the one form hook (useZodForm). One field, so the error sits under it and focus
 * goes back to it (an error summary would only repeat the same sentence); a message that belongs
 * to no field (an attachment refused, the server unreachable) shows above the button and takes focus.
 */
export function CommentForm({ followUpId }: { followUpId: string }) {
  const t = useTranslations("followUps");
  const [posted, setPosted] = useState(false);
  const [files, setFiles] = useState<File[]>([]);
  const [uploading, setUploading] = useState(false);
  // @mentions: an accessible autocomplete on the textarea (aria-autocomplete, aria-activedescendant).
  const textarea = useRef<HTMLTextAreaElement | null>(null);

  /** Files go up first (into the follow-up's documents), then the comment carries them. */
  async function upload(): Promise<ActionResult<string[]>> {
    const ids: string[] = [];
    for (const file of files) {
      const body = new FormData();
      body.append("file", file, file.name);
      const res = await fetch(`/api/v1/follow-ups/${followUpId}/attachments`, { method: "POST", body }).catch(() => null);
      const answer = res ? await res.json().catch(() => null) : null;
      if (res?.status !== 201) return { ok: false, code: "upload", error: t("notAttached", { name: file.name, reason: answer?.error?.message ?? t("unreachableShort") }) };
      ids.push(answer.id);
    }
    return { ok: true, data: ids };
  }

  const { form, onSubmit, summaryRef, formError, pending, errorOf } = useZodForm({
    schema: () => import("@/lib/validation/follow-ups").then((m) => m.commentInput),
    defaultValues: { body: "" },
    fields,
    submit: async ({ body }) => {
      setPosted(false);
      // Only the people whose "@Name" is still in the text are mentioned.
      const mentionedUserIds = mentions.mentionedIds(body);
      setUploading(files.length > 0);
      const uploaded = await upload().finally(() => setUploading(false));
      if (!uploaded.ok) return uploaded;
      const attachmentIds = uploaded.data;
      const result = await addCommentAction({ followUpId, body, mentionedUserIds, ...(attachmentIds.length ? { attachmentIds } : {}) });
      // A refused mention is about what was typed: it goes under the comment.
      const mentionError = !result.ok && !result.fieldErrors?.body ? result.fieldErrors?.mentionedUserIds : undefined;
      return mentionError && !result.ok ? { ...result, fieldErrors: { body: mentionError } } : result;
    },
    onDone: () => {
      form.reset({ body: "" });
      mentions.forget();
      setFiles([]);
      setPosted(true);
    },
  });
  const { register, getValues, setValue, control } = form;
  const mentions = useMentions({
    source: `/api/v1/follow-ups/${followUpId}/mentionable`,
    recordNoun: "follow-up",
    textarea,
    getText: () => getValues("body"),
    setText: (text) => setValue("body", text),
  });

  const submit = async (e?: React.FormEvent) => {
    setPosted(false);
    await onSubmit(e);
    if (form.getFieldState("body").invalid) form.setFocus("body");
  };
  const onKeyDown = (e: React.KeyboardEvent<HTMLTextAreaElement>) => {
    // Ctrl+Enter (⌘+Enter on a Mac) posts, as in the mail and chat tools people use; Enter alone is a new line.
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey) && !pending) {
      e.preventDefault();
      mentions.close();
      e.currentTarget.form?.requestSubmit();
      return;
    }
    mentions.onKeyDown(e);
  };
  const { ref: bodyRef, onChange: bodyChange, ...bodyRest } = register("body");

  const error = errorOf("body");
  return (
    <form noValidate onSubmit={(e) => void submit(e)} className="space-y-2">
      <Field id="comment-body" label={t("addComment")} hint={t("commentHint")} error={error}>
        <div className="relative">
          <textarea
            id="comment-body"
            rows={3}
            className={inputClass}
            {...describedBy("comment-body", "hint", error)}
            maxLength={limits.comment}
            {...bodyRest}
            ref={(el) => {
              bodyRef(el);
              textarea.current = el;
            }}
            onChange={(e) => {
              void bodyChange(e);
              mentions.detect(e.target);
            }}
            onClick={(e) => mentions.detect(e.currentTarget)}
            onKeyDown={onKeyDown}
            onBlur={(e) => {
              void bodyRest.onBlur(e);
              mentions.close();
            }}
            {...mentions.textareaProps}
          />
          {mentions.listbox}
        </div>
        <LengthCounter control={control} name="body" max={limits.comment} />
      </Field>
      {mentions.announcer}
      <div className="text-sm">
        <label htmlFor="comment-files" className="font-semibold text-zinc-900">
          {t("attachFiles")}
        </label>
        <FileInput
          id="comment-files"
          multiple
          className="mt-1"
          chosen={files.map((f) => f.name)}
          onChange={(e) => setFiles(Array.from(e.target.files ?? []))}
          key={files.length === 0 ? "empty" : "chosen"}
        />
      </div>
      {formError && (
        <div ref={summaryRef} tabIndex={-1} role="alert" className="rounded-md border-2 border-red-700 bg-white px-3 py-2 text-sm font-medium text-red-800">
          {formError}
        </div>
      )}
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {uploading ? t("uploading") : pending ? t("posting") : t("postComment")}
        </Button>
        <p role="status" className="text-sm text-zinc-600">
          {posted && !pending ? t("commentPosted") : ""}
        </p>
      </div>
    </form>
  );
}
