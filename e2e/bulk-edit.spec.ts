import { expect, expectAccessible, followUpMaker, hydrated, signIn, test } from "./fixtures";

test("a UNODC manager bulk edits follow-ups in the table: only those in scope change", async ({ page }) => {
  await signIn(page, "manager@unodc.example");
  // Fresh follow-ups of our own, so other specs' changes to the demo data do not matter.
  const stamp = `bulk-${Date.now()}`;
  const makeOne = await followUpMaker(page);
  const make = (title: string, owner: string) => makeOne(title, owner, { dueOn: "2031-06-30" });
  const ours = [`Brief the field offices ${stamp}`, `Update the regional programme ${stamp}`];
  const theirs = `Align the EU position ${stamp}`;
  await make(ours[0] as string, "UNODC");
  await make(ours[1] as string, "ROSEN");
  await make(theirs, "EEAS");

  await page.goto(`/follow-ups?organisationId=all&q=${stamp}`);
  await expect(page.getByRole("link", { name: theirs })).toBeVisible();
  await hydrated(page);
  await expect(page.getByRole("region", { name: "Bulk edit" })).toHaveCount(0);

  // Two rows, by keyboard-reachable checkboxes; status to Blocked; confirm.
  for (const title of ours) await page.getByRole("checkbox", { name: `Select “${title}”` }).check();
  const bar = page.getByRole("region", { name: "Bulk edit" });
  await expect(bar.getByText("2 follow-ups selected")).toBeVisible();
  await bar.getByLabel("Change").selectOption("status");
  await bar.getByLabel("New status").selectOption("blocked");
  await expectAccessible(page);
  await bar.getByRole("button", { name: "Review change" }).click();
  await expect(bar.getByText("Set the status of 2 follow-ups to Blocked?")).toBeFocused();
  await expectAccessible(page);
  await bar.getByRole("button", { name: "Yes, change 2 follow-ups" }).click();
  await expect(page.getByRole("status").getByText("Changed 2; 0 refused.")).toBeVisible();

  await page.reload();
  for (const title of ours) await expect(page.getByRole("row").filter({ hasText: title }).getByText("Blocked")).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: theirs }).getByText("Blocked")).toHaveCount(0);

  // Select all on the page, cancel: the EEAS one is refused and listed, and stays as it was.
  await hydrated(page);
  await page.getByRole("checkbox", { name: /Select all 3 follow-ups on this page/ }).check();
  await bar.getByLabel("Change").selectOption("cancel");
  await bar.getByRole("button", { name: "Cancel follow-ups…" }).click();
  await expect(bar.getByText("Cancel 3 follow-ups?")).toBeFocused();
  await bar.getByRole("button", { name: "Yes, cancel 3 follow-ups" }).click();
  const result = page.getByRole("status").filter({ hasText: "Changed 2; 1 refused:" });
  await expect(result).toBeVisible();
  await expect(result.getByText(theirs)).toBeVisible();
  await expect(result.getByText(/outside your organisation/)).toBeVisible();
  await expectAccessible(page);

  await page.reload();
  for (const title of ours) await expect(page.getByRole("row").filter({ hasText: title }).getByText("Cancelled")).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: theirs }).getByText("Open")).toBeVisible();
});

test("staff are not offered bulk edit, and the server refuses it", async ({ page }) => {
  await signIn(page, "staff@unodc.example");
  await page.goto("/follow-ups");
  await expect(page.getByRole("heading", { level: 1, name: "Follow-ups" })).toBeVisible();
  await expect(page.getByRole("checkbox", { name: /Select all/ })).toHaveCount(0);
  const list = (await (await page.request.get("/api/v1/follow-ups?limit=2")).json()) as { items: { id: string; status: string }[] };
  const res = await page.request.post("/api/v1/follow-ups/bulk", { data: { ids: list.items.map((f) => f.id), change: { status: "cancelled" } } });
  expect(res.status()).toBe(200);
  const body = (await res.json()) as { changed: string[]; refused: unknown[] };
  expect(body.changed).toEqual([]);
  expect(body.refused).toHaveLength(list.items.length);
});
