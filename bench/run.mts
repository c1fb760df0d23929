// `npm run bench -- [--engine postgres|pglite] [--duration 10] [--lighthouse-runs 5] [--no-lighthouse]`
//
// Builds (when the sources changed) and starts the production server on a scale database, signs
// in over HTTP, and measures on loopback with autocannon: each scenario at 1 and 16 connections,
// requests/s, p50/p95/p99 latency, errors and the ratio to /api/health. Counts the SQL statements
// per request (TRACKER_QUERY_COUNT=1), runs Lighthouse (desktop preset, median of N) and sums each
// route's first-load JavaScript (gzip). Writes bench/results/<date>-<engine>.json and prints a
// Markdown table. Fill the database first: `npm run seed:scale` (same DATABASE_URL / DATA_DIR).
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import zlib from "node:zlib";
import autocannon, { type Request as CannonRequest } from "autocannon";
import postgres from "postgres";
import { BENCH_MEETING_ID } from "../db/seed-scale";

const root = path.resolve(import.meta.dirname, "..");
const { values: args } = parseArgs({
  options: {
    engine: { type: "string", default: "postgres" },
    duration: { type: "string", default: "10" },
    port: { type: "string", default: process.env.BENCH_PORT ?? "3203" },
    "database-url": { type: "string", default: process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/tracker_scale" },
    "data-dir": { type: "string", default: process.env.BENCH_DATA_DIR ?? path.join(os.tmpdir(), "tracker-scale-pglite") },
    "lighthouse-runs": { type: "string", default: "5" },
    "no-lighthouse": { type: "boolean", default: false },
    only: { type: "string" },
    /** Names the results file (`<date>-<engine>-<label>.json`), e.g. before / after of an A/B. */
    label: { type: "string" },
  },
});
const engine = args.engine === "pglite" ? "pglite" : "postgres";
const duration = Number(args.duration);
const base = `http://127.0.0.1:${args.port}`;
const PASSWORD = "demo-password";
const log = (line: string) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);

// ---------------------------------------------------------------- server
const serverEnv: NodeJS.ProcessEnv = {
  ...process.env,
  PORT: args.port,
  HOSTNAME: "127.0.0.1",
  NODE_ENV: "production",
  AUTH_SECRET: process.env.AUTH_SECRET ?? "bench-secret-not-for-production-0123456789",
  DEMO_DATA: "false",
  TRACKER_QUERY_COUNT: "1",
  DATABASE_URL: engine === "postgres" ? args["database-url"] : "",
  DATA_DIR: engine === "pglite" ? args["data-dir"] : path.join(os.tmpdir(), "tracker-bench-unused"),
};
log(`engine ${engine}; building if needed and starting the production server on ${base}`);
const server = spawn(process.execPath, [path.join(root, "scripts", "start.mjs")], { cwd: root, env: serverEnv, stdio: ["ignore", "pipe", "pipe"] });
let serverOut = "";
server.stdout.on("data", (d: Buffer) => (serverOut += d.toString()));
server.stderr.on("data", (d: Buffer) => process.stderr.write(d));
server.on("exit", (code, signal) => log(`the server exited (${code ?? signal})`));
const stop = () => {
  if (server.exitCode === null) server.kill("SIGTERM");
  void pgClient?.end({ timeout: 1 });
};
process.on("exit", stop);
process.on("SIGINT", () => process.exit(130));

async function waitForHealth() {
  const deadline = Date.now() + 15 * 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited (${server.exitCode}):\n${serverOut.slice(-2000)}`);
    try {
      const r = await fetch(`${base}/api/health`);
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error("the server did not become healthy in 15 minutes");
}

// ---------------------------------------------------------------- sign-in (Auth.js credentials over HTTP)
function mergeCookies(jar: Map<string, string>, res: Response) {
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(";");
    const eq = pair?.indexOf("=") ?? -1;
    if (pair && eq > 0) jar.set(pair.slice(0, eq), pair.slice(eq + 1));
  }
}
const cookieHeader = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

async function signIn(email: string): Promise<string> {
  const jar = new Map<string, string>();
  const csrf = await fetch(`${base}/api/auth/csrf`);
  mergeCookies(jar, csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(jar) },
    body: new URLSearchParams({ csrfToken, email, password: PASSWORD, callbackUrl: `${base}/board` }),
  });
  mergeCookies(jar, res);
  const cookie = cookieHeader(jar);
  const me = await fetch(`${base}/api/v1/me`, { headers: { cookie } });
  if (!me.ok) throw new Error(`signing in as ${email} failed (${res.status}, then /api/v1/me ${me.status}); is the database seeded (npm run seed:scale)?`);
  return cookie;
}

// ---------------------------------------------------------------- CPU per request
// Throughput on a shared machine moves with everyone else's load; the CPU time the server (and, on
// PostgreSQL, its backends) spends per request does much less. Linux /proc only; null elsewhere.
const ticksToMs = 1000 / 100; // USER_HZ
function processCpuMs(pid: number): number | null {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) * ticksToMs;
  } catch {
    return null;
  }
}
/** The Node processes serving (start.mjs and the `next start` it runs). */
function serverPids(pid = server.pid): number[] {
  if (!pid) return [];
  let children: number[] = [];
  try {
    children = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    // not Linux
  }
  return [pid, ...children.flatMap((c) => serverPids(c))];
}
const pgClient = engine === "postgres" ? postgres(args["database-url"], { max: 1, onnotice: () => {} }) : null;
/** The PostgreSQL backends of the app's connection pool (same machine only). */
async function backendPids(): Promise<number[]> {
  if (!pgClient) return [];
  const rows = await pgClient<{ pid: number }[]>`select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`;
  return rows.map((r) => r.pid);
}
async function cpuMeter() {
  const node = serverPids();
  const pg = await backendPids();
  const sum = (pids: number[]) => {
    let total = 0;
    for (const p of pids) {
      const ms = processCpuMs(p);
      if (ms === null) return null; // gone (a backend replaced), or not Linux
      total += ms;
    }
    return total;
  };
  const start = { node: sum(node), pg: sum(pg) };
  return (requests: number) => {
    const end = { node: sum(node), pg: sum(pg) };
    const per = (a: number | null, b: number | null) => (a === null || b === null || !requests ? null : round((b - a) / requests));
    return { serverCpuMs: per(start.node, end.node), pgCpuMs: pgClient ? per(start.pg, end.pg) : null };
  };
}

// ---------------------------------------------------------------- load
type Scenario = { name: string; label: string; path: string; method?: "GET" | "PATCH"; cookie?: string; kind: "api" | "html" | "health" | "patch" };
type Run = {
  connections: number;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  non2xx: number;
  statuses: Record<string, number>;
  /** CPU milliseconds per request: the Node server's, and its PostgreSQL backends' (null on PGlite, or off Linux). */
  serverCpuMs: number | null;
  pgCpuMs: number | null;
};

const percentile = (sorted: number[], p: number) => (sorted.length ? (sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number) : NaN);

/** PATCH scenario: each connection toggles its own follow-up between open and in progress, carrying the version. */
function patchRequests(pool: { id: string; version: number }[]): CannonRequest[] {
  let next = 0;
  type Ctx = { item?: { id: string; version: number }; status?: string };
  return [
    {
      method: "PATCH" as const,
      setupRequest(req: CannonRequest, ctx: object) {
        const context = ctx as Ctx;
        context.item ??= pool[next++ % pool.length];
        const item = context.item as { id: string; version: number };
        context.status = context.status === "in_progress" ? "open" : "in_progress";
        return { ...req, path: `/api/v1/follow-ups/${item.id}`, body: JSON.stringify({ status: context.status, version: item.version }) };
      },
      onResponse(status: number, body: string, ctx: object) {
        const context = ctx as Ctx;
        if (status === 200 && context.item) context.item.version = (JSON.parse(body) as { version: number }).version;
      },
    },
  ];
}

async function load(s: Scenario, connections: number, pool?: { id: string; version: number }[], seconds = duration): Promise<Run> {
  const latencies: number[] = [];
  const headers: Record<string, string> = s.cookie ? { cookie: s.cookie } : {};
  if (s.kind === "patch") headers["content-type"] = "application/json";
  const instance = autocannon({
    url: `${base}${s.path}`,
    connections,
    duration: seconds,
    headers,
    ...(s.kind === "patch" && pool ? { requests: patchRequests(pool.slice(0)) } : {}),
  }) as unknown as Promise<autocannon.Result> & { on(event: "response", fn: (client: unknown, status: number, bytes: number, ms: number) => void): void };
  const statuses: Record<string, number> = {};
  const meter = await cpuMeter();
  instance.on("response", (_client, status, _bytes, responseTime) => {
    latencies.push(responseTime);
    statuses[status] = (statuses[status] ?? 0) + 1;
  });
  const result = await instance;
  const cpu = meter(result.requests.total);
  latencies.sort((a, b) => a - b);
  return {
    connections,
    requests: result.requests.total,
    rps: Math.round((result.requests.total / (result.duration || seconds)) * 10) / 10,
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    p99: round(percentile(latencies, 99)),
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    statuses,
    ...cpu,
  };
}
const round = (n: number) => Math.round(n * 10) / 10;

/**
 * Waits until the server has worked off what a run left behind (a request autocannon gave up on
 * is still rendered), so one scenario's backlog does not land in the next one's figures.
 */
async function settle() {
  const deadline = Date.now() + 60_000;
  let quick = 0;
  while (Date.now() < deadline && quick < 3) {
    const t = performance.now();
    await fetch(`${base}/api/health`).then((r) => r.arrayBuffer()).catch(() => undefined);
    quick = performance.now() - t < 50 ? quick + 1 : 0;
    await new Promise((r) => setTimeout(r, 200));
  }
}

// ---------------------------------------------------------------- query counts
async function queryCount(s: { path: string; kind: string; cookie?: string }, tag: string): Promise<number | null> {
  const before = serverOut.length;
  const res = await fetch(`${base}${s.path}`, { headers: { ...(s.cookie ? { cookie: s.cookie } : {}), "x-bench-tag": tag } });
  await res.arrayBuffer();
  const header = res.headers.get("x-query-count");
  if (header) return Number(header);
  for (let i = 0; i < 40; i++) {
    const m = serverOut.slice(before).match(new RegExp(`\\[query-count\\] ${tag} (\\d+)`));
    if (m) return Number(m[1]);
    await new Promise((r) => setTimeout(r, 50));
  }
  return null;
}

// ---------------------------------------------------------------- first-load JS
/** Every script a route's HTML loads before it is interactive (script tags and the chunks its RSC payload names), gzip-summed. */
async function firstLoadJs(route: string, cookie: string) {
  const res = await fetch(`${base}${route}`, { headers: { cookie } });
  const html = await res.text();
  const chunks = new Set<string>();
  for (const m of html.matchAll(/\/?_next\/static\/[\w\-./~%]+?\.js/g)) chunks.add(m[0].replace(/^\/?_next\//, ""));
  for (const m of html.matchAll(/"(static\/chunks\/[\w\-./~%]+?\.js)"/g)) chunks.add(m[1] as string);
  // Polyfills are loaded with noModule: a current browser never fetches them.
  const buildManifest = JSON.parse(fs.readFileSync(path.join(root, ".next", "build-manifest.json"), "utf8")) as { polyfillFiles?: string[] };
  for (const p of buildManifest.polyfillFiles ?? []) chunks.delete(p);
  let gzip = 0;
  let raw = 0;
  const files: { chunk: string; gzipKb: number }[] = [];
  for (const c of chunks) {
    const file = path.join(root, ".next", decodeURIComponent(c));
    if (!fs.existsSync(file)) continue;
    const buf = fs.readFileSync(file);
    const gz = zlib.gzipSync(buf).length;
    raw += buf.length;
    gzip += gz;
    files.push({ chunk: c, gzipKb: round(gz / 1024) });
  }
  files.sort((a, b) => b.gzipKb - a.gzipKb);
  return { route, status: res.status, finalUrl: res.url.replace(base, ""), chunks: files.length, rawKb: round(raw / 1024), gzipKb: round(gzip / 1024), files };
}

function pageRoutes(ids: Record<string, string>): string[] {
  const manifest = path.join(root, ".next", "server", "app-paths-manifest.json");
  const keys = Object.keys(JSON.parse(fs.readFileSync(manifest, "utf8")) as Record<string, string>).filter((k) => k.endsWith("/page"));
  const routes = new Set<string>();
  for (const k of keys) {
    const route = k.replace(/\/page$/, "").replace(/\/\([^)]*\)/g, "") || "/";
    if (route.startsWith("/_")) continue;
    const filled = route.replace(/\[(\w+)\]/g, (_, p: string) => ids[p] ?? `[${p}]`);
    if (!filled.includes("[")) routes.add(filled);
  }
  return [...routes].sort();
}

// ---------------------------------------------------------------- lighthouse
function lighthouse(url: string, cookie: string, runs: number) {
  const scores: { performance: number; lcp: number; tbt: number; cls: number; fcp: number }[] = [];
  const out = path.join(os.tmpdir(), `bench-lh-${process.pid}.json`);
  for (let i = 0; i < runs; i++) {
    const r = spawnSync(
      process.execPath,
      [
        path.join(root, "node_modules", "lighthouse", "cli", "index.js"),
        url,
        "--preset=desktop",
        "--only-categories=performance",
        "--output=json",
        `--output-path=${out}`,
        "--quiet",
        `--extra-headers=${JSON.stringify({ Cookie: cookie })}`,
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
      ],
      { env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? "/usr/bin/chromium" }, encoding: "utf8", timeout: 180_000 },
    );
    if (r.status !== 0 || !fs.existsSync(out)) {
      log(`lighthouse failed on ${url}: ${(r.stderr || "").slice(-500)}`);
      continue;
    }
    const lhr = JSON.parse(fs.readFileSync(out, "utf8")) as { categories: { performance: { score: number } }; audits: Record<string, { numericValue?: number }> };
    fs.rmSync(out, { force: true });
    scores.push({
      performance: Math.round(lhr.categories.performance.score * 100),
      lcp: Math.round(lhr.audits["largest-contentful-paint"]?.numericValue ?? NaN),
      tbt: Math.round(lhr.audits["total-blocking-time"]?.numericValue ?? NaN),
      cls: Math.round((lhr.audits["cumulative-layout-shift"]?.numericValue ?? NaN) * 1000) / 1000,
      fcp: Math.round(lhr.audits["first-contentful-paint"]?.numericValue ?? NaN),
    });
  }
  const median = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length ? (s[Math.floor((s.length - 1) / 2)] as number) : NaN;
  };
  return {
    runs: scores.length,
    performance: median(scores.map((s) => s.performance)),
    lcpMs: median(scores.map((s) => s.lcp)),
    tbtMs: median(scores.map((s) => s.tbt)),
    cls: median(scores.map((s) => s.cls)),
    fcpMs: median(scores.map((s) => s.fcp)),
    all: scores.map((s) => s.performance),
  };
}

// ---------------------------------------------------------------- main
const loadAtStart = os.loadavg();

async function main() {
  await waitForHealth();
  log("server healthy; signing in");
  const staff = await signIn("staff@eeas.example");
  const admin = await signIn("admin@eeas.example");

  const get = async <T,>(p: string, cookie = staff) => {
    const r = await fetch(`${base}${p}`, { headers: { cookie } });
    if (!r.ok) throw new Error(`GET ${p}: ${r.status}`);
    return (await r.json()) as T;
  };
  const areas = (await get<{ items: { id: string; slug: string }[] }>("/api/v1/priority-areas")).items;
  const orgs = (await get<{ items: { id: string; acronym: string | null }[] }>("/api/v1/organisations")).items;
  const area = areas.find((a) => a.slug === "illicit-flows") ?? areas[0];
  const org = orgs.find((o) => o.acronym === "UNODC") ?? orgs[0];
  if (!area || !org) throw new Error("no priority areas or organisations: seed the database first (npm run seed:scale)");
  const total = await get<{ items: unknown[] }>("/api/v1/follow-ups?limit=200");
  if (total.items.length < 200) throw new Error("fewer than 200 follow-ups: seed the database first (npm run seed:scale)");
  const smallMeeting = (await get<{ items: { id: string }[] }>("/api/v1/meetings?q=16th")).items[0];
  const filtered = `/api/v1/follow-ups?priorityAreaId=${area.id}&organisationId=${org.id}&overdue=true`;
  const patchPool = (await get<{ items: { id: string; version: number }[] }>(`/api/v1/follow-ups?status=open&limit=64&sort=updated&dir=desc`, admin)).items.map((f) => ({ id: f.id, version: f.version }));

  const scenarios: Scenario[] = [
    { name: "health", label: "`/api/health` (the limit)", path: "/api/health", kind: "health" },
    { name: "api-first", label: "API follow-ups, first page (50)", path: "/api/v1/follow-ups", cookie: staff, kind: "api" },
    { name: "api-filtered", label: "API follow-ups, area + organisation + overdue", path: filtered, cookie: staff, kind: "api" },
    { name: "api-search", label: "API follow-ups, text search `q=money`", path: "/api/v1/follow-ups?q=money", cookie: staff, kind: "api" },
    { name: "board", label: "Board page (HTML)", path: "/board", cookie: staff, kind: "html" },
    { name: "overview", label: "Overview page (HTML)", path: "/overview", cookie: staff, kind: "html" },
    { name: "meeting", label: "Meeting page, 200 follow-ups (HTML)", path: `/meetings/${BENCH_MEETING_ID}`, cookie: staff, kind: "html" },
    { name: "my-follow-ups", label: "My follow-ups page (HTML)", path: "/my-follow-ups", cookie: staff, kind: "html" },
    { name: "patch", label: "Status change (PATCH)", path: "/api/v1/follow-ups", method: "PATCH", cookie: admin, kind: "patch" },
  ].filter((s) => !args.only || s.name === "health" || args.only.split(",").includes(s.name)) as Scenario[];

  // Query counts: each scenario once, and the same page with few rows, which must count the same.
  log("counting SQL statements per request");
  const queries: Record<string, number | null> = {};
  for (const s of scenarios.filter((x) => x.kind !== "patch")) queries[s.name] = await queryCount(s, s.name);
  const nPlusOne: { check: string; few: number | null; many: number | null }[] = [];
  const pair = async (check: string, few: string, many: string) =>
    nPlusOne.push({ check, few: await queryCount({ path: few, kind: "x", cookie: staff }, `${check}-few`), many: await queryCount({ path: many, kind: "x", cookie: staff }, `${check}-many`) });
  await pair("api-list-5-vs-200", "/api/v1/follow-ups?limit=5", "/api/v1/follow-ups?limit=200");
  if (smallMeeting) await pair("meeting-11-vs-200", `/meetings/${smallMeeting.id}`, `/meetings/${BENCH_MEETING_ID}`);
  await pair("board-filtered-vs-all", `/board?priorityAreaId=${area.id}&organisationId=${org.id}&overdue=true`, `/board?organisationId=${org.id}`);
  const patchOne = patchPool[patchPool.length - 1];
  if (patchOne) {
    const res = await fetch(`${base}/api/v1/follow-ups/${patchOne.id}`, { method: "PATCH", headers: { cookie: admin, "content-type": "application/json" }, body: JSON.stringify({ status: "blocked", version: patchOne.version }) });
    queries.patch = Number(res.headers.get("x-query-count"));
    patchOne.version = ((await res.json()) as { version: number }).version;
  }

  const results: { scenario: Scenario; runs: Run[] }[] = [];
  for (const s of scenarios) {
    // Warm-up: compile paths, fill the connection pool.
    await load(s, 4, patchPool, 3).catch(() => undefined);
    const runs: Run[] = [];
    for (const c of [1, 16]) {
      await settle();
      log(`${s.name} at ${c} connection(s), ${duration} s`);
      runs.push(await load(s, c, patchPool));
    }
    results.push({ scenario: s, runs });
  }
  const health = results.find((r) => r.scenario.name === "health")?.runs ?? [];
  const ratio = (rps: number, c: number) => {
    const h = health.find((x) => x.connections === c)?.rps;
    return h ? Math.round((rps / h) * 100) / 100 : NaN;
  };

  const ids: Record<string, string> = { meetingId: BENCH_MEETING_ID };
  const firstFollowUp = patchPool[0];
  if (firstFollowUp) ids.followUpId = firstFollowUp.id;
  log("first-load JavaScript per route");
  const js = [];
  for (const route of pageRoutes(ids)) js.push(await firstLoadJs(route, admin));

  let lh: Record<string, ReturnType<typeof lighthouse>> = {};
  if (!args["no-lighthouse"]) {
    const runs = Number(args["lighthouse-runs"]);
    for (const [name, p] of [["board", "/board"], ["follow-ups", "/follow-ups"], ["meeting", `/meetings/${BENCH_MEETING_ID}`]] as const) {
      log(`lighthouse ${p} × ${runs}`);
      lh = { ...lh, [name]: lighthouse(`${base}${p}`, staff, runs) };
    }
  }

  const date = new Date().toISOString().slice(0, 10);
  const report = {
    date: new Date().toISOString(),
    engine,
    durationSeconds: duration,
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, loadavg: os.loadavg(), loadavgAtStart: loadAtStart, node: process.version },
    // The A/B switches of issue 25, as the server ran with them.
    switches: { PGLITE_WORKER: process.env.PGLITE_WORKER ?? "(default)", TRACKER_CACHE: process.env.TRACKER_CACHE ?? "(default)" },
    scenarios: results.map((r) => ({
      name: r.scenario.name,
      label: r.scenario.label,
      path: r.scenario.path,
      queries: queries[r.scenario.name] ?? null,
      runs: r.runs.map((x) => ({ ...x, ratioToHealth: ratio(x.rps, x.connections) })),
    })),
    nPlusOne,
    firstLoadJs: js,
    lighthouse: lh,
  };
  const dir = path.join(root, "bench", "results");
  fs.mkdirSync(dir, { recursive: true });
  // A partial run (--only) never replaces the day's full results.
  const file = path.join(dir, `${date}-${engine}${args.label ? `-${args.label.replace(/[^\w-]/g, "")}` : ""}${args.only ? `-only-${args.only.replace(/,/g, "-")}` : ""}.json`);
  fs.writeFileSync(file, JSON.stringify(report, null, 2) + "\n");
  console.log(markdown(report));
  log(`wrote ${path.relative(root, file)}`);
}

type Report = {
  engine: string;
  durationSeconds: number;
  machine: { loadavg: number[]; loadavgAtStart?: number[] };
  switches?: Record<string, string>;
  scenarios: { label: string; queries: number | null; runs: (Run & { ratioToHealth: number })[] }[];
  nPlusOne: { check: string; few: number | null; many: number | null }[];
  firstLoadJs: { route: string; gzipKb: number; status: number }[];
  lighthouse: Record<string, { performance: number; lcpMs: number; tbtMs: number; cls: number; runs: number; all: number[] }>;
};

function markdown(r: Report) {
  const lines = [
    `### ${r.engine} — ${r.durationSeconds} s per run, load average at the start ${(r.machine.loadavgAtStart ?? []).map((x) => x.toFixed(1)).join(" / ")}, at the end ${r.machine.loadavg.map((x) => x.toFixed(1)).join(" / ")}${r.switches ? ` (${Object.entries(r.switches).map(([k, v]) => `${k}=${v}`).join(", ")})` : ""}`,
    "",
    "| Scenario | SQL/req | conns | req/s | p50 ms | p95 ms | p99 ms | errors | × health | server CPU ms/req | PG CPU ms/req |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const s of r.scenarios)
    for (const x of s.runs)
      lines.push(`| ${s.label} | ${s.queries ?? "–"} | ${x.connections} | ${x.rps} | ${x.p50} | ${x.p95} | ${x.p99} | ${x.errors + x.non2xx} | ${x.ratioToHealth} | ${x.serverCpuMs ?? "–"} | ${x.pgCpuMs ?? "–"} |`);
  lines.push("", "| N+1 check (SQL statements) | few rows | many rows |", "| --- | ---: | ---: |");
  for (const n of r.nPlusOne) lines.push(`| ${n.check} | ${n.few} | ${n.many} |`);
  if (Object.keys(r.lighthouse).length) {
    lines.push("", "| Lighthouse (desktop, median) | performance | LCP ms | TBT ms | CLS | runs |", "| --- | ---: | ---: | ---: | ---: | --- |");
    for (const [k, v] of Object.entries(r.lighthouse)) lines.push(`| ${k} | ${v.performance} | ${v.lcpMs} | ${v.tbtMs} | ${v.cls} | ${v.all.join(", ")} |`);
  }
  lines.push("", "| Route | first-load JS (gzip kB) |", "| --- | ---: |");
  for (const j of r.firstLoadJs) lines.push(`| ${j.route}${j.status !== 200 ? ` (HTTP ${j.status})` : ""} | ${j.gzipKb} |`);
  return lines.join("\n");
}

main()
  .then(() => {
    stop();
    process.exit(0);
  })
  .catch((e: unknown) => {
    console.error(`bench failed: ${e instanceof Error ? e.message : String(e)}`);
    stop();
    process.exit(1);
  });
