"use client";

import { useRouter } from "next/navigation";
import { createContext, type ReactNode, useContext, useEffect, useId, useMemo, useRef, useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { describedBy, inputClass } from "@/components/ui/field";
import type { followUpStatuses } from "@/db/schema";
import { formatDate, plural, statusLabels } from "@/lib/format";

type Status = (typeof followUpStatuses)[number];
export type BulkRow = { id: string; title: string; owner: string };
export type BulkOrganisation = { id: string; label: string };
type Result = { changed: string[]; unchanged?: string[]; refused: { id: string; title: string | null; reason: string }[] };

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
const actionLabels: Record<Action, string> = { status: "Status", dueOn: "Due date", ownerOrganisationId: "Owner organisation", cancel: "Cancel them" };
const settable = ["open", "in_progress", "blocked", "done"] as const satisfies readonly Status[];

/**
 * The bar over the table when rows are selected: one change (status, due date, owner
 * organisation, or cancel), a confirmation that says exactly what will change, then the
 * server's answer — how many changed, and which were refused and why.
 */
export function BulkEditBar({ organisations }: { organisations: BulkOrganisation[] }) {
  const { rows, selected, clear } = useSelection();
  const router = useRouter();
  const uid = useId();
  const [action, setAction] = useState<Action>("status");
  const [value, setValue] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [confirming, setConfirming] = useState(false);
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
  const ownedBy = owners.length === 1 ? ` owned by ${owners[0]}` : "";
  const what = `${plural(n, "follow-up")}${ownedBy}`;

  const question = (() => {
    switch (action) {
      case "cancel":
        return `Cancel ${what}?`;
      case "status":
        return `Set the status of ${what} to ${statusLabels[value as Status] ?? value}?`;
      case "dueOn":
        return `Change the due date of ${what} to ${formatDate(value)}?`;
      case "ownerOrganisationId":
        return `Reassign ${what} to ${organisations.find((o) => o.id === value)?.label.trim() ?? "that organisation"}?`;
    }
  })();

  function review() {
    if (action !== "cancel" && !value) {
      setError(action === "status" ? "Choose the new status." : action === "dueOn" ? "Enter the new due date." : "Choose the new owner organisation.");
      return;
    }
    setError(undefined);
    setResult(null);
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
      let res: Response | null = null;
      try {
        res = await fetch("/api/v1/follow-ups/bulk", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ ids, change }) });
      } catch {
        res = null;
      }
      if (!res) {
        toast.error("Could not reach the server. Nothing was changed; check your connection and try again.");
        return;
      }
      const body: unknown = await res.json().catch(() => null);
      if (!res.ok) {
        const message = (body as { error?: { message?: string; fields?: Record<string, string> } } | null)?.error;
        toast.error(`Nothing was changed: ${Object.values(message?.fields ?? {})[0] ?? message?.message ?? "the server refused the change."}`);
        return;
      }
      setResult(body as Result);
      setConfirming(false);
      setValue("");
      clear();
      router.refresh();
      requestAnimationFrame(() => resultRef.current?.focus());
    });
  }

  const titleOf = (r: Result["refused"][number]) => r.title ?? "A follow-up you cannot see";

  return (
    <>
      <div ref={resultRef} tabIndex={-1} role="status" className="outline-none empty:hidden">
        {result && (
          <div className="rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm text-zinc-900">
            <p className="font-semibold">
              Changed {result.changed.length}; {result.refused.length} refused{result.refused.length ? ":" : "."}
              {result.unchanged?.length ? ` ${plural(result.unchanged.length, "follow-up")} already had that value.` : ""}
            </p>
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
              Dismiss
            </button>
          </div>
        )}
      </div>
      {n > 0 && (
        <section
          aria-label="Bulk edit"
          className="sticky top-0 z-10 rounded-lg border border-accent-700 bg-accent-50 px-3 py-3 shadow-sm"
          onKeyDown={(e) => {
            if (e.key === "Escape" && confirming) back();
          }}
        >
          {!confirming ? (
            <div className="flex flex-wrap items-end gap-3">
              <p className="self-center text-sm font-semibold text-zinc-900">{plural(n, "follow-up")} selected</p>
              <div className="space-y-1">
                <label htmlFor={`${uid}-action`} className="block text-sm font-semibold text-zinc-900">
                  Change
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
                  {(Object.keys(actionLabels) as Action[]).map((a) => (
                    <option key={a} value={a}>
                      {actionLabels[a]}
                    </option>
                  ))}
                </select>
              </div>
              {action === "status" && (
                <div className="space-y-1">
                  <label htmlFor={valueId} className="block text-sm font-semibold text-zinc-900">
                    New status
                  </label>
                  <select id={valueId} className={inputClass} value={value} onChange={(e) => setValue(e.target.value)} {...describedBy(valueId, undefined, error)}>
                    <option value="">Choose…</option>
                    {settable.map((s) => (
                      <option key={s} value={s}>
                        {statusLabels[s]}
                      </option>
                    ))}
                  </select>
                </div>
              )}
              {action === "dueOn" && (
                <div className="space-y-1">
                  <label htmlFor={valueId} className="block text-sm font-semibold text-zinc-900">
                    New due date
                  </label>
                  <input id={valueId} type="date" className={inputClass} value={value} onChange={(e) => setValue(e.target.value)} {...describedBy(valueId, undefined, error)} />
                </div>
              )}
              {action === "ownerOrganisationId" && (
                <div className="min-w-0 max-w-full space-y-1">
                  <label htmlFor={valueId} className="block text-sm font-semibold text-zinc-900">
                    New owner organisation
                  </label>
                  <select id={valueId} className={`${inputClass} max-w-xs`} value={value} onChange={(e) => setValue(e.target.value)} {...describedBy(valueId, undefined, error)}>
                    <option value="">Choose…</option>
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
                  {action === "cancel" ? "Cancel follow-ups…" : "Review change"}
                </Button>
                <Button variant="ghost" onClick={clear}>
                  Clear selection
                </Button>
              </div>
              {error && (
                <p id={`${valueId}-error`} className="basis-full text-sm font-medium text-red-700">
                  <span className="sr-only">Error: </span>
                  {error}
                </p>
              )}
            </div>
          ) : (
            <div className="space-y-2">
              <p ref={questionRef} tabIndex={-1} className="font-semibold text-zinc-900 outline-none">
                {question}
              </p>
              <p className="text-sm text-zinc-700">Any you may not change are left as they are and listed. The change is recorded in each follow-up’s history.</p>
              <div className="flex flex-wrap gap-2">
                <Button variant={action === "cancel" ? "danger" : "primary"} onClick={apply} disabled={pending}>
                  {pending ? "Applying…" : action === "cancel" ? `Yes, cancel ${plural(n, "follow-up")}` : `Yes, change ${plural(n, "follow-up")}`}
                </Button>
                <Button variant="secondary" onClick={back} disabled={pending}>
                  Go back
                </Button>
              </div>
            </div>
          )}
        </section>
      )}
    </>
  );
}
