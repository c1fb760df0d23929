import { expect, expectAccessible, followUpMaker, hydrated, signInFrench, test } from "./fixtures";

/** The board in French (issue 20): a keyboard move, announced in French, for a user who chose French. */
test.use({ locale: "fr-FR" });

const USER = "staff@unodc.example";

test("a French user moves a card by keyboard and hears it in French; the board reads French at 1440 and 360 px", async ({ page }) => {
  await signInFrench(page, USER);
  // The saved choice, as the profile's switcher would save it (other specs share this user: English again at the end).
  expect((await page.request.patch("/api/v1/me", { data: { locale: "fr" } })).status()).toBe(200);
  try {
    const make = await followUpMaker(page);
    const stamp = `Tableau ${Date.now()}`;
    const title = `${stamp} carte`;
    // In the Afghanistan area by its slug (the admin spec reorders the areas, so "the first one" varies).
    const areas = ((await (await page.request.get("/api/v1/priority-areas")).json()) as { items: { id: string; slug: string }[] }).items;
    const afghanistan = areas.find((a) => a.slug === "afghanistan")?.id;
    await make(title, "UNODC", { dueOn: new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10), priorityAreaId: afghanistan });

    await page.goto(`/board?q=${encodeURIComponent(stamp)}`);
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    await expect(page.getByRole("heading", { level: 1, name: "Tableau" })).toBeVisible();
    await expect(page.getByText("1 suivi correspond à ces filtres.")).toBeVisible();
    await expect(page.getByRole("search", { name: "Filtrer les suivis" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: /^En cours/ })).toBeVisible();
    await expect(page.getByText("Déposez une carte ici pour lui donner le statut « Bloqué ».")).toBeVisible();
    // Reference data in French (the title, user content, as written).
    const shown = page.locator("[data-card-id]").filter({ hasText: title });
    await expect(shown).toContainText("ONUDC");
    await expect(shown).toContainText("Afghanistan et pays voisins");
    // Hydrated: the keyboard sensor is live only once the page's scripts ran.
    await hydrated(page);

    const handle = page.getByRole("button", { name: `Déplacer « ${title} » (actuellement : Ouvert)` });
    await expect(handle).toHaveAttribute("aria-roledescription", "déplaçable");
    await handle.focus();
    await page.keyboard.press("Space");
    await expect(page.getByText(`Saisi : ${title}, dans la colonne « Ouvert ».`, { exact: false })).toBeAttached();
    await page.keyboard.press("ArrowRight");
    await expect(page.getByText(`${title} est au-dessus de « En cours ».`)).toBeAttached();
    await page.keyboard.press("Space");
    await expect(page.getByRole("status").filter({ hasText: `Enregistré : ${title} est maintenant « En cours ».` })).toBeAttached();
    await expect(page.getByRole("button", { name: `Déplacer « ${title} » (actuellement : En cours)` })).toBeFocused();
    // dnd-kit's own instructions are French too.
    await expect(page.getByText(/^Pour donner un autre statut à un suivi, appuyez sur Espace/)).toBeAttached();
    // Saved on the server, not only on the screen.
    const list = (await (await page.request.get(`/api/v1/follow-ups?q=${encodeURIComponent(stamp)}`)).json()) as { items: { status: string }[] };
    expect(list.items.map((i) => i.status)).toEqual(["in_progress"]);

    await expectAccessible(page);
    for (const width of [1440, 360]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: `test-results/french-board-${width}.png`, fullPage: true });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `horizontal overflow at ${width}px`).toBeLessThanOrEqual(0);
    }
  } finally {
    expect((await page.request.patch("/api/v1/me", { data: { locale: "en" } })).status()).toBe(200);
  }
});
