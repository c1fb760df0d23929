/**
 * Bad input, property-based (fast-check) over HTTP: every write route and the main server actions get
 * wrong types, huge strings, unicode edge cases, SQL and HTML payloads, invalid dates, unknown and
 * foreign ids and extra fields — over 10,000 cases in all. Never a 5xx; a 400 names the field; a
 * refused request writes nothing (counted per target); text is stored as given and shown escaped.
 */
import crypto from "node:crypto";
import type { APIRequestContext, APIResponse } from "@playwright/test";
import fc from "fast-check";
import { DEMO_PASSWORD, expect, test } from "./fixtures";
import { signInContext } from "./support/http";
import { type OwnServer, startServer, waitHealthy } from "./support/server";
import { callAction, serverActions } from "./support/server-actions";

test.describe.configure({ mode: "serial" });
test.setTimeout(900_000);

const RUNS = Number(process.env.BAD_INPUT_RUNS ?? 480);

let api: APIRequestContext;
// A server and database of this spec's own: thousands of hostile writes never reach the shared demo data.
let server: OwnServer;
const ids: Record<string, string> = {};

const hostileText = fc.oneof(
  fc.constantFrom(
    "'; drop table follow_ups; --",
    "1' or '1'='1",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "\u0000nul",
    "a\u0000b",
    "\ud800 lone surrogate",
    "\u202eright-to-left override",
    "🚀👩🏽‍⚖️ zwj",
    "   ",
    "",
    "x".repeat(100_000),
    "%00%27",
    "../../etc/passwd",
    "${7*7}{{7*7}}",
  ),
  fc.string({ unit: "grapheme", maxLength: 50 }),
  fc.string({ unit: "binary", maxLength: 30 }),
);
const hostileDate = fc.constantFrom("2026-02-30", "2026-13-01", "31/12/2026", "15 février 2022", "9999-99-99", "0000-00-00", "2026-1-1", "2026-01-01T00:00:00Z", "");
const hostileId = fc.oneof(fc.uuid(), fc.constantFrom("not-a-uuid", "00000000-0000-0000-0000-000000000000", "' or 1=1 --", ""), fc.constantFrom("foreign"));
const hostileValue = fc.oneof(
  hostileText,
  hostileDate,
  hostileId,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(hostileText, fc.uuid(), fc.integer()), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
);

/** A valid body with some fields replaced, dropped or added — or something that is not a body at all. */
function hostileBody(base: Record<string, unknown>) {
  const fields = Object.keys(base);
  const mutated = fc
    .record({
      replace: fc.subarray(fields, { minLength: 1 }),
      drop: fc.subarray(fields, { maxLength: Math.min(2, fields.length) }),
      values: fc.array(hostileValue, { minLength: fields.length, maxLength: fields.length }),
      extra: fc.dictionary(fc.oneof(fc.constantFrom("id", "createdById", "version", "__proto__", "constructor", "role", "archived"), fc.string({ maxLength: 8 })), hostileValue, { maxKeys: 2 }),
    })
    .map(({ replace, drop, values, extra }) => {
      const body: Record<string, unknown> = { ...base, ...extra };
      replace.forEach((f, i) => (body[f] = resolve(values[i])));
      for (const f of drop) delete body[f];
      return body as unknown;
    });
  return fc.oneof({ weight: 8, arbitrary: mutated }, { weight: 1, arbitrary: fc.oneof(hostileValue, fc.constant([]), fc.constant("{")) });
}
// "foreign": a real id of another kind of record (a follow-up where an organisation is expected, …).
const resolve = (v: unknown): unknown => (v === "foreign" ? ids.followUp : Array.isArray(v) ? v.map(resolve) : v);

const failures: string[] = [];
async function judge(label: string, res: APIResponse, body: unknown) {
  const status = res.status();
  if (status >= 500) failures.push(`${label}: HTTP ${status} for ${JSON.stringify(body).slice(0, 200)}`);
  if (status === 400) {
    const answer = (await res.json().catch(() => null)) as { error?: { message?: string; fields?: Record<string, string> } } | null;
    const fields = Object.keys(answer?.error?.fields ?? {});
    if (!answer?.error?.message || (fields.length === 0 && typeof body === "object" && body !== null && !Array.isArray(body))) {
      failures.push(`${label}: a 400 that names no field: ${JSON.stringify(answer).slice(0, 200)} for ${JSON.stringify(body).slice(0, 120)}`);
    }
  }
  return status;
}

async function countAll(url: string): Promise<number> {
  let n = 0;
  let cursor: string | null = null;
  do {
    const res = await api.get(`${url}${url.includes("?") ? "&" : "?"}limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
    const page = (await res.json()) as { items: unknown[]; nextCursor?: string | null };
    n += page.items.length;
    cursor = page.nextCursor ?? null;
  } while (cursor);
  return n;
}

test.beforeAll(async () => {
  server = startServer(Number(process.env.E2E_PORT ?? 3100) + 80);
  await waitHealthy(server);
  api = await signInContext(server.baseURL, "admin@eeas.example");
  const first = async (url: string) => ((await (await api.get(url)).json()) as { items: { id: string }[] }).items[0]!.id;
  ids.meeting = await first("/api/v1/meetings?limit=1");
  ids.followUp = await first("/api/v1/follow-ups?limit=1");
  ids.organisation = await first("/api/v1/organisations");
  ids.area = await first("/api/v1/priority-areas");
  ids.series = await first("/api/v1/meeting-series");
  ids.user = ((await (await api.get("/api/v1/me")).json()) as { id: string }).id;
});

test.afterAll(async () => {
  await api?.dispose();
  await server?.stop();
});

type Target = { name: string; method: "POST" | "PATCH" | "PUT"; url: () => string; base: () => Record<string, unknown>; count?: () => string };
const targets: Target[] = [
  { name: "create meeting", method: "POST", url: () => "/api/v1/meetings", count: () => "/api/v1/meetings", base: () => ({ title: "Fuzz meeting", heldOn: "2026-05-04", format: "hybrid", location: "Vienna", visibility: "internal", participantOrganisationIds: [ids.organisation], priorityAreaIds: [ids.area], coChairs: ["A. Chair"], summary: "**Minutes**", seriesId: ids.series, seriesNumber: 3, hostOrganisationId: ids.organisation }) },
  { name: "change meeting", method: "PATCH", url: () => `/api/v1/meetings/${ids.meeting}`, base: () => ({ version: 1, title: "Fuzz title", heldOn: "2026-05-05", participantOrganisationIds: [ids.organisation] }) },
  { name: "create follow-up", method: "POST", url: () => "/api/v1/follow-ups", count: () => "/api/v1/follow-ups", base: () => ({ title: "Fuzz follow-up", description: "d", meetingId: ids.meeting, priorityAreaId: ids.area, ownerOrganisationId: ids.organisation, ownerUserId: ids.user, dueOn: "2027-01-31", status: "open", priority: "high" }) },
  { name: "change follow-up", method: "PATCH", url: () => `/api/v1/follow-ups/${ids.followUp}`, base: () => ({ version: 1, status: "in_progress", dueOn: "2027-02-01", ownerOrganisationId: ids.organisation, title: "Fuzz" }) },
  { name: "comment", method: "POST", url: () => `/api/v1/follow-ups/${ids.followUp}/comments`, count: () => `/api/v1/follow-ups/${ids.followUp}/comments`, base: () => ({ body: "A comment" }) },
  { name: "bulk edit", method: "POST", url: () => "/api/v1/follow-ups/bulk", base: () => ({ ids: [ids.followUp], change: { dueOn: "2027-03-03" } }) },
  { name: "create organisation", method: "POST", url: () => "/api/v1/organisations", count: () => "/api/v1/organisations", base: () => ({ name: `Fuzz org`, acronym: "FZ", kind: "other", parentId: ids.organisation, domains: ["fuzz.example"] }) },
  { name: "change organisation", method: "PATCH", url: () => `/api/v1/organisations/${ids.organisation}`, base: () => ({ version: 1, name: "Renamed", parentId: null, domains: ["a.example"] }) },
  { name: "merge organisations", method: "POST", url: () => `/api/v1/organisations/${crypto.randomUUID()}/merge`, base: () => ({ intoId: ids.organisation, version: 1 }) },
  { name: "import organisations", method: "POST", url: () => "/api/v1/organisations/import", base: () => ({ csv: "name,acronym,kind,parent acronym,domains\nFuzz,FZ,other,,\n", dryRun: true }) },
  { name: "create priority area", method: "POST", url: () => "/api/v1/priority-areas", count: () => "/api/v1/priority-areas", base: () => ({ name: "Fuzz area", description: "d" }) },
  { name: "change priority area", method: "PATCH", url: () => `/api/v1/priority-areas/${ids.area}`, base: () => ({ version: 1, name: "Renamed area", archived: false }) },
  { name: "reorder priority areas", method: "PUT", url: () => "/api/v1/priority-areas/order", base: () => ({ ids: [ids.area] }) },
  { name: "create series", method: "POST", url: () => "/api/v1/meeting-series", count: () => "/api/v1/meeting-series", base: () => ({ name: "Fuzz series", description: "d" }) },
  { name: "change series", method: "PATCH", url: () => `/api/v1/meeting-series/${ids.series}`, base: () => ({ version: 1, name: "Renamed series" }) },
  { name: "create user", method: "POST", url: () => "/api/v1/users", count: () => "/api/v1/users", base: () => ({ name: "Fuzz Person", email: "fuzz@eeas.example", organisationId: ids.organisation, role: "staff" }) },
  { name: "link on a follow-up", method: "POST", url: () => `/api/v1/follow-ups/${ids.followUp}/attachments`, count: () => `/api/v1/follow-ups/${ids.followUp}/attachments`, base: () => ({ title: "Shared folder", url: "https://example.sharepoint.com/sites/som/report.docx" }) },
  { name: "link on a meeting", method: "POST", url: () => `/api/v1/meetings/${ids.meeting}/attachments`, count: () => `/api/v1/meetings/${ids.meeting}/attachments`, base: () => ({ title: "Agenda", url: "https://example.org/agenda.pdf" }) },
  { name: "change user", method: "PATCH", url: () => `/api/v1/users/${ids.user}`, base: () => ({ version: 1, name: "Renamed", role: "admin", organisationId: ids.organisation }) },
];

for (const target of targets) {
  test(`${target.method} ${target.name}: never a 5xx, a 400 names the field, a refusal writes nothing`, async () => {
    const before = target.count ? await countAll(target.count()) : 0;
    let created = 0;
    await fc.assert(
      fc.asyncProperty(hostileBody(target.base()), async (body) => {
        const res = await api.fetch(target.url(), { method: target.method, data: body === undefined ? "" : JSON.stringify(body), headers: { "content-type": "application/json" } });
        const status = await judge(target.name, res, body);
        if (status === 201) created++;
        return true;
      }),
      { numRuns: RUNS, seed: 20261128, endOnFailure: true },
    );
    if (target.count) expect(await countAll(target.count()), "rows written = requests accepted").toBe(before + created);
    expect(failures.splice(0)).toEqual([]);
  });
}

/** Page cursors as a hostile client would craft them: base64url JSON of impossible dates, NUL, broken text. */
const craftedCursor = fc
  .tuple(
    fc.constantFrom<unknown[]>(["due", "asc"], ["title", "asc"], ["updated", "desc"], ["status", "asc"], []),
    fc.array(fc.oneof(hostileDate, fc.constantFrom("2024-02-30", "0000-01-01", "0000-01-01T00:00:00.000Z", "a\u0000b", "\ud800", "9999-12-31"), fc.uuid()), { minLength: 1, maxLength: 3 }),
  )
  .map(([head, rest]) => Buffer.from(JSON.stringify([...head, ...rest])).toString("base64url"));

test("oversized bodies are refused with 413 before they are read, on every write route and the sign-in form", async () => {
  const big = "x".repeat(3 * 1024 * 1024);
  for (const target of targets) {
    const res = await api.fetch(target.url(), { method: target.method, data: JSON.stringify({ ...target.base(), title: big, csv: big }), headers: { "content-type": "application/json" } });
    expect(res.status(), target.name).toBe(413);
  }
  const drafts = await api.post("/api/v1/meeting-drafts", { data: JSON.stringify({ text: big }), headers: { "content-type": "application/json" } });
  expect(drafts.status()).toBe(413);
  expect(((await drafts.json()) as { error: { code: string } }).error.code).toBe("payload_too_large:body");
  const form = await fetch(`${server.baseURL}/api/auth/callback/credentials`, { method: "POST", body: new URLSearchParams({ email: "a@b.example", password: "x".repeat(1024 * 1024) }) });
  expect(form.status).toBe(413);
});

test("query strings of the lists and the CSV: never a 5xx, a 400 names the parameter", async () => {
  const param = fc.tuple(
    fc.constantFrom("status", "priorityAreaId", "organisationId", "meetingId", "seriesId", "ownerUserId", "dueFrom", "dueTo", "overdue", "q", "sort", "dir", "cursor", "limit", "year", "entityType", "entityId", "actorId", "from", "to", "columns", "layout"),
    fc.oneof(hostileText.map((s) => s.slice(0, 3000)), hostileDate, fc.uuid(), fc.integer().map(String), craftedCursor),
  );
  await fc.assert(
    fc.asyncProperty(fc.constantFrom("/api/v1/follow-ups", "/api/v1/meetings", "/api/v1/follow-ups.csv", "/api/v1/activity"), fc.array(param, { minLength: 1, maxLength: 4 }), async (path, params) => {
      const res = await api.get(`${path}?${new URLSearchParams(params.map(([k, v]) => [k, v])).toString()}`);
      await judge(`GET ${path}`, res, Object.fromEntries(params));
      return true;
    }),
    { numRuns: RUNS * 2, seed: 20261128, endOnFailure: true },
  );
  expect(failures.splice(0)).toEqual([]);
});

test("server actions: never a failure of ours, always a result naming the field", async () => {
  const actions = serverActions();
  const cases: [string, Record<string, unknown>][] = [
    ["app/(app)/follow-ups/actions.ts#createFollowUpAction", targets[2]!.base()],
    ["app/(app)/follow-ups/actions.ts#updateFollowUpAction", { id: ids.followUp, patch: targets[3]!.base() }],
    ["app/(app)/meetings/actions.ts#createMeetingAction", targets[0]!.base()],
    ["app/(app)/follow-ups/actions.ts#addCommentAction", { followUpId: ids.followUp, body: "x" }],
  ];
  for (const [key, base] of cases) {
    const action = actions.get(key)!;
    await fc.assert(
      fc.asyncProperty(hostileBody(base), async (body) => {
        const answer = await callAction(api, action, [body]);
        if (answer.status >= 500 || answer.code === "internal" || answer.ok === null) failures.push(`${key}: HTTP ${answer.status} code=${answer.code} for ${JSON.stringify(body).slice(0, 160)}`);
        if (answer.ok === false && answer.code === "bad_request:input" && !/"fieldErrors":\{"/.test(answer.text)) failures.push(`${key}: invalid input without a field: ${answer.text.slice(0, 200)}`);
        return true;
      }),
      { numRuns: Math.round(RUNS / 2), seed: 20261128, endOnFailure: true },
    );
  }
  expect(failures.splice(0)).toEqual([]);
});

test("text is stored exactly as given and shown escaped: no HTML injection, Markdown without raw HTML or script links", async ({ page }) => {
  const title = `<img src=x onerror="window.__pwned=1"> "quotes" & 'apostrophes' ünïcödé 🚀 ${"\u202e"}x`;
  const created = (await (await api.post("/api/v1/follow-ups", { data: { title, priorityAreaId: ids.area, ownerOrganisationId: ids.organisation } })).json()) as { id: string; title: string };
  expect(created.title).toBe(title);
  const summary = `Minutes\n\n<script>window.__pwned=2</script>\n\n<b onmouseover="window.__pwned=3">bold?</b>\n\n[click me](javascript:window.__pwned=4)`;
  const meeting = (await (await api.post("/api/v1/meetings", { data: { title: "<svg onload=alert(1)> meeting", heldOn: "2026-06-01", format: "virtual", summary } })).json()) as { id: string; summary: string };
  expect(meeting.summary).toBe(summary);

  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(`${server.baseURL}/signin`);
  await page.getByLabel("E-mail address").fill("admin@eeas.example");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/signin/);
  await page.goto(`${server.baseURL}/follow-ups/${created.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title.trim());
  await page.goto(`${server.baseURL}/meetings/${meeting.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("<svg onload=alert(1)> meeting");
  await expect(page.getByRole("paragraph").filter({ hasText: /^Minutes$/ })).toBeVisible();
  expect(await page.locator("main script, main img[src='x'], main [onmouseover], main svg[onload]").count()).toBe(0);
  const href = await page.getByRole("link", { name: "click me" }).getAttribute("href").catch(() => null);
  expect(href ?? "").not.toMatch(/^javascript:/i);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
});

/** A multipart body as a hostile client writes it: the file name raw in the part's header, whatever its bytes. */
function multipart(fileName: string, bytes: Buffer, field = "file") {
  const boundary = `----fuzz${crypto.randomUUID()}`;
  const head = Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="`), Buffer.from(fileName, "utf8"), Buffer.from(`"\r\nContent-Type: application/pdf\r\n\r\n`)]);
  return { data: Buffer.concat([head, bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]), type: `multipart/form-data; boundary=${boundary}` };
}

test("documents: hostile file names and contents are stored safely or refused with a 4xx naming the file, never a 5xx", async () => {
  const pdf = Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
  const contents: Record<string, Buffer> = {
    pdf,
    program: Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(200)]),
    windows: Buffer.concat([Buffer.from("MZ"), Buffer.alloc(200, 0x90)]),
    empty: Buffer.alloc(0),
    text: Buffer.from("Minutes, plain text\n"),
    html: Buffer.from("<html><script>alert(1)</script></html>"),
    binary: Buffer.from([0, 1, 2, 0xff, 0xfe, 0]),
  };
  const hostileName = fc.oneof(
    fc.constantFrom("../../etc/passwd", "..\\..\\windows\\win.ini", "/etc/shadow", "a\u0000b.pdf", "report\u202Efdp.exe", `${"x".repeat(1000)}.pdf`, `${"é".repeat(1000)}.pdf`, "", ".", "...", ".htaccess", "CON.pdf", "<img src=x onerror=alert(1)>.pdf", "%2e%2e%2fpasswd.pdf", "name\r\nX-Injected: 1.pdf", "\u200f\u2066evil\u2069.pdf", "\ud83d\udcc4 Évaluation régionale.pdf"),
    fc.string({ unit: "binary", maxLength: 300 }),
    fc.string({ unit: "grapheme", maxLength: 60 }).map((s) => `${s}.pdf`),
  );
  const url = `/api/v1/follow-ups/${ids.followUp}/attachments`;
  const before = await countAll(url);
  let created = 0;
  await fc.assert(
    fc.asyncProperty(hostileName, fc.constantFrom(...Object.keys(contents)), fc.constantFrom("file", "file", "document"), async (name, kind, field) => {
      const body = multipart(name, contents[kind]!, field);
      const res = await api.fetch(url, { method: "POST", data: body.data, headers: { "content-type": body.type } });
      const status = res.status();
      const label = `upload ${JSON.stringify(name).slice(0, 80)} (${kind}, field ${field})`;
      if (status >= 500) failures.push(`${label}: HTTP ${status}`);
      else if (status === 201) {
        created++;
        const a = (await res.json()) as { id: string; fileName: string; size: number };
        if (!a.fileName || /[/\\\u0000-\u001f\u202a-\u202e\u2066-\u2069]/.test(a.fileName) || [...a.fileName].length > 200) failures.push(`${label}: stored as ${JSON.stringify(a.fileName)}`);
        const file = await api.get(`/api/v1/attachments/${a.id}`);
        const disposition = file.headers()["content-disposition"] ?? "";
        // One header line, the exact stored name in filename*, and the bytes as sent.
        if (!/^(inline|attachment); filename="[\u0020-\u007e]*"; filename\*=UTF-8''[A-Za-z0-9!#$&+.^_`|~%-]*$/.test(disposition) || decodeURIComponent(disposition.split("''")[1] ?? "") !== a.fileName) failures.push(`${label}: Content-Disposition ${disposition}`);
        if (file.headers()["x-content-type-options"] !== "nosniff" || !Buffer.from(await file.body()).equals(contents[kind]!)) failures.push(`${label}: the download differs`);
      } else {
        const answer = (await res.json().catch(() => null)) as { error?: { message?: string; fields?: Record<string, string> } } | null;
        if (![400, 413, 415].includes(status) || !answer?.error?.message || !answer.error.fields?.file) failures.push(`${label}: HTTP ${status} ${JSON.stringify(answer).slice(0, 200)}`);
      }
      return true;
    }),
    { numRuns: Math.max(60, Math.round(RUNS / 4)), seed: 20261206, endOnFailure: true },
  );
  expect(await countAll(url), "documents stored = uploads accepted").toBe(before + created);
  expect(failures.splice(0)).toEqual([]);
});

test("documents by id: hostile ids answer 400 or 404, never a 5xx, on read, remove and restore", async () => {
  await fc.assert(
    // Not "", "." or "..": those are other paths, not ids.
    fc.asyncProperty(fc.oneof(hostileId.map(resolve), hostileText.map((s) => s.slice(0, 300))).filter((r) => !["", ".", ".."].includes(String(r))), fc.constantFrom("GET", "DELETE", "POST"), async (raw, method) => {
      // A URL cannot carry a lone surrogate (encodeURIComponent throws): it goes as U+FFFD, as a browser would send it.
      const id = encodeURIComponent(Array.from(String(raw), (c) => (c.length === 1 && c >= "\ud800" && c <= "\udfff" ? "\ufffd" : c)).join(""));
      const res = await api.fetch(method === "POST" ? `/api/v1/attachments/${id}/restore` : `/api/v1/attachments/${id}`, { method, maxRedirects: 0 });
      const status = res.status();
      if (status >= 500 || status < 400) failures.push(`${method} attachment ${JSON.stringify(raw).slice(0, 80)}: HTTP ${status}`);
      return true;
    }),
    { numRuns: RUNS, seed: 20261206, endOnFailure: true },
  );
  expect(failures.splice(0)).toEqual([]);
});
