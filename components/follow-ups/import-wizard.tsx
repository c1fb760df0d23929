"use client";

import { Upload } from "lucide-react";
import { useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";
import { toast } from "@/components/ui/toast";
import { Button, ButtonLink } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { FileInput } from "@/components/ui/file-input";
import { followUpStatuses } from "@/db/enums";
import { useFormat } from "@/components/i18n/use-format";
import { IMPORT_MAX_BYTES, importAccept } from "@/lib/import/limits";
import { type ImportField, importFields } from "@/lib/import/mapping";

type Option = { id: string; label: string };
type Row = { row: number; status: "ok" | "error" | "duplicate"; errors: Record<string, string>; values: Record<string, string | null> };
type Result = { file: string; sheet: string; sheets: string[]; headers: string[]; mapping: Partial<Record<ImportField, string>>; rows: Row[]; created: number; message: string };

/** The fields a row's problem may name (the import's own, and the ids it resolves to): a select in "importField". */
const problemFields: readonly string[] = [...importFields, "ownerOrganisationId", "priorityAreaId", "meetingId", "_"];

/**
 * Upload → choose the sheet → map columns (guessed from the headers) → preview every row with its
 * problems named → fix (mapping, status words, defaults) and preview again → create. The server
 * does every step (dry runs); nothing is written before "Create".
 */
export function ImportWizard({ meeting, areas, organisations }: { meeting: { id: string; title: string } | null; areas: Option[]; organisations: Option[] }) {
  const t = useTranslations("followUps");
  const fmt = useFormat();
  const uid = useId();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const [result, setResult] = useState<Result | null>(null);
  const [columns, setColumns] = useState<Partial<Record<ImportField, string>>>({});
  const [statusMap, setStatusMap] = useState<Record<string, string>>({});
  const [defaults, setDefaults] = useState<{ priorityAreaId?: string; ownerOrganisationId?: string }>({});
  const [sheet, setSheet] = useState<string | undefined>();
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const summaryRef = useRef<HTMLParagraphElement>(null);

  const send = async (dryRun: boolean, over: { file?: File; columns?: typeof columns; sheet?: string } = {}) => {
    const f = over.file ?? file;
    if (!f) return;
    const form = new FormData();
    form.append("file", f);
    form.append("dryRun", String(dryRun));
    if (meeting) form.append("meetingId", meeting.id);
    const chosenSheet = over.sheet ?? sheet;
    form.append(
      "mapping",
      JSON.stringify({
        columns: over.columns ?? columns,
        statusMap,
        ...(chosenSheet ? { sheet: chosenSheet } : {}),
        defaults: Object.fromEntries(Object.entries(defaults).filter(([, v]) => v)),
        skipInvalid,
      }),
    );
    setBusy(true);
    try {
      const res = await fetch("/api/v1/follow-ups/import", { method: "POST", body: form });
      const body = (await res.json().catch(() => null)) as (Result & { error?: { message: string; fields?: Record<string, string> } }) | null;
      if (!res.ok || !body) {
        setFileError(body?.error?.fields?.file ?? body?.error?.message ?? t("importServerAnswered", { status: res.status }));
        setResult(null);
        return;
      }
      setFileError(undefined);
      setResult(body);
      setColumns(body.mapping);
      setSheet(body.sheet);
      if (!dryRun && body.created > 0) {
        setDone(body.message);
        toast.success(body.message);
      } else if (!dryRun) toast.error(body.message);
      setTimeout(() => summaryRef.current?.focus(), 0);
    } catch {
      setFileError(t("unreachableShort"));
      setResult(null);
    } finally {
      setBusy(false);
    }
  };

  const choose = (f: File | null) => {
    setDone(null);
    setResult(null);
    setColumns({});
    setSheet(undefined);
    setFile(f);
    if (!f) return;
    if (f.size > IMPORT_MAX_BYTES) {
      setFileError(t("importTooBig", { size: (f.size / 1048576).toFixed(1), max: IMPORT_MAX_BYTES / 1048576 }));
      return;
    }
    void send(true, { file: f, columns: {}, sheet: "" });
  };

  const rows = result?.rows ?? [];
  const counts = { ok: rows.filter((r) => r.status === "ok").length, error: rows.filter((r) => r.status === "error").length, duplicate: rows.filter((r) => r.status === "duplicate").length };
  const unknownStatuses = [...new Set(rows.filter((r) => r.errors.status && r.values.status).map((r) => r.values.status!))];

  if (done) {
    return (
      <div className="space-y-3">
        <p role="status" className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900">
          {done}
        </p>
        <div className="flex gap-2">
          <ButtonLink href={meeting ? `/meetings/${meeting.id}` : "/follow-ups?organisationId=all"}>{meeting ? t("importBackToMeeting") : t("importSeeFollowUps")}</ButtonLink>
          <Button variant="secondary" onClick={() => choose(null)}>
            {t("importAnother")}
          </Button>
        </div>
      </div>
    );
  }

  return (
    <div className="min-w-0 space-y-6">
      <Field id={`${uid}-file`} label={t("importFile")} hint={t("importFileHint")} error={fileError}>
        <FileInput
          id={`${uid}-file`}
          accept={importAccept}
          chosen={file ? [file.name] : []}
          onChange={(e) => choose(e.currentTarget.files?.[0] ?? null)}
          aria-invalid={!!fileError}
          aria-describedby={`${uid}-file-hint${fileError ? ` ${uid}-file-error` : ""}`}
        />
      </Field>

      {result && (
        <>
          {result.sheets.length > 1 && (
            <Field id={`${uid}-sheet`} label={t("importSheet")}>
              <select
                id={`${uid}-sheet`}
               className={`${inputClass} max-w-sm`}
               value={sheet}
                onChange={(e) => {
                  setSheet(e.currentTarget.value);
                  void send(true, { sheet: e.currentTarget.value, columns: {} });
                }}
              >
                {result.sheets.map((s) => (
                  <option key={s}>{s}</option>
                ))}
              </select>
            </Field>
          )}

          <fieldset className="space-y-2">
            <legend className="text-base font-semibold">{t("columns")}</legend>
            <p className="text-sm text-zinc-700">{t("importColumnsHint")}</p>
            <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
              {importFields.map((f) => (
                <Field key={f} id={`${uid}-map-${f}`} label={t("importField", { field: f })}>
                  <select id={`${uid}-map-${f}`} className={inputClass} value={columns[f] ?? ""} onChange={(e) => setColumns({ ...columns, [f]: e.currentTarget.value })}>
                    <option value="">{t("importNotImported")}</option>
                    {result.headers.map((h) => (
                      <option key={h} value={h}>
                        {h}
                      </option>
                    ))}
                  </select>
                </Field>
              ))}
            </div>
          </fieldset>

          {unknownStatuses.length > 0 && (
            <fieldset className="space-y-2">
              <legend className="text-base font-semibold">{t("importStatusWords")}</legend>
              <p className="text-sm text-zinc-700">{t("importStatusWordsHint")}</p>
              <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
                {unknownStatuses.map((word) => (
                  <Field key={word} id={`${uid}-status-${word}`} label={t("importWordMeans", { word })}>
                    <select id={`${uid}-status-${word}`} className={inputClass} value={statusMap[word] ?? ""} onChange={(e) => setStatusMap({ ...statusMap, [word]: e.currentTarget.value })}>
                      <option value="">{t("importChoose")}</option>
                      {followUpStatuses.map((s) => (
                        <option key={s} value={s}>
                          {fmt.status(s)}
                        </option>
                      ))}
                    </select>
                  </Field>
                ))}
              </div>
            </fieldset>
          )}

          <fieldset className="grid gap-3 sm:grid-cols-2">
            <legend className="mb-2 text-base font-semibold">{t("importDefaults")}</legend>
            <Field id={`${uid}-area`} label={t("fieldPriorityArea")}>
              <select id={`${uid}-area`} className={inputClass} value={defaults.priorityAreaId ?? ""} onChange={(e) => setDefaults({ ...defaults, priorityAreaId: e.currentTarget.value || undefined })}>
                <option value="">{t("importNoDefault")}</option>
                {areas.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.label}
                  </option>
                ))}
              </select>
            </Field>
            <Field id={`${uid}-org`} label={t("importResponsibleOrganisation")}>
              <select id={`${uid}-org`} className={inputClass} value={defaults.ownerOrganisationId ?? ""} onChange={(e) => setDefaults({ ...defaults, ownerOrganisationId: e.currentTarget.value || undefined })}>
                <option value="">{t("importNoDefault")}</option>
                {organisations.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.label}
                  </option>
                ))}
              </select>
            </Field>
          </fieldset>

          <div className="flex flex-wrap items-center gap-3">
            <Button variant="secondary" disabled={busy} onClick={() => void send(true)}>
              {t("importPreviewAgain")}
            </Button>
          </div>

          <section aria-labelledby={`${uid}-preview`} className="space-y-3">
            <h2 id={`${uid}-preview`} className="text-base font-semibold">
              {result.sheets.length > 1 ? t("importPreviewOfSheet", { file: result.file, sheet: result.sheet }) : t("importPreviewOf", { file: result.file })}
            </h2>
            <p ref={summaryRef} tabIndex={-1} role="status" className="text-sm">
              {t("importCounts", { ok: counts.ok, error: counts.error, duplicate: counts.duplicate })}
            </p>
            <div className="max-h-[60vh] overflow-auto rounded-md border border-zinc-200 bg-white">
              <table className="w-full text-left text-sm">
                <caption className="sr-only">{t("importCaption")}</caption>
                <thead className="sticky top-0 border-b border-zinc-200 bg-zinc-50 text-zinc-700">
                  <tr>
                    <th scope="col" className="px-2 py-1 font-semibold">{t("importColRow")}</th>
                    <th scope="col" className="px-2 py-1 font-semibold">{t("importColResult")}</th>
                    <th scope="col" className="px-2 py-1 font-semibold">{t("importColFollowUp")}</th>
                    <th scope="col" className="px-2 py-1 font-semibold">{t("importColResponsible")}</th>
                    <th scope="col" className="px-2 py-1 font-semibold">{t("detailDue")}</th>
                    <th scope="col" className="px-2 py-1 font-semibold">{t("importColProblems")}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.row} className={`border-b border-zinc-100 align-top ${r.status === "error" ? "bg-red-50" : ""}`}>
                      <td className="px-2 py-1">{r.row}</td>
                      <td className="px-2 py-1">{t("importRowStatus", { status: r.status })}</td>
                      <td className="px-2 py-1">{r.values.title}</td>
                      <td className="px-2 py-1">{r.values.owner ?? r.values.ownerOrganisation}</td>
                      <td className="px-2 py-1">{r.values.dueOn}</td>
                      <td className="px-2 py-1">
                        {Object.entries(r.errors).map(([k, m]) => (
                          <span key={k} className={`block ${r.status === "error" ? "text-red-800" : "text-zinc-700"}`}>
                            {t("importProblem", { field: problemFields.includes(k) ? t("importField", { field: k }) : k, message: m })}
                          </span>
                        ))}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {counts.error > 0 && (
              <label className="flex items-center gap-2 text-sm">
                <input type="checkbox" checked={skipInvalid} onChange={(e) => setSkipInvalid(e.currentTarget.checked)} /> {t("importSkip", { count: counts.error })}
              </label>
            )}
            <Button disabled={busy || counts.ok === 0 || (counts.error > 0 && !skipInvalid)} onClick={() => void send(false)}>
              <Upload aria-hidden className="size-4" />
              {t("importCreate", { count: counts.ok })}
            </Button>
          </section>
        </>
      )}
    </div>
  );
}
