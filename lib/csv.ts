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
