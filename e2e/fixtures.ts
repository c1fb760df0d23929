import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test as base } from "@playwright/test";

export const DEMO_PASSWORD = "demo-password";

/** Signs in through the real form, as a person would. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/signin");
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/signin/);
}

export async function signOut(page: Page) {
  const signOutButton = page.getByRole("button", { name: "Sign out" });
  if (!(await signOutButton.isVisible())) await page.getByRole("button", { name: "Menu" }).click();
  await signOutButton.click();
  await expect(page).toHaveURL(/\/signin/);
}

/** Every page visited passes an axe scan with no violations. */
export async function expectAccessible(page: Page) {
  // Scan the page itself, not a loading skeleton or a title still streaming in: every page has a
  // title and a level-one heading.
  await expect(page).toHaveTitle(/\S/);
  await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/**
 * Makes follow-ups through the JSON API as the signed-in user: `make(title, ownerAcronym, extra)`,
 * in the first priority area unless `extra` says otherwise.
 */
export async function followUpMaker(page: Page) {
  const orgs = ((await (await page.request.get("/api/v1/organisations")).json()) as { items: { id: string; acronym: string | null }[] }).items;
  const areas = ((await (await page.request.get("/api/v1/priority-areas")).json()) as { items: { id: string }[] }).items;
  return async (title: string, owner: string, extra: Record<string, unknown> = {}) => {
    const ownerOrganisationId = orgs.find((o) => o.acronym === owner)?.id;
    const res = await page.request.post("/api/v1/follow-ups", { data: { title, priorityAreaId: areas[0]?.id, ownerOrganisationId, ...extra } });
    expect(res.status()).toBe(201);
  };
}

export const test = base;
export { expect };
