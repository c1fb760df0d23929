import { expect, expectAccessible, signIn, test } from "./fixtures";

test("a manager saves a filtered board as a view and opens it again from the sidebar", async ({ page }) => {
  await signIn(page, "manager@eeas.example");
  await page.goto("/board");
  await page.getByLabel("Overdue only").check();
  await expect(page).toHaveURL(/overdue=true/);

  await page.getByRole("button", { name: "Save view" }).click();
  await page.getByLabel("Name", { exact: true }).fill("Overdue on the board");
  await page.getByLabel("Share with my organisation").check();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Save", exact: true }).click();

  const sidebar = page.getByRole("navigation", { name: "Main" });
  await expect(sidebar.getByRole("link", { name: "Overdue on the board" })).toBeVisible();

  // Start again without the filter, reload, and open the view from the sidebar.
  await page.goto("/board");
  await page.reload();
  await expect(page.getByLabel("Overdue only")).not.toBeChecked();
  await sidebar.getByRole("link", { name: "Overdue on the board" }).click();
  await expect(page).toHaveURL(/\/board\?.*overdue=true/);
  await expect(page.getByLabel("Overdue only")).toBeChecked();
  await expect(sidebar.getByRole("button", { name: "Delete view Overdue on the board" })).toBeVisible();
  await expectAccessible(page);
});

test("the follow-ups table shows the chosen columns and exports them", async ({ page }) => {
  await signIn(page, "manager@eeas.example");
  await page.goto("/follow-ups?columns=title,status,description");
  const headers = page.locator("table thead th");
  await expect(headers.filter({ hasText: "Description" })).toHaveCount(1);
  await expect(headers.filter({ hasText: "Priority area" })).toHaveCount(0);
  await page.getByText("Export CSV", { exact: true }).click();
  await expect(page.getByRole("link", { name: /^Comma-separated/ })).toHaveAttribute("href", /columns=title%2Cstatus%2Cdescription/);
  await expect(page.getByRole("link", { name: /^Semicolon-separated/ })).toHaveAttribute("href", /columns=title%2Cstatus%2Cdescription.*&sep=semicolon$/);
  await page.getByText("Export CSV", { exact: true }).click();
  await page.getByText("Columns", { exact: true }).click();
  await page.getByLabel("Priority", { exact: true }).check();
  await expect(page).toHaveURL(/columns=title(,|%2C)status(,|%2C)description(,|%2C)priority/);
  await expect(headers.filter({ hasText: /^Priority$/ })).toHaveCount(1);
  await expectAccessible(page);
});
