import { statusLabels } from "./format";

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

export function csvRow(values: readonly CsvValue[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}

/** A whole document: the BOM, the header row, then one line per record. */
export function toCsv(header: readonly string[], rows: Iterable<readonly CsvValue[]>): string {
  const out = [BOM, csvRow(header)];
  for (const r of rows) out.push(csvRow(r));
  return out.join("");
}

/** The UN decision-tracking layout: one row per follow-up, as the UN system reports decisions. */
export const unHeader = ["Meeting", "Follow-up", "Responsible", "Due", "Progress", "Status"] as const;

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

/** The six cells of the layout; Progress is the latest comment. */
export function unRow(f: UnRowSource, progress: string | undefined): string[] {
  return [
    f.meetingTitle ?? "",
    f.title,
    [f.ownerOrganisationAcronym ?? f.ownerOrganisationName, f.ownerUserName].filter(Boolean).join(" – "),
    f.dueOn ?? "",
    progress ?? "",
    f.overdue ? `${statusLabels[f.status]} (overdue)` : statusLabels[f.status],
  ];
}

/** One record of a parsed CSV file, with the line (1-based) it starts on, for row-by-row messages. */
export type CsvRecord = { line: number; cells: string[] };

/**
 * Reads CSV as spreadsheets write it: a leading BOM, quoted fields with doubled quotes and line
 * breaks inside, CRLF, LF or CR line ends. Blank lines are skipped. A cell our own encoder made
 * inert (a leading apostrophe before =, +, -, @) reads back as what was exported.
 */
export function parseCsv(input: string): CsvRecord[] {
  const text = input.startsWith(BOM) ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = "";
  let quoted = false; // inside a quoted field
  let wasQuoted = false; // the current cell was quoted (so "" is a cell, not nothing)
  let line = 1;
  let start = 1;
  const endCell = () => {
    cells.push(wasQuoted ? cell : cell.trim());
    cell = "";
    wasQuoted = false;
  };
  const endRecord = () => {
    endCell();
    if (cells.some((c) => c !== "")) records.push({ line: start, cells: cells.map(uninert) });
    cells = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === "\n" || (ch === "\r" && text[i + 1] !== "\n")) line++;
        cell += ch;
      }
    } else if (ch === '"' && cell.trim() === "") {
      quoted = true;
      wasQuoted = true;
      cell = "";
    } else if (ch === ",") {
      endCell();
    } else if (ch === "\r" || ch === "\n") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      endRecord();
      line++;
      start = line;
    } else {
      cell += ch;
    }
  }
  if (cell !== "" || wasQuoted || cells.length) endRecord();
  return records;
}

const uninert = (s: string) => (/^'[=+\-@\t\r]/.test(s) ? s.slice(1) : s);
