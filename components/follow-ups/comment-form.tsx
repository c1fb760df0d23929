"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { addCommentAction } from "@/app/(app)/follow-ups/actions";
import { Button } from "@/components/ui/button";
import { describedBy, Field, inputClass } from "@/components/ui/field";
import type { commentInput } from "@/lib/validation/follow-ups";
import { lazyZodResolver } from "@/lib/lazy-resolver";

/** zod and the schema load after the page (lib/lazy-resolver.ts). */
const resolver = lazyZodResolver(() => import("@/lib/validation/follow-ups").then((m) => m.commentInput));

type Values = z.input<typeof commentInput>;

/**
 * Add a comment. One field, so the error sits under it and focus goes back to it (an error
 * summary would only repeat the same sentence).
 */
export function CommentForm({ followUpId }: { followUpId: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [formError, setFormError] = useState<string | null>(null);
  const [posted, setPosted] = useState(false);
  const {
    register,
    handleSubmit,
    reset,
    setError,
    setFocus,
    formState: { errors },
  } = useForm<Values, unknown, z.output<typeof commentInput>>({ resolver, defaultValues: { body: "" } });

  const onValid = ({ body }: z.output<typeof commentInput>) => {
    setFormError(null);
    setPosted(false);
    startTransition(async () => {
      const result = await addCommentAction({ followUpId, body }).catch(() => null);
      if (!result) {
        setFormError("Could not reach the server. Check your connection and try again; your comment is still here.");
      } else if (result.ok) {
        reset({ body: "" });
        startTransition(() => {
          setPosted(true);
          router.refresh();
        });
      } else if (result.fieldErrors?.body) {
        setError("body", { type: "server", message: result.fieldErrors.body }, { shouldFocus: true });
      } else {
        setFormError(result.error);
      }
    });
  };

  const error = errors.body?.message;
  return (
    <form noValidate onSubmit={handleSubmit(onValid, () => {
        setPosted(false);
        setFocus("body");
      })} className="space-y-2">
      <Field id="comment-body" label="Add a comment" hint="Plain text. Everyone who can see this follow-up can read it." error={error}>
        <textarea id="comment-body" rows={3} className={inputClass} {...describedBy("comment-body", "hint", error)} {...register("body")} />
      </Field>
      {formError && (
        <p role="alert" className="rounded-md border-2 border-red-700 bg-white px-3 py-2 text-sm font-medium text-red-800">
          {formError}
        </p>
      )}
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Posting…" : "Post comment"}
        </Button>
        <p role="status" className="text-sm text-zinc-600">
          {posted && !pending ? "Comment posted." : ""}
        </p>
      </div>
    </form>
  );
}
