/**
 * Working together, in two (or three) browsers at once: a card dragged on one board moves on the
 * other within 2 s; a comment mentioning someone (chosen by keyboard alone in the autocomplete)
 * lights their bell and its link opens the comment; a restricted follow-up's change never reaches
 * an outsider's open event stream (asserted on the stream itself); axe on the notification list
 * and the autocomplete; screenshots of the bell, the list and the autocomplete at 1440 and 360 px.
 */
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { expect, expectAccessible, liveConnected, signIn, test } from "./fixtures";

const shots = (name: string) => test.info().outputPath(name);

async function signedIn(browser: Browser, email: string, viewport = { width: 1440, height: 900 }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await signIn(page, email);
  return { context, page };
}

async function makeFollowUp(page: Page, title: string, extra: Record<string, unknown> = {}) {
  const orgs = ((await (await page.request.get("/api/v1/organisations")).json()) as { items: { id: string; acronym: string | null }[] }).items;
  const areas = ((await (await page.request.get("/api/v1/priority-areas")).json()) as { items: { id: string }[] }).items;
  const res = await page.request.post("/api/v1/follow-ups", { data: { title, priorityAreaId: areas[0]!.id, ownerOrganisationId: orgs.find((o) => o.acronym === "UNODC")!.id, ...extra } });
  expect(res.status()).toBe(201);
  return (await res.json()) as { id: string; version: number };
}

const column = (page: Page, status: string) => page.getByRole("group", { name: new RegExp(`^${status}\\b`) });
const card = (page: Page, status: string, title: string) => column(page, status).getByRole("link", { name: title });

/** An event stream read with the context's cookies, outside the page: what the server sends, raw. */
async function openStream(context: BrowserContext, base: string) {
  const cookie = (await context.cookies(base)).map((c) => `${c.name}=${c.value}`).join("; ");
  const ctl = new AbortController();
  const state = { text: "", status: 0 };
  const done = (async () => {
    try {
      const res = await fetch(`${base}/api/v1/events`, { headers: { cookie, accept: "text/event-stream" }, signal: ctl.signal });
      state.status = res.status;
      const reader = res.body!.getReader();
      const dec = new TextDecoder();
      for (;;) {
        const { value, done: end } = await reader.read();
        if (end) break;
        state.text += dec.decode(value);
      }
    } catch {
      // aborted
    }
  })();
  return { state, stop: async () => (ctl.abort(), await done) };
}

test("manager B drags a card; manager A's open board moves it within 2 s, and says so politely", async ({ browser }) => {
  const a = await signedIn(browser, "manager@eeas.example");
  const b = await signedIn(browser, "manager@unodc.example");
  const title = `Live drag ${Date.now()}`;
  await makeFollowUp(b.page, title);
  for (const p of [a.page, b.page]) {
    await p.goto(`/board?q=${encodeURIComponent(title)}&organisationId=all`);
    await expect(card(p, "Open", title)).toBeVisible();
  }
  // A's board hears changes from here on (an event sent before its stream opened would be another test).
  await liveConnected(a.page);
  // A's focus stays where A put it.
  await a.page.getByRole("link", { name: "Board" }).first().focus();

  const handle = b.page.getByRole("button", { name: new RegExp(`^Move “${title}”`) });
  const from = await handle.boundingBox();
  const to = await column(b.page, "Blocked").boundingBox();
  if (!from || !to) throw new Error("board not laid out");
  const saved = b.page.waitForResponse((r) => r.request().method() === "PATCH");
  await b.page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await b.page.mouse.down();
  await b.page.mouse.move(from.x + 20, from.y + 20, { steps: 5 });
  await b.page.mouse.move(to.x + to.width / 2, to.y + 80, { steps: 15 });
  await b.page.mouse.up();
  expect((await saved).status()).toBe(200);
  const t0 = Date.now();
  await expect(card(a.page, "Blocked", title)).toBeVisible({ timeout: 2_000 });
  console.log(`board A moved the card ${Date.now() - t0} ms after B's PATCH answered`);
  await expect(card(a.page, "Open", title)).toHaveCount(0);
  await expect(a.page.locator("[aria-live=polite]").filter({ hasText: /Updated with a colleague's change/ })).toBeAttached();
  expect(await a.page.evaluate(() => document.activeElement?.textContent?.trim())).toBe("Board");
  await a.context.close();
  await b.context.close();
});

test("staff C mentions A by keyboard alone; A's bell counts it and its link opens the comment", async ({ browser }) => {
  const a = await signedIn(browser, "manager@eeas.example");
  const c = await signedIn(browser, "staff@unodc.example");
  const title = `Mention me ${Date.now()}`;
  const f = await makeFollowUp(c.page, title);
  await a.page.goto("/my-follow-ups");
  await a.page.request.post("/api/v1/notifications/read", { data: { all: true } });
  await a.page.reload();
  const bell = a.page.getByRole("button", { name: /^Notifications/ }).locator("visible=true");
  await expect(bell).toHaveAccessibleName("Notifications");
  await liveConnected(a.page);

  await c.page.goto(`/follow-ups/${f.id}`);
  const box = c.page.getByLabel("Add a comment");
  await box.focus();
  await c.page.keyboard.type("Could you confirm the date, @Marc");
  const list = c.page.getByRole("listbox", { name: "People to mention" });
  await expect(list.getByRole("option", { name: /Marc Dubois/ })).toBeVisible();
  await expect(box).toHaveAttribute("aria-activedescendant", /^./);
  await expect(c.page.getByText(/(person|people) found\. Up and down arrows/)).toBeAttached();
  await expectAccessible(c.page);
  await c.page.screenshot({ path: shots("autocomplete-1440.png") });
  await c.page.keyboard.press("Enter");
  await expect(box).toHaveValue("Could you confirm the date, @Marc Dubois ");
  await expect(list).toHaveCount(0);
  await c.page.keyboard.type("?");
  await c.page.keyboard.press("Control+Enter"); // posts from the box (the file chooser now stands between it and the button)
  await expect(c.page.getByText("Comment posted.")).toBeVisible();
  await expect(c.page.getByText("Mentioned: Marc Dubois")).toBeVisible();

  // A's bell, without a reload.
  await expect(bell).toHaveAccessibleName("Notifications, 1 unread", { timeout: 2_000 });
  await bell.click();
  const panel = a.page.getByRole("region", { name: "Your notifications" });
  const item = panel.getByRole("link", { name: new RegExp(`Rahul Mehta mentioned you on ‘${title}’`) });
  await expect(item).toBeVisible();
  await expectAccessible(a.page);
  await a.page.screenshot({ path: shots("bell-1440.png") });
  await item.click();
  await expect(a.page).toHaveURL(new RegExp(`/follow-ups/${f.id}#comment-`));
  const commentId = new URL(a.page.url()).hash.slice(1);
  await expect(a.page.locator(`#${commentId}`)).toContainText("Could you confirm the date, @Marc Dubois ?");
  await expect(bell).toHaveAccessibleName("Notifications");

  // The list page, its filters, at both widths.
  await a.page.goto("/notifications?show=mentions");
  await expect(a.page.getByRole("link", { name: new RegExp(`mentioned you on ‘${title}’`) })).toBeVisible();
  await expectAccessible(a.page);
  await a.page.screenshot({ path: shots("notifications-1440.png"), fullPage: true });
  await a.page.setViewportSize({ width: 360, height: 740 });
  await a.page.reload();
  await expectAccessible(a.page);
  await a.page.screenshot({ path: shots("notifications-360.png"), fullPage: true });
  const smallBell = a.page.getByRole("button", { name: /^Notifications/ }).locator("visible=true");
  await smallBell.click();
  await expect(a.page.getByRole("region", { name: "Your notifications" })).toBeVisible();
  await a.page.screenshot({ path: shots("bell-360.png") });
  expect(await a.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  await c.page.setViewportSize({ width: 360, height: 740 });
  await c.page.goto(`/follow-ups/${f.id}`);
  await c.page.getByLabel("Add a comment").focus();
  await c.page.keyboard.type("@Am");
  await expect(c.page.getByRole("listbox", { name: "People to mention" })).toBeVisible();
  await c.page.keyboard.press("Escape");
  await expect(c.page.getByRole("listbox", { name: "People to mention" })).toHaveCount(0);
  await c.page.keyboard.type("i");
  await expect(c.page.getByRole("listbox", { name: "People to mention" })).toBeVisible();
  await c.page.getByLabel("Add a comment").scrollIntoViewIfNeeded();
  await c.page.screenshot({ path: shots("autocomplete-360.png") });
  await a.context.close();
  await c.context.close();
});

test("a restricted follow-up's change produces no event on an outsider's open stream; a visible one does", async ({ browser, baseURL }) => {
  const admin = await signedIn(browser, "admin@eeas.example");
  const outsider = await signedIn(browser, "manager@unodc.example");
  const meetings = ((await (await admin.page.request.get("/api/v1/meetings?limit=200")).json()) as { items: { id: string; visibility: string; participantOrganisationIds: string[] }[] }).items;
  const unodc = ((await (await outsider.page.request.get("/api/v1/me")).json()) as { organisationId: string }).organisationId;
  const restricted = meetings.find((m) => m.visibility === "restricted" && !m.participantOrganisationIds.includes(unodc))!;
  const hidden = await makeFollowUp(admin.page, `Restricted live ${Date.now()}`, { meetingId: restricted.id });
  const visible = await makeFollowUp(admin.page, `Visible live ${Date.now()}`);
  expect((await outsider.page.request.get(`/api/v1/follow-ups/${hidden.id}`)).status()).toBe(404);

  const stream = await openStream(outsider.context, baseURL!);
  await expect.poll(() => stream.state.text).toContain(": connected");
  expect(stream.state.status).toBe(200);
  await admin.page.request.patch(`/api/v1/follow-ups/${hidden.id}`, { data: { version: hidden.version, status: "blocked" } });
  await admin.page.request.post(`/api/v1/follow-ups/${hidden.id}/comments`, { data: { body: "internal" } });
  await admin.page.request.patch(`/api/v1/follow-ups/${visible.id}`, { data: { version: visible.version, status: "in_progress" } });
  // The later, visible change arrives; the restricted ones before it never do.
  await expect.poll(() => stream.state.text, { timeout: 2_000 }).toContain(visible.id);
  await new Promise((r) => setTimeout(r, 500));
  await stream.stop();
  expect(stream.state.text).not.toContain(hidden.id);
  expect(stream.state.text).toMatch(new RegExp(`event: follow_up\\ndata: \\{"id":"${visible.id}","version":2\\}`));

  // Signed out, the stream is refused.
  const cookieless = await fetch(`${baseURL}/api/v1/events`);
  expect(cookieless.status).toBe(401);
  await admin.context.close();
  await outsider.context.close();
});

test("a meeting's summary: @mention by keyboard notifies them; someone else's save shows 'changed a moment ago' in the open edit form", async ({ browser }) => {
  const a = await signedIn(browser, "manager@eeas.example");
  const b = await signedIn(browser, "admin@eeas.example");
  const title = `Minutes mention ${Date.now()}`;
  const created = await a.page.request.post("/api/v1/meetings", { data: { title, heldOn: "2030-07-01", format: "virtual" } });
  expect(created.status()).toBe(201);
  const meeting = (await created.json()) as { id: string; version: number };
  await b.page.request.post("/api/v1/notifications/read", { data: { all: true } });

  // A types the mention in the summary, by keyboard alone, and saves.
  await a.page.goto(`/meetings/${meeting.id}/edit`);
  const summary = a.page.getByLabel("Summary (optional)");
  await summary.focus();
  await a.page.keyboard.type("Agreed to circulate the draft. @Elena");
  const list = a.page.getByRole("listbox", { name: "People to mention" });
  await expect(list.getByRole("option", { name: /Elena Vasquez/ })).toBeVisible();
  await expect(summary).toHaveAttribute("aria-activedescendant", /^./);
  await expectAccessible(a.page);
  await a.page.screenshot({ path: shots("summary-autocomplete-1440.png") });
  await a.page.keyboard.press("Enter");
  await expect(summary).toHaveValue("Agreed to circulate the draft. @Elena Vasquez ");
  await a.page.getByRole("button", { name: "Save changes" }).click();
  await expect(a.page).toHaveURL(new RegExp(`/meetings/${meeting.id}$`));
  const notes = ((await (await b.page.request.get("/api/v1/notifications?unread=true")).json()) as { items: { text: string; href: string }[] }).items;
  expect(notes.map((n) => [n.text, n.href])).toContainEqual([`Marc Dubois mentioned you in the summary of ‘${title}’`, `/meetings/${meeting.id}`]);

  // B has the edit form open; A changes the meeting: B is told who, before saving.
  await b.page.goto(`/meetings/${meeting.id}/edit`);
  await expect(b.page.getByLabel("Title")).toHaveValue(title);
  const current = ((await (await a.page.request.get(`/api/v1/meetings/${meeting.id}`)).json()) as { version: number }).version;
  expect((await a.page.request.patch(`/api/v1/meetings/${meeting.id}`, { data: { version: current, location: "Vienna" } })).status()).toBe(200);
  const notice = b.page.getByRole("status").filter({ hasText: "Marc Dubois changed this a moment ago" });
  await expect(notice).toBeVisible({ timeout: 3_000 });
  await b.page.screenshot({ path: shots("meeting-changed-under-1440.png") });
  await b.page.setViewportSize({ width: 360, height: 740 });
  await notice.scrollIntoViewIfNeeded();
  await b.page.screenshot({ path: shots("meeting-changed-under-360.png") });
  await notice.getByRole("button", { name: "review changes" }).click();
  await expect(b.page.getByLabel("Location")).toHaveValue("Vienna");
  await expect(notice).toHaveCount(0);
  await a.context.close();
  await b.context.close();
});

test("a new meeting's summary: the people offered follow its visibility; @mention by keyboard, log it, and they are notified", async ({ browser }) => {
  const a = await signedIn(browser, "manager@eeas.example");
  const b = await signedIn(browser, "staff@unodc.example");
  await b.page.request.post("/api/v1/notifications/read", { data: { all: true } });
  const title = `New minutes mention ${Date.now()}`;
  await a.page.goto("/meetings/new");
  await a.page.getByLabel("Title").fill(title);
  await a.page.getByLabel("Date").fill("2030-08-01");
  await a.page.getByRole("radio", { name: "Virtual" }).check();
  // Restricted to the EEAS (the host): Rahul (UNODC) could not see it, so he is not offered.
  await a.page.getByRole("radio", { name: /^Restricted/ }).check();
  const summary = a.page.getByLabel("Summary (optional)");
  await summary.focus();
  await a.page.keyboard.type("Agreed. @Rahul");
  await expect(a.page.getByText("No one who can see this meeting matches.")).toBeAttached();
  await expect(a.page.getByRole("listbox", { name: "People to mention" })).toHaveCount(0);
  await summary.clear();
  // Internal: everyone can see it, Rahul too; chosen by keyboard alone.
  await a.page.getByRole("radio", { name: /^Internal/ }).check();
  await summary.focus();
  await a.page.keyboard.type("Agreed. @Rahul");
  const list = a.page.getByRole("listbox", { name: "People to mention" });
  await expect(list.getByRole("option", { name: /Rahul Mehta/ })).toBeVisible();
  await expect(summary).toHaveAttribute("aria-activedescendant", /^./);
  await expectAccessible(a.page);
  await a.page.screenshot({ path: shots("new-meeting-autocomplete-1440.png") });
  await a.page.keyboard.press("Enter");
  await expect(summary).toHaveValue("Agreed. @Rahul Mehta ");
  await a.page.keyboard.press("Enter");
  await a.page.keyboard.type("He circulates the route assessment.");
  await a.page.getByRole("button", { name: "Log meeting" }).click();
  await expect(a.page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const meetingId = a.page.url().split("/").pop();
  const notes = ((await (await b.page.request.get("/api/v1/notifications?unread=true")).json()) as { items: { text: string; href: string }[] }).items;
  expect(notes.filter((n) => n.href === `/meetings/${meetingId}`).map((n) => n.text)).toEqual([`Marc Dubois mentioned you in the summary of ‘${title}’`]);
  await a.context.close();
  await b.context.close();
});
