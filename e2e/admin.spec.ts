import { expect, expectAccessible, hydrated, signIn, test } from "./fixtures";

const adminPages = ["/admin/organisations", "/admin/priority-areas", "/admin/series", "/admin/users", "/admin/activity", "/admin/mail"];

test("staff and managers get a clear refusal page with status 403 on every admin page, and 403 from the admin API", async ({ browser }) => {
  for (const who of ["staff@unodc.example", "manager@eeas.example"]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const cspErrors: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error" && /Content Security Policy/i.test(m.text())) cspErrors.push(m.text());
    });
    await signIn(page, who);
    for (const path of ["/admin", ...adminPages]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(403);
      // The refusal page carries the same nonce policy as every page, and its scripts run under it.
      expect(response?.headers()["content-security-policy"]).toMatch(/'nonce-/);
      await expect(page.getByRole("heading", { name: "Only admins can open this page" })).toBeVisible();
      await expect(page.getByRole("navigation", { name: "Admin sections" })).toHaveCount(0);
    }
    expect(cspErrors).toEqual([]);
    // Hydrated: the shell's client-side navigation works from the refusal page.
    await page.getByRole("link", { name: "My follow-ups" }).first().click();
    await expect(page).toHaveURL(/\/my-follow-ups$/);
    await expectAccessible(page);
    const first = async (path: string) => ((await (await page.request.get(path)).json()).items as { id: string; version: number }[])[0] ?? { id: "", version: 1 };
    const [org, area, series] = [await first("/api/v1/organisations"), await first("/api/v1/priority-areas"), await first("/api/v1/meeting-series")];
    const staffId = ((await (await page.request.get("/api/v1/me")).json()) as { id: string }).id;
    const attempts: [string, string, unknown?][] = [
      ["GET", "/api/v1/users"],
      ["GET", "/api/v1/activity"],
      ["POST", "/api/v1/organisations", { name: "Nope", kind: "other" }],
      ["PATCH", `/api/v1/organisations/${org.id}`, { name: "Nope", version: org.version }],
      ["POST", `/api/v1/organisations/${org.id}/merge`, { intoId: org.id, version: org.version }],
      ["POST", "/api/v1/organisations/import", { csv: "name,acronym,kind,parent acronym,domains\nNope,NOPE,other,,", dryRun: true }],
      ["POST", "/api/v1/priority-areas", { name: "Nope" }],
      ["PATCH", `/api/v1/priority-areas/${area.id}`, { sdgTargets: ["16.4"], version: area.version }],
      ["PUT", "/api/v1/priority-areas/order", { ids: [area.id] }],
      ["POST", "/api/v1/meeting-series", { name: "Nope" }],
      ["PATCH", `/api/v1/meeting-series/${series.id}`, { name: "Nope", version: series.version }],
      ["POST", "/api/v1/users", { name: "Nope", email: "nope@unodc.example", organisationId: org.id }],
      ["PATCH", `/api/v1/users/${staffId}`, { role: "admin", version: 1 }],
      ["POST", `/api/v1/users/${staffId}/password-link`],
    ];
    for (const [method, path, data] of attempts) {
      const res = await page.request.fetch(path, { method, data, headers: { origin: new URL(page.url()).origin } });
      expect(res.status(), `${who}: ${method} ${path}`).toBe(403);
    }
    await context.close();
  }
});

test("every admin page passes axe, the SDG target chooser too", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, "admin@eeas.example");
  for (const path of ["/admin", ...adminPages]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expect(page.getByRole("navigation", { name: "Admin sections" })).toBeVisible();
    await expectAccessible(page);
  }
  await page.goto("/admin/priority-areas");
  await hydrated(page);
  await page.getByRole("button", { name: "Edit Corruption" }).click();
  await expect(page.getByRole("group", { name: "SDG targets (optional)" })).toBeVisible();
  await expectAccessible(page);
  await context.close();
});

test("an admin gives an area keywords and SDG targets, and reorders areas by keyboard drag and by the arrow buttons", async ({ page }) => {
  await signIn(page, "admin@eeas.example");
  await page.goto("/admin/priority-areas");
  await hydrated(page);
  const list = page.getByRole("list", { name: "Priority areas, in order" });
  await expect(list.getByText(/^SDG 16\.5:/).first()).toBeVisible();

  // Keywords and SDG targets.
  await page.getByRole("button", { name: "Edit Youth engagement" }).click();
  await page.getByLabel("Keywords (optional)").fill("youth, young people\nEducation for Justice, youth");
  const targets = page.getByRole("group", { name: "SDG targets (optional)" });
  await targets.getByLabel("Search targets").fill("4.7");
  await expect(targets.getByRole("checkbox")).toHaveCount(1 + 3); // 4.7 and the three already chosen
  await targets.getByRole("checkbox", { name: /^4\.7 / }).check();
  await targets.getByLabel("Search targets").fill("99.9");
  await targets.getByRole("checkbox", { name: /^16\.7 / }).uncheck();
  await expect(targets.getByRole("status")).toHaveText(/3 chosen: 4\.7, 16\.1, 16\.2/);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("button", { name: "Save changes" })).toHaveCount(0);
  const youth = list.getByRole("listitem").filter({ hasText: "Youth engagement" });
  await expect(youth.getByText("Also called: youth, young people, Education for Justice")).toBeVisible();
  await expect(youth.getByRole("list", { name: "SDG targets" }).getByRole("listitem")).toHaveText([/SDG 4\.7/, /SDG 16\.1/, /SDG 16\.2/]);
  const saved = ((await (await page.request.get("/api/v1/priority-areas")).json()).items as { name: string; keywords: string[]; sdgTargets: string[] }[]).find((a) => a.name === "Youth engagement");
  expect(saved).toMatchObject({ keywords: ["youth", "young people", "Education for Justice"], sdgTargets: ["4.7", "16.1", "16.2"] });
  expect((await (await page.request.get("/api/v1/sdg-targets")).json()).items).toContainEqual(expect.objectContaining({ code: "16.4", goal: 16 }));

  // Reorder: keyboard drag on the handle (space, arrow down, space), then the up button.
  const names = async () => ((await (await page.request.get("/api/v1/priority-areas")).json()).items as { name: string }[]).map((a) => a.name);
  const before = await names();
  const [first, second] = before;
  await page.getByRole("button", { name: `Reorder ${first}` }).focus();
  await page.keyboard.press("Space");
  await expect(page.getByText(`Picked up ${first}, position 1 of ${before.length}.`)).toBeAttached();
  await page.waitForTimeout(300); // dnd-kit measures the rows after the pick-up
  await page.keyboard.press("ArrowDown");
  await expect(page.getByText(`${first} is over position 2 of ${before.length}.`)).toBeAttached();
  await page.keyboard.press("Space");
  await expect(page.getByText(`${first} dropped at position 2 of ${before.length}.`)).toBeAttached();
  await expect.poll(names).toEqual([second, first, ...before.slice(2)]);
  await page.getByRole("button", { name: `Move ${first} up` }).click();
  await expect.poll(names).toEqual(before);
});

test("an admin builds a small tree, is refused a cycle, archives an office and it leaves the follow-up form", async ({ page }) => {
  await signIn(page, "admin@eeas.example");
  await page.goto("/admin/organisations");
  await hydrated(page);
  const stamp = Date.now().toString().slice(-5);
  const parent = `Regional Office for Testing ${stamp}`;
  const child = `Field Office for Testing ${stamp}`;

  await page.getByRole("button", { name: "Add an organisation" }).click();
  await page.getByRole("button", { name: "Add organisation" }).click();
  await expect(page.getByRole("group", { name: "There is a problem" })).toBeFocused();
  await page.getByLabel("Name", { exact: true }).fill(parent);
  await page.getByLabel("Acronym (optional)").fill(`RT${stamp}`);
  // Its French name and acronym, for French readers.
  await page.getByLabel("Name in French (optional)").fill(`Bureau régional d’essai ${stamp}`);
  await page.getByLabel("Acronym in French (optional)").fill(`BRE${stamp}`);
  await page.getByLabel("Parent organisation (optional)").selectOption({ label: "UNODC — United Nations Office on Drugs and Crime" });
  await page.getByRole("button", { name: "Add organisation" }).click();
  await expect(page.getByText(parent)).toBeVisible();
  const made = ((await (await page.request.get("/api/v1/organisations")).json()) as { items: { name: string; nameFr: string | null; acronymFr: string | null }[] }).items.find((o) => o.name === parent);
  expect(made).toMatchObject({ nameFr: `Bureau régional d’essai ${stamp}`, acronymFr: `BRE${stamp}` });

  await page.getByRole("button", { name: "Add an organisation" }).click();
  await page.getByLabel("Name", { exact: true }).fill(child);
  await page.getByLabel("Acronym (optional)").fill(`FT${stamp}`);
  await page.getByLabel("Parent organisation (optional)").selectOption({ label: `\u00a0\u00a0\u00a0RT${stamp} — ${parent}` }); // indented under UNODC: the tree
  await page.getByRole("button", { name: "Add organisation" }).click();
  await expect(page.getByText(child)).toBeVisible();
  await expectAccessible(page);

  // The form does not even offer a cycle; the API refuses one.
  const orgs = (await (await page.request.get("/api/v1/organisations")).json()).items as { id: string; acronym: string | null; version: number; parentId: string | null }[];
  const p = orgs.find((o) => o.acronym === `RT${stamp}`);
  const c = orgs.find((o) => o.acronym === `FT${stamp}`);
  expect(c?.parentId).toBe(p?.id);
  const cycle = await page.request.patch(`/api/v1/organisations/${p?.id}`, { data: { parentId: c?.id, version: p?.version } });
  expect(cycle.status()).toBe(400);

  // Archive the child: it no longer appears among the follow-up form's owners.
  await page.goto("/follow-ups/new");
  await expect(page.getByLabel("Owner organisation").locator("option", { hasText: `FT${stamp}` })).toHaveCount(1);
  await page.goto("/admin/organisations");
  await hydrated(page);
  await page.getByRole("button", { name: `Archive FT${stamp}` }).click();
  await expect(page.getByRole("button", { name: `Restore FT${stamp}` })).toBeVisible();
  await page.goto("/follow-ups/new");
  await expect(page.getByLabel("Owner organisation").locator("option", { hasText: `FT${stamp}` })).toHaveCount(0);

  // The audit trail shows who did it, and sign-ins read as sentences.
  await page.goto("/admin/activity?entityType=organisation");
  await expect(page.getByRole("cell", { name: /^Archived .+\.$/ }).first()).toBeVisible();
  await page.goto("/admin/activity?entityType=user");
  await expect(page.getByRole("cell", { name: /Signed in\./ }).first()).toBeVisible();
});

test("an admin adds a user with a one-time link, cannot demote the last admin, and deactivation signs a user out at once", async ({ page, browser }) => {
  await signIn(page, "admin@eeas.example");
  await page.goto("/admin/users");
  await hydrated(page);
  await page.getByRole("button", { name: "Add a user" }).click();
  await page.getByLabel("Name", { exact: true }).fill("Nadia Haddad");
  await page.getByLabel("E-mail address").fill(`nadia.${Date.now()}@unodc.example`);
  await page.getByRole("button", { name: "Add user" }).click();
  await expect(page.getByRole("heading", { name: "Set-password link for Nadia Haddad" })).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Set-password link" })).toHaveValue(/\/set-password\/[A-Za-z0-9_-]{20,}$/);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Done" }).click();

  // The last admin.
  await page.getByRole("button", { name: "Change role or organisation of Elena Vasquez" }).click();
  await page.getByLabel("Role", { exact: true }).selectOption("staff");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("This is the last active admin. Make someone else an admin first.").first()).toBeVisible();

  // Deactivate someone who is signed in elsewhere.
  const other = await browser.newContext();
  const victim = await other.newPage();
  await signIn(victim, "staff@unodc.example");
  expect((await victim.request.get("/api/v1/me")).status()).toBe(200);
  await page.getByRole("button", { name: "Cancel" }).click();
  await page.getByRole("button", { name: "Deactivate Rahul Mehta" }).click();
  await page.getByRole("group", { name: "Deactivate Rahul Mehta?" }).getByRole("button", { name: "Yes, deactivate" }).click();
  await expect(page.getByRole("button", { name: "Reactivate Rahul Mehta" })).toBeVisible();
  expect((await victim.request.get("/api/v1/me")).status()).toBe(401);
  await victim.goto("/my-follow-ups");
  await expect(victim).toHaveURL(/\/signin/);
  await page.getByRole("button", { name: "Reactivate Rahul Mehta" }).click();
  await expect(page.getByRole("button", { name: "Deactivate Rahul Mehta" })).toBeVisible();
  await other.close();
});

test("the audit trail tells sign-ins, failed sign-ins and refused attempts in sentences", async ({ browser }) => {
  const stranger = await browser.newContext();
  const s = await stranger.newPage();
  await s.goto("/signin");
  await s.getByLabel("E-mail address").fill("manager@unodc.example");
  await s.getByLabel("Password").fill("not-the-password");
  await s.getByRole("button", { name: "Sign in" }).click();
  await expect(s).toHaveURL(/\/signin/);
  await signIn(s, "staff@eeas.example");
  expect((await s.request.get("/api/v1/activity")).status()).toBe(403);
  expect((await s.goto("/admin/users"))?.status()).toBe(403);
  await stranger.close();

  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, "admin@eeas.example");
  await page.goto("/admin/activity?entityType=user");
  await expect(page.getByRole("cell", { name: /Failed sign-in.*Someone tried to sign in as manager@unodc\.example/ }).first()).toBeVisible();
  await expect(page.getByRole("cell", { name: /Refused \(403\).*tried something only admins may do.*GET \/api\/v1\/activity/ }).first()).toBeVisible();
  await expect(page.getByRole("cell", { name: /Refused \(403\) Sofia Lindqvist .*GET \/admin\/users/ })).toHaveCount(1); // once, though layout and page both refuse
  await expect(page.getByRole("cell", { name: /Sign-in.*Signed in\./ }).first()).toBeVisible();
  await expectAccessible(page);
  await context.close();
});
