/**
 * Webhooks against a real HTTP receiver on loopback (WEBHOOK_ALLOW_PRIVATE=true, as documented for
 * tests and on-premise receivers): the signature verifies the documented way, a 500 is retried
 * with backoff, deliveries of one record keep their order, 24 hours of failure disables the webhook,
 * a restricted meeting's record goes only where asked for, redirects are not followed — and without
 * WEBHOOK_ALLOW_PRIVATE, loopback, private, link-local and metadata addresses are refused at
 * registration and again at delivery.
 */
import { createHmac } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { addComment, createFollowUp, getFollowUp, updateFollowUp } from "@/db/queries/follow-ups";
import { createWebhook, listDeliveries, pingWebhook, resendDelivery, updateWebhook } from "@/db/queries/webhooks";
import { activity, followUps, meetings, webhookDeliveries, webhooks } from "@/db/schema";
import { resetEnvForTests } from "@/server/env";
import { AppError } from "@/lib/errors";
import type { Viewer } from "@/lib/policy";
import { followUpInput } from "@/lib/validation/follow-ups";
import { runWebhookDeliveries } from "@/server/webhooks/deliver";
import { verify } from "@/server/webhooks/signature";
import { isBlockedAddress } from "@/server/webhooks/ssrf";
import { engines, type TestDatabase } from "../support/databases";
import { areaId, type DemoEmail, demoViewers, orgId, thrown } from "../support/demo";

type Hit = { path: string; headers: http.IncomingHttpHeaders; body: string };

/** A receiver on 127.0.0.1 whose answer per request the test decides. */
async function receiver() {
  const hits: Hit[] = [];
  let answer: (hit: Hit) => { status: number; headers?: Record<string, string> } = () => ({ status: 200 });
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      const hit = { path: req.url ?? "", headers: req.headers, body };
      hits.push(hit);
      const a = answer(hit);
      res.writeHead(a.status, a.headers).end("ok");
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;
  return {
    hits,
    url: (p: string) => `http://127.0.0.1:${port}${p}`,
    answer: (fn: typeof answer) => (answer = fn),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

const allowPrivate = (on: boolean) => {
  process.env.WEBHOOK_ALLOW_PRIVATE = on ? "true" : "false";
  resetEnvForTests();
};

describe.each(engines)("webhooks on $name", (engine) => {
  let t: TestDatabase;
  let v: Record<DemoEmail, Viewer>;
  let r: Awaited<ReturnType<typeof receiver>>;
  let admin: Viewer;
  let followUpId: string;
  let restrictedFollowUpId: string;

  beforeAll(async () => {
    t = await engine.open();
    v = await demoViewers(t.db);
    admin = v["admin@eeas.example"];
    r = await receiver();
    const [restricted] = await t.db.select({ id: meetings.id }).from(meetings).where(eq(meetings.visibility, "restricted")).limit(1);
    const make = async (title: string, meetingId: string | null) =>
      (await createFollowUp(t.db, admin, followUpInput.parse({ title, meetingId, priorityAreaId: await areaId(t.db, "drugs"), ownerOrganisationId: await orgId(t.db, "UNODC") }))).id;
    followUpId = await make("Webhook test: internal", null);
    restrictedFollowUpId = await make("Webhook test: on a restricted meeting", restricted!.id);
  });
  afterAll(async () => {
    await r?.close();
    await t?.close();
  });
  beforeEach(async () => {
    allowPrivate(true);
    r.hits.length = 0;
    r.answer(() => ({ status: 200 }));
    await t.db.delete(webhooks);
  });
  afterEach(() => {
    delete process.env.WEBHOOK_ALLOW_PRIVATE;
    resetEnvForTests();
  });

  const bump = async (id: string, status: "in_progress" | "blocked" | "open") => {
    const f = await getFollowUp(t.db, admin, id);
    return updateFollowUp(t.db, admin, id, { version: f.version, status });
  };

  it("delivers a status change, signed with HMAC-SHA256 over `<t>.<body>` that verifies the documented way", async () => {
    const hook = await createWebhook(t.db, admin, { url: r.url("/hook"), events: ["follow_up.status_changed"], includeRestricted: false });
    expect(hook.secret).toMatch(/^whsec_/);
    await bump(followUpId, "blocked");
    expect(await runWebhookDeliveries(t.db)).toMatchObject({ sent: 1, failed: 0 });
    expect(r.hits).toHaveLength(1);
    const hit = r.hits[0]!;
    const body = JSON.parse(hit.body);
    expect(body).toMatchObject({ event: "follow_up.status_changed", data: { followUp: { id: followUpId, status: "blocked" }, to: "blocked" } });
    const header = String(hit.headers["x-tracker-signature"]);
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    // The receiver's side, as the README shows it.
    const [, t0, v1] = /^t=(\d+),v1=([0-9a-f]+)$/.exec(header)!;
    expect(createHmac("sha256", hook.secret).update(`${t0}.${hit.body}`).digest("hex")).toBe(v1);
    expect(verify(hook.secret, hit.body, header)).toBe(true);
    expect(verify(hook.secret, hit.body.replace("blocked", "done"), header)).toBe(false);
    expect(verify(hook.secret, hit.body, header, Number(t0) + 301)).toBe(false); // replayed after 5 minutes
    expect(verify("whsec_other", hit.body, header)).toBe(false);
    const log = await listDeliveries(t.db, admin, hook.id);
    expect(log[0]).toMatchObject({ status: "sent", responseCode: 200, event: "follow_up.status_changed" });
  });

  it("sends only the events asked for (comments, updates), and nothing once deactivated", async () => {
    const hook = await createWebhook(t.db, admin, { url: r.url("/c"), events: ["comment.created"], includeRestricted: false });
    await bump(followUpId, "in_progress");
    await addComment(t.db, admin, followUpId, "Progress noted");
    await runWebhookDeliveries(t.db);
    expect(r.hits.map((h) => JSON.parse(h.body).event)).toEqual(["comment.created"]);
    await updateWebhook(t.db, admin, hook.id, { active: false });
    await addComment(t.db, admin, followUpId, "Again");
    await runWebhookDeliveries(t.db);
    expect(r.hits).toHaveLength(1);
  });

  it("retries after a 500 with backoff, keeps one record's deliveries in order, and re-sends and pings on request", async () => {
    const hook = await createWebhook(t.db, admin, { url: r.url("/retry"), events: ["follow_up.status_changed"], includeRestricted: false });
    let fail = true;
    r.answer(() => ({ status: fail ? 500 : 200 }));
    await bump(followUpId, "blocked");
    await bump(followUpId, "open");
    const t0 = Date.now();
    expect(await runWebhookDeliveries(t.db, { now: () => new Date(t0) })).toMatchObject({ sent: 0, failed: 1 });
    // The second change waited behind the first: only one request was made.
    expect(r.hits).toHaveLength(1);
    fail = false;
    expect(await runWebhookDeliveries(t.db, { now: () => new Date(t0 + 5_000) })).toMatchObject({ sent: 0, failed: 0 }); // not due yet
    expect(await runWebhookDeliveries(t.db, { now: () => new Date(t0 + 31_000) })).toMatchObject({ sent: 2 });
    expect(r.hits.map((h) => JSON.parse(h.body).data.to)).toEqual(["blocked", "blocked", "open"]);
    const log = await listDeliveries(t.db, admin, hook.id);
    expect(log.map((d) => d.status)).toEqual(["sent", "sent"]);
    expect(log[1]).toMatchObject({ attempts: 2, responseCode: 200 });

    await resendDelivery(t.db, admin, hook.id, log[0]!.id);
    await pingWebhook(t.db, admin, hook.id);
    await runWebhookDeliveries(t.db);
    expect(r.hits.slice(3).map((h) => JSON.parse(h.body).event)).toEqual(["follow_up.status_changed", "ping"]);
  });

  it("disables a webhook whose deliveries fail for 24 hours, and says so in the audit trail", async () => {
    const hook = await createWebhook(t.db, admin, { url: r.url("/down"), events: ["follow_up.status_changed"], includeRestricted: false });
    r.answer(() => ({ status: 503 }));
    await bump(followUpId, "blocked");
    const t0 = Date.now();
    await runWebhookDeliveries(t.db, { now: () => new Date(t0) });
    await runWebhookDeliveries(t.db, { now: () => new Date(t0 + 12 * 3_600_000) });
    let [row] = await t.db.select().from(webhooks).where(eq(webhooks.id, hook.id));
    expect(row!.active).toBe(true);
    expect(row!.failingSince).not.toBeNull();
    expect(await runWebhookDeliveries(t.db, { now: () => new Date(t0 + 25 * 3_600_000) })).toMatchObject({ disabled: 1 });
    [row] = await t.db.select().from(webhooks).where(eq(webhooks.id, hook.id));
    expect(row!.active).toBe(false);
    expect(row!.disabledReason).toMatch(/failed for 24 hours/);
    const [d] = await t.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.webhookId, hook.id));
    expect(d!.status).toBe("dead");
    const audit = await t.db.select().from(activity).where(and(eq(activity.action, "webhook_disabled")));
    expect(audit.some((a) => (a.after as { webhookId: string }).webhookId === hook.id)).toBe(true);
    // Disabled: nothing more is queued or sent.
    await bump(followUpId, "open");
    expect(await runWebhookDeliveries(t.db)).toMatchObject({ sent: 0, failed: 0 });
  });

  it("sends a restricted meeting's record only to a webhook that includes restricted records", async () => {
    await createWebhook(t.db, admin, { url: r.url("/wide"), events: ["follow_up.status_changed"], includeRestricted: false });
    await createWebhook(t.db, admin, { url: r.url("/inner"), events: ["follow_up.status_changed"], includeRestricted: true });
    await bump(restrictedFollowUpId, "blocked");
    await runWebhookDeliveries(t.db);
    expect(r.hits.map((h) => h.path)).toEqual(["/inner"]);
    expect(r.hits[0]!.body).toContain(restrictedFollowUpId);
  });

  it("does not follow a redirect", async () => {
    await createWebhook(t.db, admin, { url: r.url("/moved"), events: ["follow_up.status_changed"], includeRestricted: false });
    r.answer((h) => (h.path === "/moved" ? { status: 302, headers: { location: r.url("/elsewhere") } } : { status: 200 }));
    await bump(followUpId, "in_progress");
    expect(await runWebhookDeliveries(t.db)).toMatchObject({ sent: 0, failed: 1 });
    expect(r.hits.map((h) => h.path)).toEqual(["/moved"]);
    const [d] = await t.db.select().from(webhookDeliveries).orderBy(webhookDeliveries.seq).limit(1);
    expect(d).toMatchObject({ status: "failed", responseCode: 302 });
  });

  it("without WEBHOOK_ALLOW_PRIVATE refuses loopback, private, link-local and metadata addresses at registration and at delivery", async () => {
    allowPrivate(false);
    for (const url of [
      r.url("/x"), // http, and loopback
      "https://127.0.0.1/x",
      "https://localhost/x",
      "https://10.1.2.3/x",
      "https://172.20.0.1/x",
      "https://192.168.1.1/x",
      "https://169.254.169.254/latest/meta-data",
      "https://[::1]/x",
      "https://[fd00:ec2::254]/x",
      "https://[::ffff:127.0.0.1]/x",
      "https://0.0.0.0/x",
    ]) {
      const e = (await thrown(() => createWebhook(t.db, admin, { url, events: ["follow_up.created"], includeRestricted: false }))) as AppError;
      expect(e.status, url).toBe(400);
      expect(e.fields?.url, url).toBeTruthy();
    }
    expect(isBlockedAddress("8.8.8.8")).toBe(false);
    expect(isBlockedAddress("2001:4860:4860::8888")).toBe(false);

    // Registered while allowed, delivered after the setting changed: refused at delivery, nothing sent.
    allowPrivate(true);
    await createWebhook(t.db, admin, { url: r.url("/later"), events: ["follow_up.status_changed"], includeRestricted: false });
    allowPrivate(false);
    await bump(followUpId, "blocked");
    expect(await runWebhookDeliveries(t.db)).toMatchObject({ sent: 0, failed: 1 });
    expect(r.hits).toHaveLength(0);
    const [d] = await t.db.select().from(webhookDeliveries).orderBy(webhookDeliveries.seq).limit(1);
    expect(d!.lastError).toMatch(/https|loopback/);
  });

  it("is for admins only", async () => {
    for (const who of ["manager@eeas.example", "staff@unodc.example"] as const) {
      const e = (await thrown(() => createWebhook(t.db, v[who], { url: r.url("/x"), events: ["follow_up.created"], includeRestricted: false }))) as AppError;
      expect(e.status).toBe(403);
    }
    const n = await t.db.select().from(followUps).limit(1);
    expect(n.length).toBe(1);
  });
});
