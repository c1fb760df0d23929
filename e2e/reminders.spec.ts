/**
 * E-mail reminders end to end, on a server of its own with SMTP_URL pointing at a real SMTP server
 * started here: a manager reassigns a follow-up in the UI and the new owner's notice arrives (sent
 * by `npm run reminders`, which asks the running server because it holds the data directory); a
 * profile choice saves; the unsubscribe link from a received e-mail works without signing in; the
 * admin mail page shows the status and a failed send. On the shared server (no SMTP_URL) the admin
 * page says mail is off.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type Smtp, startSmtp } from "../tests/support/smtp";
import { expect, expectAccessible, hydrated, signIn, test } from "./fixtures";
import { type OwnServer, startServer, waitHealthy } from "./support/server";

test.describe.configure({ mode: "serial" });
test.setTimeout(240_000);

const port = 4400;
let smtp: Smtp;
let server: OwnServer;
let dataDir: string;

test.beforeAll(async () => {
  smtp = await startSmtp();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tracker-reminders-"));
  server = startServer(port, { dataDir, env: { SMTP_URL: smtp.url, MAIL_FROM: "Tracker E2E <tracker@e2e.test>", APP_URL: `http://127.0.0.1:${port}`, REMINDERS: "off", NODE_ENV: "production" } });
  await waitHealthy(server);
});

test.afterAll(async () => {
  await server?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
  await smtp?.close();
});

/**
 * `npm run reminders` as cron runs it, on the server's data directory (which the server holds).
 * Asynchronously: the SMTP server lives in this process and must keep answering meanwhile.
 */
function runReminders(...args: string[]): Promise<{ status: number | null; out: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join("node_modules", "tsx", "dist", "cli.mjs"), "--conditions=react-server", "scripts/reminders.mts", ...args],
      { env: { ...process.env, DATA_DIR: dataDir, SMTP_URL: smtp.url, APP_URL: `http://127.0.0.1:${port}`, NODE_ENV: "production" }, timeout: 120_000 },
      (error, stdout, stderr) => resolve({ status: error ? (typeof error.code === "number" ? error.code : null) : 0, out: `${stdout}${stderr}` }),
    );
  });
}

const use = (base: string) => ({ baseURL: base });

test("a manager reassigns a follow-up in the UI: the new owner's notice arrives once, with a working link", async ({ browser }) => {
  const context = await browser.newContext(use(server.baseURL));
  const page = await context.newPage();
  await signIn(page, "manager@unodc.example");
  const title = "Involve youth networks in the Education for Justice initiative";
  await page.goto("/my-follow-ups");
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await hydrated(page);
  await page.getByRole("button", { name: "Edit" }).click();
  await page.getByLabel("Owner", { exact: true }).selectOption({ label: "Rahul Mehta (UNODC)" });
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("button", { name: "Save changes" })).toHaveCount(0);
  const followUpId = page.url().split("/").pop()!;

  const run = await runReminders("--no-digests");
  expect(run.out).toContain("Reminders (the running server): 1 sent, 0 failed, 0 skipped; 0 digests queued.");
  expect(run.status).toBe(0);
  expect(smtp.received.map((r) => [r.envelopeTo, r.mail.subject])).toEqual([[["staff@unodc.example"], `Assigned to you: ${title}`]]);
  const mail = smtp.received[0]!.mail;
  expect(mail.text).toContain("Amina Okafor assigned a follow-up to you.");
  const link = `${server.baseURL}/follow-ups/${followUpId}`;
  expect(mail.text).toContain(link);
  expect(mail.html).toContain(`href="${link}"`);

  // A second run sends nothing again.
  expect((await runReminders("--no-digests")).out).toContain("0 sent, 0 failed");
  expect(smtp.received).toHaveLength(1);
  await context.close();
});

test("the digest arrives once per user, and its unsubscribe link works without signing in (a POST, not the page visit)", async ({ browser }) => {
  smtp.received.length = 0;
  const first = await runReminders("--digests");
  expect(first.status, first.out).toBe(0);
  const recipients = smtp.received.flatMap((r) => r.envelopeTo).sort();
  expect(new Set(recipients).size).toBe(recipients.length);
  expect(recipients).toContain("staff@unodc.example");
  expect((await runReminders("--digests")).out).toMatch(/: 0 sent, 0 failed, 0 skipped; 0 digests queued/);

  const digest = smtp.received.find((r) => r.envelopeTo[0] === "staff@unodc.example")!.mail;
  expect(digest.subject).toMatch(/^Your follow-ups: /);
  const url = /Unsubscribe from the follow-up digest: (\S+)/.exec(digest.text ?? "")?.[1];
  expect(url).toMatch(new RegExp(`^${server.baseURL}/unsubscribe\\?token=`));

  const anonymous = await browser.newContext();
  const page = await anonymous.newPage();
  await page.goto(url!);
  await expect(page.getByRole("heading", { level: 1, name: "Unsubscribe from the follow-up digest" })).toBeVisible();
  await expect(page.getByText("For Rahul Mehta (staff@unodc.example).")).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath("unsubscribe.png") });
  await hydrated(page);
  await page.getByRole("button", { name: "Unsubscribe from the follow-up digest" }).click();
  await expect(page.getByRole("status")).toHaveText("Done: staff@unodc.example is unsubscribed.");
  await page.reload();
  await expect(page.getByText("You are already unsubscribed from the follow-up digest.")).toBeVisible();

  // A forged link: a clear page, nothing changed; the one-click endpoint answers 400.
  await page.goto(url!.replace(/.{4}$/, "AAAA"));
  await expect(page.getByRole("heading", { level: 1, name: "This unsubscribe link is not valid" })).toBeVisible();
  await expectAccessible(page);
  const oneClick = await page.request.post(`${server.baseURL}/api/v1/unsubscribe?token=forged`, { form: { "List-Unsubscribe": "One-Click" } });
  expect(oneClick.status()).toBe(400);
  await anonymous.close();

  // The profile shows the change.
  const context = await browser.newContext(use(server.baseURL));
  const staff = await context.newPage();
  await signIn(staff, "staff@unodc.example");
  await staff.goto("/profile");
  await expect(staff.getByRole("group", { name: "Digest" }).getByRole("radio", { name: "Never" })).toBeChecked();
  await context.close();
});

test("the profile's reminder choices save", async ({ browser }) => {
  const context = await browser.newContext(use(server.baseURL));
  const page = await context.newPage();
  await signIn(page, "staff@eeas.example");
  await page.goto("/profile");
  await expect(page.getByRole("heading", { name: "E-mail reminders" })).toBeVisible();
  await expect(page.getByRole("radio", { name: /^Weekly/ })).toBeChecked();
  await hydrated(page);
  await page.getByRole("radio", { name: "Daily" }).check();
  await page.getByLabel("Days ahead").fill("90");
  await page.getByRole("button", { name: "Save reminders" }).click();
  await expect(page.getByRole("group", { name: "There is a problem" })).toBeFocused();
  await expect(page.getByText("Days ahead must be between 1 and 60.").first()).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Days ahead").fill("3");
  await page.getByLabel(/E-mail me when a follow-up is assigned/).uncheck();
  await page.getByRole("button", { name: "Save reminders" }).click();
  await expect(page.getByText("Your e-mail reminders are saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("radio", { name: "Daily" })).toBeChecked();
  await expect(page.getByLabel("Days ahead")).toHaveValue("3");
  await expect(page.getByLabel(/E-mail me when a follow-up is assigned/)).not.toBeChecked();
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath("profile.png"), fullPage: true });
  await context.close();
});

test("the admin mail page shows where mail goes and a failed send with its error and next attempt; others get 403", async ({ browser }) => {
  const context = await browser.newContext(use(server.baseURL));
  const page = await context.newPage();
  await signIn(page, "admin@eeas.example");
  // Assign one to a person whose mailbox refuses it.
  smtp.reject.add("manager@eeas.example");
  const orgs = ((await (await page.request.get("/api/v1/organisations")).json()) as { items: { id: string; acronym: string | null }[] }).items;
  const areas = ((await (await page.request.get("/api/v1/priority-areas")).json()) as { items: { id: string }[] }).items;
  const users = ((await (await page.request.get("/api/v1/users")).json()) as { items: { id: string; email: string }[] }).items;
  const made = await page.request.post("/api/v1/follow-ups", {
    data: { title: "Share the mailbox test agenda", priorityAreaId: areas[0]!.id, ownerOrganisationId: orgs.find((o) => o.acronym === "EEAS")!.id, ownerUserId: users.find((u) => u.email === "manager@eeas.example")!.id },
  });
  expect(made.status()).toBe(201);
  const run = await runReminders("--no-digests");
  expect(run.status).toBe(1);
  expect(run.out).toContain("0 sent, 1 failed");

  await page.goto("/admin/mail");
  await expect(page.getByRole("heading", { level: 1, name: "Mail" })).toBeVisible();
  await expect(page.getByText(`127.0.0.1:${smtp.port}`)).toBeVisible();
  await expect(page.getByText("Tracker E2E <tracker@e2e.test>")).toBeVisible();
  const row = page.getByRole("row", { name: /manager@eeas\.example/ });
  await expect(row).toContainText("Assignment notice: Assigned to you: Share the mailbox test agenda");
  await expect(row).toContainText("550 Mailbox manager@eeas.example is unavailable");
  await expect(row).toContainText("1 of 8");
  await expect(row).toContainText("UTC");
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath("admin-mail.png"), fullPage: true });

  const staffContext = await browser.newContext(use(server.baseURL));
  const staff = await staffContext.newPage();
  await signIn(staff, "staff@eeas.example");
  expect((await staff.goto("/admin/mail"))?.status()).toBe(403);
  await staffContext.close();
  await context.close();
});

test("on the shared server, without SMTP_URL, the admin page says mail is off", async ({ page }) => {
  await signIn(page, "admin@eeas.example");
  await page.goto("/admin/mail");
  await expect(page.getByText("Mail is off: SMTP_URL is not set.")).toBeVisible();
  await expectAccessible(page);
});
