import { expect, expectAccessible, signIn, signOut, test } from "./fixtures";

test("a visitor is sent to sign in and lands where they were going", async ({ page }) => {
  await page.goto("/meetings");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fmeetings/);
  await expectAccessible(page);
  await page.getByLabel("E-mail address").fill("staff@eeas.example");
  await page.getByLabel("Password").fill("demo-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/meetings$/);
  await signOut(page);
});

test("a wrong password is refused with a sentence that does not say which part was wrong", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("E-mail address").fill("staff@eeas.example");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("The e-mail address or password is not right.")).toBeVisible();
  await expect(page.getByLabel("E-mail address")).toHaveValue("staff@eeas.example");
  await expectAccessible(page);
});

test("a foreign callbackUrl never leaves the site", async ({ page }) => {
  await page.goto("/signin?callbackUrl=https%3A%2F%2Fevil.example%2Fsteal");
  await page.getByLabel("E-mail address").fill("staff@unodc.example");
  await page.getByLabel("Password").fill("demo-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/my-follow-ups/);
});

test("signing out ends the session", async ({ page }) => {
  await signIn(page, "manager@unodc.example");
  await signOut(page);
  const me = await page.request.get("/api/v1/me");
  expect(me.status()).toBe(401);
});
