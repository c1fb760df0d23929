/**
 * Documents in the browser: drop a PDF on a follow-up and watch it upload (a progress bar per file,
 * Cancel), open it; close a follow-up with evidence in an area that requires it; draft a meeting
 * from a .docx and find the file on the logged meeting. axe on each view, screenshots at 1440 and 360.
 */
import fs from "node:fs";
import path from "node:path";
import type { Locator, Page } from "@playwright/test";
import { expect, expectAccessible, hydrated, signIn, test } from "./fixtures";

const docx = fs.readFileSync(path.join(__dirname, "../tests/fixtures/documents/som16-press-release.docx"));
const pdfOf = (kb: number) => Buffer.concat([Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"), Buffer.alloc(kb * 1024, 0x25)]);

/** Drops files on an element as a person dragging them from the desktop would. */
async function dropFiles(page: Page, target: Locator, files: { name: string; type: string; bytes: Buffer }[]) {
  const dataTransfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0))], f.name, { type: f.type }));
    return dt;
  }, files.map((f) => ({ name: f.name, type: f.type, b64: f.bytes.toString("base64") })));
  await target.dispatchEvent("dragover", { dataTransfer });
  await target.dispatchEvent("drop", { dataTransfer });
}

async function shoot(page: Page, name: string) {
  for (const width of [1440, 360]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: test.info().outputPath(`${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

async function newFollowUp(page: Page, title: string, extra: Record<string, unknown> = {}) {
  const orgs = ((await (await page.request.get("/api/v1/organisations")).json()) as { items: { id: string; acronym: string | null }[] }).items;
  const areas = ((await (await page.request.get("/api/v1/priority-areas")).json()) as { items: { id: string }[] }).items;
  const res = await page.request.post("/api/v1/follow-ups", { data: { title, priorityAreaId: areas[0]!.id, ownerOrganisationId: orgs.find((o) => o.acronym === "UNODC")!.id, ...extra } });
  expect(res.status()).toBe(201);
  return (await res.json()) as { id: string; version: number };
}

test("drop a PDF on a follow-up: a progress bar per file, Cancel, then the list and the PDF opens", async ({ page }) => {
  await signIn(page, "staff@unodc.example");
  const f = await newFollowUp(page, `Evidence upload ${Date.now()}`);
  await page.goto(`/follow-ups/${f.id}`);
  const panel = page.getByRole("region", { name: /^Documents/ }).first();
  await expect(panel.getByText("No documents or links yet.")).toBeVisible();
  await hydrated(page);

  // A slow uplink, so the progress is there to be seen (Chromium's network emulation throttles uploads).
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 256 * 1024 });
  const report = pdfOf(1536);
  // The panel on the page (the Done dialog has one of its own, hidden until opened).
  await dropFiles(page, panel.getByTestId("attachment-dropzone"), [
    { name: "Regional assessment.pdf", type: "application/pdf", bytes: report },
    { name: "Draft to cancel.pdf", type: "application/pdf", bytes: pdfOf(1536) },
  ]);
  const uploads = panel.getByRole("list", { name: "Uploads" });
  const bar = uploads.getByRole("progressbar", { name: "Uploading Regional assessment.pdf" });
  await expect(bar).toBeVisible();
  await expect(uploads.getByRole("progressbar", { name: "Uploading Draft to cancel.pdf" })).toBeVisible();
  await expect.poll(async () => Number(await bar.getAttribute("value")), { timeout: 20_000 }).toBeGreaterThan(0);
  await shoot(page, "follow-up-uploading");
  await uploads.getByRole("button", { name: "Cancel upload of Draft to cancel.pdf" }).click();
  await expect(uploads.getByText("Draft to cancel.pdf")).toHaveCount(0);
  await expect(panel.getByRole("link", { name: "Regional assessment.pdf" })).toBeVisible({ timeout: 60_000 });
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });

  // The list: name, type, size, who and when; the cancelled one never arrived.
  await expect(panel.getByText(/PDF · 1\.5 MB · Unodc Staff|PDF · 1\.5 MB ·/)).toBeVisible();
  await expect(panel.getByRole("link", { name: "Draft to cancel.pdf" })).toHaveCount(0);
  const list = (await (await page.request.get(`/api/v1/follow-ups/${f.id}/attachments`)).json()) as { items: { fileName: string; url: string; size: number }[] };
  expect(list.items.map((i) => i.fileName)).toEqual(["Regional assessment.pdf"]);
  expect(list.items[0]!.size).toBe(report.length);

  // Opens in a new tab, inline and sandboxed.
  const [popup] = await Promise.all([page.waitForEvent("popup"), panel.getByRole("link", { name: "Regional assessment.pdf" }).click()]);
  await expect.poll(() => popup.url()).toContain(`/api/v1/attachments/`);
  const file = await page.request.get(list.items[0]!.url);
  expect(file.headers()["content-type"]).toBe("application/pdf");
  expect(file.headers()["content-disposition"]).toMatch(/^inline; filename="Regional assessment.pdf"; filename\*=UTF-8''Regional%20assessment.pdf$/);
  expect(file.headers()["content-security-policy"]).toMatch(/^sandbox/);
  expect(file.headers()["x-content-type-options"]).toBe("nosniff");
  expect(Buffer.from(await file.body()).equals(report)).toBe(true);
  await popup.close();

  await page.reload();
  await expect(page.getByRole("link", { name: "Regional assessment.pdf" }).first()).toBeVisible();
  await expect(page.getByText(/added Regional assessment\.pdf|Regional assessment\.pdf/).last()).toBeVisible();
  await expectAccessible(page);
  await shoot(page, "follow-up-documents");
});

test("close a follow-up with evidence where the priority area requires it", async ({ page, browser, baseURL }) => {
  // An admin makes an area of its own that requires evidence.
  const adminContext = await browser.newContext({ baseURL });
  const admin = await adminContext.newPage();
  await signIn(admin, "admin@eeas.example");
  const area = await admin.request.post("/api/v1/priority-areas", { data: { name: `Evidence area ${Date.now()}`, requiresEvidence: true } });
  expect(area.status()).toBe(201);
  const areaId = ((await area.json()) as { id: string; requiresEvidence: boolean }).id;
  await admin.goto("/admin/priority-areas");
  await expectAccessible(admin);
  await adminContext.close();

  await signIn(page, "staff@unodc.example");
  const refused = await newFollowUp(page, `Refused without evidence ${Date.now()}`, { priorityAreaId: areaId });
  const res = await page.request.patch(`/api/v1/follow-ups/${refused.id}`, { data: { status: "done", version: refused.version } });
  expect(res.status()).toBe(400);
  expect(((await res.json()) as { error: { fields: { status: string } } }).error.fields.status).toMatch(/requires evidence to close/);

  const f = await newFollowUp(page, `Closed with evidence ${Date.now()}`, { priorityAreaId: areaId });
  await page.goto(`/follow-ups/${f.id}`);
  await hydrated(page);
  await page.getByRole("group", { name: "Status" }).getByRole("button", { name: "Done" }).click();
  const dialog = page.getByRole("dialog", { name: "Mark as done" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText("This priority area requires evidence")).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Mark done without evidence" })).toBeDisabled();
  await dialog.getByRole("button", { name: "Add a link" }).click();
  await dialog.getByLabel("Title").fill("Assessment shared with the Member States");
  await dialog.getByLabel("Address (https)").fill("javascript:alert(1)");
  await dialog.getByRole("button", { name: "Add link" }).click();
  await expect(dialog.getByText("Link must be an https:// address")).toBeVisible();
  await dialog.getByLabel("Address (https)").fill("https://example.sharepoint.com/sites/som/assessment.pdf");
  await dialog.getByRole("button", { name: "Add link" }).click();
  await expect(dialog.getByRole("link", { name: "Assessment shared with the Member States" })).toBeVisible();
  await expectAccessible(page);
  await shoot(page, "done-dialog");
  await dialog.getByRole("button", { name: "Mark done with evidence" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("group", { name: "Status" }).getByRole("button", { name: "Done" })).toHaveAttribute("aria-pressed", "true");
  await page.reload();
  const current = (await (await page.request.get(`/api/v1/follow-ups/${f.id}`)).json()) as { status: string };
  expect(current.status).toBe("done");
  await expect(page.getByRole("link", { name: "Assessment shared with the Member States" }).first()).toBeVisible();
});

test("draft a meeting from a .docx: the review is filled, and the file is the logged meeting's first document", async ({ page }) => {
  await signIn(page, "staff@eeas.example");
  await page.goto("/meetings/new");
  await hydrated(page);
  await dropFiles(page, page.getByTestId("draft-dropzone"), [{ name: "SOM16 press release.docx", type: "", bytes: docx }]);
  const review = page.getByRole("region", { name: "Check the draft" });
  await expect(review.getByLabel("Title", { exact: true })).toHaveValue("16th EU–UNODC Senior Officials Meeting");
  await expect(review.getByLabel("Date", { exact: true })).toHaveValue("15 Feb 2022");
  await expectAccessible(page);
  await shoot(page, "draft-from-docx");
  const title = `Drafted from a Word file ${Date.now()}`;
  await review.getByLabel("Title", { exact: true }).fill(title);
  await review.getByRole("button", { name: "Accept and fill in the form" }).click();
  await expect(page.getByRole("status").filter({ hasText: "SOM16 press release.docx will be kept as the meeting's first document" })).toBeVisible();
  await page.getByRole("button", { name: "Log meeting" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const documents = page.getByRole("region", { name: /^Documents/ });
  await expect(documents.getByRole("link", { name: "SOM16 press release.docx" })).toBeVisible();
  await expect(documents.getByText(/^Word · 2 KB/)).toBeVisible();
  await expectAccessible(page);
  await shoot(page, "meeting-documents");
});

test("an admin sees removed documents and restores one; it is back on its record and in its history", async ({ page, browser, baseURL }) => {
  await signIn(page, "staff@unodc.example");
  const f = await newFollowUp(page, `Restore a document ${Date.now()}`);
  const name = `Removed by mistake ${Date.now()}.pdf`;
  const bytes = pdfOf(40);
  const added = await page.request.post(`/api/v1/follow-ups/${f.id}/attachments`, { multipart: { file: { name, mimeType: "application/pdf", buffer: bytes } } });
  expect(added.status()).toBe(201);
  const { id } = (await added.json()) as { id: string };
  expect((await page.request.delete(`/api/v1/attachments/${id}`)).status()).toBe(204);
  expect((await page.request.get(`/api/v1/attachments/${id}`)).status()).toBe(404);
  // Not for anyone but an admin: the page answers 403, the API too.
  await page.goto("/admin/documents");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Only admins can open this page");
  expect((await page.request.get("/api/v1/attachments/removed")).status()).toBe(403);
  expect((await page.request.post(`/api/v1/attachments/${id}/restore`)).status()).toBe(403);

  const adminContext = await browser.newContext({ baseURL });
  const admin = await adminContext.newPage();
  await signIn(admin, "admin@eeas.example");
  await admin.goto("/admin");
  await admin.getByRole("navigation", { name: "Admin sections" }).getByRole("link", { name: "Removed documents" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: "Removed documents" })).toBeVisible();
  const item = admin.getByRole("list", { name: "Removed documents" }).getByRole("listitem").filter({ hasText: name });
  await expect(item).toContainText("removed by Rahul Mehta");
  await expect(item.getByRole("link", { name: /Restore a document/ })).toHaveAttribute("href", `/follow-ups/${f.id}`);
  await expect(item).toContainText(/Restorable until \d{1,2} \w{3} \d{4}/);
  await expectAccessible(admin);
  await shoot(admin, "admin-removed-documents");
  await item.getByRole("button", { name: `Restore ${name}` }).click();
  await expect(admin.getByText(`${name} is back on its record.`)).toBeVisible();
  await expect(item).toHaveCount(0);

  // Back where it was, the same bytes, and the history says who restored it.
  const file = await page.request.get(`/api/v1/attachments/${id}`);
  expect(file.status()).toBe(200);
  expect(Buffer.from(await file.body()).equals(bytes)).toBe(true);
  await page.goto(`/follow-ups/${f.id}`);
  await expect(page.getByRole("region", { name: /^Documents/ }).first().getByRole("link", { name })).toBeVisible();
  await expect(page.getByText(`restored ${name}`).first()).toBeVisible();
  const audit = (await (await admin.request.get(`/api/v1/activity?entityId=${f.id}`)).json()) as { items: { action: string; actorId: string | null }[] };
  expect(audit.items.map((a) => a.action)).toEqual(expect.arrayContaining(["attachment_added", "attachment_removed", "attachment_restored"]));
  await adminContext.close();
});
