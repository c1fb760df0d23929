"use client";

import { CalendarDays } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { type Ref, useEffect, useImperativeHandle, useRef, useState } from "react";
import { dateText, isRealIsoDate, parseDateText } from "@/lib/date-text";
import { inputClass } from "./field";

/** The shape of an input's change event that forms read: react-hook-form's `register` and plain handlers. */
type ChangeLike = { target: { name: string; value: string }; type: "change" };

/** What `ref` receives: enough of an input for react-hook-form (value, focus, name). */
export type DateInputHandle = { name: string; value: string; focus: () => void };

type Props = {
  id: string;
  name?: string;
  /** The ISO date ("2022-02-15"), or "" / null for none. Leave out for an uncontrolled input. */
  value?: string | null;
  defaultValue?: string | null;
  onChange?: (event: ChangeLike) => void;
  onBlur?: (event: ChangeLike) => void;
  ref?: Ref<DateInputHandle>;
  /**
   * Pass on only dates that exist (or ""): for filters, which apply at every change. A form's
   * field passes what was typed, so its schema names the problem.
   */
  validOnly?: boolean;
  min?: string | number;
  max?: string | number;
  disabled?: boolean;
  required?: boolean;
  className?: string;
  "aria-describedby"?: string;
  "aria-invalid"?: boolean | "true" | "false";
  /** Said by the picker button: "Choose the due date from a calendar". */
  pickerLabel?: string;
};

/**
 * One date field for the whole app: it reads and writes "15 Feb 2022" (the way the app writes
 * dates), takes "2022-02-15" typed or pasted, and has a calendar button (the browser's own date
 * picker, opened from a hidden date input). The form gets the ISO date; a text that is no date is
 * passed on as typed (or, with `validOnly`, held back), so the schema's words name the problem.
 */
export function DateInput({ id, name = id, value, defaultValue, onChange, onBlur, ref, validOnly, min, max, disabled, required, className = inputClass, pickerLabel, ...aria }: Props) {
  const t = useTranslations("ui");
  const lang = useLocale() === "fr" ? "fr" : "en";
  const controlled = value !== undefined;
  const [text, setText] = useState(() => dateText((controlled ? value : defaultValue) ?? "", lang));
  const [problem, setProblem] = useState<string | null>(null);
  // What the form holds now: the ISO date, "" or the raw text. A ref, so react-hook-form reads it at once.
  const current = useRef((controlled ? value : defaultValue) ?? "");
  const textBox = useRef<HTMLInputElement>(null);
  const native = useRef<HTMLInputElement>(null);
  const hidden = useRef<HTMLInputElement>(null);
  const [iso, setIso] = useState((controlled ? value : defaultValue) ?? "");

  // A value set from outside (a reset, a filter cleared, a draft accepted) shows in the app's format.
  useEffect(() => {
    if (!controlled) return;
    const next = value ?? "";
    if (next === current.current) return;
    current.current = next;
    setIso(next);
    setText(dateText(next, lang));
    setProblem(null);
  }, [controlled, value, lang]);

  // react-hook-form keeps a field only while its ref is an element in the page (with shouldUnregister,
  // a non-element ref is dropped at the next render): the ref is the hidden input, whose value reads
  // and writes the ISO date, and whose focus goes to the text box.
  useImperativeHandle(
    ref,
    () => {
      const el = hidden.current as HTMLInputElement & DateInputHandle;
      Object.defineProperty(el, "value", {
        configurable: true,
        get: () => current.current,
        set: (v: string | null) => {
          const next = v ?? "";
          current.current = next;
          setIso(next);
          setText(dateText(next, lang));
        },
      });
      el.focus = () => textBox.current?.focus();
      return el;
    },
    [lang],
  );

  const emit = (next: string) => {
    current.current = next;
    setIso(next);
    onChange?.({ target: { name, value: next }, type: "change" });
  };

  /** The form's value for a text: ISO when it reads as a date, else the text itself. */
  const take = (raw: string, settled: boolean) => {
    const trimmed = raw.trim();
    const parsed = trimmed ? parseDateText(trimmed) : "";
    if (parsed === "" || (parsed && (!validOnly || isRealIsoDate(parsed)))) {
      if (parsed !== current.current) emit(parsed);
      setProblem(null);
      return parsed;
    }
    if (!validOnly) {
      if (trimmed !== current.current) emit(trimmed);
    } else if (settled) {
      setProblem(parsed ? t("dateNotReal") : t("dateWriteLike", { example: dateText("2022-02-15", lang) }));
    }
    return null;
  };

  const openPicker = () => {
    const el = native.current;
    if (!el) return;
    try {
      el.showPicker();
    } catch {
      el.focus();
      el.click();
    }
  };

  const describedBy = [aria["aria-describedby"], problem ? `${id}-date-problem` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <div className="relative flex items-stretch gap-1">
        <input
          ref={textBox}
          id={id}
          type="text"
          inputMode="text"
          autoComplete="off"
          placeholder={t("dateExample", { example: dateText("2022-02-15", lang) })}
          className={`${className} min-w-0 flex-1`}
          value={text}
          disabled={disabled}
          required={required}
          aria-describedby={describedBy}
          aria-invalid={aria["aria-invalid"] || (problem ? true : undefined)}
          onChange={(e) => {
            setText(e.target.value);
            take(e.target.value, false);
          }}
          onBlur={() => {
            const parsed = take(text, true);
            // Written back the app's way once it reads as a real date.
            if (parsed && isRealIsoDate(parsed)) setText(dateText(parsed, lang));
            onBlur?.({ target: { name, value: current.current }, type: "change" });
          }}
        />
        {/* Where the form posts (a GET filter form): the ISO date, not the words shown. */}
        {!onChange && <input type="hidden" name={name} value={iso} />}
        <input ref={hidden} type="hidden" data-name={name} />
        <button
          type="button"
          onClick={openPicker}
          disabled={disabled}
          aria-label={pickerLabel ?? t("datePicker")}
          title={pickerLabel ?? t("datePicker")}
          className="inline-flex shrink-0 items-center justify-center rounded-md border border-zinc-400 bg-white px-2 text-zinc-700 hover:bg-zinc-100 disabled:text-zinc-400"
        >
          <CalendarDays aria-hidden className="size-4" />
        </button>
        <input
          ref={native}
          type="date"
          tabIndex={-1}
          aria-hidden
          className="pointer-events-none absolute bottom-0 right-0 h-px w-px opacity-0"
          value={isRealIsoDate(iso) ? iso : ""}
          min={min}
          max={max}
          onChange={(e) => {
            const picked = e.target.value;
            setText(dateText(picked, lang));
            setProblem(null);
            if (picked !== current.current) emit(picked);
            textBox.current?.focus();
          }}
        />
      </div>
      {problem && (
        <p id={`${id}-date-problem`} className="mt-1 text-xs font-medium text-red-700">
          {problem}
        </p>
      )}
    </div>
  );
}
