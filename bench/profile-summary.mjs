// node bench/profile-summary.mjs <file.cpuprofile> [top]: self time by category and by function, start-up
// (module loading) left out; the tables in bench/README.md (issue 25) come from it.
import fs from "node:fs";
const [file, topN = "15"] = process.argv.slice(2);
const p = JSON.parse(fs.readFileSync(file, "utf8"));
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const startupMemo = new Map();
const isStartup = (id) => {
  if (startupMemo.has(id)) return startupMemo.get(id);
  const n = byId.get(id);
  const fn = n.callFrame.functionName;
  const r = /^(wrapSafe|instantiateModule|Module\._load|compileFunction|loadESM|importModuleDynamically)$/.test(fn) || (parent.has(id) ? isStartup(parent.get(id)) : false);
  startupMemo.set(id, r);
  return r;
};
const dt = new Map();
for (let i = 0; i < p.samples.length; i++) dt.set(p.samples[i], (dt.get(p.samples[i]) ?? 0) + (p.timeDeltas[i] ?? 0));
let total = 0;
const self = new Map(), cat = new Map();
/** The path after the last node_modules/ (or from .next/ on). */
const short = (url) => {
  const nm = url.lastIndexOf("node_modules/");
  if (nm >= 0) return url.slice(nm + "node_modules/".length);
  const nx = url.lastIndexOf(".next/");
  return nx >= 0 ? url.slice(nx) : url;
};
const category = (url, fn) => {
  if (fn === "(idle)") return "idle";
  if (fn === "(garbage collector)") return "GC";
  if (fn === "(program)") return "(program: native, incl. WASM compile/JIT)";
  if (/pglite/.test(url)) return "PGlite (WASM + its JS)";
  if (/wasm:/.test(url)) return "PGlite (WASM + its JS)";
  if (/app-page-turbo\.runtime/.test(url)) return "Next's app-page runtime (React SSR + Flight, bundled)";
  if (/use-intl|next-intl/.test(url)) return "next-intl / use-intl (message formatting)";
  if (/lucide-react/.test(url)) return "lucide-react icons";
  if (/react-dom.*server|react-dom-server/.test(url)) return "React DOM SSR (HTML)";
  if (/react-server-dom|server\.edge|flight/i.test(url)) return "React Flight (RSC payload)";
  if (/react/.test(url)) return "React (other)";
  if (/drizzle-orm/.test(url)) return "drizzle-orm";
  if (/postgres\//.test(url) || /node_modules\/postgres/.test(url)) return "postgres.js";
  if (/next\/dist/.test(url)) return "Next.js";
  if (/\.next\/server/.test(url)) return "app code (bundled)";
  if (/^node:|internal\//.test(url)) return "Node internals (net, streams, zlib…)";
  if (!url) return "native/builtin (" + fn + ")";
  return "other: " + short(url).split("/")[0];
};
for (const [id, t] of dt) {
  const n = byId.get(id);
  const { functionName: fn, url, lineNumber } = n.callFrame;
  if (fn === "(idle)") continue;
  if (isStartup(id)) { cat.set("server start-up (module loading)", (cat.get("server start-up (module loading)") ?? 0) + t); continue; }
  total += t;
  const key = `${fn || "(anonymous)"} ${short(url)}:${lineNumber + 1}`;
  self.set(key, (self.get(key) ?? 0) + t);
  const c = category(url, fn);
  cat.set(c, (cat.get(c) ?? 0) + t);
}
const pct = (t) => ((100 * t) / total).toFixed(1) + " %";
console.log(`busy ${(total / 1000).toFixed(0)} ms after start-up (start-up ${((cat.get("server start-up (module loading)") ?? 0) / 1000).toFixed(0)} ms, not counted below)`);
cat.delete("server start-up (module loading)");
console.log("| category | share of busy CPU |\n| --- | ---: |");
for (const [k, t] of [...cat].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`| ${k} | ${pct(t)} |`);
console.log("\n| function (self time) | share |\n| --- | ---: |");
for (const [k, t] of [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(topN))) console.log(`| \`${k.slice(0, 110)}\` | ${pct(t)} |`);
