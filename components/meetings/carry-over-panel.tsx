"use client";

import { History } from "lucide-react";
import { useTranslations } from "next-intl";
import { useId, useState, useSyncExternalStore } from "react";
import { useFormat } from "@/components/i18n/use-format";
import { StatusBadge } from "@/components/follow-ups/status-badge";
import { Button } from "@/components/ui/button";
import { FieldError, inputClass } from "@/components/ui/field";
import type { CarryOverOffer } from "@/db/queries/agenda-items";

const leftOutKey = (meetingId: string, previousId: string) => `carry-over-left-out:${meetingId}:${previousId}`;
const noSubscription = () => () => {};

/**
 * The carry-over offered to the next meeting of a series: an item "Review of follow-ups from
 * <previous>" listing the previous meeting's open and overdue follow-ups. The person accepts it
 * (its title and list editable), or leaves it out — remembered in this browser, since leaving it
 * out changes nothing on the meeting.
 */
export function CarryOverPanel({
  meetingId,
  offer,
  busy,
  onAccept,
}: {
  meetingId: string;
  offer: CarryOverOffer;
  busy: boolean;
  onAccept: (title: string, followUpIds: string[]) => Promise<{ ok: boolean }>;
}) {
  const t = useTranslations("agenda");
  const tc = useTranslations("agenda.carryOver");
  const fmt = useFormat();
  const key = leftOutKey(meetingId, offer.previous.id);
  const storedLeftOut = useSyncExternalStore(noSubscription, () => window.localStorage.getItem(key) === "1", () => false);
  const [leftOut, setLeftOut] = useState(false);
  const [title, setTitle] = useState(offer.title);
  const [chosen, setChosen] = useState(() => new Set(offer.followUps.map((f) => f.id)));
  const [error, setError] = useState("");
  const uid = useId();
  if (leftOut || storedLeftOut) return null;
  const overdue = offer.followUps.filter((f) => f.overdue).length;

  const accept = async () => {
    const chosenTitle = title.trim();
    if (!chosenTitle) return setError(tc("titleMissing"));
    if (chosenTitle.length > 300) return setError(tc("titleTooLong", { max: 300 }));
    setError("");
    await onAccept(chosenTitle, offer.followUps.filter((f) => chosen.has(f.id)).map((f) => f.id));
  };
  const leaveOut = () => {
    window.localStorage.setItem(key, "1");
    setLeftOut(true);
  };

  return (
    <section aria-labelledby={`${uid}-title`} className="m-4 rounded-md border border-accent-700/40 bg-accent-50/40 p-4">
      <h3 id={`${uid}-title`} className="flex items-center gap-2 text-sm font-semibold">
        <History aria-hidden className="size-4" />
        {tc("heading", { title: offer.previous.title, date: fmt.date(offer.previous.heldOn) })}
      </h3>
      <p className="mt-1 text-sm text-zinc-700">
        {offer.followUps.length ? tc("open", { count: offer.followUps.length, overdue }) : tc("allClosed")}
      </p>
      <div className="mt-3 space-y-1">
        <label htmlFor={`${uid}-item`} className="block text-sm font-semibold">
          {tc("itemTitle")}
        </label>
        <input id={`${uid}-item`} type="text" value={title} onChange={(e) => setTitle(e.target.value)} className={inputClass} aria-invalid={error ? true : undefined} aria-describedby={error ? `${uid}-item-error` : undefined} />
        <FieldError id={`${uid}-item`} error={error} />
      </div>
      {offer.followUps.length > 0 && (
        <fieldset className="mt-3">
          <legend className="text-sm font-semibold">{tc("toReview")}</legend>
          <ul className="mt-1 space-y-1">
            {offer.followUps.map((f) => (
              <li key={f.id}>
                <label className="flex items-start gap-2 text-sm">
                  <input
                    type="checkbox"
                   className="mt-1"
                    checked={chosen.has(f.id)}
                    onChange={(e) => {
                      const next = new Set(chosen);
                      if (e.target.checked) next.add(f.id);
                      else next.delete(f.id);
                      setChosen(next);
                    }}
                  />
                  <span className="min-w-0">
                    <span className="font-medium">{f.title}</span>
                    <span className="mt-0.5 flex flex-wrap items-center gap-x-2 text-xs text-zinc-700">
                      <StatusBadge status={f.status as Parameters<typeof StatusBadge>[0]["status"]} />
                      {f.ownerOrganisationAcronym}
                      {f.dueOn && <span className={f.overdue ? "font-semibold text-red-700" : undefined}>{t(f.overdue ? "dueOverdue" : "due", { date: fmt.date(f.dueOn) })}</span>}
                    </span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
      <div className="mt-3 flex flex-wrap gap-2">
        <Button disabled={busy} onClick={() => void accept()}>
          {tc("accept")}
        </Button>
        <Button variant="secondary" onClick={leaveOut}>
          {tc("leaveOut")}
        </Button>
      </div>
    </section>
  );
}
