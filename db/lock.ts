import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * PGlite is a single-process database: two processes on one data directory silently lose
 * writes. The first process to open a directory holds this lock until it exits; any other
 * process is refused with a sentence naming the directory and the holder.
 */
export class DataDirLockedError extends Error {}

type Holder = { pid: number; host: string; startedAt: string; command: string };

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
};

export function lockDataDir(dir: string): () => void {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "tracker.lock");
  const me: Holder = {
    pid: process.pid,
    host: os.hostname(),
    startedAt: new Date().toISOString(),
    command: process.argv.slice(1).join(" ").slice(0, 200),
  };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(me), { flag: "wx", mode: 0o600 });
      const release = () => {
        try {
          const now = JSON.parse(fs.readFileSync(file, "utf8")) as Holder;
          if (now.pid === me.pid && now.host === me.host) fs.unlinkSync(file);
        } catch {
          /* already gone */
        }
      };
      process.once("exit", release);
      return release;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      let holder: Holder | undefined;
      try {
        holder = JSON.parse(fs.readFileSync(file, "utf8")) as Holder;
      } catch {
        holder = undefined;
      }
      const stale = holder && holder.host === me.host && holder.pid !== me.pid && !alive(holder.pid);
      if ((stale || !holder) && attempt === 0) {
        // The holder died without releasing (kill -9, power loss): take the lock over.
        fs.rmSync(file, { force: true });
        continue;
      }
      if (holder?.pid === me.pid && holder.host === me.host) return () => {};
      throw new DataDirLockedError(
        `The data directory ${path.resolve(dir)} is locked: it is in use by process ${holder?.pid ?? "?"} on ${holder?.host ?? "?"} ` +
          `(started ${holder?.startedAt ?? "?"}: ${holder?.command ?? "?"}). ` +
          `Stop that process first, or set DATA_DIR to another directory. Lock file: ${file}`,
      );
    }
  }
  throw new DataDirLockedError(`Could not lock the data directory ${path.resolve(dir)}.`);
}
