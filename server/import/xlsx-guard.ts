import "server-only";
import zlib from "node:zlib";
import { IMPORT_MAX_ROWS } from "@/lib/import/limits";
import { vm } from "@/lib/i18n/validation";

/**
 * A hostile workbook is refused before exceljs reads it, with bounded memory and time:
 *
 * - a zip bomb: the central directory's declared sizes are checked first (each part at most
 *   PART_LIMIT, all together TOTAL_LIMIT), then every XML part is inflated with Node's
 *   `maxOutputLength` set to its declared size, so a part that lies about its size stops at the
 *   limit instead of filling memory (and JSZip, inside exceljs, later inflates the same bytes);
 * - billion laughs: any part with a document type declaration (`<!DOCTYPE`, where entities are
 *   defined) is refused; a workbook never needs one;
 * - a million rows: the worksheets' `<row` elements are counted in the inflated XML and more than
 *   the import's row limit (plus a header) is refused before any row is parsed.
 */
const PART_LIMIT = 40 * 1024 * 1024;
const TOTAL_LIMIT = 80 * 1024 * 1024;
const MAX_ENTRIES = 2_000;

export class HostileFileError extends Error {}

type Entry = { name: string; method: number; compressedSize: number; size: number; localOffset: number };

function centralDirectory(buf: Buffer): Entry[] {
  // The end-of-central-directory record is in the last 64 KiB + 22 bytes.
  const from = Math.max(0, buf.length - 65_557);
  let eocd = -1;
  for (let i = buf.length - 22; i >= from; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new HostileFileError(vm("xlsxNotZip"));
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || p === 0xffffffff) throw new HostileFileError(vm("xlsxZip64"));
  if (count > MAX_ENTRIES) throw new HostileFileError(vm("xlsxTooManyParts", { count: String(count) }));
  const entries: Entry[] = [];
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw new HostileFileError(vm("xlsxDirectoryDamaged"));
    const nameLength = buf.readUInt16LE(p + 28);
    const entry = {
      method: buf.readUInt16LE(p + 10),
      compressedSize: buf.readUInt32LE(p + 20),
      size: buf.readUInt32LE(p + 24),
      localOffset: buf.readUInt32LE(p + 42),
      name: buf.toString("utf8", p + 46, p + 46 + nameLength),
    };
    entries.push(entry);
    p += 46 + nameLength + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return entries;
}

function inflate(buf: Buffer, e: Entry): Buffer {
  const h = e.localOffset;
  if (h + 30 > buf.length || buf.readUInt32LE(h) !== 0x04034b50) throw new HostileFileError(vm("xlsxEntriesDamaged"));
  const start = h + 30 + buf.readUInt16LE(h + 26) + buf.readUInt16LE(h + 28);
  const data = buf.subarray(start, start + e.compressedSize);
  if (e.method === 0) return data;
  if (e.method !== 8) throw new HostileFileError(vm("xlsxCompression", { part: e.name, method: String(e.method) }));
  try {
    // One byte over the declared size is enough to catch a part that lies about it.
    return zlib.inflateRawSync(data, { maxOutputLength: e.size + 1 });
  } catch {
    throw new HostileFileError(vm("xlsxPartLies", { part: e.name }));
  }
}

function countRows(xml: string): number {
  let n = 0;
  for (let i = xml.indexOf("<row"); i >= 0; i = xml.indexOf("<row", i + 4)) {
    const next = xml.charCodeAt(i + 4); // "<row " or "<row>", not "<rows…"
    if (next === 32 || next === 62 || next === 47) n++;
  }
  return n;
}

/** Throws HostileFileError with a sentence for a person if the workbook must not be opened. */
export function guardXlsx(buf: Buffer) {
  const entries = centralDirectory(buf);
  let total = 0;
  for (const e of entries) {
    if (e.size > PART_LIMIT) throw new HostileFileError(vm("xlsxPartTooLarge", { part: e.name, size: String(Math.round(e.size / 1048576)), max: String(PART_LIMIT / 1048576) }));
    total += e.size;
  }
  if (total > TOTAL_LIMIT) throw new HostileFileError(vm("xlsxTooLarge", { size: String(Math.round(total / 1048576)), max: String(TOTAL_LIMIT / 1048576) }));
  for (const e of entries) {
    if (!/\.(xml|rels|vml)$/i.test(e.name)) continue;
    const xml = inflate(buf, e);
    if (xml.length !== e.size) throw new HostileFileError(vm("xlsxPartSize", { part: e.name }));
    const text = xml.toString("utf8");
    if (/<!DOCTYPE/i.test(text)) throw new HostileFileError(vm("xlsxDoctype", { part: e.name }));
    if (/^xl\/worksheets\/[^/]+\.xml$/i.test(e.name)) {
      const rows = countRows(text);
      if (rows > IMPORT_MAX_ROWS + 1) throw new HostileFileError(vm("xlsxSheetRows", { sheet: e.name.slice(14), rows, max: IMPORT_MAX_ROWS }));
    }
  }
}
