import { expect, expectAccessible, hydrated, signIn, test } from "./fixtures";
import { FollowUpPage } from "./pages/follow-up-page";
import { MeetingPage } from "./pages/meeting-page";

test("a follow-up agreed by e-mail is recorded with the keyboard and shows in My follow-ups", async ({ page }) => {
  await signIn(page, "staff@eeas.example");
  await page.keyboard.press("c");
  await expect(page.getByRole("heading", { level: 1, name: "New follow-up" })).toBeVisible();
  await hydrated(page); // hydrated: the form validates in the browser
  await page.getByRole("button", { name: "Record follow-up" }).click();
  await expect(page.getByRole("group", { name: "There is a problem" })).toBeFocused();
  await expectAccessible(page);

  const title = `Brief the Delegations on the SOM outcome ${Date.now()}`;
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Due date (optional)").fill("2020-03-01");
  await page.getByRole("button", { name: "Record follow-up" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText(/Overdue by \d+ days/).first()).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "My follow-ups" }).first().click();
  await expect(page.getByRole("link", { name: title })).toBeVisible();
});

test("a stale status change shows the conflict and never overwrites", async ({ browser }) => {
  const a = await browser.newContext();
  const b = await browser.newContext();
  const pageA = await a.newPage();
  const pageB = await b.newPage();
  await signIn(pageA, "staff@unodc.example");
  await signIn(pageB, "manager@unodc.example");
  // B has lost its live connection (a train, a VPN): live updates would otherwise refresh it before it saves,
  // and the 409 is the safety net for exactly this case.
  await pageB.route("**/api/v1/events", (route) => route.abort());
  const name = "Involve youth networks in the Education for Justice initiative";
  await pageA.getByRole("link", { name }).click();
  await expect(pageA.getByRole("heading", { level: 1, name })).toBeVisible();
  await pageB.goto(pageA.url());
  await expect(pageB.getByRole("heading", { level: 1, name })).toBeVisible();

  const followUpA = new FollowUpPage(pageA);
  const followUpB = new FollowUpPage(pageB);
  await followUpA.setStatus("Blocked");
  await hydrated(pageA);

  // "Done" offers to attach the evidence first.
  await followUpB.markDoneWithoutEvidence();
  await expect(followUpB.conflictNotice()).toBeVisible();
  const id = followUpA.id();
  const now = await pageA.request.get(`/api/v1/follow-ups/${id}`);
  expect((await now.json()).status).toBe("blocked");
  await expectAccessible(pageB);
  await a.close();
  await b.close();
});

test("staff of another organisation are not offered, and are refused, a status change", async ({ page }) => {
  await signIn(page, "staff@eeas.example");
  const meeting = new MeetingPage(page);
  const followUp = new FollowUpPage(page);
  await meeting.openFromList("16th EU–UNODC Senior Officials Meeting");
  await meeting.followUp("Extend the Global Maritime Crime Programme to the Gulf of Guinea ports").click();
  await expect(followUp.heading("Extend the Global Maritime Crime Programme to the Gulf of Guinea ports")).toBeVisible();
  await expect(followUp.statusButton("Done")).toHaveCount(0);
  const id = followUp.id();
  const before = await (await page.request.get(`/api/v1/follow-ups/${id}`)).json();
  const refused = await page.request.patch(`/api/v1/follow-ups/${id}`, { data: { status: "done", version: before.version } });
  expect(refused.status()).toBe(403);
  const after = await (await page.request.get(`/api/v1/follow-ups/${id}`)).json();
  expect(after.status).toBe(before.status);
  expect(after.version).toBe(before.version);
});
