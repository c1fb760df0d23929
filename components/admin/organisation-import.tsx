"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { type ChangeEvent, useRef, useState } from "react";
import { toast } from "@/components/ui/toast";
import { importOrganisationsAction, previewOrganisationImportAction } from "@/app/(app)/admin/actions";
import { Button } from "@/components/ui/button";
import { describedBy, FieldError, FieldHint, inputClass } from "@/components/ui/field";
import { FileInput } from "@/components/ui/file-input";

type Plan = Awaited<ReturnType<typeof previewOrganisationImportAction>> extends infer R ? (R extends { ok: true; data: infer D } ? D : never) : never;

const actionClass = {
  create: "bg-green-100 text-green-900",
  update: "bg-blue-100 text-blue-900",
  unchanged: "bg-zinc-100 text-zinc-800",
  error: "bg-red-100 text-red-900",
} as const;

/** Import organisations from CSV: paste or choose a file, preview row by row, import only a clean file. */
export function OrganisationImport() {
  const t = useTranslations("admin.import");
  const router = useRouter();
  const [csv, setCsv] = useState("");
  const [fileName, setFileName] = useState<string | null>(null);
  const [plan, setPlan] = useState<Plan | null>(null);
  const [previewed, setPreviewed] = useState("");
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  const resultRef = useRef<HTMLDivElement>(null);

  function change(text: string) {
    setCsv(text);
    setError("");
  }

  async function chooseFile(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    if (!file) return;
    setFileName(file.name);
    change(await file.text());
  }

  async function preview() {
    if (!csv.trim()) {
      setError(t("empty"));
      return;
    }
    setBusy(true);
    const result = await previewOrganisationImportAction({ csv, dryRun: true }).catch(() => null);
    setBusy(false);
    if (!result?.ok) {
      setPlan(null);
      setError(result?.error ?? t("previewFailed"));
      return;
    }
    setPlan(result.data);
    setPreviewed(csv);
    requestAnimationFrame(() => resultRef.current?.focus());
  }

  async function runImport() {
    setBusy(true);
    const result = await importOrganisationsAction({ csv: previewed, dryRun: false }).catch(() => null);
    setBusy(false);
    if (!result?.ok) {
      toast.error(result?.error ?? t("importFailed"));
      await preview();
      return;
    }
    toast.success(t("imported", { created: result.data.counts.create, updated: result.data.counts.update }));
    setPlan(null);
    setCsv("");
    setFileName(null);
    setPreviewed("");
    router.refresh();
  }

  const stale = plan !== null && previewed !== csv;
  const canImport = plan !== null && !stale && plan.valid && plan.changes > 0;

  return (
    <section aria-labelledby="import-title" className="space-y-3 rounded-md border border-zinc-300 bg-white p-4">
      <h2 id="import-title" className="font-semibold">
        {t("title")}
      </h2>
      <p className="text-sm text-zinc-700">
        {t("intro")}
      </p>
      <div className="space-y-1">
        <label htmlFor="import-file" className="block text-sm font-semibold text-zinc-900">
          {t("file")}
        </label>
        <FieldHint id="import-file" hint={t("fileHint")} />
        <FileInput id="import-file" accept=".csv,text/csv,text/plain" aria-describedby="import-file-hint" chosen={fileName ? [fileName] : []} onChange={chooseFile} />
      </div>
      <div className="space-y-1">
        <label htmlFor="import-csv" className="block text-sm font-semibold text-zinc-900">
          {t("text")}
        </label>
        <FieldHint id="import-csv" hint={t("textHint")} />
        <textarea
          id="import-csv"
          rows={6}
          value={csv}
          onChange={(e) => change(e.target.value)}
          spellCheck={false}
          className={`${inputClass} font-mono text-sm`}
          {...describedBy("import-csv", "hint", error)}
        />
        <FieldError id="import-csv" error={error} />
      </div>
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" onClick={preview} disabled={busy}>
          {t("preview")}
        </Button>
        {canImport && (
          <Button onClick={runImport} disabled={busy}>
            {t("importChanges", { count: plan.changes })}
          </Button>
        )}
      </div>
      {plan && (
        <div ref={resultRef} tabIndex={-1} className="space-y-2 outline-none">
          <p role="status" className={`text-sm font-medium ${plan.valid ? "text-zinc-900" : "text-red-800"}`}>
            {stale
              ? t("stale")
              : plan.valid
                ? plan.changes
                  ? t("ready", { create: plan.counts.create, update: plan.counts.update, unchanged: plan.counts.unchanged })
                  : t("nothing")
                : t("problems", { count: plan.counts.error })}
          </p>
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">{t("caption")}</caption>
              <thead className="border-b border-zinc-300">
                <tr>
                  <th scope="col" className="py-1 pr-3">{t("line")}</th>
                  <th scope="col" className="py-1 pr-3">{t("organisation")}</th>
                  <th scope="col" className="py-1 pr-3">{t("action")}</th>
                  <th scope="col" className="py-1">{t("details")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-200">
                {plan.rows.map((r, i) => (
                  <tr key={`${r.line}-${i}`} className="align-top">
                    <td className="py-1 pr-3 tabular-nums">{r.line}</td>
                    <td className="py-1 pr-3">{r.acronym ? `${r.acronym}${r.name ? ` — ${r.name}` : ""}` : r.name || "—"}</td>
                    <td className="py-1 pr-3">
                      <span className={`rounded px-1.5 py-0.5 text-xs font-semibold ${actionClass[r.action]}`}>{t("actionLabel", { action: r.action })}</span>
                    </td>
                    <td className="py-1">{r.messages.length ? <ul className="space-y-0.5">{r.messages.map((m) => <li key={m}>{m}</li>)}</ul> : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </section>
  );
}
