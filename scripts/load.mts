// `npm run load -- [--seconds 60] [--connections 8] [--engine pglite|postgres]`
//
// A bounded load test on loopback: starts the production server on a fresh demo database (an
// embedded one in a temporary DATA_DIR, or a new database on LOAD_DATABASE_URL's server), signs in
// the five demo accounts and drives a mix of reads and writes for the given time with autocannon —
// lists, pages, a follow-up, comments and status changes (each connection changes its own follow-up
// and carries the version, so a 409 would be a bug). Prints requests, latency percentiles, status
// codes, errors and the server's memory after warm-up and at the end; exits 1 on any error or 5xx.
import { type ChildProcess, spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon, { type Request as CannonRequest } from "autocannon";
import postgres from "postgres";

const root = path.resolve(import.meta.dirname, "..");
const { values: args } = parseArgs({
  options: {
    seconds: { type: "string", default: "60" },
    connections: { type: "string", default: "8" },
    engine: { type: "string", default: "pglite" },
    port: { type: "string", default: process.env.LOAD_PORT ?? "3204" },
  },
});
const seconds = Number(args.seconds);
const connections = Number(args.connections);
const base = `http://127.0.0.1:${args.port}`;
const log = (line: string) => console.error(`[load ${new Date().toISOString().slice(11, 19)}] ${line}`);

// ---- the server: `npm start`'s script (it builds first when the sources changed), on a fresh database
let dropDatabase = async () => {};
const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", DEMO_DATA: "true", AUTH_SECRET: crypto.randomBytes(32).toString("base64") };
if (args.engine === "postgres") {
  const serverUrl = process.env.LOAD_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const name = `tracker_load_${crypto.randomBytes(4).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  env.DATABASE_URL = url.toString();
  dropDatabase = async () => {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  };
} else {
  env.DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "tracker-load-"));
  env.DATABASE_URL = "";
}
const server: ChildProcess = spawn(process.execPath, [path.join(root, "scripts", "start.mjs")], { cwd: root, env: { ...env, PORT: args.port, HOST: "127.0.0.1" }, stdio: "ignore" });
const stop = async () => {
  if (server.exitCode === null) server.kill("SIGTERM");
  await new Promise((r) => setTimeout(r, 1000));
  await dropDatabase();
  if (env.DATA_DIR && env.DATABASE_URL === "") fs.rmSync(env.DATA_DIR, { recursive: true, force: true });
};
for (let i = 0; ; i++) {
  if (i > 1200) throw new Error("the server did not become healthy");
  if (await fetch(`${base}/api/health`).then((r) => r.ok, () => false)) break;
  await new Promise((r) => setTimeout(r, 500));
}
// The Next.js server is start.mjs's child process.
const serverPid = fs.readFileSync(`/proc/${server.pid}/task/${server.pid}/children`, "utf8").trim().split(/\s+/)[0];
const rssMb = () => {
  const status = fs.readFileSync(`/proc/${serverPid}/status`, "utf8");
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
};

// ---- who: the demo accounts, signed in over HTTP
async function signIn(email: string) {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const jar = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password: "demo-password", callbackUrl: "/" }),
  });
  return [...jar, ...res.headers.getSetCookie().map((c) => c.split(";")[0])].join("; ");
}
const emails = ["admin@eeas.example", "manager@eeas.example", "manager@unodc.example", "staff@eeas.example", "staff@unodc.example"];
const cookies = await Promise.all(emails.map(signIn));
const admin = cookies[0]!;
const list = (await (await fetch(`${base}/api/v1/follow-ups?limit=200`, { headers: { cookie: admin } })).json()) as { items: { id: string; version: number; status: string }[] };
const open = list.items.filter((f) => f.status === "open" || f.status === "in_progress");
// What each person may see, so their record reads are real reads (another's restricted record is a 404).
const visible = await Promise.all(
  cookies.map(async (cookie) => {
    const get = async (url: string) => ((await (await fetch(`${base}${url}`, { headers: { cookie } })).json()) as { items: { id: string }[] }).items.map((i) => i.id);
    return { meetings: await get("/api/v1/meetings?limit=50"), followUps: await get("/api/v1/follow-ups?limit=200") };
  }),
);
if (open.length < connections) throw new Error(`only ${open.length} open follow-ups for ${connections} connections`);

// ---- what: a mix of reads and writes. Each connection is one of the people, and changes a
// follow-up of its own as the admin (allowed on everything), carrying its version; the state lives
// with the connection (autocannon clears a request's context after each round of the list).
const pick = <T,>(items: T[]) => items[Math.floor(Math.random() * items.length)]!;
const readPaths = (user: number) => [
  "/api/v1/follow-ups?limit=50",
  "/api/v1/follow-ups?overdue=true",
  "/api/v1/meetings",
  `/api/v1/meetings/${pick(visible[user]!.meetings)}`,
  `/api/v1/follow-ups/${pick(visible[user]!.followUps)}`,
  "/board",
  "/my-follow-ups",
  "/overview",
];
function requestsFor(connection: number): CannonRequest[] {
  const user = connection % cookies.length;
  // Shared with the later runs, so the version carried is always the latest this connection saw.
  const item = open[connection % open.length]!;
  const read: CannonRequest = { method: "GET", setupRequest: (req: CannonRequest) => ({ ...req, path: pick(readPaths(user)), headers: { cookie: cookies[user]! } }) };
  const json = { cookie: admin, "content-type": "application/json" };
  return [
    read,
    { method: "POST", setupRequest: (req: CannonRequest) => ({ ...req, path: `/api/v1/follow-ups/${item.id}/comments`, headers: json, body: JSON.stringify({ body: `Load test comment ${Date.now()}` }) }) },
    read,
    {
      method: "PATCH",
      setupRequest(req: CannonRequest) {
        const status = item.status === "in_progress" ? "open" : "in_progress";
        return { ...req, path: `/api/v1/follow-ups/${item.id}`, headers: json, body: JSON.stringify({ version: item.version, status }) };
      },
      onResponse(code: number, body: string) {
        if (code === 200) Object.assign(item, JSON.parse(body) as { version: number; status: string });
      },
    },
    read,
    read,
  ];
}
let nextConnection = 0;

async function run(duration: number) {
  nextConnection = 0; // connection i changes follow-up i in every run
  const statuses: Record<string, number> = {};
  const latencies: number[] = [];
  const result = await autocannon({
    url: base,
    connections,
    duration,
    requests: requestsFor(0),
    setupClient(client) {
      client.setRequests(requestsFor(nextConnection++));
      client.on("response", (status: number, _bytes: number, responseTime: number) => {
        statuses[status] = (statuses[status] ?? 0) + 1;
        latencies.push(responseTime);
      });
    },
  });
  latencies.sort((a, b) => a - b);
  const p = (q: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.ceil(q * latencies.length) - 1)] ?? NaN);
  return { requests: latencies.length, rps: Math.round(latencies.length / duration), p50: p(0.5), p95: p(0.95), p99: p(0.99), max: Math.round(latencies.at(-1) ?? NaN), errors: result.errors + result.timeouts, statuses };
}

try {
  log(`warming up for 10 s (${connections} connections, ${args.engine})`);
  await run(10);
  const memStart = rssMb();
  log(`server memory after warm-up: ${memStart} MB; running ${seconds} s of mixed load`);
  const samples: number[] = [];
  const sampler = setInterval(() => samples.push(rssMb()), 5000);
  const r = await run(seconds);
  clearInterval(sampler);
  const memEnd = rssMb();
  const fiveXx = Object.entries(r.statuses).filter(([s]) => Number(s) >= 500).reduce((n, [, c]) => n + c, 0);
  const unexpected = Object.entries(r.statuses).filter(([s]) => !["200", "201"].includes(s)).reduce((n, [, c]) => n + c, 0);
  console.log(`
| engine | seconds | connections | requests | req/s | p50 ms | p95 ms | p99 ms | max ms | errors | 5xx | other non-2xx | memory after warm-up → end (MB) | memory samples (MB) |
| --- | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: | --- | --- |
| ${args.engine} | ${seconds} | ${connections} | ${r.requests} | ${r.rps} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.max} | ${r.errors} | ${fiveXx} | ${unexpected - fiveXx} | ${memStart} → ${memEnd} | ${samples.join(", ")} |

status codes: ${JSON.stringify(r.statuses)}`);
  await stop();
  process.exit(r.errors + unexpected > 0 ? 1 : 0);
} catch (e) {
  await stop();
  throw e;
}
