/**
 * The data-directory lock: PGlite is single-process, so a second process on the same directory
 * must be refused with a sentence naming the directory and the holder; a lock left by a process
 * that died is taken over.
 *
 * The second process runs the real db/lock.ts: it is transpiled (types stripped, nothing else)
 * with the project's TypeScript into a temporary .mjs that a plain `node` child imports.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ts from "typescript";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { DataDirLockedError, lockDataDir } from "@/db/lock";

let work: string;
let childScript: string;
const children: ChildProcess[] = [];

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "tracker-lock-"));
  const source = fs.readFileSync(path.join(process.cwd(), "db", "lock.ts"), "utf8");
  const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } });
  fs.writeFileSync(path.join(work, "lock.mjs"), outputText);
  childScript = path.join(work, "child.mjs");
  fs.writeFileSync(
    childScript,
    `import { lockDataDir } from "./lock.mjs";
const [mode, dir, startAt, rounds] = process.argv.slice(2);
if (mode === "race") {
  // Round i: at startAt + 60i ms every racer tries to lock dir/round-i; a winner holds it 40 ms.
  const now = () => performance.timeOrigin + performance.now();
  for (let i = 0; i < Number(rounds); i++) {
    const at = Number(startAt) + i * 60;
    while (Date.now() < at) {}
    try {
      const release = lockDataDir(dir + "/round-" + i);
      const from = now();
      while (Date.now() < at + 40) {}
      console.log("held " + i + " " + from + " " + now());
      release();
    } catch {}
  }
  process.exit(0);
}
try {
  lockDataDir(dir);
} catch (e) {
  console.error(e.message);
  process.exit(3);
}
console.log("locked");
// "hold": keep the lock until the parent closes stdin (or kills us).
if (mode === "hold") process.stdin.on("data", () => {}).on("end", () => process.exit(0));
`,
  );
});

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
});

afterAll(() => {
  fs.rmSync(work, { recursive: true, force: true });
});

const freshDir = () => fs.mkdtempSync(path.join(work, "data-"));
const lockFile = (dir: string) => path.join(dir, "tracker.lock");
const holderOf = (dir: string) => JSON.parse(fs.readFileSync(lockFile(dir), "utf8")) as { pid: number; host: string };

/** Another process that tries to lock `dir` once and exits. */
function tryLockInChild(dir: string) {
  const r = spawnSync(process.execPath, [childScript, "once", dir], { encoding: "utf8", timeout: 20_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Another process that locks `dir` and keeps it until killed or told to stop. */
async function holdInChild(dir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [childScript, "hold", dir], { stdio: ["pipe", "pipe", "pipe"] });
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (d: Buffer) => {
      out += d.toString();
      if (out.includes("locked")) resolve();
    });
    child.on("exit", (code) => reject(new Error(`child exited with ${code} before locking`)));
  });
  return child;
}

const exited = (child: ChildProcess) => new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once("exit", () => resolve())));

/** A pid that surely belongs to no running process: a child that has already exited. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
  return Number(r.stdout);
}

describe("the data-directory lock", () => {
  it("refuses a second process, naming the directory and the holder's pid, and stays with the holder", () => {
    const dir = freshDir();
    const release = lockDataDir(dir);
    try {
      const second = tryLockInChild(dir);
      expect(second.status).toBe(3);
      expect(second.stderr).toContain(path.resolve(dir));
      expect(second.stderr).toContain(`process ${process.pid}`);
      expect(second.stderr).toMatch(/set DATA_DIR to another directory/);
      expect(holderOf(dir)).toMatchObject({ pid: process.pid, host: os.hostname() });
    } finally {
      release();
    }
    expect(fs.existsSync(lockFile(dir))).toBe(false);
    // Once released, the other process gets it, and gives it back when it exits.
    expect(tryLockInChild(dir)).toMatchObject({ status: 0, stdout: "locked\n" });
    expect(fs.existsSync(lockFile(dir))).toBe(false);
  });

  it("stops openDatabase while another process holds the directory, leaving that process's lock alone", async () => {
    const dir = freshDir();
    const child = await holdInChild(dir);
    const e = await openDatabase({ dataDir: dir }).then(
      () => null,
      (err: unknown) => err,
    );
    expect(e).toBeInstanceOf(DataDirLockedError);
    expect((e as Error).message).toContain(path.resolve(dir));
    expect((e as Error).message).toContain(`process ${child.pid}`);
    expect(holderOf(dir).pid).toBe(child.pid);
    expect(fs.existsSync(path.join(dir, "pgdata"))).toBe(false);
    child.stdin?.end();
    await exited(child);
    expect(fs.existsSync(lockFile(dir))).toBe(false);
  });

  it("takes over the lock of a holder that was killed (kill -9 leaves the file behind)", async () => {
    const dir = freshDir();
    const child = await holdInChild(dir);
    child.kill("SIGKILL");
    await exited(child);
    expect(holderOf(dir).pid).toBe(child.pid);
    const release = lockDataDir(dir);
    expect(holderOf(dir).pid).toBe(process.pid);
    release();
  });

  it("lets another process take over a lock whose holder is dead", () => {
    const dir = freshDir();
    fs.writeFileSync(lockFile(dir), JSON.stringify({ pid: deadPid(), host: os.hostname(), startedAt: "2022-02-15T09:00:00Z", command: "next start" }));
    expect(tryLockInChild(dir)).toMatchObject({ status: 0 });
  });

  it("takes over a lock file that cannot be read", () => {
    const dir = freshDir();
    fs.writeFileSync(lockFile(dir), "not json");
    const release = lockDataDir(dir);
    expect(holderOf(dir).pid).toBe(process.pid);
    release();
  });

  it("does not take over a lock held from another machine, whose processes it cannot check", () => {
    const dir = freshDir();
    fs.writeFileSync(lockFile(dir), JSON.stringify({ pid: deadPid(), host: "other-host.example", startedAt: "2022-02-15T09:00:00Z", command: "next start" }));
    expect(() => lockDataDir(dir)).toThrow(/in use by process \d+ on other-host\.example/);
    expect(holderOf(dir).host).toBe("other-host.example");
  });

  // Regression: the lock file used to be created empty and written a moment later, so a racer
  // could read no holder, call it stale and take the lock too. It is now linked into place whole.
  it("never lets two processes that start together hold the directory at once", async () => {
    const dir = freshDir();
    const rounds = 50;
    const startAt = Date.now() + 1500;
    const outputs = await Promise.all(
      Array.from({ length: 6 }, () => {
        const child = spawn(process.execPath, [childScript, "race", dir, String(startAt), String(rounds)], { stdio: ["ignore", "pipe", "ignore"] });
        children.push(child);
        let out = "";
        child.stdout?.on("data", (d: Buffer) => (out += d.toString()));
        return exited(child).then(() => out);
      }),
    );
    const holds = new Map<number, [number, number][]>();
    for (const out of outputs) {
      for (const [, round, from, to] of out.matchAll(/held (\d+) ([\d.]+) ([\d.]+)/g)) {
        holds.set(Number(round), [...(holds.get(Number(round)) ?? []), [Number(from), Number(to)]]);
      }
    }
    expect(holds.size).toBe(rounds);
    const overlaps = [...holds.entries()].filter(([, spans]) => {
      const sorted = [...spans].sort((a, b) => a[0] - b[0]);
      // 1 ms of slack for the clocks of different processes.
      return sorted.some((span, k) => k > 0 && span[0] < (sorted[k - 1]?.[1] ?? 0) - 1);
    });
    expect(overlaps).toEqual([]);
  });

  it("lets the holding process lock again without losing the lock", () => {
    const dir = freshDir();
    const release = lockDataDir(dir);
    const again = lockDataDir(dir);
    again();
    expect(holderOf(dir).pid).toBe(process.pid);
    release();
    expect(fs.existsSync(lockFile(dir))).toBe(false);
  });

  it("leaves another process's lock alone when releasing", () => {
    const dir = freshDir();
    const release = lockDataDir(dir);
    const other = { pid: deadPid(), host: "other-host.example" };
    fs.writeFileSync(lockFile(dir), JSON.stringify(other));
    release();
    expect(holderOf(dir)).toEqual(other);
  });
});
