import { database } from "./db/connection";
import { DEMO_PASSWORD, demoAccounts } from "./db/seed";
import { authSecret, demoDataEnabled, env } from "./lib/env";

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
  if (demoDataEnabled()) {
    console.log(`Demo accounts (password "${DEMO_PASSWORD}"):`);
    for (const a of demoAccounts) console.log(`  ${a.email.padEnd(24)} ${a.role}`);
  }
} catch (err) {
  console.error(`\nCooperation Tracker cannot start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}
