/**
 * Everyday use: a figure opens exactly the rows it counts; the board's column counts follow a move
 * and its rollback; bulk re-dating leaves closed follow-ups alone unless asked, and can be undone;
 * CSV exports come in a semicolon variant for European Excel.
 */
import fs from "node:fs";
import type { Page } from "@playwright/test";
import { dateText } from "../lib/date-text";
import { expect, expectAccessible, followUpMaker, hydrated, type MadeFollowUp, shootIfAsked as shoot, signIn, test } from "./fixtures";

test.describe.configure({ mode: "serial" });

type Made = MadeFollowUp;
async function maker(page: Page) {
  const make = await followUpMaker(page);
  return { make, orgId: (acronym: string) => make.orgId(acronym)! };
}
const read = async (page: Page, id: string) => (await (await page.request.get(`/api/v1/follow-ups/${id}`)).json()) as Made;
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** The table's own count, as its header says it. */
async function tableCount(page: Page) {
  const text = await page.getByText(/^\d+ follow-ups? match(es)? these filters\.$/).textContent();
  return Number(text?.match(/^\d+/)?.[0]);
}

test("the overview's, an organisation's and a series' figures open exactly the rows they count", async ({ page }) => {
  await signIn(page, "admin@eeas.example");
  const { make, orgId } = await maker(page);
  const stamp = Date.now();
  // Overdue at UNODC itself and at its sub-unit ROSEN: UNODC's own figure must not open ROSEN's.
  await make(`Figures: UNODC late ${stamp}`, "UNODC", { dueOn: day(-2) });
  await make(`Figures: ROSEN late ${stamp}`, "ROSEN", { dueOn: day(-3) });
  await make(`Figures: done now ${stamp}`, "UNODC", { status: "done" });
  await make(`Figures: due soon ${stamp}`, "UNODC", { dueOn: day(5) });

  await page.goto("/overview");
  await expectAccessible(page);
  await shoot(page, "overview");
  const follow = async (link: ReturnType<Page["getByRole"]>, figure: RegExp) => {
    const name = (await link.textContent()) ?? "";
    const n = Number(name.match(figure)?.[1]);
    expect(n, name).toBeGreaterThan(0);
    await link.click();
    await expect(page).toHaveURL(/\/follow-ups\?/);
    expect(await tableCount(page), `${name} → ${page.url()}`).toBe(n);
    await page.goBack();
  };
  await follow(page.getByRole("link", { name: /^UNODC: \d+ overdue$/ }), /: (\d+) overdue/);
  await follow(page.getByRole("link", { name: /^ROSEN: \d+ overdue$/ }), /: (\d+) overdue/);
  await follow(page.getByRole("link", { name: /Completed this month$/ }), /^(\d+)/);
  await follow(page.getByRole("link", { name: /Due in the next 14 days$/ }), /^(\d+)/);
  await follow(page.getByRole("link", { name: /Overdue$/ }).first(), /^(\d+)/);

  // An organisation's page: its units' rows count what each owns itself.
  await page.goto(`/organisations/${orgId("UNODC")}`);
  await expectAccessible(page);
  await shoot(page, "organisation");
  await follow(page.getByRole("link", { name: /^\d+ overdue, owned by UNODC$/ }), /^(\d+)/);
  await follow(page.getByRole("link", { name: /^\d+ owned by ROSEN$/ }), /^(\d+)/);

  // A series' page: its headline figures and a meeting's row.
  const series = ((await (await page.request.get("/api/v1/meeting-series")).json()) as { items: { id: string; name: string }[] }).items;
  await page.goto(`/series/${series.find((x) => /Senior Officials/.test(x.name))!.id}`);
  await expectAccessible(page);
  await shoot(page, "series");
  const made = page.getByRole("definition").filter({ has: page.getByRole("link") }).nth(1).getByRole("link").first();
  await follow(made, /^(\d+)/);
  await follow(page.getByRole("link", { name: /^\d+ made: All/ }).first(), /^(\d+)/);
});

test("a board column's count follows a move at once, and its rollback", async ({ page }) => {
  await signIn(page, "manager@unodc.example");
  const { make } = await maker(page);
  const stamp = `Count ${Date.now()}`;
  for (let i = 0; i < 12; i++) await make(`${stamp} #${String(i).padStart(2, "0")}`, "UNODC", { dueOn: day(30 + i) });
  await page.goto(`/board?q=${encodeURIComponent(stamp)}`);
  await hydrated(page);
  const badge = (status: string) => page.getByRole("group", { name: new RegExp(`^${status}\\b`) }).getByRole("heading");
  await expect(badge("Open")).toContainText("10 of 12");
  await shoot(page, "board");

  // Hold the save: the counts change before the server answers.
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await page.route("**/api/v1/follow-ups/*", async (route) => {
    if (route.request().method() !== "PATCH") return route.continue();
    await held;
    await route.continue();
  });
  await page.getByRole("button", { name: new RegExp(`^Move “${stamp} #00”`) }).focus();
  await page.keyboard.press("Space");
  await expect(page.getByText(/^Picked up /)).toBeAttached();
  await page.keyboard.press("ArrowRight");
  await expect(page.getByText(/is over In progress\.$/)).toBeAttached();
  await page.keyboard.press("Space");
  await expect(badge("Open")).toContainText("9 of 11");
  await expect(badge("In progress")).toContainText("1");
  release();
  await expect(page.getByRole("status").filter({ hasText: `Saved: ${stamp} #00 is now In progress.` })).toBeAttached();
  // The saved move's own live event may refresh the column from the server: then it shows the ten due soonest of 11.
  const afterSave = /(?<!\d)(?:9|10) of 11(?!\d)/;
  await expect(badge("Open")).toContainText(afterSave);

  // The next move fails on the network: the card goes back, and so does the count.
  await page.unroute("**/api/v1/follow-ups/*");
  await page.route("**/api/v1/follow-ups/*", (route) => (route.request().method() === "PATCH" ? route.abort() : route.continue()));
  await page.getByRole("button", { name: new RegExp(`^Move “${stamp} #01”`) }).focus();
  await page.keyboard.press("Space");
  await expect(page.getByText(/^Picked up /)).toBeAttached();
  await page.keyboard.press("ArrowRight");
  await expect(page.getByText(/is over In progress\.$/)).toBeAttached();
  await page.keyboard.press("Space");
  await expect(page.getByRole("status").filter({ hasText: /^Not moved\./ })).toBeAttached();
  await expect(badge("Open")).toContainText(afterSave);
  await expect(badge("In progress")).toContainText("1");
  await expect(page.getByRole("group", { name: /^Open\b/ }).getByRole("link", { name: `${stamp} #01` })).toBeVisible();
  await page.unroute("**/api/v1/follow-ups/*");
});

test("bulk re-dating leaves done ones alone unless asked, says so, and can be undone; an undo after a change is refused", async ({ page }) => {
  await signIn(page, "manager@unodc.example");
  const { make } = await maker(page);
  const stamp = `Redate ${Date.now()}`;
  const a = await make(`${stamp} a`, "UNODC", { dueOn: "2031-06-30" });
  const b = await make(`${stamp} b`, "UNODC", { dueOn: "2031-06-30" });
  const done = await make(`${stamp} done`, "UNODC", { dueOn: "2031-06-30", status: "done" });

  await page.goto(`/follow-ups?organisationId=all&q=${encodeURIComponent(stamp)}`);
  await hydrated(page);
  const bar = page.getByRole("region", { name: "Bulk edit" });
  const redate = async (to: string) => {
    await page.getByRole("checkbox", { name: /Select all 3 follow-ups on this page/ }).check();
    await bar.getByLabel("Change").selectOption("dueOn");
    await bar.getByLabel("New due date").fill(to);
    await bar.getByRole("button", { name: "Review change" }).click();
    await expect(bar.getByText("1 of them is done or cancelled: left as it is, so 2 follow-ups will change.")).toBeVisible();
  };

  await redate("2032-01-31");
  await expectAccessible(page);
  await shoot(page, "bulk-confirm");
  await bar.getByRole("button", { name: "Yes, change 2 follow-ups" }).click();
  await expect(page.getByRole("status").getByText("Changed 2; 0 refused. 1 done or cancelled follow-up left as it was.")).toBeVisible();
  expect((await read(page, done.id)).dueOn).toBe("2031-06-30");
  expect((await read(page, a.id)).dueOn).toBe("2032-01-31");
  await expect(page.getByRole("button", { name: "Undo" })).toBeVisible();
  await expectAccessible(page);
  await shoot(page, "bulk-undo-toast");
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByText("Undone: 2 follow-ups back as they were.")).toBeVisible();
  for (const f of [a, b, done]) expect((await read(page, f.id)).dueOn).toBe("2031-06-30");

  // Asked to, the done one changes too.
  await page.reload();
  await hydrated(page);
  await redate("2032-02-29");
  await bar.getByLabel("Change the done and cancelled ones too").check();
  await expect(bar.getByText("1 of them is done or cancelled: they will change too.")).toBeVisible();
  await bar.getByRole("button", { name: "Yes, change 3 follow-ups" }).click();
  await expect(page.getByRole("status").getByText("Changed 3; 0 refused.")).toBeVisible();
  expect((await read(page, done.id)).dueOn).toBe("2032-02-29");

  // Someone edits one of them before the undo: nothing is undone, and the toast says why.
  const now = await read(page, b.id);
  expect((await page.request.patch(`/api/v1/follow-ups/${b.id}`, { data: { title: `${stamp} b (renamed)`, version: now.version } })).status()).toBe(200);
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByText(/Nothing was undone: 1 follow-up has changed since your bulk edit/)).toBeVisible();
  for (const f of [a, done]) expect((await read(page, f.id)).dueOn).toBe("2032-02-29");
});

test("the CSV exports come with semicolons for European Excel, from the menu and the API", async ({ page }) => {
  await signIn(page, "manager@eeas.example");
  const { make } = await maker(page);
  const stamp = `Semicolon ${Date.now()}`;
  await make(`${stamp}; with a semicolon`, "EEAS");

  await page.goto(`/follow-ups?q=${encodeURIComponent(stamp)}&columns=title,status`);
  await expect(page.getByText("1 follow-up matches these filters.")).toBeVisible();
  await page.getByText("Export CSV", { exact: true }).click();
  await expectAccessible(page);
  await shoot(page, "export-menu");
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: /^Semicolon-separated/ }).click();
  const text = fs.readFileSync(await (await download).path(), "utf8");
  expect(text).toBe(`\uFEFF"Title";"Status"\r\n"${stamp}; with a semicolon";"Open"\r\n`);

  const comma = await (await page.request.get(`/api/v1/follow-ups.csv?q=${encodeURIComponent(stamp)}&columns=title,status`)).text();
  expect(comma).toBe(`\uFEFF"Title","Status"\r\n"${stamp}; with a semicolon","Open"\r\n`);
  const bad = await page.request.get("/api/v1/follow-ups.csv?sep=tab");
  expect(bad.status()).toBe(400);
  expect(((await bad.json()) as { error: { fields?: Record<string, string> } }).error.fields).toHaveProperty("sep");

  // The briefing's CSV too.
  const meetings = ((await (await page.request.get("/api/v1/meetings?limit=50")).json()) as { items: { id: string; title: string }[] }).items;
  const som = meetings.find((m) => /16th EU–UNODC Senior Officials Meeting/.test(m.title))!;
  const briefing = await (await page.request.get(`/api/v1/meetings/${som.id}/briefing.csv?sep=semicolon`)).text();
  expect(briefing.split("\r\n")[0]).toBe(`\uFEFF"Meeting";"Follow-up";"Responsible";"Due";"Progress";"Status";"Documents"`);
  await page.goto(`/meetings/${som.id}/briefing`);
  await page.getByText("CSV", { exact: true }).click();
  await expect(page.getByRole("link", { name: /^Semicolon-separated/ })).toHaveAttribute("href", /briefing\.csv\?sep=semicolon$/);
  await expectAccessible(page);
});

test("a meeting's quick-add sits above its follow-ups; a past due date warns and can be recorded as done; the date does not carry over unseen", async ({ page }) => {
  await signIn(page, "admin@eeas.example");
  const meetings = ((await (await page.request.get("/api/v1/meetings?limit=50")).json()) as { items: { id: string; title: string }[] }).items;
  const som = meetings.find((m) => /16th EU–UNODC Senior Officials Meeting/.test(m.title))!;
  await page.goto(`/meetings/${som.id}`);
  const form = page.getByRole("form", { name: "Add a follow-up" });
  const title = form.getByLabel("Title");
  // Before the list, not after it: the first thing in the follow-ups after their summary.
  const before = await page.evaluate(() => {
    const f = document.querySelector("form[aria-labelledby=quick-add-title]");
    const firstRow = document.querySelector("section[aria-labelledby=follow-ups-title] ul li");
    return !!f && !!firstRow && !!(f.compareDocumentPosition(firstRow) & Node.DOCUMENT_POSITION_FOLLOWING);
  });
  expect(before).toBe(true);

  const stamp = `Quick ${Date.now()}`;
  await title.fill(`${stamp} old`);
  const due = form.getByLabel("Due date (optional)");
  await due.fill("2024-02-15");
  const warning = form.getByRole("group", { name: "A past due date" });
  await expect(warning).toContainText(/15 Feb 2024 is in the past: as an open follow-up this would show as overdue by \d+ days\. Record it as:/);
  await expect(due).toHaveAttribute("aria-describedby", /qa-due-hint/);
  await warning.getByLabel("Done").check();
  await expectAccessible(page);
  await shoot(page, "meeting-quick-add-past");
  await form.getByRole("button", { name: "Add follow-up" }).click();
  await expect(form.getByRole("status")).toHaveText(`Added “${stamp} old” as done`);
  const found = ((await (await page.request.get(`/api/v1/follow-ups?q=${encodeURIComponent(stamp)}`)).json()) as { items: Made[] }).items;
  expect(found.map((f) => [f.title, f.status, f.dueOn])).toEqual([[`${stamp} old`, "done", "2024-02-15"]]);
  // The date cleared (and the warning with it); the title has focus for the next one.
  await expect(due).toHaveValue("");
  await expect(warning).toHaveCount(0);
  await expect(title).toBeFocused();

  // Kept deliberately, it stays.
  await title.fill(`${stamp} kept`);
  await due.fill(day(10));
  await form.getByLabel("Keep for the next").check();
  await form.getByRole("button", { name: "Add follow-up" }).click();
  await expect(form.getByRole("status")).toHaveText(`Added “${stamp} kept”`);
  await expect(due).toHaveValue(dateText(day(10)));

  // A new error clears the old success message.
  await form.getByRole("button", { name: "Add follow-up" }).click();
  await expect(title).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByRole("status")).toHaveText("");

  // The title counts down near its limit and stops at it.
  await title.fill("x".repeat(290));
  await expect(form.getByText("10 of 300 characters left")).toBeVisible();
  await title.pressSequentially("abcdefghijklmn");
  await expect(title).toHaveValue("x".repeat(290) + "abcdefghij");
  await expect(form.getByText("0 of 300 characters left")).toBeVisible();
  await shoot(page, "meeting-quick-add");
});

test("deactivating a user asks first and says what happens", async ({ page }) => {
  await signIn(page, "admin@eeas.example");
  await page.goto("/admin/users");
  await page.getByRole("button", { name: "Deactivate Jonas Weber" }).click();
  const ask = page.getByRole("group", { name: "Deactivate Jonas Weber?" });
  await expect(ask).toContainText("Their sessions end at once and they can no longer sign in.");
  await expect(ask).toContainText("Their follow-ups stay with their organisation (");
  await expectAccessible(page);
  await shoot(page, "admin-users-deactivate");
  await ask.getByRole("button", { name: "Cancel" }).click();
  await expect(ask).toHaveCount(0);
  const jonas = page.getByRole("listitem").filter({ hasText: "jonas.weber@ec.example" });
  await expect(jonas.getByText("Deactivated", { exact: true })).toHaveCount(0);

  await page.getByRole("button", { name: "Deactivate Jonas Weber" }).click();
  await ask.getByRole("button", { name: "Yes, deactivate" }).click();
  await expect(jonas.getByText("Deactivated", { exact: true })).toBeVisible();
  // Reactivating is harmless: one click, as before.
  await page.getByRole("button", { name: "Reactivate Jonas Weber" }).click();
  await expect(jonas.getByText("Deactivated", { exact: true })).toHaveCount(0);
});

test("focus stays on the moved item: Move up in the priority areas, a keyboard drop on the board", async ({ page }) => {
  await signIn(page, "admin@eeas.example");
  await page.goto("/admin/priority-areas");
  const list = page.getByRole("list", { name: "Priority areas, in order" });
  const names = async () => (await list.locator(":scope > li").allTextContents()).length;
  expect(await names()).toBeGreaterThan(2);
  const up = list.getByRole("button", { name: /^Move .+ up$/ }).nth(1);
  const label = (await up.getAttribute("aria-label"))!;
  const name = label.replace(/^Move (.+) up$/, "$1");
  await up.focus();
  await page.keyboard.press("Enter");
  // At the top now, its Up is disabled: focus moves to its Down, still on the same area.
  await expect(list.getByRole("button", { name: `Move ${name} down` })).toBeFocused();
  await expect(list.getByRole("button", { name: `Move ${name} up` })).toBeDisabled();
  await expect(list.getByRole("button", { name: `Move ${name} down` })).not.toHaveAttribute("aria-disabled", "true");
  await page.keyboard.press("Enter");
  await expect(list.getByRole("button", { name: `Move ${name} down` })).toBeFocused();
  await expect(list.getByRole("button", { name: /^Move .+ up$/ }).nth(1)).toHaveAttribute("aria-label", label);

  const { make } = await maker(page);
  const stamp = `Focus ${Date.now()}`;
  await make(`${stamp} card`, "EEAS", { dueOn: day(20) });
  await page.goto(`/board?q=${encodeURIComponent(stamp)}`);
  await hydrated(page);
  await page.getByRole("button", { name: new RegExp(`^Move “${stamp} card”`) }).focus();
  await page.keyboard.press("Space");
  await expect(page.getByText(/^Picked up /)).toBeAttached();
  await page.keyboard.press("ArrowRight");
  await expect(page.getByText(/is over In progress\.$/)).toBeAttached();
  await page.keyboard.press("Space");
  await expect(page.getByRole("status").filter({ hasText: `Saved: ${stamp} card is now In progress.` })).toBeAttached();
  await expect(page.getByRole("button", { name: `Move “${stamp} card” (now In progress)` })).toBeFocused();
});

test("a board card drags from anywhere on it, not only its grip", async ({ page }) => {
  await signIn(page, "admin@eeas.example");
  const { make } = await maker(page);
  const stamp = `Whole ${Date.now()}`;
  const card = await make(`${stamp} card`, "EEAS", { dueOn: day(20) });
  await page.goto(`/board?q=${encodeURIComponent(stamp)}`);
  await hydrated(page);
  const from = page.locator(`[data-card-id="${card.id}"]`).getByText("EEAS").first();
  const box = (await from.boundingBox())!;
  const target = (await page.getByRole("group", { name: /^In progress\b/ }).boundingBox())!;
  await page.mouse.move(box.x + 4, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + 30, box.y + 20, { steps: 5 });
  await page.mouse.move(target.x + target.width / 2, target.y + 80, { steps: 10 });
  await page.mouse.up();
  await expect(page.getByRole("group", { name: /^In progress\b/ }).getByRole("link", { name: `${stamp} card` })).toBeVisible();
  await expect.poll(async () => (await read(page, card.id)).status).toBe("in_progress");
  // A plain click on the title still opens it.
  await page.getByRole("link", { name: `${stamp} card` }).click();
  await expect(page).toHaveURL(new RegExp(`/follow-ups/${card.id}$`));
});

test("the search finds the 16th meeting before the 17th, whose summary mentions it", async ({ page }) => {
  await signIn(page, "admin@eeas.example");
  await page.goto("/overview");
  await page.keyboard.press("Control+k");
  await page.getByRole("combobox", { name: "Search meetings and follow-ups" }).fill("16th");
  const options = page.getByRole("option");
  await expect(options.first()).toContainText("16th EU–UNODC Senior Officials Meeting");
  const texts = await options.allTextContents();
  expect(texts.findIndex((t) => t.includes("16th EU–UNODC Senior Officials Meeting"))).toBeLessThan(texts.findIndex((t) => t.includes("17th EU–UNODC Senior Officials Meeting")));
});

test("Ctrl+Enter posts a comment; Enter alone is a new line", async ({ page }) => {
  await signIn(page, "admin@eeas.example");
  const { make } = await maker(page);
  const f = await make(`Comment keys ${Date.now()}`, "EEAS");
  await page.goto(`/follow-ups/${f.id}`);
  const body = page.getByLabel("Add a comment");
  await body.fill("First line");
  await body.press("Enter");
  await body.pressSequentially("second line");
  await expect(body).toHaveValue("First line\nsecond line");
  await body.press("Control+Enter");
  await expect(page.getByRole("status").filter({ hasText: "Comment posted." })).toBeAttached();
  await expect(body).toHaveValue("");
  await expect(page.getByText("second line")).toBeVisible();
});

test("the audit trail writes sentences with labels, not stored values", async ({ page }) => {
  await signIn(page, "admin@eeas.example");
  const { make } = await maker(page);
  const f = await make(`Audit words ${Date.now()}`, "EEAS");
  expect((await page.request.patch(`/api/v1/follow-ups/${f.id}`, { data: { status: "in_progress", version: f.version } })).status()).toBe(200);
  await page.goto(`/admin/activity?entityType=follow_up&entityId=${f.id}`);
  await expect(page.getByRole("cell", { name: "status Open → In progress" })).toBeVisible();
  await expect(page.getByText("in_progress")).toHaveCount(0);
  await page.goto("/admin/activity?entityType=user");
  // Jonas Weber was deactivated and reactivated by the test above.
  await expect(page.getByRole("cell", { name: /^Deactivated Jonas Weber\.$/ }).first()).toBeVisible();
  await expect(page.getByRole("cell", { name: /^Reactivated Jonas Weber\.$/ }).first()).toBeVisible();
  await expect(page.getByText("active: true → false")).toHaveCount(0);

  // Sign-ins a filter of their own, either way.
  await page.getByLabel("Show").selectOption("sign_ins");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/kind=sign_ins/);
  await expect(page.getByRole("cell", { name: /Signed in\./ }).first()).toBeVisible();
  await expect(page.getByRole("cell", { name: /^Deactivated / })).toHaveCount(0);
  await page.goto("/admin/activity?kind=changes");
  await expect(page.getByRole("cell", { name: /^(Deactivated|Reactivated) Jonas Weber\.$/ }).first()).toBeVisible();
  await expect(page.getByRole("cell", { name: /Signed in\./ })).toHaveCount(0);
  await expectAccessible(page);
  await shoot(page, "admin-activity");
});

test("the follow-up form counts down near a field's limit and stops typing at it", async ({ page }) => {
  await signIn(page, "admin@eeas.example");
  await page.goto("/follow-ups/new");
  const title = page.getByLabel("Title", { exact: true });
  await title.fill("y".repeat(260));
  await expect(page.getByText(/characters left/)).toHaveCount(0);
  await title.fill("y".repeat(296));
  await expect(page.getByText("4 of 300 characters left")).toBeVisible();
  await title.pressSequentially("abcdefgh");
  await expect(title).toHaveValue("y".repeat(296) + "abcd");
  await expect(page.getByText("0 of 300 characters left")).toBeVisible();
  await expectAccessible(page);
  await shoot(page, "new-follow-up-counter");
});
