// `npm run load -- [--seconds 60] [--connections 8] [--engine pglite|postgres] [--streams 500 [--rounds 2]] [--mix full|api]`
// `npm run bench:events -- [--engine postgres]`: the live-event benchmark (the API mix; 500 streams; two rounds of 20 s
// without, then 20 s with them, in the same run), its figures also written to bench/results/<date>-events-<engine>-api.json.
//
// A bounded load test on loopback: starts the production server on a fresh demo database (an
// embedded one in a temporary DATA_DIR, or a new database on LOAD_DATABASE_URL's server), signs in
// the five demo accounts and drives a mix of reads and writes for the given time with autocannon —
// lists, pages, a follow-up, comments and status changes (each connection changes its own follow-up
// and carries the version, so a 409 would be a bug). Prints requests, latency percentiles, status
// codes, errors and the server's memory after warm-up and at the end; exits 1 on any error or 5xx.
// With --streams N it runs the mix without and then with N open event streams (GET /api/v1/events,
// spread over the five accounts), --rounds times, alternating, so that a change in the machine's speed
// (other work on it) falls on both sides: the throughput of both and their ratio, the server's CPU
// per request, the server memory per stream, and the delay from each status change to its event on
// every stream that may see it. --mix api keeps to the JSON API (the first page of follow-ups, a
// follow-up, the meetings, a comment and a status change), whose throughput is the issue's figure.
import { type ChildProcess, fork, spawn } from "node:child_process";
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
    streams: { type: "string", default: "0" },
    /** With --streams: how many times to run "without, then with" (alternating cancels a drift of the machine's speed). */
    rounds: { type: "string", default: "1" },
    /** full: lists, records, pages and writes; api: the JSON API only (first page of follow-ups, a follow-up, meetings, a comment, a PATCH). */
    mix: { type: "string", default: "full" },
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
  if (streamsChild?.exitCode === null) streamsChild.kill();
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

/** The server process's CPU time so far, in ms (utime + stime; on PGlite the database runs in it too). */
const cpuMs = () => {
  const stat = fs.readFileSync(`/proc/${serverPid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // clock ticks of 1/100 s
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
const readPaths = (user: number) => args.mix === "api" ? [
  "/api/v1/follow-ups?limit=50",
  "/api/v1/follow-ups?limit=50",
  "/api/v1/meetings",
  `/api/v1/follow-ups/${pick(visible[user]!.followUps)}`,
] : [
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
        sentAt.set(`${item.id}:${item.version + 1}`, now());
        return { ...req, path: `/api/v1/follow-ups/${item.id}`, headers: json, body: JSON.stringify({ version: item.version, status }) };
      },
      onResponse(code: number, body: string) {
        if (code === 200) {
          Object.assign(item, JSON.parse(body) as { version: number; status: string });
          answeredAt.set(`${item.id}:${item.version}`, now());
        } else if (code === 409) {
          // A PATCH cut off by the end of the previous run may have committed unseen: take up the
          // follow-up's version again instead of being refused for the rest of the run.
          void fetch(`${base}/api/v1/follow-ups/${item.id}`, { headers: { cookie: admin } })
            .then((r) => r.json() as Promise<{ version: number; status: string }>)
            .then((f) => Object.assign(item, { version: f.version, status: f.status }))
            .catch(() => {});
        }
      },
    },
    read,
    read,
  ];
}
let nextConnection = 0;

// ---- the event streams, in a child process (scripts/load-streams.mts): per status change they hear
// of, how long after the PATCH was sent (an upper bound of commit → delivery) and after its answer
// arrived (a lower bound). Times are performance.timeOrigin + performance.now() on both sides.
const now = () => performance.timeOrigin + performance.now();
const sentAt = new Map<string, number>();
const answeredAt = new Map<string, number>();
const sinceSent: number[] = [];
const sinceAnswer: number[] = [];
let delivered = 0;
let streamsChild: ChildProcess | undefined;
function heard(deliveries: [string, number][]) {
  for (const [key, at] of deliveries) {
    const sent = sentAt.get(key);
    if (sent === undefined) continue; // not one of this run's status changes
    delivered++;
    sinceSent.push(at - sent);
    const answered = answeredAt.get(key);
    sinceAnswer.push(Math.max(0, answered === undefined ? 0 : at - answered));
  }
}
async function openStreams(n: number) {
  const child = fork(path.join(root, "scripts", "load-streams.mts"), [], { execArgv: process.execArgv, stdio: ["ignore", "inherit", "inherit", "ipc"] });
  streamsChild = child;
  await new Promise<void>((resolve, reject) => {
    child.on("message", (m: { deliveries?: [string, number][]; opened?: number }) => {
      if (m.deliveries) heard(m.deliveries);
      if (m.opened) resolve();
    });
    child.once("exit", (code) => reject(new Error(`the stream process exited (${code})`)));
    child.send({ base, cookies, n });
  });
}
async function closeStreams() {
  const child = streamsChild;
  if (!child || child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    child.on("message", (m: { closed?: boolean }) => m.closed && resolve());
    child.once("exit", () => resolve());
    child.send({ close: true });
  });
  streamsChild = undefined;
}
const pct = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] ?? NaN);
};

async function run(duration: number) {
  nextConnection = 0; // connection i changes follow-up i in every run
  const statuses: Record<string, number> = {};
  const latencies: number[] = [];
  const cpuStart = cpuMs();
  const result = await autocannon({
    url: base,
    connections,
    duration,
    // On a loaded two-core machine a page can take longer than autocannon's 10 s default; a timed-out
    // PATCH would leave its connection with a stale version (409s from then on).
    timeout: 60,
    requests: requestsFor(0),
    setupClient(client) {
      client.setRequests(requestsFor(nextConnection++));
      client.on("response", (status: number, _bytes: number, responseTime: number) => {
        statuses[status] = (statuses[status] ?? 0) + 1;
        latencies.push(responseTime);
      });
    },
  });
  const cpu = cpuMs() - cpuStart;
  latencies.sort((a, b) => a - b);
  const p = (q: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.ceil(q * latencies.length) - 1)] ?? NaN);
  return { requests: latencies.length, rps: Math.round((latencies.length / duration) * 10) / 10, cpuMsPerRequest: Math.round((cpu / Math.max(1, latencies.length)) * 100) / 100, p50: p(0.5), p95: p(0.95), p99: p(0.99), max: Math.round(latencies.at(-1) ?? NaN), errors: result.errors + result.timeouts, statuses };
}

try {
  log(`warming up for 10 s (${connections} connections, ${args.engine})`);
  await run(10);
  const streams = Number(args.streams);
  if (streams > 0) {
    const rounds = Math.max(1, Number(args.rounds));
    const withoutRuns: Awaited<ReturnType<typeof run>>[] = [];
    const withRuns: Awaited<ReturnType<typeof run>>[] = [];
    let before = 0;
    let after = 0;
    let memEnd = 0;
    for (let round = 1; round <= rounds; round++) {
      log(`round ${round}/${rounds}: ${seconds} s without streams`);
      withoutRuns.push(await run(seconds));
      const memBefore = rssMb();
      await openStreams(streams);
      await new Promise((r) => setTimeout(r, 3000));
      const memAfter = rssMb();
      if (round === 1) [before, after] = [memBefore, memAfter];
      log(`${streams} streams open: server memory ${memBefore} → ${memAfter} MB; ${seconds} s with them`);
      // Only this run's status changes are timed: a key left from the run without streams would match
      // the first later event of the same version (a comment's) and count the time between the runs.
      sentAt.clear();
      answeredAt.clear();
      withRuns.push(await run(seconds));
      memEnd = rssMb();
      await closeStreams();
      await new Promise((r) => setTimeout(r, 3000));
    }
    // The throughput of each side over all its rounds, and the server CPU per request.
    const total = (runs: typeof withRuns) => {
      const requests = runs.reduce((n, r) => n + r.requests, 0);
      const cpu = runs.reduce((n, r) => n + r.cpuMsPerRequest * r.requests, 0);
      return { requests, rps: Math.round((requests / (seconds * runs.length)) * 10) / 10, cpuMsPerRequest: Math.round((cpu / Math.max(1, requests)) * 100) / 100, p95: Math.max(...runs.map((r) => r.p95)), errors: runs.reduce((n, r) => n + r.errors, 0) };
    };
    const without = total(withoutRuns);
    const withStreams = total(withRuns);
    const ratio = Math.round((withStreams.rps / without.rps) * 1000) / 1000;
    const cpuRatio = Math.round((without.cpuMsPerRequest / withStreams.cpuMsPerRequest) * 1000) / 1000;
    console.log(`
| engine | mix | streams | rounds × seconds | connections | req/s without streams | req/s with streams | ratio | server CPU ms/req without → with | p95 ms without → with | server memory before → after opening → end (MB) | memory per stream (KB) | events delivered | commit → delivery p50 / p95 / max (ms, from the PATCH's answer) | from the PATCH being sent, p50 / p95 (ms) |
| --- | --- | --: | --: | --: | --: | --: | --: | --- | --- | --- | --: | --: | --- | --- |
| ${args.engine} | ${args.mix} | ${streams} | ${rounds} × ${seconds} | ${connections} | ${without.rps} | ${withStreams.rps} | ${ratio} | ${without.cpuMsPerRequest} → ${withStreams.cpuMsPerRequest} | ${without.p95} → ${withStreams.p95} | ${before} → ${after} → ${memEnd} | ${Math.round(((after - before) * 1024) / streams)} | ${delivered} | ${pct(sinceAnswer, 0.5)} / ${pct(sinceAnswer, 0.95)} / ${pct(sinceAnswer, 1)} | ${pct(sinceSent, 0.5)} / ${pct(sinceSent, 0.95)} |

per round, req/s without → with: ${withoutRuns.map((w, i) => `${w.rps} → ${withRuns[i]!.rps}`).join("; ")}
status codes with streams: ${JSON.stringify(withRuns.map((r) => r.statuses))}; errors without / with: ${without.errors} / ${withStreams.errors}`);
    const resultFile = path.join(root, "bench", "results", `${new Date().toISOString().slice(0, 10)}-events-${args.engine}${args.mix === "full" ? "" : `-${args.mix}`}.json`);
    fs.mkdirSync(path.dirname(resultFile), { recursive: true });
    fs.writeFileSync(
      resultFile,
      `${JSON.stringify(
        {
          engine: args.engine, mix: args.mix, streams, rounds, seconds, connections, loadAverage: os.loadavg(),
          without, with: withStreams, ratio, cpuRatio, perRound: { without: withoutRuns, with: withRuns },
          memoryMb: { before, afterOpening: after, end: memEnd, perStreamKb: Math.round(((after - before) * 1024) / streams) },
          delivery: {
            events: delivered,
            fromAnswerMs: { p50: pct(sinceAnswer, 0.5), p95: pct(sinceAnswer, 0.95), p99: pct(sinceAnswer, 0.99), max: pct(sinceAnswer, 1) },
            fromSentMs: { p50: pct(sinceSent, 0.5), p95: pct(sinceSent, 0.95), p99: pct(sinceSent, 0.99), max: pct(sinceSent, 1) },
          },
          goals: { p95UnderOneSecond: pct(sinceAnswer, 0.95) < 1000, throughputWithinTenPercent: ratio >= 0.9 },
        },
        null,
        2,
      )}\n`,
    );
    log(`written to ${path.relative(root, resultFile)}`);
    await stop();
    const bad = (r: (typeof withRuns)[number]) => r.errors + Object.entries(r.statuses).filter(([st]) => !["200", "201"].includes(st)).reduce((n, [, c]) => n + c, 0);
    process.exit([...withoutRuns, ...withRuns].reduce((n, r) => n + bad(r), 0) > 0 ? 1 : 0);
  }
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
