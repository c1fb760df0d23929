import { expect, expectAccessible, followUpMaker, hydrated, signIn, signOut, test } from "./fixtures";

test("staff logs a meeting, adds three follow-ups, moves one on, and finds it in history and in My follow-ups", async ({ page }) => {
  await signIn(page, "staff@unodc.example");
  await expectAccessible(page);

  await page.getByRole("link", { name: "Meetings" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Meetings" })).toBeVisible();
  await expect(page.getByRole("link", { name: "16th EU–UNODC Senior Officials Meeting" })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "Log a meeting" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(/log a meeting/i);
  await expectAccessible(page);

  // A failed submit shows the error summary and keeps what was typed.
  await page.getByLabel("Location").fill("Vienna");
  await page.getByRole("button", { name: "Log meeting" }).click();
  await expect(page.getByText("There is a problem")).toBeVisible();
  await expect(page.getByLabel("Location")).toHaveValue("Vienna");

  const title = `Maritime crime working group ${Date.now()}`;
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Date").fill("2026-11-20");
  await page.getByRole("radio", { name: "Virtual" }).check();
  await page.getByLabel("Host organisation").selectOption({ label: "UNODC — United Nations Office on Drugs and Crime" });
  await page.getByRole("checkbox", { name: /Maritime crime/ }).check();
  await page.getByLabel("Summary (optional)").fill("Agreed to **share port assessments**.");
  await page.getByRole("button", { name: "Log meeting" }).click();

  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText("share port assessments")).toBeVisible();
  await expectAccessible(page);

  // Three follow-ups in a row without leaving the page.
  const followUps = ["Circulate the port assessment for Lomé", "Propose dates for the Tema workshop", "Share the list of focal points"];
  for (const name of followUps) {
    await page.getByLabel("Title", { exact: true }).last().fill(name);
    // The second is Rahul's own, so "Assigned to me" finds it however many the organisation has.
    await page.getByLabel("Owner (optional)").selectOption(name === followUps[1] ? { label: "Rahul Mehta (UNODC)" } : "");
    await page.getByRole("button", { name: "Add follow-up" }).click();
    await expect(page.getByRole("status").filter({ hasText: `Added “${name}”` })).toBeVisible();
    await expect(page.getByRole("link", { name })).toBeVisible();
  }
  await expect(page.getByLabel("Title", { exact: true }).last()).toBeFocused();

  await page.getByRole("link", { name: followUps[1] }).click();
  await expect(page.getByRole("heading", { level: 1, name: followUps[1] })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "In progress" }).click();
  await expect(page.getByRole("button", { name: "In progress" })).toHaveAttribute("aria-pressed", "true");
  await page.reload();
  const history = page.getByRole("region", { name: "History" });
  await expect(history).toContainText(/changed status from\s*Open\s*to\s*In progress/);
  await expect(history).toContainText("Rahul Mehta");

  await page.getByRole("link", { name: "My follow-ups" }).first().click();
  await page.getByRole("link", { name: "Assigned to me" }).click();
  await expect(page.getByRole("link", { name: "Assigned to me" })).toHaveAttribute("aria-current", "page");
  // .first(): a retry of this test leaves one of the same name from the try before.
  await expect(page.getByRole("link", { name: followUps[1] }).first()).toBeVisible();
  await expectAccessible(page);

  await signOut(page);
});

test("a staff user of another organisation gets 404 on a restricted meeting", async ({ page, browser }) => {
  await signIn(page, "staff@eeas.example");
  await page.getByRole("link", { name: "Meetings" }).first().click();
  await page.getByRole("link", { name: "EU coordination ahead of the 16th SOM" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "EU coordination ahead of the 16th SOM" })).toBeVisible();
  const restrictedUrl = page.url();
  await page.getByRole("link", { name: "Prepare EU line-to-take on Afghanistan for the SOM" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Prepare EU line-to-take on Afghanistan for the SOM" })).toBeVisible();
  const restrictedFollowUpUrl = page.url();

  const context = await browser.newContext();
  const other = await context.newPage();
  await signIn(other, "staff@unodc.example");
  const response = await other.goto(restrictedUrl);
  expect(response?.status()).toBe(404);
  await expect(other.getByRole("heading", { level: 1, name: "Not found" })).toBeVisible();
  await expectAccessible(other);
  expect((await other.goto(restrictedFollowUpUrl))?.status()).toBe(404);
  const api = await other.request.get(`/api/v1/meetings/${restrictedUrl.split("/").pop()}`);
  expect(api.status()).toBe(404);
  await context.close();
});

test("a meeting with many follow-ups shows the first 50, open ones first, and the rest on request", async ({ page }) => {
  await signIn(page, "manager@unodc.example");
  const created = await page.request.post("/api/v1/meetings", { data: { title: `Fifty-five actions ${Date.now()}`, heldOn: "2030-04-02", format: "virtual" } });
  expect(created.status()).toBe(201);
  const meeting = (await created.json()) as { id: string };
  const make = await followUpMaker(page);
  // One finished follow-up made first, due first: it still sorts after the 54 open ones.
  await make("A cancelled action", "UNODC", { meetingId: meeting.id, status: "cancelled", dueOn: "2030-12-01" });
  for (let i = 1; i <= 54; i++) await make(`Action ${String(i).padStart(2, "0")}`, "UNODC", { meetingId: meeting.id, dueOn: `2031-01-${String((i % 28) + 1).padStart(2, "0")}` });

  await page.goto(`/meetings/${meeting.id}`);
  await hydrated(page);
  const section = page.getByRole("region", { name: "Follow-ups", exact: true });
  const rows = section.locator("a[data-row-link]");
  await expect(rows).toHaveCount(50);
  await expect(section.getByText("Showing the first 50 of 55 follow-ups, open ones first.")).toBeVisible();
  await expect(section.getByRole("link", { name: "A cancelled action" })).toHaveCount(0);
  await expectAccessible(page);
  const more = section.getByRole("button", { name: "Show all 55 follow-ups" });
  for (const width of [1440, 360]) {
    await page.setViewportSize({ width, height: 900 });
    await more.scrollIntoViewIfNeeded();
    await page.screenshot({ path: test.info().outputPath(`meeting-first-50-${width}.png`) });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
  await more.click();
  await expect(rows).toHaveCount(55);
  await expect(rows.last()).toHaveText("A cancelled action");
  // The button is gone; the focus is on the first row it brought, not lost to the page's top.
  await expect(rows.nth(50)).toBeFocused();
  await expect(section.getByRole("button", { name: /Show all/ })).toHaveCount(0);
});
