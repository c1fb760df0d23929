import type { Page } from "@playwright/test";
import { expect, expectAccessible, signInFrench, test } from "./fixtures";

/**
 * The meetings in French (issue 20), for a user who chose French: the list, the 16th SOM's page, a
 * quick-added follow-up and a validation error on the new-meeting form, each accessible and without
 * horizontal overflow at 1440 and 360 px. User content (titles, minutes) stays as written.
 */
test.use({ locale: "fr-FR" });

const frenchDate = /\b\d{1,2} (janv\.|févr\.|mars|avr\.|mai|juin|juil\.|août|sept\.|oct\.|nov\.|déc\.) \d{4}\b/;

/** Screenshots at 1440 and 360 px; the page never scrolls sideways (French runs longer than English). */
async function shootBoth(page: Page, name: string) {
  for (const width of [1440, 360]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: test.info().outputPath(`${name}-${width}.png`), fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${name}: horizontal overflow at ${width}px`).toBeLessThanOrEqual(0);
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

test("the meetings in French: the list, the 16th SOM, a quick-add and a validation error", async ({ page }) => {
  await signInFrench(page, "staff@unodc.example");
  expect((await page.request.patch("/api/v1/me", { data: { locale: "fr" } })).status()).toBe(200);
  try {
    // The list: header, filters, rows with French dates and formats; the titles are user content.
    await page.goto("/meetings");
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    await expect(page.getByRole("heading", { level: 1, name: "Réunions" })).toBeVisible();
    await expect(page.getByRole("main").getByRole("link", { name: "Enregistrer une réunion" })).toBeVisible();
    const filters = page.getByRole("search", { name: "Filtrer les réunions" });
    await expect(filters.getByLabel("Rechercher")).toHaveAttribute("placeholder", "Titre, résumé ou lieu");
    await expect(filters.getByRole("combobox", { name: "Année" })).toHaveValue("");
    await expect(filters.getByRole("button", { name: "Filtrer" })).toBeVisible();
    const som = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: "16th EU–UNODC Senior Officials Meeting" }) });
    await expect(som.locator("time")).toHaveText("15 févr. 2022");
    await expect(som).toContainText("Hybride");
    await expect(som.getByRole("list", { name: "Domaines prioritaires" })).toBeVisible();
    await expectAccessible(page);
    await shootBoth(page, "french-meetings-list");

    // The 16th SOM: header, details, follow-ups and their summary, the quick-add row, the minutes box.
    await som.getByRole("link", { name: "16th EU–UNODC Senior Officials Meeting" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "16th EU–UNODC Senior Officials Meeting" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Note d’information" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Ajouter au calendrier (.ics)" })).toBeVisible();
    const details = page.getByRole("region", { name: "Détails" });
    await expect(details).toContainText("Organisations participantes (");
    await expect(details).toContainText("Interne — tous les utilisateurs connectés");
    await expect(details.locator("time")).toHaveText(frenchDate);
    const followUps = page.getByRole("region", { name: "Suivis", exact: true });
    await expect(followUps).toContainText(/\d suivis?—/);
    await expect(followUps).toContainText(/·\d+ en retard/);
    // Reference names in French in the rows too (the titles stay as written).
    await expect(followUps.locator(":scope > ul")).toContainText("Flux illicites");
    await expect(page.getByRole("form", { name: "Ajouter un suivi" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Procès-verbal" })).toContainText("Exclure le contenu restreint");
    await expectAccessible(page);
    await shootBoth(page, "french-meetings-som");

    // A quick-add, on a meeting of its own (the SOM's follow-ups stay as the other specs know them).
    const title = `Réunion de suivi ${Date.now()}`;
    const created = await page.request.post("/api/v1/meetings", { data: { title, heldOn: "2030-03-02", format: "virtual" } });
    expect(created.status()).toBe(201);
    await page.goto(`/meetings/${((await created.json()) as { id: string }).id}`);
    const quickAdd = page.getByRole("form", { name: "Ajouter un suivi" });
    await expect(page.getByText("Aucun suivi enregistré pour cette réunion pour l’instant.")).toBeVisible();
    // An empty title: the error is French, and focus goes to the field.
    await quickAdd.getByRole("button", { name: "Ajouter le suivi" }).click();
    await expect(quickAdd.getByText("Renseignez le champ « Titre ».")).toBeVisible();
    await expect(quickAdd.getByLabel("Titre")).toBeFocused();
    await quickAdd.getByLabel("Titre").fill("Communiquer la liste des points focaux");
    await quickAdd.getByLabel("Échéance (facultatif)").fill("2020-01-15");
    await expect(quickAdd.getByRole("group", { name: "Une échéance passée" })).toContainText("en retard de");
    await quickAdd.getByRole("radio", { name: "Terminé" }).check();
    await quickAdd.getByRole("button", { name: "Ajouter le suivi" }).click();
    await expect(quickAdd.getByRole("status")).toHaveText("Suivi « Communiquer la liste des points focaux » ajouté comme terminé");
    await expect(page.getByRole("link", { name: "Communiquer la liste des points focaux" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Suivis", exact: true })).toContainText("1 suivi—");
    await expect(page.getByRole("region", { name: "Suivis", exact: true })).toContainText("1 terminé");
    await expectAccessible(page);
    await shootBoth(page, "french-meetings-quick-add");

    // The new-meeting form: an empty save is refused in French, with the summary focused.
    await page.goto("/meetings/new");
    await expect(page.getByRole("heading", { level: 1, name: "Enregistrer une réunion" })).toBeVisible();
    await page.getByLabel("Lieu").fill("Dakar");
    await page.getByRole("button", { name: "Enregistrer la réunion" }).click();
    const problem = page.getByRole("group", { name: "Il y a un problème" });
    await expect(problem).toBeFocused();
    await expect(problem.getByRole("link", { name: "Renseignez le champ « Titre »." })).toBeVisible();
    await expect(problem.getByRole("link", { name: "Indiquez si la réunion s’est tenue en présentiel, à distance ou en format hybride." })).toBeVisible();
    await expect(page.getByLabel("Lieu")).toHaveValue("Dakar");
    await expect(page.getByRole("group", { name: "Visibilité" }).getByRole("radio", { name: "Restreinte — organisations participantes uniquement" })).toBeVisible();
    await expectAccessible(page);
    await shootBoth(page, "french-meetings-new");
  } finally {
    // Leave the shared demo user as the other specs expect it.
    expect((await page.request.patch("/api/v1/me", { data: { locale: "en" } })).status()).toBe(200);
  }
});
