/**
 * The .xlsx export: real dates (Excel date cells, not text), a styled header row with a filter,
 * overdue cells shaded, the filters on a second sheet, and no cell that Excel would run as a
 * formula, whatever the text.
 */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { toXlsx } from "@/server/export/xlsx";

describe("the .xlsx export", () => {
  it("writes dates as dates, shades overdue cells, keeps formula-like text as text, and lists the filters", async () => {
    const buf = await toXlsx(
      {
        header: ["Title", "Due", "Status", "Updated"],
        rows: [
          [{ value: "=HYPERLINK(\"http://evil.example\",\"Click\")" }, { value: "2027-06-30", kind: "date", overdue: false }, { value: "Open" }, { value: "2026-01-02T03:04:05.000Z", kind: "datetime" }],
          [{ value: "+cmd|' /C calc'!A0" }, { value: "2020-01-15", kind: "date", overdue: true }, { value: "Blocked", overdue: true }, { value: "2026-01-02T03:04:05.000Z", kind: "datetime" }],
          [{ value: "@SUM(1,2)" }, { value: "", kind: "date" }, { value: "Done" }, { value: "2026-01-02T03:04:05.000Z", kind: "datetime" }],
        ],
      },
      { filters: [["Status", "Open, Blocked"], ["Layout", "normal"]], exportedBy: "Test <t@example>", exportedAt: new Date("2026-12-01T10:00:00Z") },
    );
    expect(buf.subarray(0, 2).toString()).toBe("PK");
    // No formula element anywhere in the sheet's XML.
    const JSZip = (await import("jszip")).default;
    const zip = await JSZip.loadAsync(buf);
    const sheetXml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    expect(sheetXml).not.toMatch(/<f[ >]/);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet("Follow-ups")!;
    expect(ws.getRow(1).font?.bold).toBe(true);
    expect(ws.autoFilter).toBeTruthy();
    expect(ws.getCell("A2").type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell("A2").value).toBe('=HYPERLINK("http://evil.example","Click")');
    expect(ws.getCell("A3").type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell("B2").type).toBe(ExcelJS.ValueType.Date);
    expect((ws.getCell("B2").value as Date).toISOString()).toBe("2027-06-30T00:00:00.000Z");
    expect(ws.getCell("B2").numFmt).toBe("yyyy-mm-dd");
    expect(ws.getCell("B3").fill).toMatchObject({ type: "pattern", fgColor: { argb: "FFFDE2E1" } });
    expect(JSON.stringify(ws.getCell("B2").fill ?? {})).not.toContain("FFFDE2E1");
    expect(ws.getCell("D2").type).toBe(ExcelJS.ValueType.Date);
    const info = wb.getWorksheet("Filters")!;
    const text = info.getSheetValues().flat().map(String).join(" ");
    expect(text).toContain("Open, Blocked");
    expect(text).toContain("Test <t@example>");
  });

  it("is written in the reader's language: sheet names, title and labels (French)", async () => {
    const buf = await toXlsx({ header: ["Titre"], rows: [[{ value: "Partager le rapport" }]] }, { layout: "un", filters: [], exportedBy: "Test", exportedAt: new Date("2026-12-01T10:00:00Z"), locale: "fr" });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Suivis", "Filtres"]);
    const text = wb.getWorksheet("Filtres")!.getSheetValues().flat().map(String).join(" | ");
    expect(text).toContain("Suivis (présentation ONU de suivi des décisions)");
    expect(text).toContain("Exporté par");
    expect(text).toContain("tous les suivis que vous pouvez voir");
    expect(text).not.toMatch(/Exported|Filter\b|every follow-up/);
  });
});
