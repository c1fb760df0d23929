"use client";

import { useRouter } from "next/navigation";
import { useOptimistic, useState, useTransition } from "react";
import { updateFollowUpAction } from "@/app/(app)/follow-ups/actions";
import type { followUpStatuses } from "@/db/schema";
import { Button } from "@/components/ui/button";
import { statusLabels } from "@/lib/format";
import { ConflictNotice, fetchLatestFollowUp } from "./conflict-notice";
import { statusStyle } from "./status-badge";

type Status = (typeof followUpStatuses)[number];
type Problem = { kind: "conflict" | "error"; message: string; wanted: Status; retry?: boolean };
const offline = "Could not reach the server. Check your connection and try again.";

/**
 * One button per status the policy lets this viewer choose (computed on the server). The
 * change shows at once and reverts, with a message, if the server refuses it.
 */
export function StatusControl({ followUpId, status, version, allowed }: { followUpId: string; status: Status; version: number; allowed: readonly Status[] }) {
  const router = useRouter();
  const [shown, setShown] = useOptimistic(status);
  const [pending, startTransition] = useTransition();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [announcement, setAnnouncement] = useState("");

  function send(wanted: Status, getVersion: () => Promise<number | null>) {
    setProblem(null);
    setAnnouncement("");
    startTransition(async () => {
      setShown(wanted);
      const v = await getVersion();
      if (v === null) {
        setProblem({ kind: "error", message: "Could not load the latest version of this follow-up. Check your connection and try again.", wanted, retry: true });
        return;
      }
      const result = await updateFollowUpAction({ id: followUpId, patch: { status: wanted, version: v } }).catch(() => null);
      if (!result) setProblem({ kind: "error", message: offline, wanted, retry: true });
      else if (result.ok) {
        startTransition(() => {
          setAnnouncement(`Status changed to ${statusLabels[wanted]}.`);
          router.refresh();
        });
      } else if (result.code.startsWith("conflict")) setProblem({ kind: "conflict", message: result.error, wanted });
      else setProblem({ kind: "error", message: result.error, wanted, retry: result.code === "internal" });
    });
  }

  const choose = (wanted: Status) => {
    if (pending || wanted === shown) return;
    send(wanted, async () => version);
  };

  const keepMine = (wanted: Status) =>
    send(wanted, async () => {
      const latest = await fetchLatestFollowUp(followUpId);
      return latest ? latest.version : null;
    });

  const reload = () => {
    setProblem(null);
    router.refresh();
  };

  return (
    <div className="space-y-2">
      <div role="group" aria-labelledby="status-control-label" aria-busy={pending || undefined} className="flex flex-wrap items-center gap-1.5">
        <span id="status-control-label" className="mr-1 text-sm font-semibold text-zinc-900">
          Status
        </span>
        {allowed.map((s) => {
          const { icon: Icon, className } = statusStyle[s];
          const current = s === shown;
          return (
            <button
              key={s}
              type="button"
              aria-pressed={current}
              onClick={() => choose(s)}
              className={`inline-flex items-center gap-1.5 rounded-md border px-2.5 py-1.5 text-sm font-medium transition-colors ${
                current ? `${className} ring-1 ring-inset ring-current/30` : "border-zinc-300 bg-white text-zinc-700 hover:bg-zinc-100"
              }`}
            >
              <Icon aria-hidden className="size-4" strokeWidth={2.25} />
              {statusLabels[s]}
            </button>
          );
        })}
      </div>
      <p role="status" className="sr-only">
        {pending ? "Saving the status…" : announcement}
      </p>
      {problem?.kind === "conflict" && (
        <ConflictNotice
          message={problem.message}
          pending={pending}
          onReload={reload}
          onKeepMine={() => keepMine(problem.wanted)}
          reloadLabel="Reload to see their change"
          keepMineLabel={`Keep mine: set to ${statusLabels[problem.wanted]}`}
        />
      )}
      {problem?.kind === "error" && (
        <div role="alert" className="rounded-md border-2 border-red-700 bg-white p-3 text-sm">
          <p className="font-semibold text-red-800">
            The status was not changed to {statusLabels[problem.wanted]}; it is back to {statusLabels[status]}.
          </p>
          <p className="mt-1 text-zinc-800">{problem.message}</p>
          <div className="mt-2 flex gap-2">
            {problem.retry && (
              <Button variant="secondary" onClick={() => choose(problem.wanted)} disabled={pending}>
                Try again
              </Button>
            )}
            <Button variant="ghost" onClick={() => setProblem(null)}>
              Dismiss
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}
