"use client";

import type { Ref } from "react";
import { ErrorSummary } from "@/components/ui/field";

/** The error summary of one admin form; field ids carry the form's prefix so several forms share a page. */
export function FormSummary({ prefix, labels, errorOf, formError, summaryRef }: { prefix: string; labels: Record<string, string>; errorOf: (f: string) => string | undefined; formError: string; summaryRef: Ref<HTMLDivElement> }) {
  const errors: Record<string, string | undefined> = Object.fromEntries(Object.keys(labels).map((f) => [`${prefix}-${f}`, errorOf(f)]));
  if (formError) errors._ = formError;
  const prefixed = Object.fromEntries(Object.entries(labels).map(([f, l]) => [`${prefix}-${f}`, l]));
  return <ErrorSummary errors={errors} labels={prefixed} summaryRef={summaryRef} />;
}

export const emptyToNull = (v: unknown) => (v === "" || v === undefined ? null : v);
