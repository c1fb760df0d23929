/**
 * What a file is (decided by its bytes, never its name), what it may be called, and how it is
 * served. Pure functions: the upload route and the tests call them.
 */
import { fileTypeFromBuffer } from "file-type";
import { AppError } from "@/lib/errors";
import en from "@/messages/en.json";
import { vm } from "@/lib/i18n/validation";

/** How many bytes of a file are read before its type is decided (enough for file-type to look inside Office zips). */
export const SNIFF_BYTES = 256 * 1024;

/** Types that open in the browser (under `Content-Security-Policy: sandbox`); everything else downloads. */
export const inlineTypes: ReadonlySet<string> = new Set(["application/pdf", "image/png", "image/jpeg"]);

/** What file-type recognises that we accept, by its extension, and the content type we store and serve. */
const byDetectedExt: Record<string, string> = {
  pdf: "application/pdf",
  png: "image/png",
  jpg: "image/jpeg",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  odt: "application/vnd.oasis.opendocument.text",
  ods: "application/vnd.oasis.opendocument.spreadsheet",
  odp: "application/vnd.oasis.opendocument.presentation",
};

/** Old Office files and Outlook messages are all OLE compound files: the name says which, the content that it is one. */
const compoundByName: Record<string, string> = {
  msg: "application/vnd.ms-outlook",
  doc: "application/msword",
  xls: "application/vnd.ms-excel",
  ppt: "application/vnd.ms-powerpoint",
};

/** Plain text by name (the content is checked to be text first). */
const textByName: Record<string, string> = { csv: "text/csv", eml: "message/rfc822" };

const extensionOf = (name: string) => {
  const dot = name.lastIndexOf(".");
  return dot < 0 ? "" : name.slice(dot + 1).toLowerCase();
};

/** UTF-8 text without control characters other than tab, line feed, form feed and carriage return. */
function looksLikeText(head: Uint8Array, complete: boolean): boolean {
  for (const b of head) if (b === 0x7f || (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d)) return false;
  try {
    // stream: a multi-byte character cut at the end of the sample is not an error.
    new TextDecoder("utf-8", { fatal: true }).decode(head, { stream: !complete });
    return true;
  } catch {
    return false;
  }
}

/**
 * The content type of a file from its first bytes (`complete`: the sample is the whole file).
 * Throws 415 with a sentence for anything not on the list, such as a program renamed `.pdf`.
 */
export async function detectContentType(head: Uint8Array, fileName: string, complete: boolean): Promise<string> {
  const detected = head.length ? await fileTypeFromBuffer(head) : undefined;
  const ext = extensionOf(fileName);
  if (detected) {
    const type = byDetectedExt[detected.ext] ?? (detected.ext === "cfb" ? compoundByName[ext] : undefined);
    if (type) return type;
    throw new AppError("unsupported_type:attachment", vm("fileTypeRefused", { kind: isProgram(detected.ext) ? "program" : "file", ext: detected.ext }), { file: notAccepted });
  }
  if (head.length && looksLikeText(head, complete)) return textByName[ext] ?? "text/plain";
  throw new AppError("unsupported_type:attachment", vm("fileTypeUnknown"), { file: notAccepted });
}

/** The field's sentence: the `errors` catalogue's, said in the reader's language where the error is answered. */
const notAccepted = en.errors.unsupported_type;
const isProgram = (ext: string) => ["exe", "elf", "mach", "dll", "msi", "dmg", "apk", "class", "wasm"].includes(ext);

/**
 * A file name safe to store and show: the last path segment, without control characters,
 * bidirectional overrides or invisible marks (a name cannot pretend to end in ".pdf"), at most 200
 * characters keeping the extension. Never empty.
 */
export function cleanFileName(raw: string): string {
  const last = raw.slice(Math.max(raw.lastIndexOf("/"), raw.lastIndexOf("\\")) + 1);
  let out = "";
  for (const ch of last) {
    const c = ch.codePointAt(0)!;
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) continue;
    if ((c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c === 0xfeff) continue;
    out += ch;
  }
  out = out.trim();
  while (out.startsWith(".")) out = out.slice(1);
  if (!out) return "file";
  const chars = [...out];
  if (chars.length <= 200) return out;
  const ext = extensionOf(out);
  const keep = ext && ext.length <= 10 ? `.${ext}` : "";
  return chars.slice(0, 200 - keep.length).join("") + keep;
}

/**
 * RFC 6266: an ASCII fallback in `filename` (quotes and backslashes replaced) and the exact name,
 * percent-encoded UTF-8, in `filename*`.
 */
export function contentDisposition(kind: "inline" | "attachment", fileName: string): string {
  let ascii = "";
  for (const ch of fileName) {
    const c = ch.codePointAt(0)!;
    ascii += c >= 0x20 && c < 0x7f && ch !== '"' && ch !== "\\" && ch !== "%" ? ch : "_";
  }
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
