/** Reading CSV as spreadsheets write it (the organisation import). */
import { describe, expect, it } from "vitest";
import { parseCsv, toCsv } from "@/lib/csv";

const cells = (text: string) => parseCsv(text).map((r) => r.cells);

describe("parseCsv", () => {
  it("splits plain rows and numbers their lines", () => {
    expect(parseCsv("a,b,c\n1,2,3\n")).toEqual([
      { line: 1, cells: ["a", "b", "c"] },
      { line: 2, cells: ["1", "2", "3"] },
    ]);
  });

  it("handles quotes, doubled quotes, commas and line breaks inside quotes", () => {
    expect(cells('"Directorate-General, Home","say ""hi""","two\nlines"\nx,y,z')).toEqual([
      ["Directorate-General, Home", 'say "hi"', "two\nlines"],
      ["x", "y", "z"],
    ]);
    // The record after a quoted line break starts on line 3.
    expect(parseCsv('a,"b\nc"\nd,e').map((r) => r.line)).toEqual([1, 3]);
  });

  it("accepts CRLF, CR and a BOM, and skips blank lines", () => {
    expect(cells("\uFEFFname,kind\r\nA,eu\r\n\r\nB,un\rC,other")).toEqual([
      ["name", "kind"],
      ["A", "eu"],
      ["B", "un"],
      ["C", "other"],
    ]);
    expect(parseCsv("a\r\n\r\nb\r\n").map((r) => r.line)).toEqual([1, 3]);
  });

  it("keeps empty cells and trims cells", () => {
    expect(cells('a,,c,\n x ," y "')).toEqual([
      ["a", "", "c", ""],
      ["x", "y"],
    ]);
  });

  it("detects the separator European Excel writes", () => {
    expect(cells('name;acronym;kind\r\n"Office; Dakar";ROSEN;un\r\n')).toEqual([
      ["name", "acronym", "kind"],
      ["Office; Dakar", "ROSEN", "un"],
    ]);
    expect(cells("name\tacronym\nA\tB")).toEqual([
      ["name", "acronym"],
      ["A", "B"],
    ]);
  });

  it("reads a hostile file: one cell of spaces, then quotes (papaparse, which is linear; the old reader was quadratic here)", () => {
    const hostile = `${" ".repeat(80_000)}${'"'.repeat(80_000)}`;
    expect(parseCsv(hostile)).toEqual([{ line: 1, cells: ['"'.repeat(80_000)] }]);
  });

  it("reads back what the export encoder wrote, formula guard included", () => {
    const text = toCsv(["name", "note"], [["=SUM(A1)", 'a "b", c']]);
    expect(cells(text)).toEqual([
      ["name", "note"],
      ["=SUM(A1)", 'a "b", c'],
    ]);
  });

  it("gives nothing for an empty file", () => {
    expect(parseCsv("")).toEqual([]);
    expect(parseCsv("\uFEFF\r\n")).toEqual([]);
  });
});
