/**
 * Scale-out: two app instances on one PostgreSQL, as behind a load balancer. Nothing that must hold
 * across requests lives in process memory: a sign-in throttle, a 409 conflict (N parallel PATCHes of
 * one version: exactly one wins, one activity record) and a deactivation hold across both.
 * Runs when TEST_DATABASE_URL points at a PostgreSQL server (as on CI).
 */
import { type ChildProcess, spawn } from "node:child_process";
import crypto from "node:crypto";
import path from "node:path";
import postgres from "postgres";
import { expect, test } from "./fixtures";
import { signInContext } from "./support/http";

const serverUrl = process.env.TEST_DATABASE_URL;
test.skip(!serverUrl, "needs TEST_DATABASE_URL (a PostgreSQL server)");
test.describe.configure({ mode: "serial" });
test.setTimeout(300_000);

const basePort = Number(process.env.E2E_PORT ?? 3100) + 60;
const next = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");
const dbName = `tracker_scale_out_${crypto.randomBytes(4).toString("hex")}`;
const servers: ChildProcess[] = [];
const urls = [0, 1].map((i) => `http://127.0.0.1:${basePort + i}`);

test.beforeAll(async () => {
  const admin = postgres(serverUrl!, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${dbName}"`);
  await admin.end();
  const url = new URL(serverUrl!);
  url.pathname = `/${dbName}`;
  const secret = crypto.randomBytes(32).toString("base64");
  // The first instance migrates and seeds; the second starts on the same database.
  for (const [i, base] of urls.entries()) {
    const proc = spawn(process.execPath, [next, "start", "-p", String(basePort + i), "-H", "127.0.0.1"], {
      env: { ...process.env, NODE_ENV: "production", DATABASE_URL: url.toString(), AUTH_SECRET: secret, DEMO_DATA: "true" },
      detached: true,
      stdio: "ignore",
    });
    servers.push(proc);
    for (let t = 0; ; t++) {
      if (t > 240) throw new Error(`instance ${i} did not start`);
      if (await fetch(`${base}/api/health`).then((r) => r.ok, () => false)) break;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
});

test.afterAll(async () => {
  for (const s of servers) if (s.pid) process.kill(-s.pid, "SIGTERM");
  await new Promise((r) => setTimeout(r, 1000));
  const admin = postgres(serverUrl!, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists "${dbName}" with (force)`);
  await admin.end();
});

async function attempt(base: string, email: string, password: string, address: string) {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const cookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { cookie, "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": address },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: "/" }),
  });
  return res.headers.get("location") ?? "";
}

test("a sign-in throttle counted on one instance holds on the other", async () => {
  // Failures alternate between the instances; the account is refused on both afterwards.
  for (let i = 0; i < 10; i++) expect(await attempt(urls[i % 2]!, "staff@eeas.example", `wrong-${i}`, `203.0.113.${i}`)).toContain("code=credentials");
  for (const base of urls) expect(await attempt(base, "staff@eeas.example", "demo-password", "203.0.113.200")).toContain("code=too_many_attempts");
});

test("parallel PATCHes of one version across both instances: exactly one wins, the rest get 409, one activity record", async () => {
  const a = await signInContext(urls[0]!, "manager@unodc.example");
  const b = await signInContext(urls[1]!, "admin@eeas.example");
  const list = (await (await a.get("/api/v1/follow-ups?limit=1&status=open")).json()) as { items: { id: string; version: number }[] };
  const { id, version } = list.items[0]!;
  const results = await Promise.all(
    Array.from({ length: 12 }, (_, i) => (i % 2 ? b : a).patch(`/api/v1/follow-ups/${id}`, { data: { version, priority: i % 3 === 0 ? "high" : "low", description: `Writer ${i}` } })),
  );
  const statuses = results.map((r) => r.status()).sort();
  expect(statuses.filter((s) => s === 200)).toHaveLength(1);
  expect(statuses.filter((s) => s === 409)).toHaveLength(11);
  const conflict = (await results.find((r) => r.status() === 409)!.json()) as { error: { message: string } };
  expect(conflict.error.message).toMatch(/changed/i);
  const history = (await (await b.get(`/api/v1/follow-ups/${id}/activity`)).json()) as { items: { field: string | null; after: unknown }[] };
  expect(history.items.filter((h) => h.field === "description" && String(h.after).startsWith("Writer "))).toHaveLength(1);
  const now = (await (await b.get(`/api/v1/follow-ups/${id}`)).json()) as { version: number };
  expect(now.version).toBe(version + 1);
  await a.dispose();
  await b.dispose();
});

test("a user deactivated through one instance is signed out on the other at the next request", async () => {
  const staff = await signInContext(urls[1]!, "staff@unodc.example");
  expect((await staff.get("/api/v1/me")).status()).toBe(200);
  const admin = await signInContext(urls[0]!, "admin@eeas.example");
  const me = (await (await staff.get("/api/v1/me")).json()) as { id: string };
  const user = (await (await admin.get(`/api/v1/users/${me.id}`)).json()) as { version: number };
  expect((await admin.patch(`/api/v1/users/${me.id}`, { data: { version: user.version, active: false } })).status()).toBe(200);
  expect((await staff.get("/api/v1/me")).status()).toBe(401);
  await staff.dispose();
  await admin.dispose();
});

test("live events cross instances: a change through one instance reaches a stream held by the other, after commit, only to who may see it", async () => {
  const writer = await signInContext(urls[0]!, "admin@eeas.example");
  const reader = await signInContext(urls[1]!, "manager@unodc.example");
  const cookie = (await reader.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  const ctl = new AbortController();
  let text = "";
  const res = await fetch(`${urls[1]}/api/v1/events`, { headers: { cookie }, signal: ctl.signal });
  expect(res.status).toBe(200);
  const pump = (async () => {
    const r = res.body!.getReader();
    const dec = new TextDecoder();
    try {
      for (;;) {
        const { value, done } = await r.read();
        if (done) break;
        text += dec.decode(value);
      }
    } catch {
      // aborted
    }
  })();
  const meetings = ((await (await writer.get("/api/v1/meetings?limit=200")).json()) as { items: { id: string; heldOn: string; visibility: string; participantOrganisationIds: string[] }[] }).items;
  const unodc = ((await (await reader.get("/api/v1/me")).json()) as { organisationId: string }).organisationId;
  const restricted = meetings.find((m) => m.visibility === "restricted" && !m.participantOrganisationIds.includes(unodc))!;
  const hidden = ((await (await writer.get(`/api/v1/follow-ups?meetingId=${restricted.id}&limit=1`)).json()) as { items: { id: string; version: number }[] }).items[0]!;
  // The 16th Senior Officials Meeting: internal, with follow-ups.
  const internal = meetings.find((m) => m.heldOn === "2022-02-15")!;
  const visible = ((await (await writer.get(`/api/v1/follow-ups?meetingId=${internal.id}&limit=1`)).json()) as { items: { id: string; version: number }[] }).items[0]!;
  await writer.patch(`/api/v1/follow-ups/${hidden.id}`, { data: { version: hidden.version, priority: "high" } });
  const t0 = Date.now();
  expect((await writer.patch(`/api/v1/follow-ups/${visible.id}`, { data: { version: visible.version, priority: "high" } })).status()).toBe(200);
  while (!text.includes(visible.id) && Date.now() - t0 < 3_000) await new Promise((r) => setTimeout(r, 25));
  const ms = Date.now() - t0;
  await new Promise((r) => setTimeout(r, 300));
  ctl.abort();
  await pump;
  expect(text, "the event reached the other instance's stream").toContain(visible.id);
  expect(ms).toBeLessThan(2_000);
  expect(text).not.toContain(hidden.id);
  await writer.dispose();
  await reader.dispose();
});
