import fs from "node:fs";
import mammoth from "mammoth";
import type { Page } from "@playwright/test";
import { expect, expectAccessible, hydrated, signIn, test } from "./fixtures";

const SERIES = "EU–UNODC Senior Officials Meeting";
const SOM16 = "16th EU–UNODC Senior Officials Meeting";
const SOM17 = "17th EU–UNODC Senior Officials Meeting";
const SOM18 = "18th EU–UNODC Senior Officials Meeting";

const agenda = (page: Page) => page.getByRole("region", { name: "Agenda and minutes" });
const itemTitles = (page: Page) => agenda(page).getByRole("list", { name: "Agenda items, in order" }).locator(":scope > li h3");

async function shoot(page: Page, name: string) {
  for (const width of [1440, 360]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: test.info().outputPath(`${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

test("build an agenda for a new SOM, take minutes (notes, a decision, two actions), reorder by keyboard, download the minutes", async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, "staff@eeas.example");
  const series = ((await (await page.request.get("/api/v1/meeting-series")).json()) as { items: { id: string; name: string }[] }).items.find((s) => s.name === SERIES);
  const created = await page.request.post("/api/v1/meetings", {
    data: { title: SOM18, seriesId: series?.id, seriesNumber: 18, heldOn: "2035-02-15", format: "hybrid", location: "Brussels", coChairs: ["Chair A", "Chair B"] },
  });
  expect(created.status()).toBe(201);
  const meetingId = ((await created.json()) as { id: string }).id;
  await page.goto(`/meetings/${meetingId}`);
  await expect(page.getByRole("heading", { level: 1, name: SOM18 })).toBeVisible();

  // The carry-over from the 17th SOM is offered; left out here (and stays left out on reload).
  await expect(agenda(page).getByRole("heading", { name: new RegExp(`Carry over from the ${SOM17}`) })).toBeVisible();
  await agenda(page).getByRole("button", { name: "Leave out" }).click();
  await expect(agenda(page).getByRole("heading", { name: /Carry over from/ })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: SOM18 })).toBeVisible();
  await expect(agenda(page).getByRole("heading", { name: /Carry over from/ })).toHaveCount(0);

  // The agenda, before the meeting: three items in a row.
  await agenda(page).getByRole("button", { name: "Add an agenda item" }).click();
  const title = agenda(page).getByLabel("Title", { exact: true });
  await title.fill("Maritime crime");
  await agenda(page).getByLabel("Priority area (optional)").selectOption({ label: "Maritime crime" });
  await agenda(page).getByLabel("Lead organisation (optional)").selectOption({ label: "UNODC — United Nations Office on Drugs and Crime" });
  await agenda(page).getByRole("button", { name: "Add item" }).click();
  await expect(itemTitles(page)).toHaveText(["1.Maritime crime"]);
  await expect(title).toBeFocused();
  await expect(title).toHaveValue("");
  await title.fill("Youth engagement");
  await agenda(page).getByRole("button", { name: "Add item" }).click();
  await expect(itemTitles(page)).toHaveCount(2);
  await title.fill("Any other business");
  await agenda(page).getByRole("button", { name: "Add item" }).click();
  await expect(itemTitles(page)).toHaveText(["1.Maritime crime", "2.Youth engagement", "3.Any other business"]);
  await expectAccessible(page); // with the add-item form open
  await agenda(page).getByRole("button", { name: "Done" }).click();

  // During the meeting: notes, a decision and two actions under the first item.
  await agenda(page).getByRole("button", { name: "Edit Maritime crime" }).click();
  await agenda(page).getByLabel("Notes (optional)").fill("Piracy and **fisheries** crime in the Western Indian Ocean.");
  await agenda(page).getByRole("button", { name: "Save item" }).click();
  await expect(agenda(page).getByText("Piracy and fisheries crime in the Western Indian Ocean.")).toBeVisible();

  await agenda(page).getByRole("button", { name: "Add an outcome under Maritime crime" }).click();
  const form = agenda(page).getByRole("form", { name: "Add an outcome under Maritime crime" });
  await form.getByRole("radio", { name: /^Decision/ }).check();
  await form.getByRole("textbox", { name: "Decision" }).fill("The meeting agreed to align the two maritime strategies.");
  await form.getByLabel("Implementation status (optional)").selectOption("in_progress");
  await form.getByRole("button", { name: "Add outcome" }).click();
  await expect(form.getByRole("status")).toContainText("align the two maritime strategies");

  await form.getByRole("radio", { name: /^Action/ }).check();
  await form.getByLabel("Action", { exact: true }).fill("Present the joint maritime roadmap");
  await form.getByLabel("Due date (optional)").fill("2035-06-21");
  await form.getByRole("button", { name: "Add outcome" }).click();
  await expect(form.getByRole("status")).toContainText("Present the joint maritime roadmap");
  await expect(form.getByLabel("Action", { exact: true })).toBeFocused();
  await form.getByLabel("Action", { exact: true }).fill("Share the piracy prosecution data");
  await form.getByLabel("Responsible organisation").selectOption({ label: "UNODC — United Nations Office on Drugs and Crime" });
  await form.getByRole("button", { name: "Add outcome" }).click();
  await expect(form.getByRole("status")).toContainText("Share the piracy prosecution data");
  await expectAccessible(page); // with the outcome form open
  await form.getByRole("button", { name: "Done" }).click();

  const outcomes = agenda(page).getByRole("list", { name: "Outcomes of Maritime crime" }).getByRole("listitem");
  await expect(outcomes).toHaveCount(3);
  await expect(outcomes.nth(0)).toContainText("Decision");
  await expect(outcomes.nth(0).getByLabel("Status")).toHaveValue("in_progress");
  await expect(outcomes.nth(1)).toContainText("Present the joint maritime roadmap");
  await expect(outcomes.nth(1)).toContainText("EEAS");
  await expect(outcomes.nth(2)).toContainText("UNODC");
  // The actions are follow-ups of the meeting.
  const followUps = page.getByRole("region", { name: "Follow-ups", exact: true });
  await expect(followUps.getByRole("link", { name: "Present the joint maritime roadmap" })).toBeVisible();
  await expect(followUps.getByRole("link", { name: "Share the piracy prosecution data" })).toBeVisible();

  // Reorder by keyboard: the arrow buttons keep the focus on the moved item.
  const up = agenda(page).getByRole("button", { name: "Move Any other business up" });
  await up.focus();
  await page.keyboard.press("Enter");
  await expect(itemTitles(page)).toHaveText(["1.Maritime crime", "2.Any other business", "3.Youth engagement"]);
  await expect(up).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(itemTitles(page)).toHaveText(["1.Any other business", "2.Maritime crime", "3.Youth engagement"]);
  await expect(up).toBeDisabled();
  await expect(agenda(page).getByRole("button", { name: "Reorder Any other business" })).toBeFocused();
  // And with dnd-kit's keyboard sensor: space picks up, arrow moves, space drops. From a page at rest
  // (the arrow moves' saves and the live refresh after them settled), each key after dnd-kit has taken
  // the one before (its announcements say so), as a person would.
  await expect(agenda(page).getByText("Any other business moved to position 1 of 3.")).toBeAttached();
  await page.reload();
  await hydrated(page);
  await expect(itemTitles(page)).toHaveText(["1.Any other business", "2.Maritime crime", "3.Youth engagement"]);
  await agenda(page).getByRole("button", { name: "Reorder Youth engagement" }).focus();
  await page.keyboard.press("Space");
  await expect(page.getByText(/^Picked up Youth engagement/)).toBeAttached();
  await page.keyboard.press("ArrowUp");
  await expect(page.getByText(/^Youth engagement is over position 2/)).toBeAttached();
  await page.keyboard.press("Space");
  await expect(page.getByText(/^Youth engagement dropped at position 2 of 3/)).toBeAttached();
  await expect(itemTitles(page)).toHaveText(["1.Any other business", "2.Youth engagement", "3.Maritime crime"]);
  // Saved (the editor says so once the server has it), and it stays moved while the page refreshes live.
  await expect(agenda(page).getByText("Youth engagement moved to position 2 of 3.")).toBeAttached();
  await expect(itemTitles(page)).toHaveText(["1.Any other business", "2.Youth engagement", "3.Maritime crime"]);
  await page.reload();
  await expect(itemTitles(page)).toHaveText(["1.Any other business", "2.Youth engagement", "3.Maritime crime"]);
  await shoot(page, "meeting-agenda");

  // The follow-up knows the item it was agreed under.
  await agenda(page).getByRole("link", { name: "Present the joint maritime roadmap" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Present the joint maritime roadmap" })).toBeVisible();
  await expect(page.getByRole("link", { name: `Agreed under item 3 — Maritime crime, ${SOM18}` })).toBeVisible();
  await shoot(page, "follow-up-agreed-under");
  await page.goBack();

  // The minutes, as Word and as PDF.
  const minutes = page.getByRole("region", { name: "Minutes", exact: true });
  const [docx] = await Promise.all([page.waitForEvent("download"), minutes.getByRole("link", { name: "Word (.docx)" }).click()]);
  expect(docx.suggestedFilename()).toBe("minutes-18th-eu-unodc-senior-officials-meeting.docx");
  const docxText = (await mammoth.extractRawText({ path: await docx.path() })).value;
  expect(docxText).toContain(`Minutes: ${SOM18}`);
  expect(docxText).toContain("Decision: The meeting agreed to align the two maritime strategies. (In progress)");
  expect(docxText).toContain("Share the piracy prosecution data");
  const [pdf] = await Promise.all([page.waitForEvent("download"), minutes.getByRole("link", { name: "PDF" }).click()]);
  expect(fs.readFileSync(await pdf.path()).subarray(0, 5).toString()).toBe("%PDF-");
  await minutes.getByLabel(/Leave restricted content out/).check();
  await expect(minutes.getByRole("link", { name: "PDF" })).toHaveAttribute("href", `/api/v1/meetings/${meetingId}/minutes.pdf?audience=wide`);

  // The series page counts the decision by its status.
  await page.goto(`/series/${series?.id}`);
  const decisions = page.getByRole("region", { name: "Decisions by implementation status" });
  await expect(decisions).toContainText(/Decisions\s*1/);
  await expect(decisions).toContainText(/In progress\s*1/);
  await expectAccessible(page);
  await shoot(page, "series-decisions");
});

test("accept the carry-over on the next SOM and update a follow-up from it", async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, "admin@eeas.example");
  await page.goto("/meetings");
  await page.getByRole("link", { name: SOM17, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: SOM17 })).toBeVisible();
  const panel = agenda(page).getByRole("region", { name: new RegExp(`Carry over from the ${SOM16}`) });
  await expect(panel).toBeVisible();
  await expect(panel.getByLabel("Agenda item title")).toHaveValue(`Review of follow-ups from the ${SOM16}`);
  const offered = panel.getByRole("checkbox");
  const count = await offered.count();
  expect(count).toBeGreaterThan(1);
  await expectAccessible(page);
  await shoot(page, "meeting-carry-over-offer");

  // Edit it: a shorter title, one follow-up left out.
  await panel.getByLabel("Agenda item title").fill("Review of follow-ups from the 16th SOM");
  const leftOut = (await offered.nth(count - 1).locator("xpath=..").innerText()).split("\n")[0]!.trim();
  await offered.nth(count - 1).uncheck();
  await panel.getByRole("button", { name: "Add to the agenda" }).click();
  await expect(itemTitles(page).first()).toHaveText("1.Review of follow-ups from the 16th SOM");
  const reviewed = agenda(page).getByRole("list", { name: "Outcomes of Review of follow-ups from the 16th SOM" }).getByRole("listitem");
  await expect(reviewed).toHaveCount(count - 1);
  await expect(agenda(page).getByRole("list", { name: /^Outcomes of Review/ })).not.toContainText(leftOut);
  await expect(agenda(page).getByRole("region", { name: /Carry over from/ })).toHaveCount(0);

  // During the meeting: update the first one from here — status, due date, comment.
  const first = reviewed.first();
  const name = (await first.getByRole("link").first().innerText()).trim();
  await first.getByRole("button", { name: `Update ${name}` }).click();
  const update = first.getByRole("form", { name: `Update ${name}` });
  await update.getByLabel("Status").selectOption("blocked");
  await update.getByLabel("Due date").fill("2035-09-30");
  await update.getByLabel("Comment (optional)").fill("Waiting for the legal review, said at the 17th SOM.");
  await expectAccessible(page);
  await update.getByRole("button", { name: "Save" }).click();
  await expect(first.getByRole("status")).toContainText(`Updated “${name}”`);
  await expect(first).toContainText("Blocked");
  await expect(first).toContainText(/Due 30 Sept? 2035/);
  await shoot(page, "meeting-carry-over-accepted");

  await first.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByText("Waiting for the legal review, said at the 17th SOM.")).toBeVisible();
  await expect(page.getByRole("link", { name: `Reviewed under item 1 — Review of follow-ups from the 16th SOM, ${SOM17}` })).toBeVisible();
});

test("the agenda in French: headings, buttons, and the keyboard drag announced in French", async ({ browser }) => {
  // Signed in from an English browser; the person's saved choice (French) then decides every page.
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, "staff@eeas.example");
  // French for this test, English again after it (other specs sign in as this user).
  expect((await page.request.patch("/api/v1/me", { data: { locale: "fr" } })).status()).toBe(200);
  try {
    const found = ((await (await page.request.get(`/api/v1/meetings?q=${encodeURIComponent("18th")}`)).json()) as { items: { id: string; title: string }[] }).items.find((m) => m.title === SOM18);
    await page.goto(`/meetings/${found?.id}`);
    const agendaFr = page.getByRole("region", { name: "Ordre du jour et compte rendu" });
    const titles = agendaFr.getByRole("list", { name: "Points de l’ordre du jour, dans l’ordre" }).locator(":scope > li h3");
    await expect(titles).toHaveText(["1.Any other business", "2.Youth engagement", "3.Maritime crime"]);
    await expect(agendaFr.getByText("3 points", { exact: true })).toBeVisible();
    await expect(agendaFr.getByRole("list", { name: "Résultats de Maritime crime" }).getByRole("listitem").first()).toContainText("Décision");
    await expect(agendaFr.getByRole("button", { name: "Ajouter un résultat sous Maritime crime" })).toBeVisible();
    // Maritime crime back to the top by keyboard, announced in French.
    await agendaFr.getByRole("button", { name: "Réordonner Maritime crime" }).focus();
    await page.keyboard.press("Space");
    await expect(page.getByText(/^Maritime crime saisi, point 3 sur 3/)).toBeAttached();
    await page.keyboard.press("ArrowUp");
    await expect(page.getByText(/^Maritime crime est au-dessus de la position 2 sur 3/)).toBeAttached();
    await page.keyboard.press("ArrowUp");
    await expect(page.getByText(/^Maritime crime est au-dessus de la position 1 sur 3/)).toBeAttached();
    await page.keyboard.press("Space");
    await expect(agendaFr.getByText("Maritime crime déplacé en position 1 sur 3.")).toBeAttached();
    await expect(titles).toHaveText(["1.Maritime crime", "2.Any other business", "3.Youth engagement"]);
    await agendaFr.getByRole("button", { name: "Modifier Maritime crime" }).click();
    await expect(agendaFr.getByLabel("Domaine prioritaire (facultatif)")).toBeVisible();
    await expectAccessible(page);
    for (const width of [1440, 360]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: test.info().outputPath(`meeting-agenda-fr-${width}.png`), fullPage: true });
    }
  } finally {
    await page.request.patch("/api/v1/me", { data: { locale: "en" } });
    await context.close();
  }
});

