"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, useTransition } from "react";
import { toast } from "@/components/ui/toast";
import { anonymiseUserAction, endUserSessionsAction } from "@/app/(app)/admin/actions";
import { Button } from "@/components/ui/button";

type Asking = "sessions" | "anonymise" | null;

/**
 * The weighty account actions on a user row, each behind a confirmation that says what happens:
 * end all of their sessions, or anonymise them for good.
 */
export function UserAccountActions({ user, self }: { user: { id: string; name: string; active: boolean; anonymised: boolean }; self: boolean }) {
  const t = useTranslations("admin.users");
  const tc = useTranslations("admin.common");
  const router = useRouter();
  const uid = useId();
  const [asking, setAsking] = useState<Asking>(null);
  const [pending, startTransition] = useTransition();
  const questionRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (asking) questionRef.current?.focus();
  }, [asking]);

  const run = (call: () => Promise<{ ok: boolean; error?: string }>, done: string) =>
    startTransition(async () => {
      const result = await call().catch(() => null);
      setAsking(null);
      if (result?.ok) {
        toast.success(done);
        router.refresh();
      } else toast.error(result?.error ?? tc("unreachable"));
    });

  const questions = {
    sessions: {
      text: t("sessionsQuestion", { name: user.name }),
      yes: t("sessionsYes"),
      act: () => run(() => endUserSessionsAction({ id: user.id }), t("sessionsDone", { name: user.name })),
    },
    anonymise: {
      text: t("anonymiseQuestion", { name: user.name }),
      yes: t("anonymiseYes"),
      act: () => run(() => anonymiseUserAction({ id: user.id }), t("anonymiseDone")),
    },
  } as const;

  if (user.anonymised) return null;
  if (asking) {
    const q = questions[asking];
    return (
      <div role="group" aria-labelledby={`${uid}-q`} className="min-w-0 max-w-xl basis-full space-y-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2">
        <p id={`${uid}-q`} ref={questionRef} tabIndex={-1} className="text-sm text-zinc-900">
          {q.text}
        </p>
        <div className="flex flex-wrap gap-2">
          <Button variant="danger" disabled={pending} onClick={q.act}>
            {q.yes}
          </Button>
          <Button variant="secondary" disabled={pending} onClick={() => setAsking(null)}>
            {tc("cancel")}
          </Button>
        </div>
      </div>
    );
  }
  return (
    <>
      {user.active && (
        <Button variant="ghost" onClick={() => setAsking("sessions")} aria-label={t("endSessionsName", { name: user.name })}>
          {t("endSessions")}
        </Button>
      )}
      {!self && (
        <Button variant="ghost" onClick={() => setAsking("anonymise")} aria-label={t("anonymiseName", { name: user.name })}>
          {t("anonymise")}
        </Button>
      )}
    </>
  );
}
