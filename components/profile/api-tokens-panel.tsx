"use client";

import { Copy, KeyRound } from "lucide-react";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import { toast } from "@/components/ui/toast";
import { useFormat } from "@/components/i18n/use-format";
import { Button } from "@/components/ui/button";
import { DateInput } from "@/components/ui/date-input";
import { describedBy, ErrorSummary, Field, inputClass } from "@/components/ui/field";
import { useZodForm } from "@/components/ui/use-zod-form";
import type { ActionResult } from "@/lib/result";
import type { ApiTokenInput } from "@/lib/validation/api-tokens";

export type Token = { id: string; name: string; scope: "read" | "read-write"; prefix: string; expiresOn: string | null; lastUsedAt: string | null; createdAt: string; revokedAt: string | null; state: string; userName?: string; userEmail?: string };

const plusDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

/** A call to /api/v1, answered as a server action would be (lib/result.ts); the caller catches a network failure. */
async function api<T>(url: string, init?: RequestInit): Promise<ActionResult<T>> {
  const res = await fetch(url, { ...init, headers: { "content-type": "application/json", ...init?.headers } });
  const body = (await res.json().catch(() => null)) as (T & { error?: { message: string; code?: string; fields?: Record<string, string> } }) | null;
  if (res.ok) return { ok: true, data: body as T };
  return { ok: false, code: body?.error?.code ?? String(res.status), error: body?.error?.message ?? String(res.status), fieldErrors: body?.error?.fields ?? {} };
}
const fields = ["name", "scope", "expiresOn"] as const;

/**
 * Personal access tokens: make one (shown once), see when each was last used, revoke. With `all`
 * (the admin page), every user's tokens, by user, each revocable.
 */
export function ApiTokensPanel({ all = false, neverAllowed = false, initial }: { all?: boolean; neverAllowed?: boolean; initial: Token[] }) {
  const t = useTranslations("profile");
  const f = useFormat();
  const uid = useId();
  const [tokens, setTokens] = useState<Token[] | null>(initial);
  const [made, setMade] = useState<string | null>(null);
  const [never, setNever] = useState(false);
  const madeRef = useRef<HTMLInputElement>(null);

  const load = useCallback(async () => {
    const r = await api<{ items: Token[] }>(`/api/v1/tokens${all ? "?all=true" : ""}`).catch(() => null);
    if (r?.ok) setTokens(r.data.items);
    else toast.error(r?.error ?? t("unreachable"));
  }, [all, t]);
  useEffect(() => {
    if (made) madeRef.current?.focus();
  }, [made]);

  // Making a token, on the one form hook: field errors under their fields, the rest in the summary.
  const defaults = { name: "", scope: "read" as const, expiresOn: plusDays(90) };
  const { form, onSubmit, summaryRef, formError, errorOf, pending } = useZodForm({
    schema: () => import("@/lib/validation/api-tokens").then((m) => m.apiTokenInput),
    defaultValues: defaults,
    fields,
    refresh: false,
    submit: (values: ApiTokenInput) =>
      api<Token & { token: string }>("/api/v1/tokens", { method: "POST", body: JSON.stringify({ ...values, ...(never ? { expiresOn: "never" } : {}) }) }),
    onDone: (token) => {
      setMade(token.token);
      form.reset(defaults);
      setNever(false);
      void load();
    },
  });
  const { register } = form;
  const labels = { name: t("tokenName"), scope: t("tokenScope"), expiresOn: t("tokenExpiresOn") };

  const revoke = async (token: Token) => {
    if (!window.confirm(t("revokeConfirm", { name: token.name }))) return;
    const r = await api(`/api/v1/tokens/${token.id}`, { method: "DELETE" }).catch(() => null);
    if (r?.ok) toast.success(t("revoked", { name: token.name }));
    else toast.error(r?.error ?? t("unreachable"));
    void load();
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(made ?? "");
      toast.success(t("copied"));
    } catch {
      madeRef.current?.select();
      toast.error(t("copyFailed"));
    }
  };

  return (
    <section aria-labelledby={`${uid}-title`} className="min-w-0 space-y-4 rounded-lg border border-zinc-200 bg-white px-4 py-4">
      <div className="space-y-1">
        <h2 id={`${uid}-title`} className="text-base font-semibold">
          {all ? t("tokensAllTitle") : t("tokensTitle")}
        </h2>
        <p className="text-sm text-zinc-700">
          {all ? t("tokensAllIntro") : t("tokensIntro")}
        </p>
      </div>

      {!all && (
        <form className="grid gap-3 sm:grid-cols-2" onSubmit={onSubmit} noValidate>
          <div className="empty:hidden sm:col-span-2">
            <ErrorSummary errors={{ name: errorOf("name"), scope: errorOf("scope"), expiresOn: errorOf("expiresOn"), ...(formError ? { _: formError } : {}) }} labels={{}} summaryRef={summaryRef} />
          </div>
          <Field id={`${uid}-name`} label={labels.name} hint={t("tokenNameHint")} error={errorOf("name")}>
            <input id={`${uid}-name`} maxLength={100} className={inputClass} {...describedBy(`${uid}-name`, "hint", errorOf("name"))} {...register("name")} />
          </Field>
          <Field id={`${uid}-expires`} label={labels.expiresOn} hint={t("tokenExpiresHint")} error={errorOf("expiresOn")}>
            <DateInput
              id={`${uid}-expires`}
              min={plusDays(1)}
              max={plusDays(366)}
              disabled={never}
              className={inputClass}
              {...describedBy(`${uid}-expires`, "hint", errorOf("expiresOn"))}
              {...register("expiresOn", { setValueAs: (v: unknown) => (v === "" ? undefined : v) })}
            />
          </Field>
          <fieldset className="space-y-1 sm:col-span-2">
            <legend className="text-sm font-semibold text-zinc-900">{labels.scope}</legend>
            <label className="flex items-center gap-2 text-sm">
              <input type="radio" value="read" {...register("scope")} /> {t("scopeReadLong")}
            </label>
            <label className="flex items-center gap-2 text-sm">
              <input type="radio" value="read-write" {...register("scope")} /> {t("scopeWriteLong")}
            </label>
          </fieldset>
          {neverAllowed && (
            <label className="flex items-center gap-2 text-sm sm:col-span-2">
              <input type="checkbox" checked={never} onChange={(e) => setNever(e.target.checked)} /> {t("neverExpires")}
            </label>
          )}
          <div className="sm:col-span-2">
            <Button type="submit" disabled={pending}>
              <KeyRound aria-hidden className="size-4" />
              {t("makeToken")}
            </Button>
          </div>
        </form>
      )}

      {made && (
        <div className="space-y-1 rounded-md border border-amber-300 bg-amber-50 p-3">
          <label htmlFor={`${uid}-made`} className="block text-sm font-semibold text-zinc-900">
            {t("newToken")}
          </label>
          <p id={`${uid}-made-hint`} className="text-sm text-zinc-800">
            {t("newTokenHint")}
          </p>
          <div className="flex flex-wrap gap-2">
            <input ref={madeRef} id={`${uid}-made`} readOnly value={made} aria-describedby={`${uid}-made-hint`} onFocus={(e) => e.currentTarget.select()} className={`${inputClass} min-w-0 basis-full font-mono text-xs sm:basis-0 sm:flex-1`} />
            <Button variant="secondary" onClick={() => void copy()}>
              <Copy aria-hidden className="size-4" />
              {t("copy")}
            </Button>
          </div>
        </div>
      )}

      {tokens === null ? (
        <p className="text-sm text-zinc-600">{t("loadingTokens")}</p>
      ) : tokens.length === 0 ? (
        <p className="text-sm text-zinc-700">{all ? t("noTokensAll") : t("noTokens")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{all ? t("tokensByUser") : t("yourTokens")}</caption>
            <thead className="border-b border-zinc-200 text-zinc-700">
              <tr>
                {all && <th scope="col" className="py-1 pr-3 font-semibold">{t("colUser")}</th>}
                <th scope="col" className="py-1 pr-3 font-semibold">{labels.name}</th>
                <th scope="col" className="py-1 pr-3 font-semibold">{labels.scope}</th>
                <th scope="col" className="py-1 pr-3 font-semibold">{t("colExpires")}</th>
                <th scope="col" className="py-1 pr-3 font-semibold">{t("colLastUsed")}</th>
                <th scope="col" className="py-1 pr-3 font-semibold">{t("colState")}</th>
                <th scope="col" className="py-1 font-semibold"><span className="sr-only">{t("colActions")}</span></th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((token) => (
                <tr key={token.id} className="border-b border-zinc-100">
                  {all && <td className="py-1.5 pr-3">{token.userName} <span className="text-zinc-600">{token.userEmail}</span></td>}
                  <td className="py-1.5 pr-3">
                    {token.name} <code className="text-xs text-zinc-600">{token.prefix}…</code>
                  </td>
                  <td className="py-1.5 pr-3">{t("scope", { scope: token.scope })}</td>
                  <td className="py-1.5 pr-3">{token.expiresOn ? f.date(token.expiresOn) : t("never")}</td>
                  <td className="py-1.5 pr-3">{token.lastUsedAt ? f.dateTime(token.lastUsedAt) : t("neverUsed")}</td>
                  <td className="py-1.5 pr-3">{t("tokenState", { state: token.state })}</td>
                  <td className="py-1.5 text-right">
                    {token.state !== "revoked" && (
                      <Button variant="secondary" onClick={() => void revoke(token)} aria-label={all ? t("revokeOf", { name: token.name, user: token.userName ?? "" }) : t("revokeName", { name: token.name })}>
                        {t("revoke")}
                      </Button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
