"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useRef } from "react";
import { type Path, useForm } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { createSavedViewAction } from "@/app/(app)/saved-views/actions";
import { Button } from "@/components/ui/button";
import { describedBy, ErrorSummary, Field, inputClass } from "@/components/ui/field";
import type { savedViewInput } from "@/lib/validation/saved-views";
import { lazyZodResolver } from "@/lib/lazy-resolver";

/** zod and the schema load after the page (lib/lazy-resolver.ts). */
const resolver = lazyZodResolver(() => import("@/lib/validation/saved-views").then((m) => m.savedViewInput));

type Values = z.input<typeof savedViewInput>;
const formFields = new Set(["name", "shared"]);

/** The page's filters as they are now, without a page cursor (a saved view starts at the first page). */
function currentQuery() {
  const q = new URLSearchParams(window.location.search);
  q.delete("after");
  const s = q.toString();
  return s ? `?${s}` : "";
}

/** The "Save view" panel: loaded only when opened (its form and validation stay out of the page's first load). */
export default function SaveViewForm({ path, panelId, onClose }: { path: "/board" | "/follow-ups"; panelId: string; onClose: () => void }) {
  const router = useRouter();
  const uid = useId();
  const summaryRef = useRef<HTMLDivElement>(null);
  const nameRef = useRef<HTMLInputElement | null>(null);
  const {
    register,
    handleSubmit,
    setValue,
    setError,
    reset,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<Values, unknown, z.output<typeof savedViewInput>>({ resolver, defaultValues: { name: "", path, query: "", shared: false } });
  const nameField = register("name");
  const nameId = `${uid}-name`;
  const sharedId = `${uid}-shared`;

  useEffect(() => {
    nameRef.current?.focus();
  }, []);
  useEffect(() => {
    if (submitCount > 0 && Object.keys(errors).length) summaryRef.current?.focus();
  }, [submitCount, errors]);

  const save = async (values: z.output<typeof savedViewInput>) => {
    const result = await createSavedViewAction(values);
    if (!result.ok) {
      for (const [field, message] of Object.entries(result.fieldErrors ?? {})) setError(formFields.has(field) ? (field as Path<Values>) : "root", { message });
      if (!result.fieldErrors) toast.error(result.error);
      return;
    }
    toast.success(`Saved “${result.data.name}”. It is in the sidebar under Saved views.`);
    reset({ name: "", path, query: "", shared: false });
    onClose();
    router.refresh();
  };

  const summary = { [nameId]: errors.name?.message, shared: errors.shared?.message, query: errors.query?.message, root: errors.root?.message };

  return (
    <form
      id={panelId}
      aria-label="Save this view"
      noValidate
      onSubmit={(e) => {
        setValue("query", currentQuery());
        setValue("path", path);
        void handleSubmit(save)(e);
      }}
      onKeyDown={(e) => {
        if (e.key === "Escape") onClose();
      }}
      className="absolute right-0 z-30 mt-2 w-80 max-w-[calc(100vw-2rem)] space-y-3 rounded-lg border border-zinc-200 bg-white p-4 text-left shadow-lg"
    >
      <ErrorSummary errors={summary} labels={{ [nameId]: "Name" }} summaryRef={summaryRef} />
      <Field id={nameId} label="Name" hint="For example “Overdue in my team”." error={errors.name?.message}>
        <input
          id={nameId}
          type="text"
          autoComplete="off"
          className={inputClass}
          {...describedBy(nameId, "hint", errors.name?.message)}
          {...nameField}
          ref={(el) => {
            nameField.ref(el);
            nameRef.current = el;
          }}
        />
      </Field>
      <div className="flex items-start gap-2">
        <input id={sharedId} type="checkbox" className="mt-1 size-4" {...register("shared")} />
        <label htmlFor={sharedId} className="text-sm text-zinc-900">
          Share with my organisation
        </label>
      </div>
      <div className="flex gap-2">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : "Save"}
        </Button>
        <Button variant="ghost" onClick={onClose}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
