/** The CSV export's encoding: what Excel needs, and what keeps a hostile title from running. */
import { describe, expect, it } from "vitest";
import { BOM, csvCell, csvRow, toCsv } from "@/lib/csv";

describe("csv", () => {
  it("quotes every field and doubles embedded quotes", () => {
    expect(csvCell("plain")).toBe('"plain"');
    expect(csvCell('say "hello", then leave')).toBe('"say ""hello"", then leave"');
    expect(csvCell("line one\nline two")).toBe('"line one\nline two"');
  });

  it("writes empty cells for null and undefined, and numbers and booleans as text", () => {
    expect(csvRow([null, undefined, 3, true])).toBe('"","","3","true"\r\n');
  });

  it.each(["=HYPERLINK(\"http://x\",\"y\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"])("neutralises the formula-like cell %j", (value) => {
    const cell = csvCell(value);
    expect(cell.startsWith(`"'`)).toBe(true);
    expect(cell).not.toMatch(/^"?[=+\-@]/);
  });

  it("leaves ordinary text and ISO dates alone", () => {
    expect(csvCell("2022-02-15")).toBe('"2022-02-15"');
    expect(csvCell("EU–UNODC Senior Officials Meeting")).toBe('"EU–UNODC Senior Officials Meeting"');
    expect(csvCell("a = b")).toBe('"a = b"');
  });

  it("starts with a BOM and a header row, one CRLF line per record", () => {
    const text = toCsv(["Title", "Due"], [["A", "2022-02-15"], ["B", null]]);
    expect(text.startsWith(BOM)).toBe(true);
    expect(text.slice(1).split("\r\n")).toEqual(['"Title","Due"', '"A","2022-02-15"', '"B",""', ""]);
  });

  it("writes semicolons between fields when asked (Excel in a European locale), a semicolon inside a field kept in its quotes", () => {
    const text = toCsv(["Title", "Due"], [["A; then B", "2022-02-15"], ["=1;2", null]], "semicolon");
    expect(text.startsWith(BOM)).toBe(true);
    expect(text.slice(1).split("\r\n")).toEqual(['"Title";"Due"', '"A; then B";"2022-02-15"', '"\'=1;2";""', ""]);
    expect(csvRow(["a", "b"], "comma")).toBe('"a","b"\r\n');
  });
});
