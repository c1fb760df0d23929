#!/usr/bin/env node
// `npm start`: build if the sources changed since the last build, then serve the production
// build. The server opens (and locks) the database, migrates and seeds it on first start.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);
const next = path.join(root, "node_modules", "next", "dist", "bin", "next");

if (process.env.NODE_ENV === "production" && process.env.DATABASE_URL && !process.env.AUTH_SECRET) {
  console.error("AUTH_SECRET is not set: a production server on PostgreSQL needs a secret of at least 16 characters to sign sessions (generate one with `openssl rand -base64 32`).");
  process.exit(1);
}

const sources = ["app", "components", "lib", "server", "db", "public", "messages", "i18n", "instrumentation.ts", "instrumentation-node.ts", "proxy.ts", "next.config.js", "package-lock.json", "postcss.config.mjs"];
function newest(p) {
  let st;
  try { st = fs.statSync(p); } catch { return 0; }
  if (!st.isDirectory()) return st.mtimeMs;
  let max = 0;
  for (const e of fs.readdirSync(p)) max = Math.max(max, newest(path.join(p, e)));
  return max;
}
function needsBuild() {
  let built;
  try { built = fs.statSync(path.join(root, ".next", "BUILD_ID")).mtimeMs; } catch { return true; }
  return sources.some((s) => newest(path.join(root, s)) > built);
}

if (process.env.SKIP_BUILD !== "1" && needsBuild()) {
  console.log("Building the app (first start, or the sources changed)…");
  const r = spawnSync(process.execPath, [next, "build"], { stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const port = process.env.PORT || "3000";
const hostArg = [process.env.HOST, process.env.HOSTNAME].find((h) => h && /^(localhost|[\d.]+|[\da-f:]+|0\.0\.0\.0)$/i.test(h));
const args = [next, "start", "-p", port, ...(hostArg ? ["-H", hostArg] : [])];
console.log(`Starting on http://${hostArg && hostArg !== "0.0.0.0" ? hostArg : "localhost"}:${port}`);
const child = spawn(process.execPath, args, { stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
