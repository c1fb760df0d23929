import type { Page } from "@playwright/test";
import { expect, expectAccessible, followUpMaker, hydrated, signIn, test } from "./fixtures";
import { BoardPage } from "./pages/board-page";

/** A fresh follow-up owned by the signed-in user's organisation (or `ownerOrganisationId`), via the JSON API. */
async function makeFollowUp(page: Page, title: string, ownerOrganisationId?: string) {
  const me = (await (await page.request.get("/api/v1/me")).json()) as { organisationId?: string; user?: { organisationId?: string } };
  const areas = (await (await page.request.get("/api/v1/priority-areas")).json()) as { items?: { id: string }[] } | { id: string }[];
  const area = (Array.isArray(areas) ? areas : (areas.items ?? []))[0]?.id;
  const res = await page.request.post("/api/v1/follow-ups", {
    data: { title, priorityAreaId: area, ownerOrganisationId: ownerOrganisationId ?? me.organisationId ?? me.user?.organisationId, status: "open" },
  });
  expect(res.status()).toBe(201);
  return (await res.json()) as { id: string; ownerOrganisationId: string };
}

const column = (page: Page, status: string) => new BoardPage(page).column(status);
const card = (page: Page, status: string, title: string) => new BoardPage(page).card(status, title);
const openBoardFor = (page: Page, title: string, extra = "") => new BoardPage(page).openFor(title, extra);
const keyboardMove = (page: Page, to: string) => new BoardPage(page).keyboardMove(to);

test.describe.configure({ mode: "serial" });

test("a manager moves a card with the keyboard alone, and it stays moved", async ({ page }) => {
  await signIn(page, "manager@unodc.example");
  const title = `Keyboard move ${Date.now()}`;
  await makeFollowUp(page, title);
  await openBoardFor(page, title);

  const saved = page.waitForResponse((r) => r.request().method() === "PATCH" && r.url().includes("/api/v1/follow-ups/"));
  await page.getByRole("button", { name: new RegExp(`^Move “${title}”`) }).focus();
  await keyboardMove(page, "In progress");
  await expect(card(page, "In progress", title)).toBeVisible();
  expect((await saved).status()).toBe(200);
  await expect(page.getByRole("status").filter({ hasText: `Saved: ${title} is now In progress.` })).toBeAttached();

  await page.reload();
  await expect(card(page, "In progress", title)).toBeVisible();
  await expect(card(page, "Open", title)).toHaveCount(0);
});

test("a manager drags a card with the mouse, and it stays moved", async ({ page }) => {
  await signIn(page, "manager@unodc.example");
  const title = `Mouse move ${Date.now()}`;
  await makeFollowUp(page, title);
  await openBoardFor(page, title);

  const handle = page.getByRole("button", { name: new RegExp(`^Move “${title}”`) });
  const from = await handle.boundingBox();
  const to = await column(page, "Blocked").boundingBox();
  if (!from || !to) throw new Error("board not laid out");
  const saved = page.waitForResponse((r) => r.request().method() === "PATCH");
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + 20, from.y + 20, { steps: 5 });
  await page.mouse.move(to.x + to.width / 2, to.y + 80, { steps: 15 });
  await page.mouse.up();
  await expect(card(page, "Blocked", title)).toBeVisible();
  expect((await saved).status()).toBe(200);

  await page.reload();
  await expect(card(page, "Blocked", title)).toBeVisible();
});

test("staff of another organisation cannot move a card: refused, rolled back, told why", async ({ browser }) => {
  const managerContext = await browser.newContext();
  const manager = await managerContext.newPage();
  await signIn(manager, "manager@unodc.example");
  const title = `Not yours ${Date.now()}`;
  await makeFollowUp(manager, title);
  await managerContext.close();

  const staffContext = await browser.newContext();
  const page = await staffContext.newPage();
  await signIn(page, "staff@eeas.example");
  await openBoardFor(page, title, "&organisationId=all");
  const refused = page.waitForResponse((r) => r.request().method() === "PATCH");
  await page.getByRole("button", { name: new RegExp(`^Move “${title}”`) }).focus();
  await keyboardMove(page, "In progress");
  expect((await refused).status()).toBe(403);
  await expect(page.getByText("You can update follow-ups that you or your organisation own", { exact: false }).first()).toBeVisible();
  await expect(card(page, "Open", title)).toBeVisible();
  await expect(card(page, "In progress", title)).toHaveCount(0);
  await page.reload();
  await expect(card(page, "Open", title)).toBeVisible();
  await staffContext.close();
});

test("filters live in the URL: they survive a reload and a copied link", async ({ page, browser }) => {
  await signIn(page, "manager@unodc.example");
  await page.goto("/board");
  await hydrated(page);
  await page.getByLabel("Overdue only").check();
  await expect(page).toHaveURL(/overdue=true/);
  await page.getByLabel("Owner organisation").selectOption({ label: "All organisations" });
  await expect(page).toHaveURL(/organisationId=all/);
  await page.getByLabel("Group by").selectOption("priorityArea");
  await expect(page).toHaveURL(/group=priorityArea/);
  await expect(page.getByRole("button", { name: /Maritime crime/ })).toBeVisible();

  await page.reload();
  await expect(page.getByLabel("Overdue only")).toBeChecked();
  await expect(page.getByLabel("Group by")).toHaveValue("priorityArea");
  await expect(page.getByRole("button", { name: /Maritime crime/ })).toBeVisible();
  // Every card on it is overdue.
  const cards = page.locator("[data-card-id]");
  await expect(cards.first()).toBeVisible();
  await expect(page.locator("[data-card-id]").filter({ hasText: /Overdue by/ })).toHaveCount(await cards.count());

  const link = page.url();
  const other = await browser.newContext();
  const second = await other.newPage();
  await signIn(second, "manager@eeas.example");
  await second.goto(link);
  await expect(second.getByLabel("Overdue only")).toBeChecked();
  await expect(second.getByLabel("Owner organisation")).toHaveValue("all");
  await other.close();
});

test("a column shows the ten due soonest, loads the rest as it scrolls into view, and a loaded card moves like any other", async ({ page }) => {
  await signIn(page, "manager@unodc.example");
  const tag = `Scroll column ${Date.now()}`;
  const make = await followUpMaker(page);
  for (let i = 1; i <= 14; i++) await make(`${tag} #${String(i).padStart(2, "0")}`, "UNODC", { status: "open", dueOn: `2031-01-${String(i).padStart(2, "0")}` });

  await page.goto(`/board?q=${encodeURIComponent(tag)}`);
  const open = column(page, "Open");
  await expect(open.getByRole("heading", { name: /Open/ })).toContainText("10 of 14");
  // The page itself brought the ten due soonest, in order; the rest came with the scroll.
  await expect(open.locator("[data-card-id]")).toHaveCount(10);
  await expect(open.getByRole("link", { name: `${tag} #10` })).toBeVisible();
  await expect(open.getByRole("link", { name: `${tag} #11` })).toHaveCount(0);
  await open.getByRole("button", { name: /^Load more \(4 left\)$/ }).scrollIntoViewIfNeeded();
  await expect(open.locator("[data-card-id]")).toHaveCount(14);
  await expect(open.getByRole("heading", { name: /Open/ })).toContainText("14");
  await expect(open.getByRole("button", { name: /^Load more/ })).toHaveCount(0);
  const titles = await open.locator("[data-card-id] a").allTextContents();
  expect(titles).toEqual(Array.from({ length: 14 }, (_, i) => `${tag} #${String(i + 1).padStart(2, "0")}`));

  const last = `${tag} #14`;
  const saved = page.waitForResponse((r) => r.request().method() === "PATCH" && r.url().includes("/api/v1/follow-ups/"));
  await page.getByRole("button", { name: new RegExp(`^Move “${last}”`) }).focus();
  await keyboardMove(page, "In progress");
  expect((await saved).status()).toBe(200);
  await expect(card(page, "In progress", last)).toBeVisible();
  await page.reload();
  await expect(card(page, "In progress", last)).toBeVisible();
});

test("the meeting and owner filters load their lists when More filters opens, and keep a chosen one", async ({ page }) => {
  await signIn(page, "staff@eeas.example");
  await page.goto("/board");
  await expect(page.locator("#board-meeting option")).toHaveCount(1); // "All meetings": the list is not in the page
  await page.getByText("More filters").click();
  await expect(page.locator("#board-meeting option", { hasText: "16th EU–UNODC Senior Officials Meeting" })).toHaveCount(1);
  await expect(page.locator("#board-owner option", { hasText: "Amina Okafor" }).first()).toBeAttached();
  await page.locator("#board-meeting").selectOption({ label: (await page.locator("#board-meeting option", { hasText: "16th EU–UNODC" }).textContent()) ?? "" });
  await expect(page).toHaveURL(/meetingId=/);
  // A link with a meeting chosen opens with its name shown, before any list has loaded.
  await page.reload();
  await expect(page.locator("#board-meeting")).toHaveValue(/[0-9a-f-]{36}/);
  await expect(page.locator("#board-meeting option:checked")).toContainText("16th EU–UNODC Senior Officials Meeting");
  await expectAccessible(page);
});

test("the board, table and overview pass an accessibility scan", async ({ page }) => {
  await signIn(page, "manager@unodc.example");
  for (const path of ["/board", "/board?group=organisation&organisationId=all", "/follow-ups", "/overview"]) {
    await page.goto(path);
    await hydrated(page);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectAccessible(page);
  }
});

test("at phone width too: the board, table and overview pass an accessibility scan, nothing wider than the screen", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 780 });
  await signIn(page, "manager@unodc.example");
  for (const path of ["/board", "/follow-ups", "/overview"]) {
    await page.goto(path);
    await hydrated(page);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    // Wide content (the board's columns, the table) scrolls inside its own box, not the page.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expectAccessible(page);
  }
});

test("the overview's figures open the table filtered to them", async ({ page }) => {
  await signIn(page, "manager@unodc.example");
  await page.goto("/overview");
  await page.getByRole("link", { name: /overdue in Maritime crime/ }).click();
  await expect(page).toHaveURL(/\/follow-ups\?.*overdue=true/);
  await expect(page.getByLabel("Overdue only")).toBeChecked();
  await expect(page.getByRole("search", { name: "Filter follow-ups" }).getByLabel("Priority area")).toHaveValue(/[0-9a-f-]{36}/);
});
