"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { type DefaultValues, type FieldValues, type Path, useForm } from "react-hook-form";
import type { z } from "zod";
import { type ActionResult, unreachable } from "@/lib/result";
import { lazyZodResolver } from "@/lib/lazy-resolver";

type Failure = Extract<ActionResult<unknown>, { ok: false }>;

/**
 * One form: react-hook-form with the zod schema the server also parses with (loaded after the page,
 * see lazyZodResolver). It answers every way a save can end:
 * - the server's field errors under their fields, and a form-level message for what belongs to no field;
 * - a network failure (a rejected action call or fetch) as a form-level message, so a button never stays pending;
 * - a 409 (`conflict:*` codes) as `conflict`, for the form's conflict notice;
 * - focus on the error summary after a failed submit (`summaryRef`), as GOV.UK does.
 * `submit` gets the parsed values; an edit form sends `changedFields(values, base)` (lib/forms/changed-fields).
 */
export function useZodForm<S extends z.ZodType<FieldValues, FieldValues>, T>(opts: {
  schema: () => Promise<S>;
  defaultValues: DefaultValues<z.input<S>>;
  /** The field names the form shows: a server error for one of them goes under it, others become the form-level message. */
  fields: readonly string[];
  submit: (values: z.output<S>) => Promise<ActionResult<T>>;
  onDone?: (data: T) => void;
  /** After a success, refresh the page's server data (default true; off when onDone navigates away). */
  refresh?: boolean;
  onConflict?: (failure: Failure) => void;
  /** A short form without an error summary (a quick-add row): focus goes to the first field in error instead. */
  focusField?: boolean;
}) {
  const t = useTranslations("form");
  const router = useRouter();
  const summaryRef = useRef<HTMLDivElement>(null);
  const [formError, setFormError] = useState("");
  const [conflict, setConflict] = useState("");
  const [pending, setPending] = useState(false);
  const [failed, setFailed] = useState(0);
  const [resolver] = useState(() => lazyZodResolver(opts.schema));
  const form = useForm<z.input<S>, unknown, z.output<S>>({ resolver, shouldFocusError: !!opts.focusField, defaultValues: opts.defaultValues });
  // RHF reports an invalid submit before it publishes the errors, so the summary may appear a
  // render later: focus it on the first render after a failed submit where it exists.
  const focusPending = useRef(0);
  useEffect(() => {
    if (failed > focusPending.current && summaryRef.current) {
      focusPending.current = failed;
      summaryRef.current.focus();
    }
  });
  const fail = (result: Failure) => {
    if (result.code === "network") setFormError(t("unreachable"));
    else if (result.code.startsWith("conflict")) {
      setConflict(result.error);
      opts.onConflict?.(result);
    } else {
      const entries = Object.entries(result.fieldErrors ?? {});
      const placed = entries.filter(([k]) => opts.fields.includes(k));
      for (const [key, message] of placed) form.setError(key as Path<z.input<S>>, { type: "server", message });
      const first = opts.focusField ? opts.fields.find((f) => result.fieldErrors?.[f]) : undefined;
      if (first) form.setFocus(first as Path<z.input<S>>);
      const rest = entries.filter(([k]) => !opts.fields.includes(k));
      if (!placed.length || rest.length) setFormError(rest[0]?.[1] ?? result.error);
    }
    setFailed((n) => n + 1);
  };
  const onValid = async (values: z.output<S>) => {
    setFormError("");
    setConflict("");
    setPending(true);
    const result = await opts.submit(values).catch(unreachable<T>);
    setPending(false);
    if (!result.ok) return fail(result);
    opts.onDone?.(result.data);
    if (opts.refresh ?? true) router.refresh();
  };
  const onSubmit = form.handleSubmit(onValid, () => setFailed((n) => n + 1));
  const errorOf = (name: string) => {
    const e = (form.formState.errors as Record<string, { message?: unknown } | undefined>)[name];
    return typeof e?.message === "string" ? e.message : undefined;
  };
  /** A message of the form's own (say, "nothing changed"), shown like a server's and focused. */
  const say = (message: string) => {
    setFormError(message);
    setFailed((n) => n + 1);
  };
  return { form, onSubmit, summaryRef, formError, conflict, clearConflict: () => setConflict(""), pending: pending || form.formState.isSubmitting, errorOf, fail, say };
}
