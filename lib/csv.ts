import Papa from "papaparse";
import type { statusLabels } from "./format";
import type { Locale } from "./i18n/locale";
import { translate } from "./i18n/translate";
import { formatterFor } from "./i18n/format-server";

/**
 * CSV that opens cleanly in Excel: UTF-8 with a byte-order mark, every field quoted, quotes
 * doubled, CRLF line ends, and cells a spreadsheet would run as a formula made inert.
 */

export const BOM = "\uFEFF";

/** A cell starting with one of these is a formula to Excel, LibreOffice and Google Sheets. */
const formulaStart = /^[=+\-@\t\r]/;

export type CsvValue = string | number | boolean | null | undefined;

export function csvCell(value: CsvValue): string {
  let s = value === null || value === undefined ? "" : String(value);
  // OWASP's advice: a leading apostrophe makes the spreadsheet show the text as text.
  if (formulaStart.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

/**
 * The field separator: a comma, or a semicolon for Excel in a European locale, where the list
 * separator is ";" (the decimal one being ","), so a comma file opens as one column.
 */
export const csvSeparators = { comma: ",", semicolon: ";" } as const;
export type CsvSeparator = keyof typeof csvSeparators;

export function csvRow(values: readonly CsvValue[], sep: CsvSeparator = "comma"): string {
  return `${values.map(csvCell).join(csvSeparators[sep])}\r\n`;
}

/** A whole document: the BOM, the header row, then one line per record. */
export function toCsv(header: readonly string[], rows: Iterable<readonly CsvValue[]>, sep: CsvSeparator = "comma"): string {
  const out = [BOM, csvRow(header, sep)];
  for (const r of rows) out.push(csvRow(r, sep));
  return out.join("");
}

/** The UN decision-tracking layout: one row per follow-up, as the UN system reports decisions. */
const unKeys = ["unMeeting", "unFollowUp", "unResponsible", "unDue", "unProgress", "unStatus", "unDocuments"] as const;
/** The UN layout's header in a language ("Meeting", "Follow-up", "Responsible", … / "Réunion", "Suivi", "Responsable", …). */
export const unHeaderFor = (locale: Locale): string[] => {
  const t = translate(locale, "export");
  return unKeys.map((k) => t(k));
};
/** Where the due date and the status are in the UN layout (the workbook marks them). */
export const unDueIndex = unKeys.indexOf("unDue");
export const unStatusIndex = unKeys.indexOf("unStatus");
/** The English header (the layout as it has always been written). */
export const unHeader = unHeaderFor("en");

/** A follow-up's document or link in an export: its name and where to open it. */
export type DocumentRef = { label: string; url: string };

export type UnRowSource = {
  meetingTitle: string | null;
  title: string;
  ownerOrganisationAcronym: string | null;
  ownerOrganisationName: string;
  ownerUserName: string | null;
  dueOn: string | null;
  status: keyof typeof statusLabels;
  overdue: boolean;
};

/** The cells of the layout; Progress is the latest comment, Documents the follow-up's files and links. */
export function unRow(f: UnRowSource, progress: string | undefined, documents: readonly DocumentRef[] = [], locale: Locale = "en"): string[] {
  const status = formatterFor(locale).status(f.status);
  return [
    f.meetingTitle ?? "",
    f.title,
    [f.ownerOrganisationAcronym ?? f.ownerOrganisationName, f.ownerUserName].filter(Boolean).join(" – "),
    f.dueOn ?? "",
    progress ?? "",
    f.overdue ? translate(locale, "export")("overdueSuffix", { status }) : status,
    documents.map((d) => `${d.label} <${d.url}>`).join("; "),
  ];
}

/** One record of a parsed CSV file, with the line (1-based) it starts on, for row-by-row messages. */
export type CsvRecord = { line: number; cells: string[] };

/**
 * Reads CSV as spreadsheets write it, with papaparse (linear in the input, unlike the hand-written
 * reader it replaced): a leading BOM, quoted fields with doubled quotes and line breaks inside, CRLF,
 * LF or CR line ends, and the separator detected (`,`, or `;` and tab as European Excel writes them).
 * Blank lines are skipped and cells trimmed. A cell our own encoder made inert (a leading apostrophe
 * before =, +, -, @) reads back as what was exported.
 */
export function parseCsv(input: string): CsvRecord[] {
  // One kind of line end: spreadsheets and hand edits mix CRLF, LF and CR in one file.
  const text = (input.startsWith(BOM) ? input.slice(1) : input).replace(/\r\n?/g, "\n");
  const records: CsvRecord[] = [];
  let line = 1;
  let counted = 0; // the offset up to which line breaks are counted: each character is counted once
  const countTo = (to: number) => {
    for (let i = counted; i < to; i++) if (text.charCodeAt(i) === 10) line++;
    counted = Math.max(counted, to);
  };
  let recordStart = 0;
  Papa.parse<string[]>(text, {
    delimiter: "",
    newline: "\n",
    delimitersToGuess: [",", ";", "\t"],
    skipEmptyLines: false,
    step: (row) => {
      // Skip the line breaks before the record, so it is numbered from its first character.
      while (text[recordStart] === "\n") recordStart++;
      countTo(recordStart);
      const start = line;
      const cells = row.data.map((c) => uninert(c.trim()));
      if (cells.some((c) => c !== "")) records.push({ line: start, cells });
      recordStart = row.meta.cursor;
      countTo(recordStart);
    },
  });
  return records;
}

const uninert = (s: string) => (/^'[=+\-@\t\r]/.test(s) ? s.slice(1) : s);
