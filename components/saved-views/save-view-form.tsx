"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef } from "react";
import { toast } from "@/components/ui/toast";
import { createSavedViewAction } from "@/app/(app)/saved-views/actions";
import { Button } from "@/components/ui/button";
import { describedBy, ErrorSummary, Field, inputClass } from "@/components/ui/field";
import { useZodForm } from "@/components/ui/use-zod-form";

/** zod and the schema load after the page (lib/lazy-resolver.ts, through the form hook). */
const loadSchema = () => import("@/lib/validation/saved-views").then((m) => m.savedViewInput);

/** The page's filters as they are now, without a page cursor (a saved view starts at the first page). */
function currentQuery() {
  const q = new URLSearchParams(window.location.search);
  q.delete("after");
  const s = q.toString();
  return s ? `?${s}` : "";
}

/** The "Save view" panel: loaded only when opened (its form and validation stay out of the page's first load). */
export default function SaveViewForm({ path, panelId, onClose }: { path: "/board" | "/follow-ups"; panelId: string; onClose: () => void }) {
  const t = useTranslations("savedViews");
  const router = useRouter();
  const uid = useId();
  const nameRef = useRef<HTMLInputElement | null>(null);
  const empty = { name: "", path, query: "", shared: false };
  const { form, onSubmit, summaryRef, formError, errorOf, pending } = useZodForm({
    schema: loadSchema,
    defaultValues: empty,
    fields: ["name", "shared", "query"],
    submit: createSavedViewAction,
    refresh: false,
    onDone: (view) => {
      toast.success(t("saved", { name: view.name }));
      form.reset(empty);
      onClose();
      router.refresh();
    },
  });
  const { register, setValue } = form;
  const nameField = register("name");
  const nameId = `${uid}-name`;
  const sharedId = `${uid}-shared`;

  useEffect(() => {
    nameRef.current?.focus();
  }, []);

  const summary = { [nameId]: errorOf("name"), shared: errorOf("shared"), query: errorOf("query"), root: formError || undefined };

  return (
    <form
      id={panelId}
      aria-label={t("formLabel")}
      noValidate
      onSubmit={(e) => {
        setValue("query", currentQuery());
        setValue("path", path);
        void onSubmit(e);
      }}
      onKeyDown={(e) => {
        if (e.key === "Escape") onClose();
      }}
      className="absolute right-0 z-30 mt-2 w-80 max-w-[calc(100vw-2rem)] space-y-3 rounded-lg border border-zinc-200 bg-white p-4 text-left shadow-lg"
    >
      <ErrorSummary errors={summary} labels={{ [nameId]: t("name") }} summaryRef={summaryRef} />
      <Field id={nameId} label={t("name")} hint={t("nameHint")} error={errorOf("name")}>
        <input
          id={nameId}
          type="text"
          autoComplete="off"
          className={inputClass}
          {...describedBy(nameId, "hint", errorOf("name"))}
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
          {t("share")}
        </label>
      </div>
      <div className="flex gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? t("saving") : t("save")}
        </Button>
        <Button variant="ghost" onClick={onClose}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}
