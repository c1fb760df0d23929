import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const next = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");

export type OwnServer = { baseURL: string; proc: ChildProcess; output: () => string; stop: () => Promise<void> };

/**
 * The suite's production build served on a port and an embedded database of its own (fresh demo
 * data), for specs that write a lot or kill servers: what they do never reaches the shared server's
 * data the other specs read.
 */
export function startServer(port: number, opts: { dataDir?: string; env?: Record<string, string> } = {}): OwnServer {
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "tracker-own-"));
  let out = "";
  const proc = spawn(process.execPath, [next, "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...process.env, NODE_ENV: "production", DATA_DIR: dataDir, PORT: String(port), ...opts.env },
    detached: true, // its own process group, so a signal reaches every process of it
    stdio: ["ignore", "pipe", "pipe"],
  });
  proc.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  proc.stderr!.on("data", (d: Buffer) => (out += d.toString()));
  return {
    baseURL: `http://127.0.0.1:${port}`,
    proc,
    output: () => out,
    async stop() {
      if (proc.exitCode === null && proc.pid) process.kill(-proc.pid, "SIGTERM");
      await exited(proc);
      if (!opts.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const exited = (proc: ChildProcess) => new Promise<number | null>((resolve) => (proc.exitCode !== null || proc.signalCode !== null ? resolve(proc.exitCode) : proc.once("exit", (code) => resolve(code))));

export async function waitHealthy(server: Pick<OwnServer, "baseURL" | "proc" | "output">) {
  for (let i = 0; i < 240; i++) {
    if (server.proc.exitCode !== null) throw new Error(`server exited (code ${server.proc.exitCode}): ${server.output()}`);
    if (await fetch(`${server.baseURL}/api/health`).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`server did not become healthy: ${server.output()}`);
}
