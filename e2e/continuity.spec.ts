import { expect, expectAccessible, signIn, test } from "./fixtures";

const SOM15 = "15th EU–UNODC Senior Officials Meeting";
const SOM16 = "16th EU–UNODC Senior Officials Meeting";
const SOM17 = "17th EU–UNODC Senior Officials Meeting";
const EU_ONLY = "Agree the EU position on synthetic drugs for the 17th SOM";

async function openMeeting(page: import("@playwright/test").Page, title: string) {
  await page.goto("/meetings");
  await page.getByRole("link", { name: title, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
}

test("a meeting shows what the previous one and the reviewed one agreed, with the status then and now; the series page counts them", async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, "staff@unodc.example");
  await openMeeting(page, SOM16);
  const since = page.getByRole("region", { name: "Since the previous meeting" });
  await expect(since.getByRole("heading", { level: 3 }).filter({ hasText: SOM15 })).toContainText("previous meeting of the series");
  await expect(since.getByRole("heading", { level: 3 }).filter({ hasText: "EU–UNODC Africa Dialogue" })).toContainText("reviewed by this meeting");
  const row = since.getByRole("listitem").filter({ hasText: "Set up a working group on anti-money-laundering in West Africa" });
  await expect(row).toContainText(/Status then:\s*Then\s*Blocked/);
  await expect(row).toContainText(/now:\s*Now\s*In progress/);
  await expectAccessible(page);

  await page.getByRole("link", { name: "EU–UNODC Senior Officials Meeting #16" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "EU–UNODC Senior Officials Meeting" })).toBeVisible();
  const som15 = page.getByRole("region", { name: SOM15, exact: true });
  const all = som15.getByRole("row").filter({ has: page.getByRole("rowheader") });
  await expect(all).toContainText("6");
  await expect(all).toContainText("261 d");
  await expect(page.getByRole("region", { name: SOM17, exact: true })).toContainText("Upcoming");
  await expectAccessible(page);
});

test("the briefing pack: printable page, wide audience, Markdown and CSV downloads, never another organisation's restricted items", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, "staff@eeas.example");
  await openMeeting(page, SOM17);
  await page.getByRole("link", { name: "Briefing" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Briefing: ${SOM17}` })).toBeVisible();
  const open = page.getByRole("region", { name: /^Open follow-ups \(/ });
  await expect(open.getByRole("columnheader")).toHaveText(["Meeting", "Follow-up", "Responsible", "Due", "Progress", "Status", "Documents"]);
  await expect(open.getByRole("link", { name: EU_ONLY })).toBeVisible();
  await expect(open.getByRole("link", { name: "Support cybercrime legislation in the Western Balkans" })).toBeVisible();
  await expect(page.getByRole("region", { name: /^Completed since the previous meeting.*\(\d+\)$/ }).getByRole("link", { name: "Report on the UNGASS drug policy commitments follow-up" })).toBeVisible();
  await expectAccessible(page);

  // Printing leaves the shell and the toolbar out.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Print or save as PDF" })).toBeHidden();
  await expect(open.getByRole("link", { name: EU_ONLY })).toBeVisible();
  await page.emulateMedia({ media: "screen" });

  await page.getByRole("link", { name: /Wide audience/ }).click();
  await expect(page).toHaveURL(/audience=wide/);
  await expect(page.getByRole("heading", { level: 1, name: `Briefing: ${SOM17}` })).toBeVisible();
  await expect(page.getByRole("link", { name: "Support cybercrime legislation in the Western Balkans" })).toBeVisible();
  await expect(page.getByRole("link", { name: EU_ONLY })).toHaveCount(0);
  await expectAccessible(page);

  const meetingUrl = page.url().replace(/\/briefing.*$/, "");
  const api = `/api/v1/meetings/${meetingUrl.split("/").pop()}/briefing`;
  const md = await page.request.get(`${api}.md`);
  expect(md.headers()["content-disposition"]).toMatch(/^attachment; filename="briefing-17th-eu-unodc-senior-officials-meeting\.md"$/);
  const text = await md.text();
  expect(text).toContain(`# Briefing: ${SOM17}`);
  expect(text).toContain("| Meeting | Follow-up | Responsible | Due | Progress | Status | Documents |");
  expect(text).toContain(EU_ONLY);
  const csv = await page.request.get(`${api}.csv?audience=wide`);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect(csv.headers()["content-disposition"]).toContain("-wide.csv");
  const body = await csv.text();
  expect(body.startsWith('\uFEFF"Meeting","Follow-up","Responsible","Due","Progress","Status","Documents"\r\n')).toBe(true);
  expect(body).toContain("Support cybercrime legislation in the Western Balkans");
  expect(body).not.toContain(EU_ONLY);

  // UNODC is not at the EU's coordination meeting: its items are never in UNODC's briefing.
  const other = await (await browser.newContext()).newPage();
  await signIn(other, "staff@unodc.example");
  const theirs = await (await other.request.get(`${api}.csv`)).text();
  expect(theirs).toContain("Support cybercrime legislation in the Western Balkans");
  expect(theirs).not.toContain(EU_ONLY);
  await other.goto(meetingUrl.replace(/^https?:\/\/[^/]+/, "") + "/briefing");
  await expect(other.getByRole("heading", { level: 1, name: `Briefing: ${SOM17}` })).toBeVisible();
  await expect(other.getByRole("link", { name: EU_ONLY })).toHaveCount(0);
});

test("a meeting logged as reviewing another shows that meeting's follow-ups", async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, "staff@unodc.example");
  await page.goto("/meetings/new");
  await expect(page.getByRole("heading", { level: 1 })).toContainText(/log a meeting/i);
  const title = `Africa Dialogue stock-take ${Date.now()}`;
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Date").fill("2022-06-01");
  await page.getByRole("radio", { name: "Virtual" }).check();
  const reviews = page.getByRole("group", { name: "Meetings it reviews (optional)" });
  await reviews.getByLabel("Search meetings").fill("africa");
  await reviews.getByRole("checkbox", { name: "EU–UNODC Africa Dialogue (2021-12-09)" }).check();
  await expect(reviews.getByRole("status")).toHaveText(/^1 chosen: EU–UNODC Africa Dialogue \(2021-12-09\)/);
  await page.getByRole("button", { name: "Log meeting" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const since = page.getByRole("region", { name: "Since the previous meeting" });
  await expect(since).toContainText("reviewed by this meeting");
  await expect(since.getByRole("link", { name: "Joint maritime security workshop for the Indian Ocean" })).toBeVisible();
});

test("an organisation's accountability view: what it and its sub-units own, the on-time rate, the overdue items", async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, "manager@unodc.example");
  const orgs = (await (await page.request.get("/api/v1/organisations")).json()) as { items: { id: string; acronym: string | null }[] };
  const unodc = orgs.items.find((o) => o.acronym === "UNODC");
  await page.goto(`/organisations/${unodc?.id}`);
  await expect(page.getByRole("heading", { level: 1, name: /^UNODC — United Nations Office on Drugs and Crime$/ })).toBeVisible();
  await expect(page.getByRole("term").filter({ hasText: "On-time rate" })).toBeVisible();
  const units = page.getByRole("region", { name: "By unit" });
  await expect(units.getByRole("link", { name: "ROSEN", exact: true })).toBeVisible();
  const overdue = page.getByRole("region", { name: /^Overdue \(/ });
  await expect(overdue.getByRole("link", { name: "Extend the Global Maritime Crime Programme to the Gulf of Guinea ports" })).toBeVisible();
  await expectAccessible(page);
  const json = (await (await page.request.get(`/api/v1/organisations/${unodc?.id}/accountability`)).json()) as { totals: { rated: number; onTime: number; onTimeRate: number | null } };
  expect(json.totals.onTimeRate).toBeCloseTo(json.totals.onTime / json.totals.rated);
});

test("the new pages pass axe on a phone too", async ({ browser }) => {
  const page = await (await browser.newContext({ viewport: { width: 360, height: 800 } })).newPage();
  await signIn(page, "staff@eeas.example");
  await openMeeting(page, SOM17);
  await expectAccessible(page);
  const meetingPath = new URL(page.url()).pathname;
  await page.goto(`${meetingPath}/briefing`);
  await expect(page.getByRole("heading", { level: 1, name: `Briefing: ${SOM17}` })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "ROEA" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: /^ROEA — / })).toBeVisible();
  await expectAccessible(page);
  await openMeeting(page, SOM16);
  await page.getByRole("link", { name: "EU–UNODC Senior Officials Meeting #16" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "EU–UNODC Senior Officials Meeting" })).toBeVisible();
  await expectAccessible(page);
});
