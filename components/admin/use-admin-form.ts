"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { type DefaultValues, type FieldValues, type Path, useForm } from "react-hook-form";
import type { z } from "zod";
import type { ActionResult } from "@/lib/actions";
import { lazyZodResolver } from "@/lib/lazy-resolver";

/**
 * One admin form: the zod schema the server also parses with (loaded after the page, see lazyZodResolver), server field errors placed under
 * their fields, a form-level message otherwise, and focus on the error summary after a failed submit.
 */
export function useAdminForm<S extends z.ZodType<FieldValues, FieldValues>, T>(opts: {
  schema: () => Promise<S>;
  defaultValues: DefaultValues<z.input<S>>;
  fields: readonly string[];
  submit: (values: z.output<S>) => Promise<ActionResult<T>>;
  onDone?: (data: T) => void;
}) {
  const router = useRouter();
  const summaryRef = useRef<HTMLDivElement>(null);
  const [formError, setFormError] = useState("");
  const [failed, setFailed] = useState(0);
  const [resolver] = useState(() => lazyZodResolver(opts.schema));
  const form = useForm<z.input<S>, unknown, z.output<S>>({ resolver, shouldFocusError: false, defaultValues: opts.defaultValues });
  // RHF reports an invalid submit before it publishes the errors, so the summary may appear a
  // render later: focus it on the first render after a failed submit where it exists.
  const focusPending = useRef(0);
  useEffect(() => {
    if (failed > focusPending.current && summaryRef.current) {
      focusPending.current = failed;
      summaryRef.current.focus();
    }
  });
  const onValid = async (values: z.output<S>) => {
    setFormError("");
    const result = await opts.submit(values).catch(() => null);
    if (result?.ok) {
      opts.onDone?.(result.data);
      router.refresh();
      return;
    }
    if (!result) setFormError("Could not reach the server. Check your connection and try again; what you typed is still here.");
    else {
      const placed = Object.entries(result.fieldErrors ?? {}).filter(([k]) => opts.fields.includes(k));
      for (const [key, message] of placed) form.setError(key as Path<z.input<S>>, { type: "server", message });
      const rest = Object.entries(result.fieldErrors ?? {}).filter(([k]) => !opts.fields.includes(k));
      if (!placed.length) setFormError(rest[0]?.[1] ?? result.error);
    }
    setFailed((n) => n + 1);
  };
  const onSubmit = form.handleSubmit(onValid, () => setFailed((n) => n + 1));
  const errorOf = (name: string) => {
    const e = (form.formState.errors as Record<string, { message?: unknown } | undefined>)[name];
    return typeof e?.message === "string" ? e.message : undefined;
  };
  return { form, onSubmit, summaryRef, formError, errorOf };
}
