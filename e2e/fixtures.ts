import fs from "node:fs";
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

/** The same, on the French sign-in page (a browser that says French). */
export async function signInFrench(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/signin");
  await page.getByLabel("Adresse électronique").fill(email);
  await page.getByLabel("Mot de passe").fill(password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page).not.toHaveURL(/\/signin/);
}

/** Waits until React has hydrated the page (components/ui/hydration-mark.tsx): a click before that is lost. */
export async function hydrated(page: Page) {
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
}

/** Screenshots at 1440 and 360 px into E2E_SHOTS_DIR, when it is set, to look at; the viewport is put back. */
export async function shootIfAsked(page: Page, name: string) {
  const dir = process.env.E2E_SHOTS_DIR;
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  const before = page.viewportSize();
  for (const width of [1440, 360]) {
    await page.setViewportSize({ width, height: 900 });
    await page.waitForTimeout(150);
    await page.screenshot({ path: `${dir}/${name}-${width}.png`, fullPage: true });
  }
  if (before) await page.setViewportSize(before);
}

/** Waits until the page's live event stream is connected: a change made after this reaches it. */
export async function liveConnected(page: Page) {
  await page.locator("html[data-live=open]").waitFor({ state: "attached" });
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
  const scan = () => new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  let results = await scan();
  // A refresh (router.refresh after a save) swaps the streamed <title> element: scanned in that instant,
  // the page has none for a moment. Once it is back, scan again; a page that truly lacks one still fails.
  if (results.violations.some((v) => v.id === "document-title")) {
    await expect(page).toHaveTitle(/\S/);
    results = await scan();
  }
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
  const orgId = (acronym: string) => orgs.find((o) => o.acronym === acronym)?.id;
  const make = async (title: string, owner: string, extra: Record<string, unknown> = {}): Promise<MadeFollowUp> => {
    const res = await page.request.post("/api/v1/follow-ups", { data: { title, priorityAreaId: areas[0]?.id, ownerOrganisationId: orgId(owner), ...extra } });
    expect(res.status()).toBe(201);
    return (await res.json()) as MadeFollowUp;
  };
  return Object.assign(make, { orgId });
}

/** What the API answers for a follow-up just made (the fields the specs read). */
export type MadeFollowUp = { id: string; version: number; dueOn: string | null; status: string; title: string };

export const test = base;
export { expect };
