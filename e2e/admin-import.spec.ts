import { expect, expectAccessible, signIn, test } from "./fixtures";

const header = "name,acronym,kind,parent acronym,domains";
const good = ["Cooperation Test Office,CTO,un,UNODC,unodc.org", "CTO Field Unit,CTO-FU,un,CTO,"];
const bad = [...good, "Broken Row,BRK,planet,NOWHERE,"].join("\n");

test("an admin previews a CSV with a bad row (nothing written), fixes it, imports, and re-importing changes nothing", async ({ page }) => {
  await signIn(page, "admin@eeas.example");
  await page.goto("/admin/organisations");
  const box = page.getByLabel("CSV text");
  await box.fill(`${header}\n${bad}`);
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Nothing can be imported yet" })).toBeVisible();
  await expect(page.getByRole("cell", { name: /Kind "planet"/ })).toBeVisible();
  await expect(page.getByRole("button", { name: /^Import \d+ change/ })).toHaveCount(0);
  await expectAccessible(page);

  // The API refuses the same file with 400, and nothing is written.
  const refused = await page.request.post("/api/v1/organisations/import", { data: { csv: `${header}\n${bad}`, dryRun: false } });
  expect(refused.status()).toBe(400);
  const orgs = (await (await page.request.get("/api/v1/organisations")).json()) as { items: { acronym: string | null }[] };
  expect(orgs.items.some((o) => o.acronym === "CTO")).toBe(false);

  await box.fill(`${header}\n${good.join("\n")}`);
  await page.getByRole("button", { name: "Preview" }).click();
  await page.getByRole("button", { name: "Import 2 changes" }).click();
  await expect(page.getByRole("list", { name: "Organisations" }).getByText("Cooperation Test Office")).toBeVisible();

  const again = await page.request.post("/api/v1/organisations/import", { data: { csv: `${header}\n${good.join("\n")}`, dryRun: false } });
  expect(again.status()).toBe(200);
  const plan = (await again.json()) as { changes: number; rows: { action: string }[] };
  expect(plan.changes).toBe(0);
  expect(plan.rows.every((r) => r.action === "unchanged")).toBe(true);
});

test("staff cannot import (403)", async ({ page }) => {
  await signIn(page, "staff@unodc.example");
  const res = await page.request.post("/api/v1/organisations/import", { data: { csv: `${header}\n${good.join("\n")}`, dryRun: true } });
  expect(res.status()).toBe(403);
});
