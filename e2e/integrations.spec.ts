/**
 * Integrations through the browser, on a server of the spec's own (WEBHOOK_ALLOW_PRIVATE=true, so
 * a webhook can reach the receiver this spec runs on loopback): make an API token on the profile
 * and use it as a script would; import a workbook with mapping, preview, a fix and create; the
 * webhooks admin page with a real delivery. Axe on each page, screenshots at 1440 and 360 px.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import ExcelJS from "exceljs";
import type { Browser, Page } from "@playwright/test";
import { expect, expectAccessible, signIn, test } from "./fixtures";
import { type OwnServer, startServer, waitHealthy } from "./support/server";

test.describe.configure({ mode: "serial" });
test.setTimeout(240_000);

let server: OwnServer;
test.beforeAll(async () => {
  server = startServer(Number(process.env.E2E_PORT ?? 3100) + 75, { env: { WEBHOOK_ALLOW_PRIVATE: "true" } });
  await waitHealthy(server);
});
test.afterAll(async () => {
  await server?.stop();
});

async function as(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: server.baseURL });
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}
async function shots(page: Page, name: string) {
  for (const width of [1440, 360]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: test.info().outputPath(`${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

test("a person makes an API token on their profile, a script uses it, and revoking it ends it", async ({ browser }) => {
  const page = await as(browser, "staff@unodc.example");
  await page.goto("/profile");
  const panel = page.getByRole("region", { name: "API tokens" });
  await panel.getByLabel("Name").fill("Power BI dashboard");
  await panel.getByRole("button", { name: "Make a token" }).click();
  const token = await panel.getByLabel("Your new token").inputValue();
  expect(token).toMatch(/^ct_/);
  await expect(panel.getByRole("cell", { name: /^Power BI dashboard ct_/ })).toBeVisible();
  await expectAccessible(page);
  await shots(page, "profile-tokens");

  // As a script would: no cookie, only the header.
  const me = await fetch(`${server.baseURL}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
  expect(me.status).toBe(200);
  expect(((await me.json()) as { email: string }).email).toBe("staff@unodc.example");
  const csv = await fetch(`${server.baseURL}/api/v1/follow-ups.csv?layout=un`, { headers: { authorization: `Bearer ${token}` } });
  expect(csv.status).toBe(200);
  expect(await csv.text()).toContain("Responsible");
  const write = await fetch(`${server.baseURL}/api/v1/meetings`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify({ title: "x", heldOn: "2027-01-01", format: "virtual" }) });
  expect(write.status).toBe(403);

  await page.reload();
  await expect(page.getByRole("cell", { name: /^Power BI dashboard ct_/ })).toBeVisible();
  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: "Revoke Power BI dashboard" }).click();
  await expect(page.getByRole("cell", { name: "Revoked" })).toBeVisible();
  expect((await fetch(`${server.baseURL}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
  await page.context().close();
});

test("import a workbook: choose the sheet, map a column, preview with problems named, fix, create", async ({ browser }) => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Read me").addRow(["Action points of the meeting, one per row"]);
  const ws = wb.addWorksheet("Actions");
  ws.addRow(["Action", "Who", "Deadline", "Progress", "Area"]);
  ws.addRow(["Circulate the draft joint workplan", "UNODC", new Date(Date.UTC(2027, 5, 30)), "Ongoing", "Digitalisation"]);
  ws.addRow(["Convene the port security working group", "EEAS", new Date(Date.UTC(2027, 8, 15)), "Stalled", "Digitalisation"]);
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());

  const page = await as(browser, "manager@unodc.example");
  await page.goto("/follow-ups");
  await page.getByRole("link", { name: "Import" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Import follow-ups" })).toBeVisible();
  await page.getByLabel("File", { exact: true }).setInputFiles({ name: "workplan.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer });
  // The first sheet with rows is read; this one is the notes: choose the other.
  await page.getByLabel("Sheet", { exact: true }).selectOption("Actions");
  await expect(page.getByRole("heading", { name: "Preview of workplan.xlsx, sheet Actions" })).toBeVisible();
  // "Who" is not a header we guess: map it by hand.
  await page.getByLabel("Responsible (person or organisation)").selectOption("Who");
  await page.getByRole("button", { name: "Preview again" }).click();
  await expect(page.getByRole("status").filter({ hasText: "1 ready, 1 with problems" })).toBeVisible();
  await expect(page.getByText('Status: "Stalled" is not one of our statuses')).toBeVisible();
  await expect(page.getByRole("button", { name: "Create 1 follow-up" })).toBeDisabled();
  await expectAccessible(page);
  await shots(page, "import-preview");

  // The fix: say what "Stalled" means.
  await page.getByLabel("“Stalled” means").selectOption("blocked");
  await page.getByRole("button", { name: "Preview again" }).click();
  await expect(page.getByRole("status").filter({ hasText: "2 ready, 0 with problems" })).toBeVisible();
  await page.getByRole("button", { name: "Create 2 follow-ups" }).click();
  await expect(page.getByText("2 follow-ups created from workplan.xlsx.").first()).toBeVisible();

  const list = (await (await page.request.get("/api/v1/follow-ups?q=port%20security%20working%20group")).json()) as { items: { id: string; status: string; dueOn: string }[] };
  expect(list.items).toHaveLength(1);
  expect(list.items[0]).toMatchObject({ status: "blocked", dueOn: "2027-09-15" });
  await page.goto(`/follow-ups/${list.items[0]!.id}`);
  await expect(page.getByText("imported from workplan.xlsx")).toBeVisible();
  await page.context().close();
});

test("the webhooks admin page: register, test ping delivered to a real receiver, the log", async ({ browser }) => {
  const hits: { headers: http.IncomingHttpHeaders; body: string }[] = [];
  const receiver = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      hits.push({ headers: req.headers, body });
      res.end("ok");
    });
  });
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  try {
    const page = await as(browser, "admin@eeas.example");
    await page.goto("/admin/integrations");
    await page.getByLabel("URL").fill(url);
    await page.getByRole("button", { name: "Register webhook" }).click();
    await expect(page.getByLabel("Signing secret")).toHaveValue(/^whsec_/);
    await page.getByRole("button", { name: "Send test ping" }).click();
    // The ping, and (the follow-up events being ticked by default) the demo data's overdue follow-ups.
    const ping = () => hits.find((h) => (JSON.parse(h.body) as { event: string }).event === "ping");
    await expect.poll(() => !!ping(), { timeout: 20_000 }).toBe(true);
    expect(String(ping()!.headers["x-tracker-signature"])).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    await page.waitForTimeout(1000);
    await page.getByRole("button", { name: "Delivery log" }).click();
    await expect(page.getByRole("row").filter({ hasText: "ping" }).getByRole("cell", { name: "Delivered" })).toBeVisible();
    // The toasts fade in and out (axe measures their contrast mid-fade): scan once they are gone.
    await expect(page.locator("[data-sonner-toast]")).toHaveCount(0, { timeout: 15_000 });
    await expectAccessible(page);
    await shots(page, "admin-integrations");
    // A loopback URL is refused where private addresses are not allowed: here they are, so check the https rule's message on a bad URL.
    await page.getByLabel("URL").fill("ftp://example.org/x");
    await page.getByRole("button", { name: "Register webhook" }).click();
    await expect(page.getByText(/URL must be an https:\/\/ address/).first()).toBeVisible();
    await page.context().close();
  } finally {
    receiver.close();
  }
});
