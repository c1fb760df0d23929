import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * PGlite is a single-process database: two processes on one data directory silently lose
 * writes. The first process to open a directory holds this lock until it exits; any other
 * process is refused with a sentence naming the directory and the holder.
 */
export class DataDirLockedError extends Error {
  override name = "DataDirLockedError";
}

type Holder = { pid: number; host: string; startedAt: string; command: string };

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
};

/** Creates `file` with `content` atomically: written aside, then hard-linked into place (EEXIST if taken). */
export function createExclusive(file: string, content: string) {
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  fs.writeFileSync(tmp, content, { mode: 0o600 });
  try {
    fs.linkSync(tmp, file);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

const readText = (file: string) => {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return null;
  }
};
const parse = (text: string | null): Holder | undefined => {
  try {
    return text ? (JSON.parse(text) as Holder) : undefined;
  } catch {
    return undefined;
  }
};
const readHolder = (file: string) => parse(readText(file));
const same = (a: Holder | undefined, b: Holder | undefined) => !!a && !!b && a.pid === b.pid && a.host === b.host && a.startedAt === b.startedAt;

export function lockDataDir(dir: string): () => void {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "tracker.lock");
  const me: Holder = {
    pid: process.pid,
    host: os.hostname(),
    startedAt: new Date().toISOString(),
    command: process.argv.slice(1).join(" ").slice(0, 200),
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      createExclusive(file, JSON.stringify(me));
      const release = () => {
        if (same(readHolder(file), me)) fs.rmSync(file, { force: true });
      };
      process.once("exit", release);
      return release;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    }
    const text = readText(file);
    if (text === null) continue; // released meanwhile
    const holder = parse(text);
    if (holder && holder.host === me.host && holder.pid === me.pid) return () => {};
    if (!holder || (holder.host === me.host && !alive(holder.pid))) {
      // The holder died without releasing (kill -9, power loss), or the file is not ours to read:
      // take the lock over. Renaming is
      // atomic, so of two processes that both saw the dead holder only one moves its file aside;
      // if what was moved is not the dead holder's, it goes back.
      const aside = `${file}.${process.pid}.stale`;
      try {
        fs.renameSync(file, aside);
      } catch {
        continue;
      }
      if (readText(aside) !== text) {
        try {
          fs.linkSync(aside, file);
        } catch {
          /* someone else holds it now; the next attempt reads who */
        }
      }
      fs.rmSync(aside, { force: true });
      continue;
    }
    throw new DataDirLockedError(
      `The data directory ${path.resolve(dir)} is locked: it is in use by process ${holder?.pid ?? "?"} on ${holder?.host ?? "?"} ` +
        `(started ${holder?.startedAt ?? "?"}: ${holder?.command ?? "?"}). ` +
        `Stop that process first, or set DATA_DIR to another directory. Lock file: ${file}`,
    );
  }
  throw new DataDirLockedError(`Could not lock the data directory ${path.resolve(dir)}: another process keeps taking it. Lock file: ${file}`);
}
