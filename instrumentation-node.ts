import { database } from "./db/connection";
import { DEMO_PASSWORD, demoAccounts } from "./db/seed";
import { authSecret, demoDataEnabled, env, smtpHost } from "./lib/env";
import { recordServerAddress, startReminderSchedule } from "./lib/reminders/schedule";

try {
  authSecret();
  const db = await database();
  const close = () => {
    void db.close().finally(() => process.exit(0));
    setTimeout(() => process.exit(0), 3000).unref();
  };
  process.once("SIGTERM", close);
  process.once("SIGINT", close);
  const e = env();
  console.log(`Database: ${db.engine === "pglite" ? `embedded PGlite in ${e.DATA_DIR}` : "PostgreSQL (DATABASE_URL)"}`);
  if (db.engine === "pglite") recordServerAddress();
  console.log(e.SMTP_URL ? `Mail: on, via ${smtpHost()} from ${e.MAIL_FROM}; reminders ${e.REMINDERS === "on" ? "sent by this server every 15 minutes" : "sent by \`npm run reminders\`"}.` : "Mail: off (SMTP_URL is not set).");
  if (e.REMINDERS === "on") {
    if (e.SMTP_URL) startReminderSchedule(async () => db.db);
    else console.warn("REMINDERS=on but SMTP_URL is not set: no reminders will be sent.");
  }
  if (demoDataEnabled()) {
    console.log(`Demo accounts (password "${DEMO_PASSWORD}"):`);
    for (const a of demoAccounts) console.log(`  ${a.email.padEnd(24)} ${a.role}`);
  }
} catch (err) {
  console.error(`\nCooperation Tracker cannot start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}
