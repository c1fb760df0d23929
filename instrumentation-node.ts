import { database } from "./db/connection";
import { attachmentHousekeeping } from "./db/queries/attachments";
import { purgeExpired } from "./db/queries/personal-data";
import { DEMO_PASSWORD, demoAccounts } from "./db/seed";
import { authSecret, demoDataEnabled, env, smtpHost } from "./server/env";
import { recordServerAddress, startReminderSchedule } from "./server/reminders/schedule";
import { startWebhookSender } from "./server/webhooks/deliver";
import { startDueNotificationSchedule } from "./db/queries/user-notifications";

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
  // Sign-in records and sent e-mails past the retention period (an admin setting) go at every start too.
  const purged = await purgeExpired(db.db);
  if (purged.signInRecords || purged.emails) console.log(`Retention: purged ${purged.signInRecords} sign-in records and ${purged.emails} e-mails older than ${purged.retentionDays} days.`);
  // Removed documents past their 30 days, and orphaned bytes (database chunks, S3 objects); in the background.
  void attachmentHousekeeping(db.db).then(
    (h) => (h.purged || h.blobs || h.objects || h.uploads) && console.log(`Documents: purged ${h.purged} removed more than 30 days ago; swept ${h.blobs} orphaned files in the database, ${h.objects} in S3, ${h.uploads} unfinished S3 uploads.`),
    (err) => console.error(`Documents: the purge and orphan sweep failed: ${err instanceof Error ? err.message : String(err)}`),
  );
  console.log(e.SMTP_URL ? `Mail: on, via ${smtpHost()} from ${e.MAIL_FROM}; reminders ${e.REMINDERS === "on" ? "sent by this server every 15 minutes" : "sent by \`npm run reminders\`"}.` : "Mail: off (SMTP_URL is not set).");
  if (e.REMINDERS === "on") {
    if (e.SMTP_URL) startReminderSchedule(async () => db.db);
    else console.warn("REMINDERS=on but SMTP_URL is not set: no reminders will be sent.");
  }
  // Webhook deliveries: after each change commits, and every 15 seconds for retries (cheap when none are due).
  startWebhookSender(async () => db.db);
  // In-app "due tomorrow" and "overdue" notifications, with or without mail.
  startDueNotificationSchedule(async () => db.db);
  if (demoDataEnabled()) {
    console.log(`Demo accounts (password "${DEMO_PASSWORD}"):`);
    for (const a of demoAccounts) console.log(`  ${a.email.padEnd(24)} ${a.role}`);
  }
} catch (err) {
  console.error(`\nCooperation Tracker cannot start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}
