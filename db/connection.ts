import { demoDataEnabled, env } from "@/server/env";
import { type Database, type Db, openDatabase } from "./client";
import { loadSdgTargets } from "./sdg-targets";
import { seedDemoData } from "./seed";

// One database per server process, shared by every route bundle through globalThis.
const g = globalThis as typeof globalThis & { __trackerDb?: Promise<Database> };

async function start(): Promise<Database> {
  const e = env();
  const database = await openDatabase({ url: e.DATABASE_URL, dataDir: e.DATA_DIR });
  await database.migrate();
  await loadSdgTargets(database.db);
  if (demoDataEnabled() && (await seedDemoData(database.db))) {
    console.log("Seeded the demo data (first start on an empty database).");
  }
  return database;
}

export function database(): Promise<Database> {
  g.__trackerDb ??= start();
  return g.__trackerDb;
}

export async function getDb(): Promise<Db> {
  return (await database()).db;
}
