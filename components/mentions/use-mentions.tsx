"use client";

import { useTranslations } from "next-intl";
import { type KeyboardEvent, type RefObject, useEffect, useId, useState } from "react";

export type MentionPerson = { id: string; name: string; organisation: string };

/**
 * The "@query" the caret is in, if any: an @ at the start or after a space, then up to 40
 * characters without a line break. A plain backwards scan (no regular expression).
 */
export function mentionAt(text: string, caret: number): { start: number; query: string } | null {
  for (let i = caret - 1; i >= 0 && caret - i <= 41; i--) {
    const ch = text[i]!;
    if (ch === "\n") return null;
    if (ch === "@") {
      const before = i === 0 ? " " : text[i - 1]!;
      return before === " " || before === "\n" || before === "(" ? { start: i, query: text.slice(i + 1, caret) } : null;
    }
  }
  return null;
}

/**
 * @mentions on a textarea: an accessible autocomplete (aria-autocomplete, aria-activedescendant,
 * polite announcements) of the people `source` offers — the API answers only people who can see the
 * record. The textarea keeps focus throughout; choosing a person writes "@Name " at the caret.
 * Used by the comment box and the meeting's summary.
 */
export function useMentions(o: {
  /** e.g. /api/v1/follow-ups/<id>/mentionable (a query string of its own may follow); null turns the autocomplete off. */
  source: string | null;
  /** The record, in the no-match announcement: "No one who can see this follow-up matches." */
  recordNoun: "meeting" | "follow-up";
  textarea: RefObject<HTMLTextAreaElement | null>;
  getText(): string;
  setText(text: string): void;
}) {
  const t = useTranslations("mentions");
  const listId = useId();
  const [mention, setMention] = useState<{ start: number; query: string } | null>(null);
  const [options, setOptions] = useState<MentionPerson[]>([]);
  const [active, setActive] = useState(0);
  const [mentioned, setMentioned] = useState<Map<string, string>>(new Map());
  const [announce, setAnnounce] = useState("");
  const { source, recordNoun } = o;
  useEffect(() => {
    if (!mention || !source) return;
    const ctl = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const res = await fetch(`${source}${source.includes("?") ? "&" : "?"}q=${encodeURIComponent(mention.query)}`, { signal: ctl.signal });
        const found = res.ok ? ((await res.json()) as { items: MentionPerson[] }).items : [];
        setOptions(found);
        setActive(0);
        setAnnounce(found.length ? t("found", { count: found.length }) : t("noneFound", { record: recordNoun === "meeting" ? "meeting" : "followUp" }));
      } catch {
        // aborted by the next keystroke
      }
    }, 150);
    return () => {
      clearTimeout(timer);
      ctl.abort();
    };
  }, [mention, source, recordNoun, t]);
  const open = !!mention && options.length > 0;
  const close = () => {
    setMention(null);
    setOptions([]);
  };
  const detect = (el: HTMLTextAreaElement) => {
    if (!source) return;
    const found = mentionAt(el.value, el.selectionStart ?? el.value.length);
    if (!found) close();
    else if (found.start !== mention?.start || found.query !== mention?.query) setMention(found);
  };
  const choose = (p: MentionPerson) => {
    const el = o.textarea.current;
    if (!el || !mention) return;
    const body = o.getText();
    const caret = el.selectionStart ?? body.length;
    o.setText(`${body.slice(0, mention.start)}@${p.name} ${body.slice(caret)}`);
    setMentioned((m) => new Map(m).set(p.id, p.name));
    setAnnounce(t("mentioned", { name: p.name }));
    close();
    const at = mention.start + p.name.length + 2;
    requestAnimationFrame(() => el.setSelectionRange(at, at));
  };
  /** Handles the list's keys; answers true when it used the key. */
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>): boolean => {
    if (!open) return false;
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      setActive((i) => (i + (e.key === "ArrowDown" ? 1 : options.length - 1)) % options.length);
      return true;
    }
    if (e.key === "Enter" || e.key === "Tab") {
      e.preventDefault();
      choose(options[active]!);
      return true;
    }
    if (e.key === "Escape") {
      e.preventDefault();
      close();
      setAnnounce(t("closed"));
      return true;
    }
    return false;
  };
  return {
    detect,
    close,
    onKeyDown,
    /** Only the people whose "@Name" is still in the text are mentioned. */
    mentionedIds: (text: string) => [...mentioned].filter(([, name]) => text.includes(`@${name}`)).map(([id]) => id),
    forget: () => setMentioned(new Map()),
    textareaProps: {
      "aria-autocomplete": "list" as const,
      "aria-controls": open ? listId : undefined,
      "aria-activedescendant": open ? `${listId}-${active}` : undefined,
    },
    listbox: open ? (
      <ul id={listId} role="listbox" aria-label={t("listLabel")} className="absolute left-0 top-full z-20 mt-1 max-h-64 w-full max-w-sm overflow-y-auto rounded-md border border-zinc-300 bg-white py-1 shadow-lg">
        {options.map((p, i) => (
          <li
            key={p.id}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            // mousedown, not click: the textarea keeps focus (and its caret).
            onMouseDown={(e) => {
              e.preventDefault();
              choose(p);
            }}
            className={`cursor-pointer px-3 py-1.5 text-sm ${i === active ? "bg-accent-700 text-white" : "text-zinc-900 hover:bg-zinc-100"}`}
          >
            {p.name} <span className={i === active ? "text-white" : "text-zinc-600"}>· {p.organisation}</span>
          </li>
        ))}
      </ul>
    ) : null,
    announcer: (
      <p aria-live="polite" className="sr-only">
        {announce}
      </p>
    ),
  };
}
