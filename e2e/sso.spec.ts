/**
 * Single sign-on end to end, against a real OpenID Connect provider (panva's oidc-provider on
 * 127.0.0.1, its development sign-in and consent pages) and a server of our own configured for it:
 * a new person is provisioned, a password user is linked, an unknown domain and a deactivated user
 * are refused with a sentence, and PASSWORD_SIGNIN=false leaves only the single sign-on.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type APIRequestContext, type Page, request as playwrightRequest } from "@playwright/test";
import { DEMO_PASSWORD, expect, expectAccessible, test } from "./fixtures";
import { signInContext } from "./support/http";
import { startOidcProvider, type TestProvider } from "./support/oidc-provider";
import { type OwnServer, startServer, waitHealthy } from "./support/server";

test.describe.configure({ mode: "serial" });
test.setTimeout(240_000);

// E2E_PORT+90 would be 4190 for E2E_PORT=4100, a port browsers and fetch refuse (ManageSieve, on
// the Fetch standard's list of bad ports): the app takes +92, the provider +91.
const port = Number(process.env.E2E_PORT ?? 3100) + 92;
const idpPort = port - 1;
// The app by the name localhost: Next's request URL names 127.0.0.1 "localhost" whatever AUTH_URL
// says, and the redirect URI the provider checks must be the same at sign-in and at the callback.
const base = `http://localhost:${port}`;
const client = { id: "tracker-e2e", secret: "tracker-e2e-client-secret", redirectUri: `${base}/api/auth/callback/oidc` };
const accounts = [
  { sub: "nadia", email: "Nadia.Okafor@unodc.example", email_verified: true, name: "Nadia Okafor" },
  { sub: "sofia", email: "staff@eeas.example", email_verified: true, name: "S. Lindqvist at the provider" },
  { sub: "outsider", email: "someone@example.com", email_verified: true, name: "Some One" },
];

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tracker-sso-"));
let idp: TestProvider;
let app: OwnServer;
let admin: APIRequestContext;

async function startApp(env: Record<string, string> = {}) {
  app = startServer(port, { dataDir, env: { AUTH_URL: base, OIDC_ISSUER: idp.issuer, OIDC_CLIENT_ID: client.id, OIDC_CLIENT_SECRET: client.secret, OIDC_NAME: "Test IdP", ...env } });
  await waitHealthy(app);
}

test.beforeAll(async () => {
  idp = await startOidcProvider({ port: idpPort, client, accounts });
  await startApp();
  admin = await signInContext(base, "admin@eeas.example");
});

test.afterEach(async ({}, testInfo) => {
  if (testInfo.status === testInfo.expectedStatus) return;
  fs.writeFileSync(testInfo.outputPath("server-output.txt"), app?.output() ?? "");
  await testInfo.attach("server output", { path: testInfo.outputPath("server-output.txt") });
});

test.afterAll(async () => {
  await admin?.dispose();
  await app?.stop();
  await idp?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** From our sign-in page through the provider's sign-in and consent pages, as the given account. */
async function signInAtProvider(page: Page, login: string) {
  await page.getByRole("button", { name: "Sign in with Test IdP" }).click();
  await expect(page).toHaveURL(new RegExp(`^${idp.issuer}/`));
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any password");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(new RegExp(`^${base}/`));
}

const me = async (page: Page) => {
  const res = await page.request.get(`${base}/api/v1/me`);
  return { status: res.status(), body: res.ok() ? ((await res.json()) as { id: string; name: string; email: string; role: string; organisationId: string }) : null };
};
const usersNamed = async (email: string) =>
  ((await (await admin.get("/api/v1/users")).json()) as { items: { id: string; email: string; active: boolean; version: number }[] }).items.filter((u) => u.email.toLowerCase() === email);
const organisationId = async (acronym: string) =>
  ((await (await admin.get("/api/v1/organisations")).json()) as { items: { id: string; acronym: string | null }[] }).items.find((o) => o.acronym === acronym)?.id;

test("the sign-in page offers single sign-on above the password form", async ({ page }, testInfo) => {
  await page.goto(`${base}/signin`);
  const sso = page.getByRole("button", { name: "Sign in with Test IdP" });
  await expect(sso).toBeVisible();
  await expect(page.getByLabel("Password")).toBeVisible();
  expect((await sso.boundingBox())!.y).toBeLessThan((await page.getByLabel("E-mail address").boundingBox())!.y);
  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath("signin-sso-and-password.png"), fullPage: true });
});

test("a new person of a participating organisation signs in and is provisioned as its staff", async ({ page }) => {
  expect(await usersNamed("nadia.okafor@unodc.example")).toEqual([]);
  await page.goto(`${base}/meetings`);
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fmeetings/);
  await signInAtProvider(page, "nadia");
  await expect(page).toHaveURL(`${base}/meetings`);
  await expectAccessible(page);
  const { body } = await me(page);
  expect(body).toMatchObject({ name: "Nadia Okafor", email: "nadia.okafor@unodc.example", role: "staff", organisationId: await organisationId("UNODC") });
  expect(await usersNamed("nadia.okafor@unodc.example")).toHaveLength(1);
});

test("an existing password user with the same e-mail is linked, not duplicated", async ({ page, browser }, testInfo) => {
  const [sofia] = await usersNamed("staff@eeas.example");
  await page.goto(`${base}/signin`);
  await signInAtProvider(page, "sofia");
  await expect(page).not.toHaveURL(/\/signin/);
  expect((await me(page)).body).toMatchObject({ id: sofia!.id, name: "Sofia Lindqvist", role: "staff" });
  expect(await usersNamed("staff@eeas.example")).toHaveLength(1);

  // The admin's user list marks who signs in with single sign-on.
  const adminContext = await browser.newContext();
  const adminPage = await adminContext.newPage();
  await adminPage.goto(`${base}/signin`);
  await adminPage.getByLabel("E-mail address").fill("admin@eeas.example");
  await adminPage.getByLabel("Password").fill(DEMO_PASSWORD);
  await adminPage.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(adminPage).not.toHaveURL(/\/signin/);
  await adminPage.goto(`${base}/admin/users`);
  const row = (name: string) => adminPage.getByRole("listitem").filter({ hasText: name });
  await expect(row("Sofia Lindqvist").getByText("SSO", { exact: true })).toBeVisible();
  await expect(row("Nadia Okafor").getByText("SSO", { exact: true })).toBeVisible();
  await expect(row("Marc Dubois").getByText("SSO", { exact: true })).toHaveCount(0);
  await expectAccessible(adminPage);
  await adminPage.screenshot({ path: testInfo.outputPath("admin-users-sso.png"), fullPage: true });
  await adminContext.close();
});

test("an e-mail domain of no participating organisation is refused with a page that says so", async ({ page }, testInfo) => {
  await page.goto(`${base}/signin`);
  await signInAtProvider(page, "outsider");
  await expect(page).toHaveURL(`${base}/signin/refused?reason=unknown_domain&domain=example.com`);
  await expect(page.getByText("Your e-mail domain example.com is not one of the participating organisations' domains. Ask an administrator to add it.")).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath("signin-refused.png"), fullPage: true });
  expect((await me(page)).status).toBe(401);
  expect(await usersNamed("someone@example.com")).toEqual([]);
  await page.getByRole("link", { name: "Back to sign in" }).click();
  await expect(page).toHaveURL(`${base}/signin`);
});

test("a deactivated user is refused", async ({ page }) => {
  const [nadia] = await usersNamed("nadia.okafor@unodc.example");
  const res = await admin.patch(`/api/v1/users/${nadia!.id}`, { data: { active: false, version: nadia!.version } });
  expect(res.status()).toBe(200);
  await page.goto(`${base}/signin`);
  await signInAtProvider(page, "nadia");
  await expect(page).toHaveURL(`${base}/signin/refused?reason=deactivated`);
  await expect(page.getByText("Your account has been deactivated. Ask an administrator to reactivate it.")).toBeVisible();
  expect((await me(page)).status).toBe(401);
});

test("the refusal and sign-in pages never echo what an address says", async ({ page }) => {
  await page.goto(`${base}/signin/refused?reason=unknown_domain&domain=${encodeURIComponent("evil.example/<b>phish</b>")}`);
  await expect(page.getByText("Your e-mail domain is not one of the participating organisations' domains. Ask an administrator to add it.")).toBeVisible();
  await expect(page.getByText("phish")).toHaveCount(0);
  for (const url of [`${base}/signin/refused?error=Configuration`, `${base}/signin/refused?reason=${encodeURIComponent("Call +1 555 0100")}`]) {
    await page.goto(url);
    await expect(page.getByText("Single sign-on did not complete. Try again; if it keeps failing, ask an administrator.")).toBeVisible();
    await expect(page.getByText(/Configuration|555/)).toHaveCount(0);
  }
  await page.goto(`${base}/signin?error=OAuthCallbackError`);
  await expect(page.getByRole("alert").filter({ hasText: "Single sign-on did not complete. Try again; if it keeps failing, ask an administrator." })).toBeVisible();
  await expectAccessible(page);
});

test("with PASSWORD_SIGNIN=false only single sign-on is offered, and the server refuses a password", async ({ page }, testInfo) => {
  await app.stop();
  await startApp({ PASSWORD_SIGNIN: "false" });
  await page.goto(`${base}/signin`);
  await expect(page.getByRole("button", { name: "Sign in with Test IdP" })).toBeVisible();
  await expect(page.getByLabel("Password")).toHaveCount(0);
  await expect(page.getByLabel("E-mail address")).toHaveCount(0);
  await expect(page.getByText("Demo accounts")).toHaveCount(0);
  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath("signin-sso-only.png"), fullPage: true });

  // The password callback itself refuses the right password.
  const ctx = await playwrightRequest.newContext({ baseURL: base });
  const { csrfToken } = (await (await ctx.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const res = await ctx.post("/api/auth/callback/credentials", { form: { csrfToken, email: "staff@unodc.example", password: DEMO_PASSWORD, callbackUrl: "/" }, maxRedirects: 0 });
  expect(res.status()).toBe(302);
  expect(res.headers()["location"]).toContain("error=");
  expect((await ctx.get("/api/v1/me")).status()).toBe(401);
  await ctx.dispose();

  // Single sign-on still signs people in.
  await signInAtProvider(page, "sofia");
  await expect(page).not.toHaveURL(/\/signin/);
  expect((await me(page)).body).toMatchObject({ email: "staff@eeas.example" });
});
