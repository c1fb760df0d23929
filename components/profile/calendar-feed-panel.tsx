"use client";

import { CalendarPlus, Copy, RefreshCw, Power } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, useTransition } from "react";
import { toast } from "@/components/ui/toast";
import { createCalendarFeedAction, revokeCalendarFeedAction } from "@/app/(app)/profile/actions";
import { Button, buttonClass } from "@/components/ui/button";
import { type ActionResult, unreachable } from "@/lib/result";
import { inputClass } from "@/components/ui/field";
import { useFormat } from "@/components/i18n/use-format";

type Confirming = "regenerate" | "off" | null;


/** The calendar feed on the profile: make it, copy and subscribe to its address, regenerate it, turn it off. */
export function CalendarFeedPanel({ createdAt: initial }: { createdAt: string | null }) {
  const t = useTranslations("profile");
  const f = useFormat();
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
      const result = await call().catch(unreachable<T>);
      setConfirming(null);
      if (result.ok) done(result.data);
      else toast.error(result.code === "network" ? t("unreachable") : result.error);
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
        toast.success(t("feedOff"));
      },
    );

  const copy = async () => {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      toast.success(t("feedCopied"));
    } catch {
      urlRef.current?.select();
      toast.error(t("feedCopyFailed"));
    }
  };

  const askRegenerate = () => setConfirming("regenerate");
  const askOff = () => setConfirming("off");
  const urlId = `${uid}-url`;
  return (
    <section aria-labelledby={`${uid}-title`} className="space-y-4 rounded-lg border border-zinc-200 bg-white px-4 py-4">
      <div className="space-y-1">
        <h2 id={`${uid}-title`} className="text-base font-semibold">
          {t("feedTitle")}
        </h2>
        <p className="text-sm text-zinc-700">{t("feedIntro")}</p>
      </div>

      {!createdAt ? (
        <Button onClick={create} disabled={pending}>
          <CalendarPlus aria-hidden className="size-4" />
          {t("feedCreate")}
        </Button>
      ) : (
        <>
          {url ? (
            <div className="space-y-3">
              <div className="space-y-1">
                <label htmlFor={urlId} className="block text-sm font-semibold text-zinc-900">
                  {t("feedAddress")}
                </label>
                <p id={`${urlId}-hint`} className="text-sm text-zinc-700">
                  {t("feedAddressHint")}
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
                    {t("copy")}
                  </Button>
                  <a href={url.replace(/^https?:\/\//, "webcal://")} className={buttonClass("secondary")}>
                    <CalendarPlus aria-hidden className="size-4" />
                    {t("feedSubscribe")}
                  </a>
                </div>
              </div>
              <div className="text-sm text-zinc-700">
                <p className="font-semibold text-zinc-900">{t("feedHowTo")}</p>
                <ul className="mt-1 list-disc space-y-1 pl-5">
                  <li>{t.rich("feedOutlook", { b: (chunks) => <strong>{chunks}</strong> })}</li>
                  <li>{t.rich("feedThunderbird", { b: (chunks) => <strong>{chunks}</strong> })}</li>
                  <li>{t.rich("feedGoogle", { b: (chunks) => <strong>{chunks}</strong> })}</li>
                </ul>
              </div>
            </div>
          ) : (
            <p className="text-sm text-zinc-700">
              {t.rich("feedOnSince", { date: () => <time dateTime={createdAt}>{f.date(createdAt)}</time> })}
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
                {confirming === "off" ? t("feedOffQuestion") : t("feedRegenerateQuestion")}
              </p>
              <div className="flex flex-wrap gap-2">
                <Button variant={confirming === "off" ? "danger" : "primary"} disabled={pending} onClick={confirming === "off" ? turnOff : create}>
                  {confirming === "off" ? t("feedOffYes") : t("feedRegenerateYes")}
                </Button>
                <Button variant="ghost" onClick={() => setConfirming(null)}>
                  {t("feedKeep")}
                </Button>
              </div>
            </div>
          ) : (
            <div className="flex flex-wrap gap-2">
              <Button variant="secondary" onClick={askRegenerate}>
                <RefreshCw aria-hidden className="size-4" />
                {t("feedRegenerate")}
              </Button>
              <Button variant="secondary" onClick={askOff}>
                <Power aria-hidden className="size-4" />
                {t("feedTurnOff")}
              </Button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
