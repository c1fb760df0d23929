import fs from "node:fs";
import path from "node:path";
import { expect, expectAccessible, hydrated, signIn, test } from "./fixtures";

const pressRelease = fs.readFileSync(path.join(__dirname, "../tests/fixtures/drafts/som16-press-release.txt"), "utf8");
const minutes17 = fs.readFileSync(path.join(__dirname, "../tests/fixtures/drafts/som17-minutes.txt"), "utf8");

test("a meeting drafted from a pasted press release: evidence, a correction, accept, save", async ({ page }) => {
  await signIn(page, "staff@eeas.example");
  await page.goto("/meetings/new");
  await expect(page.getByRole("heading", { level: 1, name: "Log a meeting" })).toBeVisible();
  await hydrated(page);

  await page.getByRole("textbox", { name: "Minutes or press release" }).fill(pressRelease);
  await page.getByRole("button", { name: "Draft the meeting from this text" }).click();
  const review = page.getByRole("region", { name: "Check the draft" });
  await expect(review.getByLabel("Title", { exact: true })).toHaveValue("16th EU–UNODC Senior Officials Meeting");
  await expect(review.getByLabel("Date", { exact: true })).toHaveValue("15 Feb 2022");
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
  await expect(page.getByLabel("Date", { exact: true })).toHaveValue("15 Feb 2022");
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

test("minutes that number their topics: the draft's agenda items, their commitments as actions under them, approximate dates marked", async ({ page }) => {
  await signIn(page, "staff@eeas.example");
  await page.goto("/meetings/new");
  await expect(page.getByRole("heading", { level: 1, name: "Log a meeting" })).toBeVisible();
  await page.getByRole("textbox", { name: "Minutes or press release" }).fill(minutes17);
  await page.getByRole("button", { name: "Draft the meeting from this text" }).click();
  const review = page.getByRole("region", { name: "Check the draft" });
  await expect(review.getByRole("heading", { name: "Check the draft" })).toBeFocused();

  // The numbered topics, each an agenda item with an editable title and the follow-ups agreed under it.
  const items = review.getByRole("group", { name: /^Agenda items/ });
  await expect(items.getByLabel("Agenda item 2: title")).toHaveValue("Youth engagement");
  await expect(items.getByLabel("Agenda item 3: title")).toHaveValue("Afghanistan and neighbouring countries");
  const youth = items.getByRole("group", { name: "Follow-ups agreed under item 2" });
  await expect(youth.getByRole("listitem")).toHaveCount(2);
  await expect(youth.getByRole("listitem").first().getByLabel("Follow-up title")).toHaveValue(/^UNODC will present a youth participation strategy before the summer/);
  await expect(youth.getByRole("checkbox", { name: "Create this follow-up" }).first()).toBeChecked();
  // "Before the summer": 21 June, marked approximate; "by the end of April" is exact.
  await expect(youth.getByRole("listitem").first().getByLabel("Due date")).toHaveValue("21 Jun 2023");
  await expect(youth.getByRole("listitem").first().getByText("Approximate", { exact: true })).toBeVisible();
  const afghanistan = items.getByRole("group", { name: "Follow-ups agreed under item 3" });
  await expect(afghanistan.getByRole("listitem").first().getByLabel("Due date")).toHaveValue("30 Apr 2023");
  await expect(afghanistan.getByText("Approximate", { exact: true })).toHaveCount(0);
  await expectAccessible(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: test.info().outputPath("draft-agenda-review-1440.png"), fullPage: true });
  await page.setViewportSize({ width: 360, height: 900 });
  await page.screenshot({ path: test.info().outputPath("draft-agenda-review-360.png"), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 720 });

  // Corrections: a title of its own (and out of the series: other specs count the SOMs), a shorter item title, the last item left out, one action unticked.
  const title = `Minutes drafted with their agenda ${Date.now()}`;
  await review.getByLabel("Title", { exact: true }).fill(title);
  await review.getByLabel("Series", { exact: true }).selectOption({ label: "Not part of a series" });
  await items.getByLabel("Agenda item 3: title").fill("Afghanistan");
  await items.getByRole("checkbox", { name: "Add item 6 to the agenda" }).uncheck();
  await youth.getByRole("checkbox", { name: "Create this follow-up" }).nth(1).uncheck();
  await review.getByRole("button", { name: "Accept and fill in the form" }).click();
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue(title);
  await page.getByRole("button", { name: "Log meeting" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();

  // The meeting has the agenda, with the ticked commitments as actions under their items.
  const agenda = page.getByRole("region", { name: "Agenda and minutes" });
  await expect(agenda.getByRole("list", { name: "Agenda items, in order" }).locator(":scope > li h3")).toHaveText([
    "1.Review of follow-ups from the 16th SOM",
    "2.Youth engagement",
    "3.Afghanistan",
    "4.Maritime crime",
    "5.Action points",
  ]);
  const youthActions = agenda.getByRole("list", { name: "Outcomes of Youth engagement" }).getByRole("listitem");
  await expect(youthActions).toHaveCount(1);
  await expect(youthActions.first()).toContainText("Action");
  await expect(youthActions.first().getByRole("link", { name: /^UNODC will present a youth participation strategy/ })).toBeVisible();
  await expect(youthActions.first()).toContainText("Due 21 Jun 2023");
  await expect(agenda.getByRole("list", { name: "Outcomes of Afghanistan" }).getByRole("listitem")).toHaveCount(2);
  await expect(agenda.getByRole("list", { name: "Outcomes of Action points" }).getByRole("listitem")).toHaveCount(2);
  // And each action is a follow-up of the meeting that knows its item.
  await youthActions.first().getByRole("link").first().click();
  await expect(page.getByRole("link", { name: `Agreed under item 2 — Youth engagement, ${title}` })).toBeVisible();
});

test("a French reader reviews a French compte rendu: its numbered points, the follow-ups under them, an approximate date, all in French", async ({ browser }) => {
  // Signed in from an English browser; the person's saved choice (French) then decides every page.
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, "staff@unodc.example");
  // French for this test, English again after it (other specs sign in as this user).
  expect((await page.request.patch("/api/v1/me", { data: { locale: "fr" } })).status()).toBe(200);
  try {
    await page.goto("/meetings/new");
    await page.getByRole("textbox", { name: "Procès-verbal ou communiqué de presse" }).fill(fs.readFileSync(path.join(__dirname, "../tests/fixtures/drafts/rhf18-compte-rendu.txt"), "utf8"));
    await page.getByRole("button", { name: "Préremplir la réunion à partir de ce texte" }).click();
    const review = page.getByRole("region", { name: "Vérifier le projet" });
    const items = review.getByRole("group", { name: /^Points de l’ordre du jour/ });
    await expect(items.getByLabel("Point 2 de l’ordre du jour : intitulé")).toHaveValue("Traite des êtres humains et trafic de migrants");
    const trafficking = items.getByRole("group", { name: "Suivis convenus au titre du point 2" });
    await expect(trafficking.getByRole("listitem")).toHaveCount(2);
    await expect(trafficking.getByRole("checkbox", { name: "Créer ce suivi" }).first()).toBeChecked();
    // « avant l’été » : le 21 juin, approximatif ; « d’ici le 30 juin » est exact.
    await expect(trafficking.getByRole("listitem").nth(1).getByText("Approximative", { exact: true })).toBeVisible();
    await expect(trafficking.getByRole("listitem").first().getByText("Approximative", { exact: true })).toHaveCount(0);
    await expect(review.getByRole("button", { name: "Accepter et remplir le formulaire" })).toBeVisible();
    await expect(review.getByText("Certitude élevée").first()).toBeVisible();
    await expectAccessible(page);
    for (const width of [1440, 360]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: test.info().outputPath(`draft-review-fr-${width}.png`), fullPage: true });
    }
  } finally {
    await page.request.patch("/api/v1/me", { data: { locale: "en" } });
    await context.close();
  }
});

