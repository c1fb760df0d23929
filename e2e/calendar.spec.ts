/**
 * Calendars as a person uses them: a meeting's .ics from its page, and the private feed made on the
 * profile, read by a calendar app that sends no cookie; regenerating and turning it off kill the
 * old address. Every .ics is read back with a separate parser (ical.js).
 */
import fs from "node:fs";
import { type APIRequestContext, request as playwrightRequest } from "@playwright/test";
import ICAL from "ical.js";
import { expect, expectAccessible, followUpMaker, signIn, test } from "./fixtures";
import { signInContext } from "./support/http";

const events = (text: string) => new ICAL.Component(ICAL.parse(text)).getAllSubcomponents("vevent").map((c) => new ICAL.Event(c));
const pathOf = (url: string) => new URL(url).pathname;

let anonymous: APIRequestContext;
test.beforeAll(async ({ baseURL }) => {
  anonymous = await playwrightRequest.newContext({ baseURL });
});
test.afterAll(async () => {
  await anonymous?.dispose();
});

test("a meeting's page offers its .ics, which a calendar reads as an all-day event; a restricted meeting's is 404 to an outsider", async ({ page, baseURL }) => {
  await signIn(page, "staff@unodc.example");
  await page.getByRole("link", { name: "Meetings" }).first().click();
  await page.getByRole("link", { name: "17th EU–UNODC Senior Officials Meeting" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "17th EU–UNODC Senior Officials Meeting" })).toBeVisible();
  await expectAccessible(page);
  const heldOn = await page.locator("header:has(h1) time").first().getAttribute("datetime");

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Add to calendar (.ics)" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`${heldOn}-17th-eu-unodc-senior-officials-meeting.ics`);
  const text = fs.readFileSync((await file.path())!, "utf8");
  expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/);
  const [event, ...more] = events(text);
  expect(more).toHaveLength(0);
  expect(event!.summary).toBe("17th EU–UNODC Senior Officials Meeting");
  expect(event!.location).toBe("Vienna");
  expect(event!.startDate.isDate).toBe(true);
  expect(event!.startDate.toString()).toBe(heldOn);
  const meetingPath = new URL(page.url()).pathname;
  expect(event!.description).toContain(`Meeting page: `);
  expect(event!.description).toContain(meetingPath);

  const res = await page.request.get(`/api/v1${meetingPath}.ics`);
  expect(res.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
  expect(res.headers()["content-disposition"]).toMatch(/^attachment; filename=".+\.ics"$/);
  expect((await anonymous.get(`/api/v1${meetingPath}.ics`)).status()).toBe(401);

  // The EU's restricted preparation meeting: EEAS reads its .ics, UNODC staff get 404 (as for the meeting itself).
  const eeas = await signInContext(baseURL!, "staff@eeas.example");
  const found = (await (await eeas.get(`/api/v1/meetings?q=${encodeURIComponent("EU coordination ahead of the 17th SOM")}`)).json()) as { items: { id: string }[] };
  const restricted = found.items[0]!.id;
  expect((await eeas.get(`/api/v1/meetings/${restricted}.ics`)).status()).toBe(200);
  expect((await page.request.get(`/api/v1/meetings/${restricted}.ics`)).status()).toBe(404);
  expect((await page.request.get(`/api/v1/meetings/${restricted}`)).status()).toBe(404);
  expect((await page.request.get("/api/v1/meetings/not-a-meeting.ics")).status()).toBe(404);
  await eeas.dispose();
});

test("the calendar feed: made on the profile, read without cookies, regenerated, turned off", async ({ page }) => {
  await signIn(page, "staff@unodc.example");
  const title = `Send the port security report ${Date.now()}`;
  await (await followUpMaker(page))(title, "UNODC", { dueOn: "2027-01-15" });

  await page.goto("/profile");
  await expect(page.getByRole("heading", { level: 2, name: "Calendar feed" })).toBeVisible();
  // A retry on the same server finds the feed from the first attempt: start from none.
  if (await page.getByRole("button", { name: "Turn off" }).isVisible()) {
    await page.getByRole("button", { name: "Turn off" }).click();
    await page.getByRole("button", { name: "Yes, turn it off" }).click();
  }
  await expectAccessible(page);

  await page.getByRole("button", { name: "Create my calendar feed" }).click();
  const address = page.getByRole("textbox", { name: "Your feed address" });
  await expect(address).toHaveValue(/\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
  await expect(address).toBeFocused();
  const first = await address.inputValue();
  await expect(page.getByRole("link", { name: "Subscribe" })).toHaveAttribute("href", first.replace(/^https?:/, "webcal:"));
  await expect(page.getByText("it is shown only this once")).toBeVisible();
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.getByRole("button", { name: "Copy" }).click();
  await expect(page.getByText("Copied the feed address.")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(first);
  await expect(page.locator("[data-sonner-toast]")).toHaveCount(0, { timeout: 15_000 }); // scan the page, not a toast fading out
  await expectAccessible(page);
  await page.screenshot({ path: "test-results/calendar-profile.png", fullPage: true });

  // A calendar app: no cookie, the token is the credential.
  const feed = await anonymous.get(pathOf(first));
  expect(feed.status()).toBe(200);
  expect(feed.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
  expect(feed.headers()["cache-control"]).toContain("private");
  const text = await feed.text();
  expect(text).toContain("REFRESH-INTERVAL;VALUE=DURATION:PT1H");
  const due = events(text).find((e) => e.summary === `Due: ${title}`);
  expect(due?.startDate.isDate).toBe(true);
  expect(due?.startDate.toString()).toBe("2027-01-15");
  const titles = events(text).map((e) => e.summary);
  expect(titles).toContain("17th EU–UNODC Senior Officials Meeting");
  expect(titles).not.toContain("EU coordination ahead of the 17th SOM"); // restricted to the EU

  // Regenerate: a new address, and the old one answers 404.
  await page.getByRole("button", { name: "Regenerate address" }).click();
  await expect(page.getByText("The current one stops working at once")).toBeFocused();
  await page.getByRole("button", { name: "Yes, make a new address" }).click();
  await expect(address).not.toHaveValue(first);
  const second = await address.inputValue();
  expect(second).toMatch(/\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
  expect((await anonymous.get(pathOf(first))).status()).toBe(404);
  expect((await anonymous.get(pathOf(second))).status()).toBe(200);

  // After a reload the address is not shown again (only its hash is kept); the feed is still on.
  await page.reload();
  await expect(page.getByText("Your feed is on since")).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Your feed address" })).toHaveCount(0);
  await expectAccessible(page);

  // Turn off, after a confirmation that Escape can cancel.
  await page.getByRole("button", { name: "Turn off" }).click();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("button", { name: "Yes, turn it off" })).toHaveCount(0);
  await page.getByRole("button", { name: "Turn off" }).click();
  await page.getByRole("button", { name: "Yes, turn it off" }).click();
  await expect(page.getByRole("button", { name: "Create my calendar feed" })).toBeVisible();
  expect((await anonymous.get(pathOf(second))).status()).toBe(404);
  expect((await anonymous.get("/api/calendar/not-a-token.ics")).status()).toBe(404);
});
