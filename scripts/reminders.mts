// npm run reminders [-- --no-digests | --digests]
//
// Sends the e-mail reminders that are due: queues today's digests once it is REMINDER_HOUR (UTC)
// or later (--digests: now, whatever the hour; --no-digests: not in this run), then sends the outbox — for cron, e.g. every 15 minutes. Same settings as the server (DATABASE_URL or
// DATA_DIR, SMTP_URL, MAIL_FROM, APP_URL). On the embedded database a running server holds the
// data directory: the script then asks that server to do the run (with a key derived from the
// secret in the data directory) and never opens the directory itself; with the server stopped it
// takes the lock and runs directly. Exits non-zero when the run or any send failed.
import { openDatabase } from "../db/client";
import { env } from "../server/env";
import { runRemindersKey } from "../server/reminders/tokens";
import { MailOffError, type RunSummary, runReminders } from "../server/reminders/run";
import { readServerAddress } from "../server/reminders/schedule";

const digests = process.argv.includes("--digests") || (!process.argv.includes("--no-digests") && new Date().getUTCHours() >= env().REMINDER_HOUR);

async function direct(opts: { url?: string; dataDir?: string }): Promise<RunSummary> {
  const database = await openDatabase(opts);
  try {
    await database.migrate();
    return await runReminders(database.db, { digests });
  } finally {
    await database.close();
  }
}

async function viaServer(dataDir: string): Promise<RunSummary> {
  const base = readServerAddress(dataDir) ?? env().APP_URL;
  const res = await fetch(`${base}/api/internal/reminders`, {
    method: "POST",
    headers: { authorization: `Bearer ${runRemindersKey()}`, "content-type": "application/json" },
    body: JSON.stringify({ digests }),
  }).catch((e: unknown) => {
    throw new Error(`the data directory is locked by a running server, but it did not answer at ${base}: ${e instanceof Error ? e.message : String(e)}`);
  });
  const body = (await res.json().catch(() => null)) as (RunSummary & { error?: { message?: string } }) | null;
  if (!res.ok || !body) throw new Error(`the running server at ${base} refused the run (HTTP ${res.status}): ${body?.error?.message ?? "no answer"}`);
  return body;
}

try {
  const e = env();
  if (!e.SMTP_URL) throw new MailOffError();
  let summary: RunSummary;
  let where: string;
  if (e.DATABASE_URL) {
    summary = await direct({ url: e.DATABASE_URL });
    where = "PostgreSQL";
  } else {
    try {
      summary = await direct({ dataDir: e.DATA_DIR });
      where = `the embedded database in ${e.DATA_DIR}`;
    } catch (err) {
      // By name: tsx may load db/lock.ts twice (from this ES module and from db/client), so instanceof can miss.
      if (!(err instanceof Error && err.name === "DataDirLockedError")) throw err;
      summary = await viaServer(e.DATA_DIR);
      where = "the running server";
    }
  }
  console.log(`Reminders (${where}): ${summary.sent} sent, ${summary.failed} failed, ${summary.skipped} skipped; ${summary.digestsQueued} digests queued.`);
  if (summary.failed) {
    console.error("Some sends failed; they are retried with backoff on the next runs. The admin page /admin/mail lists them with the error.");
    process.exit(1);
  }
} catch (err) {
  console.error(`Reminders failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
