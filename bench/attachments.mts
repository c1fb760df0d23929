// `npm run bench:attachments -- [--engine pglite|postgres] [--mb 25] [--runs 3] [--also 100]`
//
// Uploads and downloads a file of --mb megabytes (a PDF header, then filler) to a fresh demo server
// (production build) and measures the time of each and the server's resident memory (RSS, summed over
// its process tree, sampled every 20 ms): before, the peak during, and after. The same with a file a
// of 1 MB, to show whether memory grows with the file. Writes
// bench/results/<date>-attachments-<engine>.json and prints a Markdown table.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import postgres from "postgres";

const root = path.resolve(import.meta.dirname, "..");
const { values: args } = parseArgs({
  options: {
    engine: { type: "string", default: "pglite" },
    mb: { type: "string", default: "25" },
    runs: { type: "string", default: "3" },
    /** Extra sizes in MB, beyond 1 MB and --mb: a larger file shows whether the peak follows the size. */
    also: { type: "string", default: "" },
    port: { type: "string", default: process.env.BENCH_PORT ?? "3204" },
    "database-url": { type: "string", default: process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/tracker_bench_files" },
  },
});
const engine = args.engine === "postgres" ? "postgres" : "pglite";
const base = `http://127.0.0.1:${args.port}`;
const log = (line: string) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);

if (engine === "postgres") {
  // A database of its own, fresh each run: the demo data is seeded into it.
  const url = new URL(args["database-url"]);
  const name = url.pathname.slice(1);
  url.pathname = "/postgres";
  const admin = postgres(url.toString(), { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
}
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tracker-bench-files-"));
const server = spawn(process.execPath, [path.join(root, "scripts", "start.mjs")], {
  cwd: root,
  env: {
    ...process.env,
    PORT: args.port,
    HOSTNAME: "127.0.0.1",
    NODE_ENV: "production",
    AUTH_SECRET: "bench-secret-not-for-production-0123456789",
    DEMO_DATA: "true",
    ATTACHMENT_MAX_MB: String(Math.max(Number(args.mb), ...args.also.split(",").filter(Boolean).map(Number)) + 1),
    DATABASE_URL: engine === "postgres" ? args["database-url"] : "",
    DATA_DIR: dataDir,
  },
  stdio: ["ignore", "pipe", "inherit"],
});
server.stdout.resume();
process.on("exit", () => server.exitCode === null && server.kill("SIGTERM"));

/** RSS in kB of a process and all its descendants (Linux /proc). */
function treeRssKb(pid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // gone
    }
  }
  let total = 0;
  const walk = (p: number) => {
    try {
      const m = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${p}/status`, "utf8"));
      total += Number(m?.[1] ?? 0);
    } catch {
      // gone
    }
    for (const c of children.get(p) ?? []) walk(c);
  };
  walk(pid);
  return total;
}

async function sampled<T>(fn: () => Promise<T>) {
  const before = treeRssKb(server.pid!);
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, treeRssKb(server.pid!))), 20);
  const t0 = performance.now();
  const result = await fn();
  const ms = performance.now() - t0;
  clearInterval(timer);
  await new Promise((r) => setTimeout(r, 300));
  const after = treeRssKb(server.pid!);
  return { result, ms: Math.round(ms), beforeMb: +(before / 1024).toFixed(1), peakMb: +(peak / 1024).toFixed(1), afterMb: +(after / 1024).toFixed(1), growthMb: +((peak - before) / 1024).toFixed(1) };
}

for (let i = 0; ; i++) {
  if (server.exitCode !== null) throw new Error("the server exited");
  try {
    if ((await fetch(`${base}/api/health`)).ok) break;
  } catch {
    // not yet
  }
  if (i > 900) throw new Error("the server did not start");
  await new Promise((r) => setTimeout(r, 1000));
}

const jar = new Map<string, string>();
const keep = (res: Response) => {
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(";");
    const eq = pair!.indexOf("=");
    jar.set(pair!.slice(0, eq), pair!.slice(eq + 1));
  }
};
const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
const csrf = await fetch(`${base}/api/auth/csrf`);
keep(csrf);
const { csrfToken } = (await csrf.json()) as { csrfToken: string };
keep(await fetch(`${base}/api/auth/callback/credentials`, { method: "POST", redirect: "manual", headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() }, body: new URLSearchParams({ csrfToken, email: "staff@unodc.example", password: "demo-password", callbackUrl: base }) }));
const meetings = (await (await fetch(`${base}/api/v1/meetings?limit=50`, { headers: { cookie: cookie() } })).json()) as { items: { id: string; heldOn: string }[] };
const som = meetings.items.find((m) => m.heldOn === "2022-02-15")!;

const fileOf = (bytes: number) => {
  const head = Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
  return Buffer.concat([head, Buffer.alloc(bytes - head.length, 0x25)]);
};

async function upload(bytes: Buffer, name: string) {
  const fd = new FormData();
  fd.append("file", new Blob([new Uint8Array(bytes)], { type: "application/pdf" }), name);
  const res = await fetch(`${base}/api/v1/meetings/${som.id}/attachments`, { method: "POST", body: fd, headers: { cookie: cookie(), origin: base } });
  if (res.status !== 201) throw new Error(`upload answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as { id: string; sha256: string };
}
async function download(id: string) {
  const res = await fetch(`${base}/api/v1/attachments/${id}`, { headers: { cookie: cookie() } });
  const hash = createHash("sha256");
  let size = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    hash.update(chunk);
    size += chunk.length;
  }
  return { status: res.status, size, sha256: hash.digest("hex") };
}

// Warm up: the routes compile their first time, the database pages come in.
const warm = await upload(fileOf(1024 * 1024), "warm-up.pdf");
await download(warm.id);

const rows: Record<string, unknown>[] = [];
const sizes = [1, Number(args.mb), ...args.also.split(",").filter(Boolean).map(Number)];
for (const mb of sizes) {
  const bytes = fileOf(Math.round(mb * 1024 * 1024));
  const sha = createHash("sha256").update(bytes).digest("hex");
  for (let run = 1; run <= Number(args.runs); run++) {
    const up = await sampled(() => upload(bytes, `bench-${mb}mb.pdf`));
    if (up.result.sha256 !== sha) throw new Error("the stored SHA-256 differs");
    const down = await sampled(() => download(up.result.id));
    if (down.result.sha256 !== sha || down.result.size !== bytes.length) throw new Error("the download differs from the upload");
    const { result: _u, ...u } = up;
    const { result: _d, ...d } = down;
    rows.push({ engine, mb, run, upload: u, download: d });
    log(`${mb} MB run ${run}: upload ${u.ms} ms, RSS ${u.beforeMb} → peak ${u.peakMb} MB (+${u.growthMb}); download ${d.ms} ms, RSS ${d.beforeMb} → peak ${d.peakMb} MB (+${d.growthMb})`);
  }
}

const out = path.join(root, "bench", "results", `${new Date().toISOString().slice(0, 10)}-attachments-${engine}.json`);
fs.writeFileSync(out, JSON.stringify({ engine, node: process.version, cpus: os.cpus().length, loadavg: os.loadavg(), rows }, null, 2));
console.log(`| engine | file | run | upload ms | RSS before → peak (growth) MB | download ms | RSS before → peak (growth) MB |`);
console.log(`| --- | --- | --- | --- | --- | --- | --- |`);
for (const r of rows as { engine: string; mb: number; run: number; upload: { ms: number; beforeMb: number; peakMb: number; growthMb: number }; download: { ms: number; beforeMb: number; peakMb: number; growthMb: number } }[]) {
  console.log(`| ${r.engine} | ${r.mb} MB | ${r.run} | ${r.upload.ms} | ${r.upload.beforeMb} → ${r.upload.peakMb} (+${r.upload.growthMb}) | ${r.download.ms} | ${r.download.beforeMb} → ${r.download.peakMb} (+${r.download.growthMb}) |`);
}
log(`wrote ${path.relative(root, out)}`);
server.kill("SIGTERM");
fs.rmSync(dataDir, { recursive: true, force: true });
process.exit(0);
