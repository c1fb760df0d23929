import { expect, expectAccessible, test } from "./fixtures";

/**
 * A browser that says French: the tracker answers in French, from the sign-in page on (issue 20).
 * As a user no other spec gives a saved language (the French specs leave theirs on English), so the browser decides.
 */
test.use({ locale: "fr-FR" });

test("a French browser signs in in French, meets a French validation error, and sees the French shell", async ({ page }) => {
  await page.goto("/my-follow-ups");
  await expect(page).toHaveURL(/\/signin/);
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("heading", { level: 1, name: "Connexion" })).toBeVisible();
  await expect(page).toHaveTitle(/Connexion · Suivi de la coopération/);
  await expectAccessible(page);

  // A validation error, and a refused sign-in, in French.
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByText("Saisissez votre adresse électronique, par exemple nom@eeas.europa.eu.")).toBeVisible();
  await page.getByLabel("Adresse électronique").fill("manager@unodc.example");
  await page.getByLabel("Mot de passe").fill("not-the-password");
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByText("L’adresse électronique ou le mot de passe est incorrect.")).toBeVisible();

  await page.getByLabel("Mot de passe").fill("demo-password");
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page).toHaveURL(/\/my-follow-ups/);
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("heading", { level: 1, name: "Mes suivis" })).toBeVisible();
  const nav = page.getByRole("navigation", { name: "Navigation principale" });
  for (const name of ["Mes suivis", "Réunions", "Tableau", "Suivis", "Vue d’ensemble"]) await expect(nav.getByRole("link", { name, exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Se déconnecter" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Aller au contenu" })).toBeAttached();
  await expectAccessible(page);
  for (const width of [1440, 360]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `test-results/french-shell-${width}.png`, fullPage: false });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `horizontal overflow at ${width}px`).toBeLessThanOrEqual(0);
  }
  await page.setViewportSize({ width: 1440, height: 900 });

  // The overview names the priority areas in French.
  await page.goto("/overview");
  await expect(page.getByRole("heading", { level: 1, name: "Vue d’ensemble" })).toBeVisible();
  await expect(page.getByText("Afghanistan et pays voisins").first()).toBeVisible();

  // The profile's switcher saves English on the user: the shell follows, whatever the browser says; then back to French.
  await page.goto("/profile");
  await expect(page.getByRole("heading", { level: 1, name: "Profil" })).toBeVisible();
  await page.screenshot({ path: "test-results/french-profile-1440.png" });
  await page.getByRole("main").getByRole("combobox", { name: "Langue" }).selectOption("en");
  await expect(page.getByRole("heading", { level: 1, name: "Profile" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  expect((await (await page.request.get("/api/v1/me")).json()).locale).toBe("en");
  await page.getByRole("main").getByRole("combobox", { name: "Language" }).selectOption("fr");
  await expect(page.getByRole("heading", { level: 1, name: "Profil" })).toBeVisible();
  expect((await (await page.request.get("/api/v1/me")).json()).locale).toBe("fr");

  // The API answers a bad input in French, with the same code.
  const bad = await page.request.patch("/api/v1/me", { data: { locale: "de" } });
  expect(bad.status()).toBe(400);
  const body = await bad.json();
  expect(body.error.code).toBe("bad_request:input");
  expect(body.error.fields.locale).toBe("La langue doit être en ou fr.");
  expect(body.error.message).toBe("Certaines informations ne sont pas valides. Vérifiez les champs signalés.");

  // Leave the shared demo user as the other specs expect it: English (the page shown stays French until it reloads).
  expect((await page.request.patch("/api/v1/me", { data: { locale: "en" } })).status()).toBe(200);
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page).toHaveURL(/\/signin/);
  // The saved choice is remembered in the browser's cookie too: the sign-in page now follows it, over Accept-Language.
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
});
