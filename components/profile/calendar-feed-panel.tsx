"use client";

import { CalendarPlus, Copy, RefreshCw, Power } from "lucide-react";
import { useEffect, useId, useRef, useState, useTransition } from "react";
import { toast } from "sonner";
import { createCalendarFeedAction, revokeCalendarFeedAction } from "@/app/(app)/profile/actions";
import { Button, buttonClass } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions";
import { inputClass } from "@/components/ui/field";
import { formatDate } from "@/lib/format";

type Confirming = "regenerate" | "off" | null;

const questions: Record<Exclude<Confirming, null>, { text: string; yes: string }> = {
  regenerate: {
    text: "Make a new address? The current one stops working at once: calendars subscribed to it must be subscribed again with the new one.",
    yes: "Yes, make a new address",
  },
  off: {
    text: "Turn off your calendar feed? Its address stops working at once and subscribed calendars stop updating.",
    yes: "Yes, turn it off",
  },
};

/** The calendar feed on the profile: make it, copy and subscribe to its address, regenerate it, turn it off. */
export function CalendarFeedPanel({ createdAt: initial }: { createdAt: string | null }) {
  const uid = useId();
  const [createdAt, setCreatedAt] = useState(initial);
  // The address is known only right after it is made: the server keeps just a hash of its token.
  const [url, setUrl] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<Confirming>(null);
  const [pending, startTransition] = useTransition();
  const questionRef = useRef<HTMLParagraphElement>(null);
  const urlRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (confirming) questionRef.current?.focus();
  }, [confirming]);
  // A new address is its own confirmation: focus moves to it (a screen reader reads its label and hint).
  useEffect(() => {
    if (url) urlRef.current?.focus();
  }, [url]);

  const run = <T,>(call: () => Promise<ActionResult<T>>, done: (data: T) => void) =>
    startTransition(async () => {
      const result = await call();
      setConfirming(null);
      if (result.ok) done(result.data);
      else toast.error(result.error);
    });
  const create = () =>
    run(
      () => createCalendarFeedAction({}),
      (feed) => {
        setCreatedAt(feed.createdAt);
        setUrl(feed.url);
      },
    );
  const turnOff = () =>
    run(
      () => revokeCalendarFeedAction({}),
      () => {
        setCreatedAt(null);
        setUrl(null);
        toast.success("Your calendar feed is off. Its address no longer works.");
      },
    );

  const copy = async () => {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      toast.success("Copied the feed address.");
    } catch {
      urlRef.current?.select();
      toast.error("Could not copy automatically: the address is selected, copy it with Ctrl+C (⌘C).");
    }
  };

  const urlId = `${uid}-url`;
  return (
    <section aria-labelledby={`${uid}-title`} className="space-y-4 rounded-lg border border-zinc-200 bg-white px-4 py-4">
      <div className="space-y-1">
        <h2 id={`${uid}-title`} className="text-base font-semibold">
          Calendar feed
        </h2>
        <p className="text-sm text-zinc-700">
          The meetings you take part in and the due dates of open follow-ups that you or your organisation own, in Outlook, Thunderbird or Google Calendar. Your
          calendar app checks it for changes (about every hour).
        </p>
      </div>

      {!createdAt ? (
        <Button onClick={create} disabled={pending}>
          <CalendarPlus aria-hidden className="size-4" />
          Create my calendar feed
        </Button>
      ) : (
        <>
          {url ? (
            <div className="space-y-3">
              <div className="space-y-1">
                <label htmlFor={urlId} className="block text-sm font-semibold text-zinc-900">
                  Your feed address
                </label>
                <p id={`${urlId}-hint`} className="text-sm text-zinc-700">
                  Copy it now: it is shown only this once. Keep it private — anyone who has it can read your calendar.
                </p>
                <div className="flex flex-wrap gap-2">
                  <input
                    ref={urlRef}
                    id={urlId}
                    type="text"
                    readOnly
                    value={url}
                    aria-describedby={`${urlId}-hint`}
                    onFocus={(e) => e.currentTarget.select()}
                    className={`${inputClass} min-w-0 basis-full font-mono text-xs sm:basis-0 sm:flex-1`}
                  />
                  <Button variant="secondary" onClick={() => void copy()}>
                    <Copy aria-hidden className="size-4" />
                    Copy
                  </Button>
                  <a href={url.replace(/^https?:\/\//, "webcal://")} className={buttonClass("secondary")}>
                    <CalendarPlus aria-hidden className="size-4" />
                    Subscribe
                  </a>
                </div>
              </div>
              <div className="text-sm text-zinc-700">
                <p className="font-semibold text-zinc-900">How to add it</p>
                <ul className="mt-1 list-disc space-y-1 pl-5">
                  <li>
                    <strong>Outlook</strong>: Add calendar → Subscribe from web, paste the address.
                  </li>
                  <li>
                    <strong>Thunderbird</strong>: New Calendar → On the Network, paste the address.
                  </li>
                  <li>
                    <strong>Google Calendar</strong>: Other calendars → + → From URL, paste the address (Google checks it every few hours).
                  </li>
                </ul>
              </div>
            </div>
          ) : (
            <p className="text-sm text-zinc-700">
              Your feed is on since <time dateTime={createdAt}>{formatDate(createdAt)}</time>. Its address was shown once, when it was made. Lost it? Make a new
              address and subscribe with that one.
            </p>
          )}

          {confirming ? (
            <div
              className="space-y-3 rounded-md border border-zinc-300 bg-zinc-50 px-3 py-3"
              onKeyDown={(e) => {
                if (e.key === "Escape") setConfirming(null);
              }}
            >
              <p ref={questionRef} tabIndex={-1} className="text-sm font-medium text-zinc-900">
                {questions[confirming].text}
              </p>
              <div className="flex flex-wrap gap-2">
                <Button variant={confirming === "off" ? "danger" : "primary"} disabled={pending} onClick={confirming === "off" ? turnOff : create}>
                  {questions[confirming].yes}
                </Button>
                <Button variant="ghost" onClick={() => setConfirming(null)}>
                  Keep it
                </Button>
              </div>
            </div>
          ) : (
            <div className="flex flex-wrap gap-2">
              <Button variant="secondary" onClick={() => setConfirming("regenerate")}>
                <RefreshCw aria-hidden className="size-4" />
                Regenerate address
              </Button>
              <Button variant="secondary" onClick={() => setConfirming("off")}>
                <Power aria-hidden className="size-4" />
                Turn off
              </Button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
