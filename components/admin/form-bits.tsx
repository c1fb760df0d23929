"use client";

import { useTranslations } from "next-intl";
import type { Ref } from "react";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/field";

/** The error summary of one admin form; field ids carry the form's prefix so several forms share a page. */
export function FormSummary({ prefix, labels, errorOf, formError, summaryRef }: { prefix: string; labels: Record<string, string>; errorOf: (f: string) => string | undefined; formError: string; summaryRef: Ref<HTMLDivElement> }) {
  const errors: Record<string, string | undefined> = Object.fromEntries(Object.keys(labels).map((f) => [`${prefix}-${f}`, errorOf(f)]));
  if (formError) errors._ = formError;
  const prefixed = Object.fromEntries(Object.entries(labels).map(([f, l]) => [`${prefix}-${f}`, l]));
  return <ErrorSummary errors={errors} labels={prefixed} summaryRef={summaryRef} />;
}

export const emptyToNull = (v: unknown) => (v === "" || v === undefined ? null : v);

/** Submit and Cancel under an admin form. */
export function FormActions({ submitting, label, busyLabel, onCancel, danger = false, disabled = false }: {
  submitting: boolean;
  label: string;
  busyLabel?: string;
  onCancel: () => void;
  danger?: boolean;
  disabled?: boolean;
}) {
  const t = useTranslations("admin.common");
  return (
    <div className="flex gap-2">
      <Button type="submit" variant={danger ? "danger" : undefined} disabled={submitting || disabled}>
        {submitting ? (busyLabel ?? t("saving")) : label}
      </Button>
      <Button variant="secondary" onClick={onCancel}>
        {t("cancel")}
      </Button>
    </div>
  );
}

/** A list row's Edit toggle and Archive/Restore button (admin lists). */
export function EditArchiveButtons({ name, archived, editing, busy, onEdit, onArchive }: { name: string; archived: boolean; editing: boolean; busy: boolean; onEdit: () => void; onArchive: () => void }) {
  const t = useTranslations("admin.common");
  return (
    <>
      <Button variant="ghost" aria-expanded={editing} onClick={onEdit} aria-label={t("editName", { name })}>
        {t("edit")}
      </Button>
      <Button variant="ghost" disabled={busy} aria-label={t(archived ? "restoreName" : "archiveName", { name })} onClick={onArchive}>
        {archived ? t("restore") : t("archive")}
      </Button>
    </>
  );
}
