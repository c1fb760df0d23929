import "server-only";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS } from "@/lib/import/limits";
import { vm } from "@/lib/i18n/validation";
import { guardXlsx, HostileFileError } from "@/server/import/xlsx-guard";

/** A cell as the import reads it: text, or a date where the workbook had a real date. */
export type ImportCell = string | { date: string };
export type ImportTable = { sheets: string[]; sheet: string; headers: string[]; rows: { row: number; cells: ImportCell[] }[] };

export class ImportFileError extends Error {}

/**
 * Reads an uploaded .xlsx or .csv into a header row and data rows, refusing early and with a
 * sentence what is too big or hostile. CSV: UTF-8 (with or without a BOM) or, when that does not
 * decode, Windows-1252 (what Excel's "CSV" writes on Western Windows); `;` or `,` (papaparse
 * guesses, as Excel writes `;` where the decimal separator is a comma).
 */
export async function readImportFile(buf: Buffer, fileName: string, wanted?: { sheet?: string }): Promise<ImportTable> {
  if (buf.length > IMPORT_MAX_BYTES) throw new ImportFileError(vm("importFileTooLarge", { size: buf.length / 1048576, max: String(IMPORT_MAX_BYTES / 1048576) }));
  if (!buf.length) throw new ImportFileError(vm("fileEmpty"));
  const isZip = buf.length > 4 && buf.readUInt32LE(0) === 0x04034b50;
  if (isZip || /\.xlsx$/i.test(fileName)) return readXlsx(buf, wanted?.sheet);
  if (/\.xls$/i.test(fileName) || buf.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) {
    throw new ImportFileError(vm("importOldExcel"));
  }
  return readCsv(buf);
}

function decode(buf: Buffer): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(buf);
  } catch {
    return new TextDecoder("windows-1252").decode(buf);
  }
}

function readCsv(buf: Buffer): ImportTable {
  const text = decode(buf);
  if (text.includes("\u0000")) throw new ImportFileError(vm("importNotText"));
  const parsed = Papa.parse<string[]>(text, {
    delimitersToGuess: [";", ",", "\t"],
    skipEmptyLines: "greedy",
    // One more than the limit, to know it was passed without reading the rest.
    preview: IMPORT_MAX_ROWS + 2,
  });
  const [header, ...data] = parsed.data;
  if (!header) throw new ImportFileError(vm("importNoRows"));
  if (parsed.data.length > IMPORT_MAX_ROWS + 1) throw new ImportFileError(vm("importTooManyRows", { max: IMPORT_MAX_ROWS }));
  return {
    sheets: ["CSV"],
    sheet: "CSV",
    headers: header.map((h) => h.trim()),
    rows: data.map((cells, i) => ({ row: i + 2, cells: cells.map((c) => c.trim()) })),
  };
}

const isoOf = (d: Date) => d.toISOString().slice(0, 10);

function cellText(v: ExcelJS.CellValue): ImportCell {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return { date: isoOf(v) };
  if (typeof v === "object") {
    if ("richText" in v) return v.richText.map((r) => r.text).join("");
    if ("text" in v && typeof v.text === "string") return v.text; // hyperlink
    if ("result" in v) return cellText((v.result ?? "") as ExcelJS.CellValue); // formula: its cached value, never evaluated
    if ("error" in v) return "";
  }
  return String(v).trim();
}

async function readXlsx(buf: Buffer, sheetName?: string): Promise<ImportTable> {
  try {
    guardXlsx(buf);
  } catch (e) {
    if (e instanceof HostileFileError) throw new ImportFileError(e.message);
    throw e;
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  } catch {
    throw new ImportFileError(vm("importUnreadableXlsx"));
  }
  const sheets = wb.worksheets.map((w) => w.name);
  const ws = sheetName ? wb.getWorksheet(sheetName) : wb.worksheets.find((w) => w.actualRowCount > 0) ?? wb.worksheets[0];
  if (!ws) throw new ImportFileError(sheetName ? vm("importNoSheet", { sheet: sheetName, sheets: sheets.join(", ") }) : vm("importNoSheets"));
  const rows: { row: number; cells: ImportCell[] }[] = [];
  let headers: string[] | null = null;
  let width = 0;
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    const values = Array.isArray(row.values) ? row.values.slice(1) : [];
    const cells = values.map((v) => cellText(v as ExcelJS.CellValue));
    if (cells.every((c) => c === "")) return;
    if (!headers) {
      headers = cells.map((c) => (typeof c === "string" ? c : c.date));
      width = headers.length;
      return;
    }
    rows.push({ row: n, cells: Array.from({ length: Math.max(width, cells.length) }, (_, i) => cells[i] ?? "") });
  });
  if (rows.length > IMPORT_MAX_ROWS) throw new ImportFileError(vm("importSheetTooManyRows", { max: IMPORT_MAX_ROWS }));
  return { sheets, sheet: ws.name, headers: headers ?? [], rows };
}
