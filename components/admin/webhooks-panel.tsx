"use client";

import { useTranslations } from "next-intl";
import { Fragment, useCallback, useId, useState } from "react";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { useFormat } from "@/components/i18n/use-format";
import { webhookEvents } from "@/lib/validation/lists";

export type Webhook = { id: string; url: string; events: string[]; includeRestricted: boolean; active: boolean; failingSince: string | null; disabledReason: string | null; createdAt: string };
type Delivery = { id: string; event: string; status: string; attempts: number; responseCode: number | null; lastError: string | null; createdAt: string; sentAt: string | null; nextAttemptAt: string | null; payload: string };

async function api<T>(url: string, init: RequestInit | undefined, answered: (status: number) => string): Promise<{ ok: true; data: T } | { ok: false; message: string; fields: Record<string, string> }> {
  const res = await fetch(url, { ...init, headers: { "content-type": "application/json", ...init?.headers } });
  const body = (await res.json().catch(() => null)) as (T & { error?: { message: string; fields?: Record<string, string> } }) | null;
  if (res.ok) return { ok: true, data: body as T };
  return { ok: false, message: body?.error?.message ?? answered(res.status), fields: body?.error?.fields ?? {} };
}

/** The admins' webhooks: register (the secret shown once), turn off and on, ping, the delivery log with re-send, delete. */
export function WebhooksPanel({ initial }: { initial: Webhook[] }) {
  const t = useTranslations("admin.webhooks");
  const f = useFormat();
  const uid = useId();
  const [hooks, setHooks] = useState<Webhook[] | null>(initial);
  const [secret, setSecret] = useState<{ url: string; secret: string } | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [open, setOpen] = useState<string | null>(null);
  const [log, setLog] = useState<Delivery[]>([]);

  const answered = useCallback((status: number) => t("serverAnswered", { status }), [t]);
  const load = useCallback(async () => {
    const r = await api<{ items: Webhook[] }>("/api/v1/webhooks", undefined, answered);
    if (r.ok) setHooks(r.data.items);
    else toast.error(r.message);
  }, [answered]);
  const loadLog = useCallback(async (id: string) => {
    const r = await api<{ items: Delivery[] }>(`/api/v1/webhooks/${id}/deliveries`, undefined, answered);
    if (r.ok) setLog(r.data.items);
  }, [answered]);

  const register = async (form: HTMLFormElement) => {
    const data = new FormData(form);
    const r = await api<Webhook & { secret: string }>("/api/v1/webhooks", {
      method: "POST",
      body: JSON.stringify({ url: data.get("url"), events: data.getAll("events"), includeRestricted: data.get("includeRestricted") === "on" }),
    }, answered);
    if (!r.ok) {
      setErrors(r.fields);
      toast.error(r.message);
      return;
    }
    setErrors({});
    setSecret({ url: r.data.url, secret: r.data.secret });
    form.reset();
    void load();
  };
  const act = async (label: string, url: string, init: RequestInit, hookId: string) => {
    const r = await api(url, init, answered);
    if (r.ok) toast.success(label);
    else toast.error(r.message);
    void load();
    if (open === hookId) setTimeout(() => void loadLog(hookId), 800);
  };

  return (
    <section aria-labelledby={`${uid}-title`} className="min-w-0 space-y-4 rounded-lg border border-zinc-200 bg-white px-4 py-4">
      <div className="space-y-1">
        <h2 id={`${uid}-title`} className="text-base font-semibold">
          {t("title")}
        </h2>
        <p className="text-sm text-zinc-700">
          {t.rich("intro", { unix: "<unix>", hmac: `<${t("hmac")}>`, code: (chunks) => <code className="break-all">{chunks}</code> })}
        </p>
      </div>
      <form
        className="space-y-3"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void register(e.currentTarget);
        }}
      >
        <Field id={`${uid}-url`} label={t("url")} hint={t("urlHint")} error={errors.url}>
          <input id={`${uid}-url`} name="url" type="url" required className={inputClass} placeholder="https://example.org/hooks/tracker" aria-invalid={!!errors.url} aria-describedby={`${uid}-url-hint${errors.url ? ` ${uid}-url-error` : ""}`} />
        </Field>
        <fieldset className="space-y-1">
          <legend className="text-sm font-semibold text-zinc-900">{t("events")}</legend>
          {errors.events && <p className="text-sm font-medium text-red-700">{errors.events}</p>}
          <div className="grid gap-1 sm:grid-cols-2">
            {webhookEvents.map((ev) => (
              <label key={ev} className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="events" value={ev} defaultChecked={ev.startsWith("follow_up.")} /> <code className="break-all">{ev}</code>
              </label>
            ))}
          </div>
        </fieldset>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="includeRestricted" /> {t("includeRestricted")}
        </label>
        <Button type="submit">{t("register")}</Button>
      </form>

      {secret && (
        <div className="space-y-1 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm">
          <p className="font-semibold">{t("secretFor", { url: secret.url })}</p>
          <p>{t("secretOnce")}</p>
          <input aria-label={t("secretLabel")} readOnly value={secret.secret} onFocus={(e) => e.currentTarget.select()} className={`${inputClass} font-mono text-xs`} />
        </div>
      )}

      {hooks === null ? (
        <p className="text-sm text-zinc-600">{t("loading")}</p>
      ) : hooks.length === 0 ? (
        <p className="text-sm text-zinc-700">{t("none")}</p>
      ) : (
        <ul className="space-y-3">
          {hooks.map((h) => (
            <li key={h.id} className="space-y-2 rounded-md border border-zinc-200 p-3">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <p className="break-all font-mono text-sm">{h.url}</p>
                <p className="text-sm">{h.active ? (h.failingSince ? t("failingSince", { date: f.dateTime(h.failingSince) }) : t("on")) : t("off")}</p>
              </div>
              {h.disabledReason && (
                <p role="status" className="rounded border border-red-300 bg-red-50 px-2 py-1 text-sm text-red-800">
                  {h.disabledReason}
                </p>
              )}
              <p className="break-words text-sm text-zinc-700">
                {h.events.join(", ")} · {h.includeRestricted ? t("withRestricted") : t("withoutRestricted")}
              </p>
              <div className="flex flex-wrap gap-2">
                <Button variant="secondary" onClick={() => void act(t("pingQueued"), `/api/v1/webhooks/${h.id}/ping`, { method: "POST" }, h.id)}>
                  {t("sendPing")}
                </Button>
                <Button
                  variant="secondary"
                  aria-expanded={open === h.id}
                  onClick={() => {
                    setOpen(open === h.id ? null : h.id);
                    if (open !== h.id) void loadLog(h.id);
                  }}
                >
                  {t("log")}
                </Button>
                <Button variant="secondary" onClick={() => void act(h.active ? t("turnedOff") : t("turnedOn"), `/api/v1/webhooks/${h.id}`, { method: "PATCH", body: JSON.stringify({ active: !h.active }) }, h.id)}>
                  {h.active ? t("turnOff") : t("turnOn")}
                </Button>
                <Button
                  variant="ghost"
                  onClick={() => {
                    if (window.confirm(t("confirmDelete", { url: h.url }))) void act(t("deleted"), `/api/v1/webhooks/${h.id}`, { method: "DELETE" }, h.id);
                  }}
                >
                  {t("delete")}
                </Button>
              </div>
              {open === h.id && (
                <div className="overflow-x-auto">
                  <table className="w-full text-left text-sm">
                    <caption className="sr-only">{t("logCaption", { url: h.url })}</caption>
                    <thead className="border-b border-zinc-200 text-zinc-700">
                      <tr>
                        <th scope="col" className="py-1 pr-3 font-semibold">{t("time")}</th>
                        <th scope="col" className="py-1 pr-3 font-semibold">{t("event")}</th>
                        <th scope="col" className="py-1 pr-3 font-semibold">{t("status")}</th>
                        <th scope="col" className="py-1 pr-3 font-semibold">{t("response")}</th>
                        <th scope="col" className="py-1 font-semibold"><span className="sr-only">{t("actions")}</span></th>
                      </tr>
                    </thead>
                    <tbody>
                      {log.length === 0 && (
                        <tr>
                          <td colSpan={5} className="py-2 text-zinc-600">{t("noDeliveries")}</td>
                        </tr>
                      )}
                      {log.map((d) => (
                        <Fragment key={d.id}>
                          <tr className="border-b border-zinc-100 align-top">
                            <td className="py-1.5 pr-3">{f.dateTime(d.createdAt)}</td>
                            <td className="py-1.5 pr-3"><code>{d.event}</code></td>
                            <td className="py-1.5 pr-3">
                              {t("deliveryStatus", { status: d.status })}
                              {d.attempts > 1 ? t("attempts", { count: d.attempts }) : ""}
                            </td>
                            <td className="py-1.5 pr-3">{d.responseCode ?? "—"}{d.lastError ? <span className="block text-xs text-red-700">{d.lastError}</span> : null}</td>
                            <td className="py-1.5 text-right">
                              <Button variant="secondary" onClick={() => void act(t("resendQueued"), `/api/v1/webhooks/${h.id}/deliveries/${d.id}/resend`, { method: "POST" }, h.id)}>
                                {t("resend")}
                              </Button>
                            </td>
                          </tr>
                          <tr className="border-b border-zinc-100">
                            <td colSpan={5} className="pb-2">
                              <details>
                                <summary className="cursor-pointer text-xs text-zinc-700">{t("payload")}</summary>
                                <pre className="max-h-48 overflow-auto whitespace-pre-wrap break-all bg-zinc-50 p-2 text-xs">{d.payload}</pre>
                              </details>
                            </td>
                          </tr>
                        </Fragment>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
