/**
 * Everyday use, second round: one date input in the app's own format with a picker and range errors;
 * times in the reader's time zone with UTC on hover; length counters that stop typing at a field's
 * limit; the audit trail in sentences with a record picked by name; layout papercuts.
 */
import type { Page } from "@playwright/test";
import { expect, expectAccessible, hydrated, shootIfAsked as shoot, signIn, test } from "./fixtures";

test.describe.configure({ mode: "serial" });

async function makeFollowUp(page: Page, title: string, extra: Record<string, unknown> = {}) {
  const orgs = ((await (await page.request.get("/api/v1/organisations")).json()) as { items: { id: string; acronym: string | null }[] }).items;
  const areas = ((await (await page.request.get("/api/v1/priority-areas")).json()) as { items: { id: string }[] }).items;
  const res = await page.request.post("/api/v1/follow-ups", { data: { title, priorityAreaId: areas[0]?.id, ownerOrganisationId: orgs.find((o) => o.acronym === "EEAS")!.id, ...extra } });
  expect(res.status()).toBe(201);
  return (await res.json()) as { id: string; version: number; title: string };
}

test("a date field reads and writes 15 Feb 2022, takes 2022-02-15, has a picker, and its errors use the same words", async ({ page }) => {
  await signIn(page, "admin@eeas.example");
  await page.goto("/follow-ups/new");
  await hydrated(page);
  const due = page.getByLabel("Due date (optional)");
  // A text field in the app's format, not the browser's mm/dd/yyyy.
  await expect(due).toHaveAttribute("type", "text");
  await due.fill("2022-02-15");
  await due.blur();
  await expect(due).toHaveValue("15 Feb 2022");

  // Out of range: the range, in the same words, not "not a real date".
  const title = page.getByLabel("Title", { exact: true });
  await title.fill(`Dated ${Date.now()}`);
  await due.fill("31 Dec 9999");
  await page.getByRole("button", { name: "Record follow-up" }).click();
  await expect(page.getByText("Due date must be between 1 Jan 1900 and 31 Dec 2999.").first()).toBeVisible();
  await due.fill("31 Feb 2022");
  await page.getByRole("button", { name: "Record follow-up" }).click();
  await expect(page.getByText("Due date is not a real date.").first()).toBeVisible();
  await due.fill("15/02/2022");
  await page.getByRole("button", { name: "Record follow-up" }).click();
  await expect(page.getByText("Due date must be a date like 15 Feb 2022 (or 2022-02-15).").first()).toBeVisible();

  // The calendar button opens the browser's own picker; a date picked there fills the field.
  await page.evaluate(() => {
    (window as unknown as { picked?: string }).picked = undefined;
    HTMLInputElement.prototype.showPicker = function () {
      (window as unknown as { picked?: string }).picked = this.type;
    };
  });
  const field = page.locator("div", { has: page.locator("#dueOn") }).last();
  await field.getByRole("button", { name: "Choose from a calendar" }).click();
  expect(await page.evaluate(() => (window as unknown as { picked?: string }).picked)).toBe("date");
  await page.evaluate(() => {
    const native = document.querySelector("#dueOn")!.parentElement!.querySelector<HTMLInputElement>("input[type=date]")!;
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")!.set!.call(native, "2031-03-15");
    native.dispatchEvent(new Event("input", { bubbles: true }));
  });
  await expect(due).toHaveValue("15 Mar 2031");
  await expectAccessible(page);
  await shoot(page, "date-input-follow-up");
  await page.getByRole("button", { name: "Record follow-up" }).click();
  await expect(page).toHaveURL(/\/follow-ups\/[0-9a-f-]{36}/);
  await expect(page.getByText("15 Mar 2031").first()).toBeVisible();

  // Filters take the words too, and put ISO dates in the URL.
  await page.goto("/admin/activity");
  await page.getByLabel("From", { exact: true }).fill("1 Jan 2026");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/from=2026-01-01/);
  await expect(page.getByLabel("From", { exact: true })).toHaveValue("1 Jan 2026");
});

test.describe("in Tokyo", () => {
  test.use({ timezoneId: "Asia/Tokyo" });
  test("comment, history and audit-trail times are in the reader's time zone, with UTC on hover", async ({ page }) => {
    await signIn(page, "admin@eeas.example");
    const f = await makeFollowUp(page, `Time zones ${Date.now()}`);
    await page.goto(`/follow-ups/${f.id}`);
    const body = page.getByLabel("Add a comment");
    await body.fill("What time is it?");
    await body.press("Control+Enter");
    await expect(page.getByRole("status").filter({ hasText: "Comment posted." })).toBeAttached();
    const time = page.locator(`li[id^="comment-"] time`).last();
    await expect(time).toHaveAttribute("title", /^\d{1,2} \w{3} \d{4}, \d{2}:\d{2} UTC$/);
    const iso = (await time.getAttribute("datetime"))!;
    const tokyoHour = String((new Date(iso).getUTCHours() + 9) % 24).padStart(2, "0");
    await expect(time).toHaveText(new RegExp(`, ${tokyoHour}:\\d{2} GMT\\+9$`));
    // The history too.
    const historyTime = page.locator("ol time").first();
    await expect(historyTime).toHaveText(/GMT\+9$/);
    await expect(historyTime).toHaveAttribute("title", /UTC$/);

    await page.goto(`/admin/activity?entityType=follow_up&entityId=${f.id}`);
    const when = page.getByRole("cell").locator("time").first();
    await expect(when).toHaveText(/GMT\+9$/);
    await expect(when).toHaveAttribute("title", /UTC$/);
  });
});

test("text fields count down near their limit and stop at it: meeting, comment, admin", async ({ page }) => {
  await signIn(page, "admin@eeas.example");
  await page.goto("/meetings/new");
  await hydrated(page);
  const title = page.getByLabel("Title", { exact: true });
  await title.fill("m".repeat(250));
  await expect(page.getByText(/characters left/)).toHaveCount(0);
  await title.fill("m".repeat(297));
  await expect(page.getByText("3 of 300 characters left")).toBeVisible();
  await title.pressSequentially("abcdef");
  await expect(title).toHaveValue("m".repeat(297) + "abc");
  await expect(page.getByText("0 of 300 characters left")).toBeVisible();
  const location = page.getByLabel("Location");
  await location.fill("l".repeat(195));
  await expect(page.getByText("5 of 200 characters left")).toBeVisible();

  const f = await makeFollowUp(page, `Counter ${Date.now()}`);
  await page.goto(`/follow-ups/${f.id}`);
  const body = page.getByLabel("Add a comment");
  await body.fill("c".repeat(9_990));
  await expect(page.getByText("10 of 10000 characters left")).toBeVisible();
  await body.press("End");
  await body.pressSequentially("0123456789abc");
  await expect(body).toHaveValue("c".repeat(9_990) + "0123456789");

  await page.goto("/admin/organisations");
  await hydrated(page);
  await page.getByRole("button", { name: "Add an organisation" }).click();
  const acronym = page.getByLabel("Acronym (optional)");
  await acronym.fill("A".repeat(27));
  await expect(page.getByText("3 of 30 characters left")).toBeVisible();
  await acronym.pressSequentially("BCDEF");
  await expect(acronym).toHaveValue("A".repeat(27) + "BCD");
  await expectAccessible(page);
  await shoot(page, "admin-organisation-counter");
});

test("the audit trail names the record in its sentences, and filters by a record picked by name", async ({ page }) => {
  await signIn(page, "admin@eeas.example");
  // A move in the priority areas reads "Moved X below Y."
  await page.goto("/admin/priority-areas");
  const list = page.getByRole("list", { name: "Priority areas, in order" });
  const down = list.getByRole("button", { name: /^Move .+ down$/ }).first();
  const moved = (await down.getAttribute("aria-label"))!.replace(/^Move (.+) down$/, "$1");
  await down.click();
  await expect(list.getByRole("button", { name: `Move ${moved} up` })).toBeEnabled();
  await page.goto("/admin/activity?entityType=priority_area");
  await expect(page.getByRole("cell", { name: new RegExp(`^Moved ${moved.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} below .+\\.$`) }).first()).toBeVisible();
  await expect(page.getByText(/position: \d+ → \d+/)).toHaveCount(0);

  // The record by name: an area from the list, a follow-up searched as one types.
  await page.goto("/admin/activity");
  const record = page.getByRole("combobox", { name: "Record" });
  await record.fill(moved.slice(0, 5));
  await page.getByRole("listbox", { name: "Records" }).getByRole("option", { name: `${moved} Priority area` }).click();
  await expect(record).toHaveValue(moved);
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/entityType=priority_area/);
  await expect(page).toHaveURL(/entityId=[0-9a-f-]{36}/);
  await expect(page.getByRole("combobox", { name: "Record" })).toHaveValue(moved);
  const whats = await page.locator("tbody tr td:nth-child(3)").allTextContents();
  expect(whats.length).toBeGreaterThan(0);
  for (const w of whats) expect(w).toBe(`Priority area ${moved}`);

  const f = await makeFollowUp(page, `Picked by name ${Date.now()}`);
  await page.goto("/admin/activity");
  await page.getByRole("combobox", { name: "Record" }).fill(f.title);
  await page.getByRole("listbox", { name: "Records" }).getByRole("option", { name: new RegExp(f.title) }).click();
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(new RegExp(`entityId=${f.id}`));
  await expect(page).toHaveURL(/entityType=follow_up/);
  await expect(page.getByRole("cell", { name: /^Created\.$/ })).toHaveCount(1);
  await expectAccessible(page);
  await shoot(page, "admin-activity-record");
});

test("layout: the table's Priority column fits at 1440 px; filter dropdowns show their whole choice; long view names have a tooltip", async ({ page }) => {
  await signIn(page, "manager@eeas.example");
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto("/follow-ups");
  const priority = page.getByRole("columnheader", { name: "Priority", exact: true });
  await expect(priority).toBeVisible();
  const fits = await page.evaluate(() => {
    const table = document.querySelector("table")!;
    const box = table.parentElement!;
    return { scroll: box.scrollWidth, client: box.clientWidth };
  });
  expect(fits.scroll).toBeLessThanOrEqual(fits.client);
  await shoot(page, "follow-ups-table");

  // Each filter's chosen text fits its box, on a wide screen and on a phone.
  for (const width of [1440, 360]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto("/board");
    await page.getByText("More filters").click();
    // The widest of the first choices, as the issue saw it cut.
    await page.getByLabel("Owner organisation").selectOption({ label: "All organisations" });
    await expect(page).toHaveURL(/organisationId=all/);
    const clipped = await page.evaluate(() => {
      const ctx = document.createElement("canvas").getContext("2d")!;
      return [...document.querySelectorAll<HTMLSelectElement>("form select, [role=search] select, select")]
        .filter((s) => s.offsetParent && s.id.startsWith("board-"))
        .map((s) => {
          const cs = getComputedStyle(s);
          ctx.font = `${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
          const text = s.selectedOptions[0]?.text ?? "";
          // The browser draws its arrow inside the box, after the padding: about 20 px.
          const room = s.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) - (cs.appearance === "none" ? 0 : 20);
          return { id: s.id, text, need: Math.ceil(ctx.measureText(text).width), room };
        })
        .filter((x) => x.need > x.room);
    });
    expect(clipped, `at ${width} px`).toEqual([]);
  }

  // A long saved-view name: truncated in the sidebar, with its whole name on hover.
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto("/board");
  const name = `Overdue follow-ups of the Western Indian Ocean programme ${Date.now()}`;
  await page.getByRole("button", { name: "Save view" }).click();
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  const sidebar = page.getByRole("navigation", { name: "Main" });
  const label = sidebar.getByRole("link", { name }).locator("span");
  await expect(label).toHaveAttribute("title", name);
  expect(await label.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  await shoot(page, "board-filters");
});

test("a meeting's form: reviewed meetings from a searchable list, the pasted minutes kept after accepting, the parent organisation as a tree", async ({ page }) => {
  await signIn(page, "admin@eeas.example");
  await page.goto("/meetings/new");
  await hydrated(page);
  const pasted = "16th EU–UNODC Senior Officials Meeting, Brussels, 15 February 2022. The meeting was held in hybrid format.";
  const minutes = page.getByRole("textbox", { name: "Minutes or press release" });
  await minutes.fill(pasted);
  await page.getByRole("button", { name: "Draft the meeting from this text" }).click();
  await page.getByRole("region", { name: "Check the draft" }).getByRole("button", { name: "Accept and fill in the form" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The form is filled in from the draft" })).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Minutes or press release" })).toHaveValue(pasted);

  const reviews = page.getByRole("group", { name: "Meetings it reviews (optional)" });
  await expect(reviews.locator("select[multiple]")).toHaveCount(0);
  await reviews.getByLabel("Search meetings").fill("Africa");
  const boxes = reviews.getByRole("checkbox");
  const count = await boxes.count();
  expect(count).toBeGreaterThan(0);
  for (const text of await reviews.locator("li label").allTextContents()) expect(text).toMatch(/Africa/i);
  await boxes.first().check();
  await expect(reviews.getByRole("status")).toHaveText(/^1 chosen: .*Africa/);
  await expectAccessible(page);
  await shoot(page, "new-meeting-reviews");

  await page.goto("/admin/organisations");
  await hydrated(page);
  await page.getByRole("button", { name: "Add an organisation" }).click();
  const options = await page.getByLabel("Parent organisation (optional)").locator("option").allTextContents();
  const ec = options.findIndex((o) => /^European Commission|— European Commission$/.test(o));
  expect(ec).toBeGreaterThan(0);
  // Its directorates-general follow it, indented.
  expect(options[ec + 1]).toMatch(/^\u00a0{3}\S/);
});
