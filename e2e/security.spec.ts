import { expect, signIn, signOut, test } from "./fixtures";

test("pages carry a nonce-based Content-Security-Policy without unsafe-eval, and the hardening headers", async ({ page }) => {
  const csp: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) csp.push(m.text());
  });
  const res = await page.goto("/signin");
  const headers = res?.headers() ?? {};
  const policy = headers["content-security-policy"] ?? "";
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(policy).not.toContain("unsafe-eval");
  expect(policy).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-frame-options"]).toBe("DENY");
  // The policy does not get in the way: the app hydrates and works under it.
  await signIn(page, "staff@unodc.example");
  await expect(page.getByRole("heading", { level: 1, name: "My follow-ups" })).toBeVisible();
  expect(csp, "no CSP violations reported").toEqual([]);
});

test("public/ serves the icon, the web app manifest and a robots.txt that keeps search engines out, without a session", async ({ request }) => {
  const robots = await request.get("/robots.txt", { maxRedirects: 0 });
  expect(robots.status()).toBe(200);
  expect(await robots.text()).toMatch(/User-agent: \*\s+Disallow: \/\s*$/);
  const manifest = await request.get("/manifest.webmanifest", { maxRedirects: 0 });
  expect(manifest.status()).toBe(200);
  expect((await manifest.json()) as { name: string; icons: { src: string }[] }).toMatchObject({ name: "Cooperation Tracker", icons: [{ src: "/icon.svg" }] });
  const icon = await request.get("/icon.svg", { maxRedirects: 0 });
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toContain("image/svg+xml");
});

test("the API answers with nosniff and a deny-all policy", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.headers()["x-content-type-options"]).toBe("nosniff");
  expect(res.headers()["content-security-policy"]).toContain("default-src 'none'");
});

test("the session cookie is HttpOnly and SameSite=Lax", async ({ page, context }) => {
  await signIn(page, "staff@eeas.example");
  const cookie = (await context.cookies()).find((c) => c.name.endsWith("authjs.session-token"));
  expect(cookie?.httpOnly).toBe(true);
  expect(cookie?.sameSite).toBe("Lax");
});

test("a session cookie kept after sign-out no longer signs anyone in", async ({ page, context, browser }) => {
  await signIn(page, "staff@eeas.example");
  const kept = await context.cookies();
  await signOut(page);
  const replay = await browser.newContext();
  await replay.addCookies(kept);
  const res = await replay.request.get("/api/v1/me");
  expect(res.status()).toBe(401);
  const other = await replay.newPage();
  await other.goto("/my-follow-ups");
  await expect(other).toHaveURL(/\/signin/);
  await replay.close();
});

test("sign-in from an address is throttled after ten failures, with a clear message, even for the right password", async ({ page }) => {
  // A documentation address of its own (as a reverse proxy would pass it), so the throttle does not
  // reach the other tests' sign-ins; the per-account throttle is proven in tests/integration/sessions.
  await page.setExtraHTTPHeaders({ "x-forwarded-for": "198.51.100.23" });
  await page.goto("/signin");
  for (let i = 0; i < 10; i++) {
    await page.getByLabel("E-mail address").fill(`guess-${i}@example.org`);
    await page.getByLabel("Password").fill(`not-the-password-${i}`);
    const answered = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/signin");
    await page.getByRole("button", { name: "Sign in" }).click();
    await answered;
    await expect(page.getByText("The e-mail address or password is not right.")).toBeVisible();
    // React resets the form after the action; type the next attempt only after that.
    await expect(page.getByLabel("Password")).toHaveValue("");
  }
  await page.getByLabel("E-mail address").fill("staff@unodc.example");
  await page.getByLabel("Password").fill("demo-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText(/Too many failed sign-ins for this account or from this address/)).toBeVisible();
  await expect(page).toHaveURL(/\/signin/);
});

test("'Sign out everywhere' on the profile ends every session: another browser's cookie answers as signed out, /api/auth/session included", async ({ page, browser }) => {
  // Two devices of one person: this page, and another browser signed in separately.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, "manager@unodc.example");
  expect((await (await other.request.get("/api/auth/session")).json())?.user?.email).toBe("manager@unodc.example");
  await signIn(page, "manager@unodc.example");
  await page.goto("/profile");
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await page.getByRole("button", { name: "Yes, sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/signin/);
  // The other device: nothing about the person, on any endpoint.
  expect((await other.request.get("/api/v1/me")).status()).toBe(401);
  const session = await (await other.request.get("/api/auth/session")).json();
  expect(JSON.stringify(session ?? null)).not.toContain("manager@unodc.example");
  await otherPage.goto("/my-follow-ups");
  await expect(otherPage).toHaveURL(/\/signin/);
  await other.close();
});

test("the profile offers the personal-data download, and it holds the person's own data", async ({ page }) => {
  await signIn(page, "staff@eeas.example");
  await page.goto("/profile");
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download my data (JSON)" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^my-data-\d{4}-\d{2}-\d{2}\.json$/);
  const data = JSON.parse(await (await import("node:fs")).promises.readFile((await file.path())!, "utf8"));
  expect(data.profile.email).toBe("staff@eeas.example");
  expect(Object.keys(data)).toEqual(expect.arrayContaining(["sessions", "comments", "changes", "emailsSent", "calendarFeeds", "digestSettings"]));
});
