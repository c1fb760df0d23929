"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { createContext, type ReactNode, useContext, useEffect, useId, useMemo, useRef, useState, useTransition } from "react";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { describedBy, inputClass } from "@/components/ui/field";
import type { followUpStatuses } from "@/db/schema";
import { DateInput } from "@/components/ui/date-input";
import { useFormat } from "@/components/i18n/use-format";
import { api, errorText } from "@/lib/api-client";

type Status = (typeof followUpStatuses)[number];
export type BulkRow = { id: string; title: string; owner: string; /** Done or cancelled. */ closed: boolean };
export type BulkOrganisation = { id: string; label: string };
type Result = {
  changed: string[];
  unchanged?: string[];
  refused: { id: string; title: string | null; reason: string }[];
  skippedClosed?: string[];
  undoToken?: string | null;
  undone?: boolean;
};
/** How long the toast offers "Undo" (the server accepts the token for a few minutes, for a slow network). */
const UNDO_SECONDS = 10;

type Selection = { rows: BulkRow[]; selected: ReadonlySet<string>; select: (ids: Iterable<string>) => void; clear: () => void };
const SelectionContext = createContext<Selection | null>(null);

/** The current page's selection: the table's checkboxes write it, the bar reads it. */
export function useSelection() {
  const s = useContext(SelectionContext);
  if (!s) throw new Error("Bulk edit controls must be inside BulkEditProvider");
  return s;
}

/** Holds which rows of the current page are selected; wraps the bar and the table. */
export function BulkEditProvider({ rows, children }: { rows: BulkRow[]; children: ReactNode }) {
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  // Only rows still on the page count (after a refresh or a new page, the rest drop out).
  const selected = useMemo(() => new Set(rows.map((r) => r.id).filter((id) => chosen.has(id))), [rows, chosen]);
  const value = useMemo<Selection>(() => ({ rows, selected, select: (ids) => setChosen(new Set(ids)), clear: () => setChosen(new Set()) }), [rows, selected]);
  return <SelectionContext.Provider value={value}>{children}</SelectionContext.Provider>;
}

type Action = "status" | "dueOn" | "ownerOrganisationId" | "cancel";
const actions: readonly Action[] = ["status", "dueOn", "ownerOrganisationId", "cancel"];
const settable = ["open", "in_progress", "blocked", "done"] as const satisfies readonly Status[];

/**
 * The bar over the table when rows are selected: one change (status, due date, owner
 * organisation, or cancel), a confirmation that says exactly what will change, then the
 * server's answer — how many changed, and which were refused and why.
 */
export function BulkEditBar({ organisations }: { organisations: BulkOrganisation[] }) {
  const t = useTranslations("bulkEdit");
  const te = useTranslations("errors");
  const f = useFormat();
  const { rows, selected, clear } = useSelection();
  const router = useRouter();
  const uid = useId();
  const [action, setAction] = useState<Action>("status");
  const [value, setValue] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [confirming, setConfirming] = useState(false);
  const [includeClosed, setIncludeClosed] = useState(false);
  const [result, setResult] = useState<Result | null>(null);
  const [pending, startTransition] = useTransition();
  const questionRef = useRef<HTMLParagraphElement>(null);
  const reviewRef = useRef<HTMLButtonElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const valueId = `${uid}-value`;

  useEffect(() => {
    if (confirming) questionRef.current?.focus();
  }, [confirming]);

  const n = selected.size;
  const chosenRows = rows.filter((r) => selected.has(r.id));
  const owners = [...new Set(chosenRows.map((r) => r.owner))];
  const what = t("what", { count: n, hasOwner: owners.length === 1 ? "yes" : "no", owner: owners[0] ?? "" });
  // A new due date or owner leaves done and cancelled ones alone unless asked: say how many that is.
  const closedCount = chosenRows.filter((r) => r.closed).length;
  const skipsClosed = (action === "dueOn" || action === "ownerOrganisationId") && closedCount > 0;
  const applying = skipsClosed && !includeClosed ? n - closedCount : n;

  const question = (() => {
    switch (action) {
      case "cancel":
        return t("questionCancel", { what });
      case "status":
        return t("questionStatus", { what, status: f.status(value as Status) });
      case "dueOn":
        return t("questionDueOn", { what, date: f.date(value) });
      case "ownerOrganisationId":
        return t("questionOwner", { what, organisation: organisations.find((o) => o.id === value)?.label.trim() ?? t("thatOrganisation") });
    }
  })();

  function review() {
    if (action !== "cancel" && !value) {
      setError(action === "status" ? t("chooseStatus") : action === "dueOn" ? t("enterDueDate") : t("chooseOrganisation"));
      return;
    }
    setError(undefined);
    setResult(null);
    setIncludeClosed(false);
    setConfirming(true);
  }

  function back() {
    setConfirming(false);
    requestAnimationFrame(() => reviewRef.current?.focus());
  }

  function apply() {
    const change = action === "cancel" ? { status: "cancelled" } : { [action]: value };
    const ids = [...selected];
    startTransition(async () => {
      const answer = await api.post<Result>("/api/v1/follow-ups/bulk", { ids, change, ...(skipsClosed && includeClosed ? { includeClosed: true } : {}) });
      if (!answer.ok) {
        toast.error(t("nothingChanged", { reason: errorText(answer, te, { preferField: true }) }));
        return;
      }
      const done = answer.data;
      setResult(done);
      setConfirming(false);
      setValue("");
      clear();
      router.refresh();
      requestAnimationFrame(() => resultRef.current?.focus());
      if (done.undoToken) {
        const token = done.undoToken;
        toast(t("changedToast", { count: done.changed.length }), {
          duration: UNDO_SECONDS * 1000,
          action: { label: t("undo"), onClick: () => undo(token) },
        });
      }
    });
  }

  /** Puts back what the bulk edit changed, all or nothing (the server refuses if any changed since). */
  async function undo(token: string) {
    const answer = await api.post<{ restored: string[] }>("/api/v1/follow-ups/bulk/undo", { token });
    if (!answer.ok) {
      // Nothing was undone: the server says why (a row changed since, the token expired), or that it could not be reached.
      toast.error(t("nothingUndone", { reason: errorText(answer, te, { preferField: true }) }), { duration: 10_000 });
      if (answer.code !== "network") router.refresh();
      return;
    }
    toast(t("undoneToast", { count: answer.data.restored.length }));
    setResult((r) => (r ? { ...r, undone: true } : r));
    router.refresh();
  }

  const titleOf = (r: Result["refused"][number]) => r.title ?? t("hiddenFollowUp");

  return (
    <>
      <div ref={resultRef} tabIndex={-1} role="status" className="outline-none empty:hidden">
        {result && (
          <div className="rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm text-zinc-900">
            <p className="font-semibold">
              {t("resultSummary", { changed: result.changed.length, refused: result.refused.length })}
              {result.unchanged?.length ? ` ${t("resultUnchanged", { count: result.unchanged.length })}` : ""}
              {result.skippedClosed?.length ? ` ${t("resultSkippedClosed", { count: result.skippedClosed.length })}` : ""}
            </p>
            {result.undone && <p>{t("resultUndone")}</p>}
            {result.refused.length > 0 && (
              <ul className="mt-1 list-disc space-y-0.5 pl-5">
                {result.refused.map((r) => (
                  <li key={r.id}>
                    <span className="font-medium">{titleOf(r)}</span> — {r.reason}
                  </li>
                ))}
              </ul>
            )}
            <button type="button" className="mt-1 text-sm text-zinc-700 underline" onClick={() => setResult(null)}>
              {t("dismiss")}
            </button>
          </div>
        )}
      </div>
      {n > 0 && (
        <section
          aria-label={t("label")}
         className="sticky top-0 z-10 rounded-lg border border-accent-700 bg-accent-50 px-3 py-3 shadow-sm"
          onKeyDown={(e) => {
            if (e.key === "Escape" && confirming) back();
          }}
        >
          {!confirming ? (
            <div className="flex flex-wrap items-end gap-3">
              <p className="self-center text-sm font-semibold text-zinc-900">{t("selected", { count: n })}</p>
              <div className="space-y-1">
                <label htmlFor={`${uid}-action`} className="block text-sm font-semibold text-zinc-900">
                  {t("change")}
                </label>
                <select
                  id={`${uid}-action`}
                 className={inputClass}
                 value={action}
                  onChange={(e) => {
                    setAction(e.target.value as Action);
                    setValue("");
                    setError(undefined);
                  }}
                >
                  {actions.map((a) => (
                    <option key={a} value={a}>
                      {t("action", { action: a })}
                    </option>
                  ))}
                </select>
              </div>
              {action === "status" && (
                <div className="space-y-1">
                  <label htmlFor={valueId} className="block text-sm font-semibold text-zinc-900">
                    {t("newStatus")}
                  </label>
                  <select id={valueId} className={inputClass} value={value} onChange={(e) => setValue(e.target.value)} {...describedBy(valueId, undefined, error)}>
                    <option value="">{t("choose")}</option>
                    {settable.map((s) => (
                      <option key={s} value={s}>
                        {f.status(s)}
                      </option>
                    ))}
                  </select>
                </div>
              )}
              {action === "dueOn" && (
                <div className="space-y-1">
                  <label htmlFor={valueId} className="block text-sm font-semibold text-zinc-900">
                    {t("newDueDate")}
                  </label>
                  <DateInput id={valueId} className={inputClass} value={value} onChange={(e) => setValue(e.target.value)} {...describedBy(valueId, undefined, error)} />
                </div>
              )}
              {action === "ownerOrganisationId" && (
                <div className="min-w-0 max-w-full space-y-1">
                  <label htmlFor={valueId} className="block text-sm font-semibold text-zinc-900">
                    {t("newOwnerOrganisation")}
                  </label>
                  <select id={valueId} className={`${inputClass} max-w-xs`} value={value} onChange={(e) => setValue(e.target.value)} {...describedBy(valueId, undefined, error)}>
                    <option value="">{t("choose")}</option>
                    {organisations.map((o) => (
                      <option key={o.id} value={o.id}>
                        {o.label}
                      </option>
                    ))}
                  </select>
                </div>
              )}
              <div className="flex gap-2">
                <Button ref={reviewRef} onClick={review} variant={action === "cancel" ? "danger" : "primary"}>
                  {action === "cancel" ? t("cancelButton") : t("reviewButton")}
                </Button>
                <Button variant="ghost" onClick={clear}>
                  {t("clearSelection")}
                </Button>
              </div>
              {error && (
                <p id={`${valueId}-error`} className="basis-full text-sm font-medium text-red-700">
                  <span className="sr-only">{t("errorPrefix")} </span>
                  {error}
                </p>
              )}
            </div>
          ) : (
            <div className="space-y-2">
              <p ref={questionRef} tabIndex={-1} className="font-semibold text-zinc-900 outline-none">
                {question}
              </p>
              {skipsClosed && (
                <div className="space-y-1 text-sm text-zinc-900">
                  <p>
                    {t("closedCount", { all: closedCount === n ? "yes" : "no", count: closedCount })}{" "}
                    {includeClosed ? t("closedIncluded") : t("closedLeft", { closed: closedCount, applying })}
                  </p>
                  <label className="inline-flex items-center gap-2 font-medium">
                    <input type="checkbox" className="size-4" checked={includeClosed} onChange={(e) => setIncludeClosed(e.target.checked)} />
                    {t("includeClosed")}
                  </label>
                </div>
              )}
              <p className="text-sm text-zinc-700">
                {t("explanation", { seconds: UNDO_SECONDS })}
              </p>
              <div className="flex flex-wrap gap-2">
                <Button variant={action === "cancel" ? "danger" : "primary"} onClick={apply} disabled={pending || applying === 0}>
                  {pending ? t("applying") : action === "cancel" ? t("confirmCancel", { count: n }) : t("confirmChange", { count: applying })}
                </Button>
                <Button variant="secondary" onClick={back} disabled={pending}>
                  {t("goBack")}
                </Button>
              </div>
            </div>
          )}
        </section>
      )}
    </>
  );
}
