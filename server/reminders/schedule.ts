import "server-only";
import fs from "node:fs";
import path from "node:path";
import type { Db } from "@/db/client";
import { env } from "@/server/env";
import { runReminders } from "@/server/reminders/run";

const EVERY_MINUTES = 15;

/**
 * REMINDERS=on: this server sends the outbox every 15 minutes (and once shortly after start), and
 * queues the day's digests from REMINDER_HOUR (UTC) on. Cheap when nothing is due: two small
 * queries. One run at a time per process; other processes are kept apart by the outbox's claims.
 */
export function startReminderSchedule(getDb: () => Promise<Db>, timing = { firstAfterMs: 10_000, everyMs: EVERY_MINUTES * 60_000 }) {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const now = new Date();
      const summary = await runReminders(await getDb(), { now, digests: now.getUTCHours() >= env().REMINDER_HOUR });
      if (summary.sent || summary.failed) console.log(`Reminders: ${summary.sent} sent, ${summary.failed} failed, ${summary.skipped} skipped.`);
    } catch (e) {
      console.error(`Reminders: the run failed: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      running = false;
    }
  };
  const first = setTimeout(tick, timing.firstAfterMs).unref();
  const every = setInterval(tick, timing.everyMs).unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}

/**
 * Where `npm run reminders` finds this server when it holds the embedded database: written into
 * the data directory at start (the key to call it is derived from the secret kept there too).
 */
export function recordServerAddress() {
  const e = env();
  const host = [process.env.HOSTNAME, process.env.HOST].find((h) => h && /^[\d.]+$/.test(h) && h !== "0.0.0.0") ?? "127.0.0.1";
  fs.writeFileSync(path.join(e.DATA_DIR, "server.json"), JSON.stringify({ url: `http://${host}:${process.env.PORT || 3000}`, pid: process.pid }), { mode: 0o600 });
}

export function readServerAddress(dataDir: string): string | null {
  try {
    const { url } = JSON.parse(fs.readFileSync(path.join(dataDir, "server.json"), "utf8")) as { url?: unknown };
    return typeof url === "string" ? url : null;
  } catch {
    return null;
  }
}
