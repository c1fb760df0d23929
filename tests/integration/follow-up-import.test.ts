/**
 * Importing follow-ups from .xlsx and .csv: the round trip (export a workbook, import it into a
 * database without follow-ups, get the same follow-ups), the French-headed Windows-1252 fixture,
 * the dirty fixture with each problem named, idempotent re-import, one transaction with
 * "imported from <file>" in the history, and hostile workbooks refused quickly with a sentence.
 */
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import ExcelJS from "exceljs";
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importFollowUps } from "@/db/queries/follow-up-import";
import { comments, followUpImportKeys, followUps, meetings, notifications, webhookDeliveries } from "@/db/schema";
import { exportFollowUps } from "@/server/export/follow-ups";
import { toXlsx } from "@/server/export/xlsx";
import { guessMapping, parseDate } from "@/lib/import/mapping";
import { ImportFileError, readImportFile } from "@/server/import/read";
import type { Viewer } from "@/lib/policy";
import { engines, type TestDatabase } from "../support/databases";
import { activityOf, type DemoEmail, demoViewers } from "../support/demo";

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, "../fixtures/import", name));

// A minimal zip writer, so the tests can build workbooks no spreadsheet program would write.
const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (b: Buffer) => {
  let c = 0xffffffff;
  for (const x of b) c = crcTable[(c ^ x) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function zip(files: { name: string; data: Buffer; declaredSize?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const f of files) {
    const body = zlib.deflateRawSync(f.data);
    const name = Buffer.from(f.name);
    const size = f.declaredSize ?? f.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(f.data), 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc32(f.data), 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}
const workbookParts = (sheetXml: Buffer) => [
  { name: "[Content_Types].xml", data: Buffer.from('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>') },
  { name: "xl/workbook.xml", data: Buffer.from('<?xml version="1.0"?><workbook/>') },
  { name: "xl/worksheets/sheet1.xml", data: sheetXml },
];

async function refusedQuickly(buf: Buffer, name: string) {
  const started = performance.now();
  const before = process.memoryUsage().rss;
  const e = await readImportFile(buf, name).then(
    () => null,
    (err: unknown) => err,
  );
  return { e, ms: performance.now() - started, rssGrowthMb: (process.memoryUsage().rss - before) / 1048576 };
}

describe("reading files", () => {
  it("guesses the mapping from English and French headers", () => {
    expect(guessMapping(["Suivi", "Responsable", "Échéance", "Statut", "Domaine prioritaire", "Réunion", "Observations"])).toEqual({
      title: "Suivi", owner: "Responsable", dueOn: "Échéance", status: "Statut", priorityArea: "Domaine prioritaire", meeting: "Réunion", comments: "Observations",
    });
    expect(guessMapping(["Meeting", "Follow-up", "Responsible", "Due", "Progress", "Status"])).toEqual({
      meeting: "Meeting", title: "Follow-up", owner: "Responsible", dueOn: "Due", status: "Status", comments: "Progress",
    });
    expect(guessMapping(["Meeting", "Title", "Priority area", "Owner organisation", "Owner", "Due", "Status", "Overdue", "Priority"])).toMatchObject({
      title: "Title", priorityArea: "Priority area", ownerOrganisation: "Owner organisation", owner: "Owner", dueOn: "Due", status: "Status", priority: "Priority", meeting: "Meeting",
    });
  });

  it("reads dates as people write them, day first, and refuses impossible ones", () => {
    expect(parseDate("30/06/2027")).toBe("2027-06-30");
    expect(parseDate("30.06.27")).toBe("2027-06-30");
    expect(parseDate("15 septembre 2027")).toBe("2027-09-15");
    expect(parseDate("1er mars 2027")).toBe("2027-03-01");
    expect(parseDate("June 30, 2027")).toBe("2027-06-30");
    expect(parseDate("46568")).toBe("2027-06-30");
    expect(parseDate("31/02/2027")).toBeNull();
    expect(parseDate("06/30/2027")).toBeNull();
    expect(parseDate("soon")).toBeNull();
  });

  it("reads Windows-1252 with semicolons and UTF-8 with commas", async () => {
    const t = await readImportFile(fixture("suivis-fr-windows1252.csv"), "suivis.csv");
    expect(t.headers).toEqual(["Réf", "Suivi", "Responsable", "Échéance", "Statut", "Domaine prioritaire", "Observations"]);
    expect(t.rows[0]!.cells[1]).toBe("Partager la note conceptuelle sur la coopération");
    const u = await readImportFile(Buffer.from("\ufeffAction,Responsible\r\n\"Café, croissants\",UNODC\r\n"), "x.csv");
    expect(u.headers).toEqual(["Action", "Responsible"]);
    expect(u.rows).toEqual([{ row: 2, cells: ["Café, croissants", "UNODC"] }]);
  });

  it("refuses a file over 5 MB and a CSV over 5,000 rows with a sentence", async () => {
    await expect(readImportFile(Buffer.alloc(5 * 1024 * 1024 + 1, 65), "big.csv")).rejects.toThrow(/at most 5 MB/);
    const many = `Action,Responsible\n${"x,UNODC\n".repeat(5_001)}`;
    await expect(readImportFile(Buffer.from(many), "many.csv")).rejects.toThrow(/more than 5,000 rows/);
  });

  it("refuses a zip bomb (declared and undeclared), billion laughs and 1,048,576 rows quickly, with bounded memory", async () => {
    // Declared: a sheet that says it unpacks to 1 GB.
    const declared = zip(workbookParts(Buffer.from("<worksheet/>")).map((f) => (f.name.includes("sheet1") ? { ...f, declaredSize: 1024 * 1024 * 1024 } : f)));
    // Undeclared: 64 MB of spaces that claims to be 100 bytes.
    const lying = zip(workbookParts(Buffer.alloc(64 * 1024 * 1024, 0x20)).map((f) => (f.name.includes("sheet1") ? { ...f, declaredSize: 100 } : f)));
    const laughs = Buffer.from(
      `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ""};`.repeat(10)}">`).join("")}]><worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>`,
    );
    const rows = Buffer.from(`<worksheet><sheetData>${Array.from({ length: 1_048_576 }, (_, i) => `<row r="${i + 1}"/>`).join("")}</sheetData></worksheet>`);
    const cases = [
      { name: "declared zip bomb", buf: declared, says: /unpacks to 1024 MB/ },
      { name: "lying zip bomb", buf: lying, says: /larger than it declares/ },
      { name: "billion laughs", buf: zip(workbookParts(laughs)), says: /billion laughs/ },
      { name: "1,048,576 rows", buf: zip(workbookParts(rows)), says: /1,048,576 rows/ },
    ];
    for (const c of cases) {
      expect(c.buf.length, c.name).toBeLessThan(5 * 1024 * 1024);
      const r = await refusedQuickly(c.buf, `${c.name}.xlsx`);
      console.log(`${c.name}: ${(c.buf.length / 1024).toFixed(0)} KB file refused in ${r.ms.toFixed(0)} ms, RSS +${r.rssGrowthMb.toFixed(0)} MB`);
      expect(r.e, c.name).toBeInstanceOf(ImportFileError);
      expect((r.e as Error).message, c.name).toMatch(c.says);
      expect(r.ms, c.name).toBeLessThan(3_000);
      expect(r.rssGrowthMb, c.name).toBeLessThan(150);
    }
  });
});

describe.each(engines)("importing follow-ups on $name", (engine) => {
  let t: TestDatabase;
  let v: Record<DemoEmail, Viewer>;
  let admin: Viewer;
  beforeAll(async () => {
    t = await engine.open();
    v = await demoViewers(t.db);
    admin = v["admin@eeas.example"];
  });
  afterAll(async () => {
    await t?.close();
  });

  it("round trip: an exported workbook imported into a database without follow-ups gives the same follow-ups", async () => {
    const table = await exportFollowUps(t.db, admin, {}, {});
    const xlsx = await toXlsx(table, { filters: [], exportedBy: "test", exportedAt: new Date() });
    const snapshot = table.rows.map((r) => r.map((c) => c.value).join("|")).sort();
    expect(snapshot.length).toBeGreaterThan(10);
    // Empty the follow-ups (their comments, reminders and any webhook rows with them).
    await t.db.delete(comments);
    await t.db.delete(notifications);
    await t.db.delete(webhookDeliveries);
    await t.db.delete(followUpImportKeys);
    await t.db.delete(followUps);
    const parsed = await readImportFile(xlsx, "export.xlsx");
    expect(parsed.sheets).toEqual(["Follow-ups", "Filters"]);
    const dry = await importFollowUps(t.db, admin, parsed, { file: "export.xlsx", dryRun: true });
    expect(dry.rows.filter((r) => r.status !== "ok")).toEqual([]);
    const done = await importFollowUps(t.db, admin, parsed, { file: "export.xlsx", dryRun: false });
    expect(done.created).toBe(snapshot.length);
    const again = (await exportFollowUps(t.db, admin, {}, {})).rows.map((r) => r.map((c) => c.value).join("|")).sort();
    expect(again).toEqual(snapshot);
  });

  it("imports the French-headed Windows-1252 fixture into a meeting, once, in one transaction with its history", async () => {
    const [som] = await t.db.select({ id: meetings.id }).from(meetings).where(eq(meetings.heldOn, "2022-02-15"));
    const table = await readImportFile(fixture("suivis-fr-windows1252.csv"), "suivis.csv");
    const dry = await importFollowUps(t.db, admin, table, { file: "suivis.csv", meetingId: som!.id, dryRun: true });
    expect(dry.mapping).toMatchObject({ reference: "Réf", title: "Suivi", owner: "Responsable", dueOn: "Échéance", status: "Statut", priorityArea: "Domaine prioritaire", comments: "Observations" });
    expect(dry.rows.map((r) => [r.status, r.errors])).toEqual([["ok", {}], ["ok", {}], ["ok", {}]]);
    expect(dry.created).toBe(0);
    const made = await importFollowUps(t.db, admin, table, { file: "suivis.csv", meetingId: som!.id, dryRun: false });
    expect(made.created).toBe(3);
    const rows = await t.db.select().from(followUps).where(eq(followUps.meetingId, som!.id));
    const shared = rows.find((f) => f.title === "Partager la note conceptuelle sur la coopération")!;
    expect(shared).toMatchObject({ dueOn: "2027-06-30", status: "in_progress", description: "Envoyée aux délégations" });
    expect(rows.find((f) => f.title === "Organiser l'atelier régional")).toMatchObject({ dueOn: "2027-09-15", status: "open" });
    expect(rows.find((f) => f.title.startsWith("Rapport"))).toMatchObject({ status: "done" });
    const history = await activityOf(t.db, shared.id);
    expect(history[0]).toMatchObject({ action: "created", after: { importedFrom: "suivis.csv" } });
    // The same file again: every row a duplicate, nothing created.
    const again = await importFollowUps(t.db, admin, table, { file: "suivis.csv", meetingId: som!.id, dryRun: false });
    expect(again.created).toBe(0);
    expect(again.rows.map((r) => r.status)).toEqual(["duplicate", "duplicate", "duplicate"]);
  });

  it("names each problem of the dirty fixture, creates nothing unless told to skip the bad rows", async () => {
    const table = await readImportFile(fixture("dirty.csv"), "dirty.csv");
    const before = (await t.db.select({ id: followUps.id }).from(followUps)).length;
    const r = await importFollowUps(t.db, v["manager@unodc.example"], table, { file: "dirty.csv", dryRun: false });
    expect(r.created).toBe(0);
    expect(r.message).toMatch(/Nothing was created: 6 rows have problems/);
    const byTitle = Object.fromEntries(r.rows.map((row) => [row.values.title ?? "(blank)", row]));
    expect(byTitle["Good row"]).toMatchObject({ status: "ok" });
    expect(byTitle["Unknown organisation"]!.errors.owner).toBe('Unknown organisation or person "UNDOC". Did you mean "United Nations Office on Drugs and Crime (UNODC)"?');
    expect(byTitle["Date that does not parse"]!.errors.dueOn).toMatch(/"31\/02\/2027" is not a date/);
    expect(byTitle["Status not ours"]!.errors.status).toMatch(/"Stalled" is not one of our statuses/);
    expect(byTitle["(blank)"]!.errors.title).toMatch(/Enter title/);
    expect(byTitle["Unknown area"]!.errors.priorityArea).toBe('Unknown priority area "Cybercrimes". Did you mean "Digitalisation"?');
    expect(byTitle["Unknown meeting"]!.errors.meeting).toMatch(/Unknown meeting "The 99th SOM"/);
    expect((await t.db.select({ id: followUps.id }).from(followUps)).length).toBe(before);

    // A status map fixes "Stalled"; skipping the rest creates the two clean rows.
    const fixed = await importFollowUps(t.db, v["manager@unodc.example"], table, { file: "dirty.csv", dryRun: false, mapping: { statusMap: { Stalled: "blocked" }, skipInvalid: true } });
    expect(fixed.created).toBe(2);
    const made = await t.db.select().from(followUps).where(inArray(followUps.title, ["Good row", "Status not ours"]));
    expect(made.map((f) => f.status).sort()).toEqual(["blocked", "in_progress"]);
  });

  it("reads an .xlsx with real dates and a chosen sheet, and refuses a meeting the viewer cannot see", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Notes").addRow(["nothing here"]);
    const ws = wb.addWorksheet("Actions");
    ws.addRow(["Action", "Owner", "Deadline", "Status", "Area"]);
    ws.addRow(["From a workbook", "staff@unodc.example", new Date(Date.UTC(2027, 4, 20)), "Not started", "Digitalisation"]);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const table = await readImportFile(buf, "plan.xlsx", { sheet: "Actions" });
    expect(table.sheets).toEqual(["Notes", "Actions"]);
    const r = await importFollowUps(t.db, v["staff@unodc.example"], table, { file: "plan.xlsx", dryRun: false });
    expect(r.rows[0]).toMatchObject({ status: "ok" });
    const [f] = await t.db.select().from(followUps).where(eq(followUps.title, "From a workbook"));
    expect(f).toMatchObject({ dueOn: "2027-05-20", status: "open", ownerUserId: v["staff@unodc.example"].id, ownerOrganisationId: v["staff@unodc.example"].organisationId });
    await expect(readImportFile(buf, "plan.xlsx", { sheet: "Missing" })).rejects.toThrow(/no sheet called "Missing"/);

    const [restricted] = await t.db.select({ id: meetings.id }).from(meetings).where(eq(meetings.visibility, "restricted"));
    await expect(importFollowUps(t.db, v["staff@unodc.example"], table, { file: "plan.xlsx", meetingId: restricted!.id, dryRun: true })).rejects.toMatchObject({ status: 404 });
  });
});
