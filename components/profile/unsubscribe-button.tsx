"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { unsubscribeAction } from "@/app/(auth)/unsubscribe/actions";
import { Button } from "@/components/ui/button";

/** The unsubscribe page's one button: a POST with the token, so merely opening the link changes nothing. */
export function UnsubscribeButton({ token, label }: { token: string; label: string }) {
  const t = useTranslations("auth");
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  if (result?.ok) {
    return (
      <p role="status" className="rounded-md border-2 border-emerald-700 bg-emerald-50 p-3 text-sm text-emerald-950">
        {result.text}
      </p>
    );
  }
  return (
    <div className="space-y-3">
      {result && (
        <p role="alert" className="text-sm font-medium text-red-700">
          {result.text}
        </p>
      )}
      <Button
        disabled={busy}
        className="w-full py-2"
        onClick={async () => {
          setBusy(true);
          const answer = await unsubscribeAction({ token }).catch(() => null);
          setBusy(false);
          setResult(answer?.ok ? { ok: true, text: t("unsubscribeDone", { email: answer.data.email }) } : { ok: false, text: answer?.error ?? t("unsubscribeUnreachable") });
        }}
      >
        {busy ? t("unsubscribing") : label}
      </Button>
    </div>
  );
}
