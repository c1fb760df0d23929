/**
 * The engines the integration tests run against: PGlite always (the embedded default), and
 * PostgreSQL when TEST_DATABASE_URL points at a server. Each open() gives a fresh, migrated,
 * seeded database of its own and a close() that removes it again.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { inject } from "vitest";
import { type Database, type Db, openDatabase } from "@/db/client";
import { seedDemoData } from "@/db/seed";

export type TestDatabase = { db: Db; close(): Promise<void>; listen: Database["listen"] };
export type Engine = { name: "PGlite" | "PostgreSQL"; open(): Promise<TestDatabase> };

const pglite: Engine = {
  name: "PGlite",
  async open() {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tracker-test-"));
    // A copy of the run's migrated, seeded template (tests/support/global-setup.ts); migrate and
    // seed below then find nothing to do, as on every start after the first.
    const template = inject("pgliteTemplate");
    if (template) fs.cpSync(template, path.join(dataDir, "pgdata"), { recursive: true });
    const database = await openDatabase({ dataDir });
    try {
      await database.migrate();
      await seedDemoData(database.db);
    } catch (e) {
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
      throw e;
    }
    return {
      db: database.db,
      listen: database.listen,
      async close() {
        await database.close();
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  },
};

function postgresEngine(serverUrl: string): Engine {
  return {
    name: "PostgreSQL",
    async open() {
      const name = `tracker_test_${crypto.randomBytes(6).toString("hex")}`;
      const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await admin.unsafe(`create database "${name}"`);
      const url = new URL(serverUrl);
      url.pathname = `/${name}`;
      const database = await openDatabase({ url: url.toString() });
      const drop = async () => {
        await database.close();
        await admin.unsafe(`drop database if exists "${name}" with (force)`);
        await admin.end({ timeout: 5 });
      };
      try {
        await database.migrate();
        await seedDemoData(database.db);
      } catch (e) {
        await drop();
        throw e;
      }
      return { db: database.db, close: drop, listen: database.listen };
    },
  };
}

const serverUrl = process.env.TEST_DATABASE_URL;
export const engines: Engine[] = serverUrl ? [pglite, postgresEngine(serverUrl)] : [pglite];
