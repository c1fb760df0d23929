import fs from "node:fs";
import type { Page } from "@playwright/test";
import { parseCsv } from "../lib/csv";
import { expect, followUpMaker, hydrated, signIn, test } from "./fixtures";

/** The table as a person reads it: header labels, then each row's cells (dates by their machine value). */
async function readTable(page: Page) {
  return page.locator("table").evaluate((table) => {
    const cellText = (cell: Element) => {
      const time = cell.querySelector("time");
      const text = (time?.getAttribute("datetime") ?? (cell as HTMLElement).innerText).trim();
      // The table's words for "nothing here"; the CSV leaves the cell empty.
      return text === "—" || text === "No due date" ? "" : text;
    };
    // The first column holds the selection checkboxes: not data.
    const data = (cells: Element[]) => cells.filter((c) => !c.querySelector("input[type=checkbox]"));
    const header = data([...table.querySelectorAll("thead th")]).map((th) => (th as HTMLElement).innerText.trim());
    const rows = [...table.querySelectorAll("tbody tr")].map((tr) => data([...tr.querySelectorAll("td")]).map(cellText));
    return { header, rows };
  });
}

test("the CSV export has the filtered, sorted table's rows and columns, row for row", async ({ page }) => {
  await signIn(page, "manager@unodc.example");
  const stamp = `csv-${Date.now()}`;
  const makeOne = await followUpMaker(page);
  const make = (title: string, owner: string, extra: Record<string, unknown> = {}) => makeOne(`${title} ${stamp}`, owner, extra);
  // Quotes, commas, a line that a spreadsheet would run as a formula, no due date, several owners.
  await make("Agree the \"Vienna\" work plan, phase 1", "UNODC", { dueOn: "2031-03-31", description: "Both sides, line by line." });
  await make("=Brief the Delegations", "EEAS", { dueOn: "2031-01-15", status: "in_progress" });
  await make("Commission the route study", "ROSEN", { status: "blocked" });
  await make("Draft the joint statement", "DG HOME", { dueOn: "2030-12-01", status: "done" });
  await make("Extend the port assessments", "UNODC", { dueOn: "2031-06-30", priority: "high" });
  await make("Zero: dropped idea", "UNODC", { status: "cancelled" });

  // Filters in the UI: the stamp, every organisation, every status but cancelled.
  await page.goto("/follow-ups");
  await expect(page.getByRole("heading", { level: 1, name: "Follow-ups" })).toBeVisible();
  await hydrated(page);
  await page.getByRole("searchbox", { name: "Search" }).fill(stamp);
  await expect(page).toHaveURL(new RegExp(`q=${stamp}`));
  const filters = page.getByRole("search", { name: "Filter follow-ups" });
  await filters.getByLabel("Owner organisation").selectOption({ label: "All organisations" });
  await expect(page).toHaveURL(/organisationId=all/);
  await filters.getByText("More filters").click();
  for (const status of ["Open", "In progress", "Blocked", "Done"]) {
    await filters.getByRole("group", { name: "Status" }).getByLabel(status, { exact: true }).check();
    await expect(filters.getByRole("group", { name: "Status" }).getByLabel(status, { exact: true })).toBeChecked();
  }
  await expect(page).toHaveURL(/status=done/);
  await expect(page.getByRole("checkbox", { name: "Select all 5 follow-ups on this page" })).toBeVisible();

  // Two more columns, then sort by title, descending, with the headers.
  await page.getByText("Columns", { exact: true }).click();
  const chooser = page.getByRole("group", { name: "Columns to show" });
  await chooser.getByLabel("Description", { exact: true }).check();
  await expect(page).toHaveURL(/columns=[^&]*description/);
  await chooser.getByLabel("Updated", { exact: true }).check();
  await expect(page).toHaveURL(/columns=[^&]*updated/);
  await page.getByText("Columns", { exact: true }).click();
  await expect(page.getByRole("columnheader", { name: "Updated", exact: true })).toBeVisible();
  const titleHeader = page.getByRole("columnheader", { name: "Follow-up", exact: true });
  await titleHeader.getByRole("link").click();
  await expect(titleHeader).toHaveAttribute("aria-sort", "ascending");
  await titleHeader.getByRole("link").click();
  await expect(titleHeader).toHaveAttribute("aria-sort", "descending");
  await expect(page).toHaveURL(/sort=title&dir=desc|dir=desc.*sort=title|sort=title.*dir=desc/);
  await expect(page.getByRole("columnheader", { name: "Due", exact: true })).toHaveAttribute("aria-sort", "none");

  const table = await readTable(page);
  // Z to A (where "=" sorts depends on the database's collation, so only the letters are checked).
  const titles = table.rows.map((r) => r[table.header.indexOf("Follow-up")]);
  expect(titles.slice(0, 3)).toEqual([`Extend the port assessments ${stamp}`, `Draft the joint statement ${stamp}`, `Commission the route study ${stamp}`]);
  expect(titles.slice(3).sort()).toEqual([`=Brief the Delegations ${stamp}`, `Agree the "Vienna" work plan, phase 1 ${stamp}`]);

  // The page's own export link, downloaded as a person would.
  const download = page.waitForEvent("download");
  await page.getByText("Export CSV", { exact: true }).click();
  await page.getByRole("link", { name: /^Comma-separated/ }).click();
  const file = await (await download).path();
  const [header, ...records] = parseCsv(fs.readFileSync(file, "utf8")).map((r) => r.cells);
  // The CSV calls the title column "Title"; every other header is the table's.
  expect(header).toEqual(table.header.map((h) => (h === "Follow-up" ? "Title" : h)));
  expect(records).toEqual(table.rows);

  // The filters, sort and columns are the URL: a reload shows the same table.
  await page.reload();
  await expect(page.getByRole("columnheader", { name: "Follow-up", exact: true })).toHaveAttribute("aria-sort", "descending");
  expect(await readTable(page)).toEqual(table);
});
