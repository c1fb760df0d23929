"use client";

import { FileText, Link2, Trash2, Upload, X } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { type DragEvent, useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { formatSize } from "@/lib/format";
import { intlTag, isLocale, type Locale } from "@/lib/i18n/locale";

export type AttachmentItem = {
  id: string;
  kind: "file" | "link";
  fileName: string | null;
  contentType: string | null;
  size: number | null;
  url: string;
  title: string;
  version: number;
  createdAt: string;
  createdByName: string;
  /** Decided on the server by the policy; the DELETE is checked again there. */
  removable: boolean;
};

type Upload = { key: number; name: string; size: number; loaded: number; error?: string; xhr: XMLHttpRequest };
type Target = { type: "meeting" | "follow_up"; id: string };

const collectionUrl = (t: Target) => `/api/v1/${t.type === "meeting" ? "meetings" : "follow-ups"}/${t.id}/attachments`;

/** A content type's name, as a key of the catalogue's `attachments.type`. */
const typeNames = {
  "application/pdf": "pdf",
  "image/png": "png",
  "image/jpeg": "jpeg",
  "text/plain": "text",
  "text/csv": "csv",
  "message/rfc822": "email",
  "application/vnd.ms-outlook": "outlook",
  "application/msword": "word",
  "application/vnd.ms-excel": "excel",
  "application/vnd.ms-powerpoint": "powerpoint",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "word",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "excel",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": "powerpoint",
  "application/vnd.oasis.opendocument.text": "odt",
  "application/vnd.oasis.opendocument.spreadsheet": "ods",
  "application/vnd.oasis.opendocument.presentation": "odp",
} as const;
const typeKey = (contentType: string | null) => (contentType && Object.hasOwn(typeNames, contentType) ? typeNames[contentType as keyof typeof typeNames] : null);
const inline = new Set(["application/pdf", "image/png", "image/jpeg"]);

/** When a document was added, in the reader's time zone and language ("15 Feb 2022, 10:30" / "15 févr. 2022, 10:30"). */
const whenFormats = new Map<Locale, Intl.DateTimeFormat>();
function when(iso: string, locale: Locale) {
  let f = whenFormats.get(locale);
  if (!f) whenFormats.set(locale, (f = new Intl.DateTimeFormat(intlTag[locale], { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" })));
  return f.format(new Date(iso));
}

/**
 * Documents and links of a meeting or follow-up: drop files or choose them (several at once), each
 * with its own progress bar and Cancel (an XHR, which reports upload progress); add a link; open,
 * download or remove. Files of the same name are versions: the newest shows, older ones under it.
 */
export function AttachmentsPanel({
  target,
  initial,
  canAdd,
  maxMb,
  headingLevel = 2,
  onChange,
}: {
  target: Target;
  initial: AttachmentItem[];
  canAdd: boolean;
  maxMb: number;
  headingLevel?: 2 | 3;
  onChange?: (items: AttachmentItem[]) => void;
}) {
  const t = useTranslations("attachments");
  const router = useRouter();
  const ids = useId();
  // What this panel added or removed, over the server's list: a refresh (after any change, here or in
  // another panel of the page) brings a new `initial` without dropping uploads still under way.
  const [added, setAdded] = useState<AttachmentItem[]>([]);
  const [removed, setRemoved] = useState<ReadonlySet<string>>(new Set());
  const seen = new Set<string>();
  const items = [...added, ...initial]
    .filter((i) => !removed.has(i.id) && !seen.has(i.id) && !!seen.add(i.id))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.version - a.version);
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [dragging, setDragging] = useState(false);
  const [message, setMessage] = useState("");
  const [linkOpen, setLinkOpen] = useState(false);
  const [linkError, setLinkError] = useState<{ title?: string; url?: string; _?: string }>({});
  const fileInput = useRef<HTMLInputElement>(null);
  const counter = useRef(0);
  const Heading = headingLevel === 2 ? "h2" : "h3";

  const count = items.length;
  useEffect(() => {
    onChange?.(items);
    // Only when the number changes: the list itself is rebuilt on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [count]);

  const patchUpload = (key: number, patch: Partial<Upload> | null) =>
    setUploads((prev) => (patch === null ? prev.filter((u) => u.key !== key) : prev.map((u) => (u.key === key ? { ...u, ...patch } : u))));

  function send(file: File) {
    const key = ++counter.current;
    const xhr = new XMLHttpRequest();
    setUploads((prev) => [...prev, { key, name: file.name, size: file.size, loaded: 0, xhr }]);
    if (file.size > maxMb * 1024 * 1024) {
      patchUpload(key, { error: t("tooLarge", { max: maxMb }) });
      return;
    }
    xhr.upload.onprogress = (e) => patchUpload(key, { loaded: e.loaded });
    xhr.onload = () => {
      let body: { error?: { message?: string } } & Partial<AttachmentItem> = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        /* not JSON: a proxy's error page */
      }
      if (xhr.status === 201 && body.id) {
        patchUpload(key, null);
        setAdded((prev) => [{ ...(body as AttachmentItem), removable: true }, ...prev]);
        setMessage(t("attached", { name: file.name }));
        router.refresh();
      } else {
        patchUpload(key, { error: body.error?.message ?? t("uploadFailed", { status: xhr.status }) });
      }
    };
    xhr.onerror = () => patchUpload(key, { error: t("interrupted") });
    xhr.onabort = () => {
      patchUpload(key, null);
      setMessage(t("uploadCancelled", { name: file.name }));
    };
    const form = new FormData();
    form.append("file", file, file.name);
    xhr.open("POST", collectionUrl(target));
    xhr.send(form);
  }

  const sendAll = (files: FileList | null) => {
    if (!files) return;
    for (const f of Array.from(files)) send(f);
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    sendAll(e.dataTransfer.files);
  };

  async function addLink(form: HTMLFormElement) {
    const data = new FormData(form);
    setLinkError({});
    const res = await fetch(collectionUrl(target), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ title: data.get("title"), url: data.get("url") }),
    }).catch(() => null);
    const body = res ? await res.json().catch(() => null) : null;
    if (res?.status === 201) {
      setAdded((prev) => [{ ...body, removable: true }, ...prev]);
      setMessage(t("linkAdded", { title: body.title }));
      form.reset();
      setLinkOpen(false);
      router.refresh();
    } else {
      setLinkError(body?.error?.fields ?? { _: body?.error?.message ?? t("unreachable") });
    }
  }

  async function remove(item: AttachmentItem) {
    const label = item.kind === "file" ? t("fileVersion", { name: item.fileName ?? "", version: item.version }) : item.title;
    if (!window.confirm(t("confirmRemove", { label }))) return;
    const res = await fetch(`/api/v1/attachments/${item.id}`, { method: "DELETE" }).catch(() => null);
    if (res?.status === 204) {
      setRemoved((prev) => new Set([...prev, item.id]));
      setMessage(t("removed", { label }));
      router.refresh();
    } else {
      const body = res ? await res.json().catch(() => null) : null;
      setMessage(body?.error?.message ?? t("removeFailed"));
    }
  }

  // Newest version of each file name first; links stand alone.
  const groups: AttachmentItem[][] = [];
  const byName = new Map<string, AttachmentItem[]>();
  for (const item of items) {
    if (item.kind === "link") groups.push([item]);
    else {
      const g = byName.get(item.fileName!);
      if (g) g.push(item);
      else {
        const fresh = [item];
        byName.set(item.fileName!, fresh);
        groups.push(fresh);
      }
    }
  }
  for (const g of groups) g.sort((a, b) => b.version - a.version);

  return (
    <section aria-labelledby={`${ids}-heading`} className="space-y-3">
      <Heading id={`${ids}-heading`} className="text-base font-semibold">
        {t("heading")} <span className="font-normal text-zinc-600">{t("count", { count: groups.length })}</span>
      </Heading>
      {groups.length === 0 && <p className="text-sm text-zinc-600">{t("none")}</p>}
      {groups.length > 0 && (
        <ul className="divide-y divide-zinc-200 rounded-md border border-zinc-200 bg-white">
          {groups.map((g) => (
            <li key={g[0]!.id} className="px-3 py-2 text-sm">
              <Row item={g[0]!} onRemove={remove} />
              {g.length > 1 && (
                <details className="mt-1 pl-6">
                  <summary className="cursor-pointer text-zinc-700">{t("earlierVersions", { count: g.length - 1 })}</summary>
                  <ul className="mt-1 space-y-1">
                    {g.slice(1).map((v) => (
                      <li key={v.id}>
                        <Row item={v} onRemove={remove} />
                      </li>
                    ))}
                  </ul>
                </details>
              )}
            </li>
          ))}
        </ul>
      )}

      {uploads.length > 0 && (
        <ul className="space-y-2" aria-label={t("uploads")}>
          {uploads.map((u) => (
            <li key={u.key} className="rounded-md border border-zinc-200 bg-white p-2 text-sm">
              <div className="flex items-center justify-between gap-2">
                <span className="min-w-0 truncate font-medium">{u.name}</span>
                {u.error ? (
                  <Button variant="ghost" onClick={() => patchUpload(u.key, null)}>
                    {t("dismiss")}
                  </Button>
                ) : (
                  <Button variant="ghost" onClick={() => u.xhr.abort()} aria-label={t("cancelUpload", { name: u.name })}>
                    <X aria-hidden className="size-4" /> {t("cancel")}
                  </Button>
                )}
              </div>
              {u.error ? (
                <p role="alert" className="mt-1 text-red-800">
                  {u.error}
                </p>
              ) : (
                <progress className="mt-1 h-2 w-full accent-accent-700" max={u.size || 1} value={u.loaded} aria-label={t("uploading", { name: u.name })}>
                  {Math.round((u.loaded / (u.size || 1)) * 100)}%
                </progress>
              )}
            </li>
          ))}
        </ul>
      )}

      {canAdd ? (
        <div className="space-y-2">
          <div
            onDragOver={(e) => {
              e.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={onDrop}
            data-testid="attachment-dropzone"
            className={`flex flex-wrap items-center gap-3 rounded-md border-2 border-dashed p-4 text-sm ${dragging ? "border-accent-700 bg-accent-50" : "border-zinc-300 bg-zinc-50"}`}
          >
            <Upload aria-hidden className="size-5 text-zinc-600" />
            <span className="text-zinc-700">{t("dropHere")}</span>
            <Button variant="secondary" onClick={() => fileInput.current?.click()}>
              {t("chooseFiles")}
            </Button>
            <input ref={fileInput} id={`${ids}-files`} type="file" multiple className="sr-only" aria-label={t("chooseFilesLabel")} onChange={(e) => {
              sendAll(e.target.files);
              e.target.value = "";
            }} />
            <Button variant="ghost" onClick={() => setLinkOpen((o) => !o)} aria-expanded={linkOpen}>
              <Link2 aria-hidden className="size-4" /> {t("addALink")}
            </Button>
            <span className="basis-full text-xs text-zinc-600">{t("accepted", { max: maxMb })}</span>
          </div>
          {linkOpen && (
            <form
              noValidate
              className="grid gap-2 rounded-md border border-zinc-200 bg-white p-3 sm:grid-cols-[1fr_2fr_auto] sm:items-end"
              onSubmit={(e) => {
                e.preventDefault();
                void addLink(e.currentTarget);
              }}
            >
              <div className="space-y-1">
                <label htmlFor={`${ids}-link-title`} className="block text-sm font-semibold">{t("title")}</label>
                <input id={`${ids}-link-title`} name="title" className={inputClass} aria-invalid={!!linkError.title} aria-describedby={linkError.title ? `${ids}-link-title-error` : undefined} />
                {linkError.title && <p id={`${ids}-link-title-error`} className="text-sm text-red-800">{linkError.title}</p>}
              </div>
              <div className="space-y-1">
                <label htmlFor={`${ids}-link-url`} className="block text-sm font-semibold">{t("address")}</label>
                <input id={`${ids}-link-url`} name="url" type="url" inputMode="url" placeholder={t("addressPlaceholder")} className={inputClass} aria-invalid={!!linkError.url} aria-describedby={linkError.url ? `${ids}-link-url-error` : undefined} />
                {linkError.url && <p id={`${ids}-link-url-error`} className="text-sm text-red-800">{linkError.url}</p>}
              </div>
              <Button type="submit">{t("addLink")}</Button>
              {linkError._ && <p role="alert" className="text-sm text-red-800 sm:col-span-3">{linkError._}</p>}
            </form>
          )}
        </div>
      ) : null}
      <p role="status" className="sr-only">
        {message}
      </p>
    </section>
  );
}

function Row({ item, onRemove }: { item: AttachmentItem; onRemove: (i: AttachmentItem) => void }) {
  const t = useTranslations("attachments");
  const current = useLocale();
  const locale = isLocale(current) ? current : "en";
  const type = typeKey(item.contentType);
  const isLink = item.kind === "link";
  const name = isLink ? item.title : item.fileName!;
  const opens = !isLink && inline.has(item.contentType ?? "");
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
      {isLink ? <Link2 aria-hidden className="size-4 shrink-0 text-zinc-600" /> : <FileText aria-hidden className="size-4 shrink-0 text-zinc-600" />}
      <a
        href={isLink ? item.url : opens ? item.url : `${item.url}?download=1`}
        target={isLink || opens ? "_blank" : undefined}
        rel="noopener noreferrer"
        className="min-w-0 break-all font-medium"
        {...(!isLink && !opens ? { download: name } : {})}
      >
        {name}
      </a>
      <span className="text-zinc-600">
        {isLink ? t("link") : type ? t(`type.${type}`) : item.contentType}
        {!isLink && ` · ${formatSize(item.size, t, locale)}`}
        {!isLink && item.version > 1 && ` · ${t("version", { version: item.version })}`}
        {" · "}
        {item.createdByName}, <time dateTime={item.createdAt}>{when(item.createdAt, locale)}</time>
      </span>
      {item.removable && (
        <Button variant="ghost" className="ml-auto" onClick={() => onRemove(item)} aria-label={item.version > 1 ? t("removeVersion", { name, version: item.version }) : t("remove", { name })}>
          <Trash2 aria-hidden className="size-4" />
        </Button>
      )}
    </div>
  );
}
