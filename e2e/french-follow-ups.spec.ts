import type { Page } from "@playwright/test";
import { expect, expectAccessible, signInFrench, test } from "./fixtures";

/**
 * A French-speaking colleague's follow-ups, end to end (issue 20): My follow-ups, recording a follow-up
 * (with a validation error first), its page, a status change announced in French. Each page passes axe
 * and fits at 1440 and 360 px without horizontal overflow (French runs about 20 % longer).
 */
test.use({ locale: "fr-FR" });

const USER = "staff@eeas.example";

async function fits(page: Page, name: string) {
  for (const width of [1440, 360]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `test-results/french-${name}-${width}.png`, fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `horizontal overflow of ${name} at ${width}px`).toBeLessThanOrEqual(0);
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

test("a French reader follows up in French: My follow-ups, a new follow-up, its page and a status change", async ({ page }) => {
  await signInFrench(page, USER);
  // The saved choice comes before the browser's: other specs leave the demo users on English.
  expect((await page.request.patch("/api/v1/me", { data: { locale: "fr" } })).status()).toBe(200);

  try {
    // My follow-ups.
    await page.goto("/my-follow-ups");
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    await expect(page.getByRole("heading", { level: 1, name: "Mes suivis" })).toBeVisible();
    const tabs = page.getByRole("navigation", { name: "Suivis de qui" });
    await expect(tabs.getByRole("link", { name: "Tous" })).toHaveAttribute("aria-current", "page");
    await expect(tabs.getByRole("link", { name: "Qui me sont attribués" })).toBeVisible();
    await expect(page.getByText(/^\d+ suivis? en cours/).first()).toBeVisible();
    await expectAccessible(page);
    await fits(page, "my-follow-ups");

    // A new follow-up: first a validation error, in French, with focus on the summary.
    await page.getByRole("link", { name: "Nouveau suivi" }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: "Nouveau suivi" })).toBeVisible();
    await page.waitForLoadState("networkidle"); // hydrated: the form validates in the browser
    await page.getByRole("button", { name: "Enregistrer le suivi" }).click();
    await expect(page.getByRole("group", { name: "Il y a un problème" })).toBeFocused();
    await expect(page.getByRole("link", { name: "Renseignez le champ « Titre »." })).toBeVisible();
    await expect(page.getByLabel("Titre")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByRole("combobox", { name: "Réunion" })).toBeVisible();
    await expect(page.getByRole("combobox", { name: "Priorité" })).toHaveValue("normal");
    await expect(page.getByRole("option", { name: "Normale" })).toBeAttached();
    await expectAccessible(page);
    await fits(page, "new-follow-up");

    const title = `Transmettre le compte rendu aux délégations ${Date.now()}`;
    await page.getByLabel("Titre").fill(title);
    await page.getByLabel("Échéance (facultatif)").fill("2020-03-01");
    await page.getByRole("button", { name: "Enregistrer le suivi" }).click();

    // Its page: the status, an overdue due date and the details, in French.
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(page.getByText(/en retard de \d[\d\s]* jours/).first()).toBeVisible();
    const details = page.getByRole("region", { name: "Détails" });
    await expect(details.getByText("Domaine prioritaire")).toBeVisible();
    await expect(details.getByText("Normale", { exact: true })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: /Commentaires/ })).toBeVisible();
    await expect(page.getByRole("listitem").filter({ hasText: "a créé ce suivi" })).toBeVisible();
    await expect(page.getByRole("group", { name: "Statut" }).getByRole("button", { name: "Ouvert" })).toHaveAttribute("aria-pressed", "true");
    await expectAccessible(page);
    await fits(page, "follow-up");

    // A status change, announced in French, and written in the history.
    const status = page.getByRole("group", { name: "Statut" });
    await status.getByRole("button", { name: "En cours" }).click();
    await expect(status.getByRole("button", { name: "En cours" })).toHaveAttribute("aria-pressed", "true");
    await expect(page.getByRole("status").filter({ hasText: "Statut changé : En cours." })).toBeAttached();
    await expect(page.getByRole("listitem").filter({ hasText: /a changé le statut de\s*Ouvert\s*à\s*En cours/ })).toBeVisible();
    await expectAccessible(page);

    // The edit form in French: a validation error under its field.
    await page.getByRole("button", { name: "Modifier", exact: true }).click();
    await expect(page.getByRole("heading", { level: 2, name: "Modifier le suivi" })).toBeVisible();
    await page.getByLabel("Titre").fill("");
    await page.getByRole("button", { name: "Enregistrer les modifications" }).click();
    await expect(page.getByRole("group", { name: "Il y a un problème" })).toBeFocused();
    await expect(page.locator("#title-error")).toContainText("Renseignez le champ « Titre ».");
    await expectAccessible(page);
    await fits(page, "follow-up-edit");
    await page.getByRole("button", { name: "Annuler" }).click();

    // Back in My follow-ups, the new one is there, with its status in French.
    await page.goto("/my-follow-ups");
    const row = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: title }) });
    await expect(row.getByText("En cours")).toBeVisible();
    await expect(row.getByText(/en retard de \d[\d\s]* jours/)).toBeVisible();
  } finally {
    // Leave the shared demo user as the other specs expect it: English.
    expect((await page.request.patch("/api/v1/me", { data: { locale: "en" } })).status()).toBe(200);
  }
});
