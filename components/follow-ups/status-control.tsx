"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useOptimistic, useRef, useState, useTransition } from "react";
import { type AttachmentItem, AttachmentsPanel } from "@/components/attachments/attachments-panel";
import { updateFollowUpAction } from "@/app/(app)/follow-ups/actions";
import type { followUpStatuses } from "@/db/schema";
import { Button } from "@/components/ui/button";
import { useFormat } from "@/components/i18n/use-format";
import { ConflictNotice, fetchLatestFollowUp } from "./conflict-notice";
import { statusStyle } from "./status-badge";

type Status = (typeof followUpStatuses)[number];
type Problem = { kind: "conflict" | "error"; message: string; wanted: Status; retry?: boolean };

/**
 * One button per status the policy lets this viewer choose (computed on the server). The
 * change shows at once and reverts, with a message, if the server refuses it.
 */
export function StatusControl({
  followUpId,
  status,
  version,
  allowed,
  evidence,
}: {
  followUpId: string;
  status: Status;
  version: number;
  allowed: readonly Status[];
  /** When set, "Done" opens a dialog that offers to attach the evidence first (required: the area insists). */
  evidence?: { documents: AttachmentItem[]; required: boolean; maxMb: number };
}) {
  const t = useTranslations("followUps");
  const f = useFormat();
  const dialog = useRef<HTMLDialogElement>(null);
  const [panelCount, setPanelCount] = useState<number>();
  const evidenceCount = panelCount ?? evidence?.documents.length ?? 0;
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
        setProblem({ kind: "error", message: t("statusLatestUnreachable"), wanted, retry: true });
        return;
      }
      const result = await updateFollowUpAction({ id: followUpId, patch: { status: wanted, version: v } }).catch(() => null);
      if (!result) setProblem({ kind: "error", message: t("statusUnreachable"), wanted, retry: true });
      else if (result.ok) {
        startTransition(() => {
          setAnnouncement(t("statusChanged", { status: f.status(wanted) }));
          router.refresh();
        });
      } else if (result.code.startsWith("conflict")) setProblem({ kind: "conflict", message: result.error, wanted });
      else setProblem({ kind: "error", message: result.error, wanted, retry: result.code === "internal" });
    });
  }

  const choose = (wanted: Status) => {
    if (pending || wanted === shown) return;
    if (wanted === "done" && evidence && !dialog.current?.open) {
      setProblem(null);
      dialog.current?.showModal();
      return;
    }
    send(wanted, async () => version);
  };

  const markDone = () => {
    dialog.current?.close();
    send("done", async () => version);
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
          {t("statusLabel")}
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
              {f.status(s)}
            </button>
          );
        })}
      </div>
      <p role="status" className="sr-only">
        {pending ? t("statusSaving") : announcement}
      </p>
      {evidence && (
        <dialog
          ref={dialog}
          aria-labelledby={`${followUpId}-done-title`}
         className="m-auto w-[min(40rem,calc(100vw-2rem))] rounded-lg border border-zinc-300 bg-white p-0 shadow-xl backdrop:bg-zinc-900/40"
        >
          <div className="space-y-4 p-4">
            <h2 id={`${followUpId}-done-title`} className="text-lg font-semibold">
              {t("markDoneTitle")}
            </h2>
            <p className="text-sm text-zinc-700">
              {evidence.required ? t("evidenceRequired") : t("evidenceOptional")}
            </p>
            <AttachmentsPanel
              target={{ type: "follow_up", id: followUpId }}
              initial={evidence.documents}
              canAdd
              maxMb={evidence.maxMb}
              headingLevel={3}
              onChange={(items) => setPanelCount(items.length)}
            />
            {evidence.required && evidenceCount === 0 && <p className="text-sm font-medium text-zinc-900">{t("evidenceNeeded")}</p>}
            <div className="flex flex-wrap justify-end gap-2">
              <Button variant="secondary" onClick={() => dialog.current?.close()}>
                {t("cancel")}
              </Button>
              <Button onClick={markDone} disabled={evidence.required && evidenceCount === 0}>
                {evidenceCount > 0 ? t("markDoneWithEvidence") : t("markDoneWithoutEvidence")}
              </Button>
            </div>
          </div>
        </dialog>
      )}
      {problem?.kind === "conflict" && (
        <ConflictNotice
          message={problem.message}
          pending={pending}
          onReload={reload}
          onKeepMine={() => keepMine(problem.wanted)}
          reloadLabel={t("statusReload")}
          keepMineLabel={t("statusKeepMine", { status: f.status(problem.wanted) })}
        />
      )}
      {problem?.kind === "error" && (
        <div role="alert" className="rounded-md border-2 border-red-700 bg-white p-3 text-sm">
          <p className="font-semibold text-red-800">
            {t("statusNotChanged", { wanted: f.status(problem.wanted), status: f.status(status) })}
          </p>
          <p className="mt-1 text-zinc-800">{problem.message}</p>
          <div className="mt-2 flex gap-2">
            {problem.retry && (
              <Button variant="secondary" onClick={() => choose(problem.wanted)} disabled={pending}>
                {t("tryAgain")}
              </Button>
            )}
            <Button variant="ghost" onClick={() => setProblem(null)}>
              {t("dismiss")}
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}
