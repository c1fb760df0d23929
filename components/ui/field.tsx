import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { useValidationMessage } from "@/components/i18n/use-validation-message";

export const inputClass =
  "block w-full rounded-md border border-zinc-400 bg-white px-2.5 py-1.5 text-[15px] text-zinc-900 placeholder:text-zinc-500 aria-[invalid=true]:border-red-700 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-700";

/** A label above the field, a hint under the label, the error under the field (the GOV.UK pattern). */
export function Field({ id, label, hint, error, children, className = "" }: { id: string; label: string; hint?: string; error?: string; children: ReactNode; className?: string }) {
  return (
    <div className={`space-y-1 ${className}`}>
      <label htmlFor={id} className="block text-sm font-semibold text-zinc-900">
        {label}
      </label>
      <FieldHint id={id} hint={hint} />
      {children}
      <FieldError id={id} error={error} />
    </div>
  );
}

/** The hint under a label; its id is what describedBy points at. */
export function FieldHint({ id, hint }: { id: string; hint?: string }) {
  if (!hint) return null;
  return (
    <p id={`${id}-hint`} className="text-sm text-zinc-600">
      {hint}
    </p>
  );
}

/** The error under a field, announced as an error. */
export function FieldError({ id, error }: { id: string; error?: string }) {
  const t = useTranslations("form");
  const say = useValidationMessage();
  if (!error) return null;
  return (
    <p id={`${id}-error`} className="text-sm font-medium text-red-700">
      <span className="sr-only">{t("errorPrefix")}</span>
      {say(error)}
    </p>
  );
}

/** aria attributes that tie a control to its hint and error. */
export function describedBy(id: string, hint?: string, error?: string) {
  const ids = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return { "aria-describedby": ids || undefined, "aria-invalid": error ? true : undefined };
}

/** The error summary at the top of a form; focus moves here on a failed submit. */
export function ErrorSummary({ errors, labels, summaryRef }: { errors: Record<string, string | undefined>; labels: Record<string, string>; summaryRef?: React.Ref<HTMLDivElement> }) {
  const t = useTranslations("form");
  const say = useValidationMessage();
  const entries = Object.entries(errors).filter((e): e is [string, string] => !!e[1]);
  if (!entries.length) return null;
  return (
    <div ref={summaryRef} tabIndex={-1} role="group" aria-labelledby="error-summary-title" className="rounded-md border-2 border-red-700 bg-white p-4">
      <h2 id="error-summary-title" className="font-semibold text-red-800">
        {t("summaryTitle")}
      </h2>
      <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
        {entries.map(([field, message]) => (
          <li key={field}>
            {labels[field] ? (
              <a href={`#${field}`} className="font-medium text-red-800 underline">
                {say(message)}
              </a>
            ) : (
              <span className="font-medium text-red-800">{say(message)}</span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * "12 of 300 characters left", shown only near the limit (the input's maxLength stops typing at
 * it): before, a 100,000-character title was accepted while typing and refused only on submit.
 */
export function CharactersLeft({ length, max, near = Math.min(50, Math.ceil(max / 10)) }: { length: number; max: number; near?: number }) {
  const t = useTranslations("form");
  const left = max - length;
  if (left > near) return null;
  return (
    <p aria-live="polite" className={`text-xs ${left <= 0 ? "font-semibold text-red-800" : "text-zinc-700"}`}>
      {t("charactersLeft", { left: Math.max(0, left), max })}
    </p>
  );
}
