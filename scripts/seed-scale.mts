// `npm run seed:scale -- [--follow-ups 25000] [--meetings 1000] [--users 3000] [--organisations 60] [--reset]`
// Fills the configured database (DATABASE_URL, else the PGlite DATA_DIR) with the scale data set.
// It opens the database with the server's own code: the PGlite lock (a directory a running server
// holds is refused), then the migrations, then the data in batched multi-row inserts.
import { parseArgs } from "node:util";
import { openDatabase } from "../db/client";
import { scaleDefaults, seedScaleData, truncateAll } from "../db/seed-scale";

const { values } = parseArgs({
  options: {
    "follow-ups": { type: "string" },
    meetings: { type: "string" },
    users: { type: "string" },
    organisations: { type: "string" },
    activity: { type: "string" },
    comments: { type: "string" },
    seed: { type: "string" },
    today: { type: "string" },
    reset: { type: "boolean" },
    help: { type: "boolean", short: "h" },
  },
});
if (values.help) {
  console.log("npm run seed:scale -- [--follow-ups N] [--meetings N] [--users N] [--organisations N] [--activity N] [--comments N] [--seed N] [--today YYYY-MM-DD] [--reset]");
  process.exit(0);
}
const count = (name: string, raw: string | undefined, fallback: number) => {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`--${name} must be a whole number, not "${raw}".`);
    process.exit(2);
  }
  return n;
};

const followUps = count("follow-ups", values["follow-ups"], scaleDefaults.followUps);
const options = {
  organisations: count("organisations", values.organisations, scaleDefaults.organisations),
  users: count("users", values.users, scaleDefaults.users),
  meetings: count("meetings", values.meetings, scaleDefaults.meetings),
  followUps,
  activity: count("activity", values.activity, followUps * 4),
  comments: count("comments", values.comments, Math.round(followUps * 0.4)),
  seed: count("seed", values.seed, 20220215),
  today: values.today ?? new Date().toISOString().slice(0, 10),
};

const url = process.env.DATABASE_URL || undefined;
const dataDir = process.env.DATA_DIR || "./data";
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
console.log(`Scale data into ${url ? "PostgreSQL (DATABASE_URL)" : `PGlite in ${dataDir}`}: ${JSON.stringify(options)}`);

try {
  const database = await openDatabase({ url, dataDir });
  try {
    console.log("Migrating…");
    await database.migrate();
    if (values.reset) {
      console.log("Deleting everything (--reset)…");
      await truncateAll(database.db);
    }
    const totals = await seedScaleData(database.db, { ...options, log: (line) => console.log(`[${elapsed()}] ${line}`) });
    console.log(`Done in ${elapsed()}: ${Object.entries(totals).map(([k, v]) => `${v.toLocaleString("en")} ${k}`).join(", ")}.`);
  } finally {
    await database.close();
  }
  process.exit(0);
} catch (e) {
  console.error(`seed:scale failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
