import fs from "node:fs";
import path from "node:path";
import { expect, expectAccessible, signIn, test } from "./fixtures";

const pressRelease = fs.readFileSync(path.join(__dirname, "../tests/fixtures/drafts/som16-press-release.txt"), "utf8");

test("a meeting drafted from a pasted press release: evidence, a correction, accept, save", async ({ page }) => {
  await signIn(page, "staff@eeas.example");
  await page.goto("/meetings/new");
  await expect(page.getByRole("heading", { level: 1, name: "Log a meeting" })).toBeVisible();
  await page.waitForLoadState("networkidle");

  await page.getByLabel("Minutes or press release").fill(pressRelease);
  await page.getByRole("button", { name: "Draft the meeting from this text" }).click();
  const review = page.getByRole("region", { name: "Check the draft" });
  await expect(review.getByLabel("Title", { exact: true })).toHaveValue("16th EU–UNODC Senior Officials Meeting");
  await expect(review.getByLabel("Date", { exact: true })).toHaveValue("2022-02-15");
  await expect(review.getByLabel("Format", { exact: true })).toHaveValue("hybrid");
  await expect(review.getByLabel("Location", { exact: true })).toHaveValue("Brussels");
  await expect(review.getByLabel("Number", { exact: true })).toHaveValue("16");
  await expect(review.getByLabel("Participants (number)", { exact: true })).toHaveValue("60");
  await expect(review.getByRole("checkbox", { name: /Directorate-General for Migration and Home Affairs/ })).toBeChecked();
  await expect(review.getByRole("checkbox", { name: "Environmental crime" })).toBeChecked();
  await expect(review.getByRole("checkbox", { name: "Maritime crime" })).toBeChecked();

  // Each field shows the words it came from; picking one highlights them in the text.
  const text = review.getByRole("region", { name: "Pasted text with the words used highlighted" });
  await expect(text.locator("mark", { hasText: "DG Migration and Home Affairs" })).toBeVisible();
  await review.getByRole("button", { name: "from “More than 60 participants”" }).click();
  await expect(text.locator("mark[data-active]")).toHaveText("More than 60 participants");
  await expect(review.getByText("Medium confidence").first()).toBeVisible();
  await expectAccessible(page);

  // Corrections before accepting.
  // Corrected to a title of its own: other specs look for the seeded meeting by its title.
  const title = `Senior officials, drafted from the press release ${Date.now()}`;
  await review.getByLabel("Title", { exact: true }).fill(title);
  await review.getByRole("checkbox", { name: /Directorate-General for Justice and Consumers/ }).uncheck();
  await review.getByRole("checkbox", { name: "Create this follow-up" }).first().check();
  await review.getByRole("button", { name: "Accept and fill in the form" }).click();

  await expect(page.getByRole("status").filter({ hasText: "The form is filled in from the draft, with 1 follow-up to create" })).toBeVisible();
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue(title);
  await expect(page.getByLabel("Date", { exact: true })).toHaveValue("2022-02-15");
  await expect(page.getByRole("radio", { name: "Hybrid" })).toBeChecked();
  await expect(page.getByLabel("Location")).toHaveValue("Brussels");
  await expect(page.getByLabel("Number in the series")).toHaveValue("16");
  await expect(page.getByRole("checkbox", { name: /Directorate-General for Justice and Consumers/ })).not.toBeChecked();
  await expect(page.getByRole("checkbox", { name: /Directorate-General for Environment/ })).toBeChecked();
  await expect(page.getByLabel("Co-chairs (optional)")).toHaveValue(/Belen Martinez Carbonell \(EEAS Managing Director/);
  await expectAccessible(page);

  await page.getByRole("button", { name: "Log meeting" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole("link", { name: /Both organisations will report on their joint work on drugs/ })).toBeVisible();
  await expect(page.getByText("Related events:", { exact: true })).toBeVisible();
});

test("the draft API answers signed-in users only, and names a bad field", async ({ page, playwright, baseURL }) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  expect((await anonymous.post("/api/v1/meeting-drafts", { data: { text: pressRelease } })).status()).toBe(401);
  await anonymous.dispose();

  await signIn(page, "staff@unodc.example");
  const ok = await page.request.post("/api/v1/meeting-drafts", { data: { text: pressRelease } });
  expect(ok.status()).toBe(200);
  const draft = await ok.json();
  expect(draft).toMatchObject({ heldOn: "2022-02-15", format: "hybrid", seriesNumber: 16, participantCount: 60 });
  expect(pressRelease.slice(draft.evidence.heldOn.start, draft.evidence.heldOn.end)).toBe(draft.evidence.heldOn.text);

  const bad = await page.request.post("/api/v1/meeting-drafts", { data: { text: "x".repeat(50_001) } });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.fields).toHaveProperty("text");
});
