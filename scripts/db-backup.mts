// npm run db:backup -- <file>    writes a gzipped backup of the configured database
// npm run db:restore -- <file> [--replace]    restores one into it (empty, or emptied with --replace)
//
// The configured database is the server's: DATABASE_URL (PostgreSQL) or DATA_DIR (embedded PGlite,
// default ./data). The embedded one must not be in use: its lock refuses a second process, so stop
// the server first (the message says which process holds it).
import fs from "node:fs";
import { gunzipSync, gzipSync } from "node:zlib";
import { type Dump, dumpDatabase, restoreDatabase } from "../db/backup";
import { openDatabase } from "../db/client";

const [command, file, ...flags] = process.argv.slice(2);
if (!["backup", "restore"].includes(command ?? "") || !file) {
  console.error("Usage: npm run db:backup -- <file.json.gz>   |   npm run db:restore -- <file.json.gz> [--replace]");
  process.exit(2);
}
const url = process.env.DATABASE_URL || undefined;
const dataDir = process.env.DATA_DIR || "./data";

try {
  const database = await openDatabase({ url, dataDir });
  try {
    await database.migrate();
    if (command === "backup") {
      const dump = await dumpDatabase(database.db);
      fs.writeFileSync(file, gzipSync(JSON.stringify(dump)));
      const rows = dump.tables.reduce((n, t) => n + t.rows.length, 0);
      console.log(`Backed up ${dump.tables.length} tables, ${rows} rows, to ${file}.`);
    } else {
      const dump = JSON.parse(gunzipSync(fs.readFileSync(file)).toString("utf8")) as Dump;
      await restoreDatabase(database.db, dump, { replace: flags.includes("--replace") });
      console.log(`Restored ${file} (made ${dump.createdAt}).`);
    }
  } finally {
    await database.close();
  }
} catch (e) {
  console.error(`${command} failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
