import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { lockDataDir } from "./lock";
import { countingLogger, queryCountEnabled } from "./query-count";
import * as schema from "./schema";

/** One type for both engines: a PgTransaction is a Db too, so data access takes either. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema, ExtractTablesWithRelations<typeof schema>>;

export type Database = {
  db: Db;
  engine: "pglite" | "postgres";
  migrate(): Promise<void>;
  close(): Promise<void>;
};

const migrationsFolder = path.join(process.cwd(), "db", "migrations");

export async function openDatabase(opts: { url?: string; dataDir?: string }): Promise<Database> {
  if (opts.url) {
    const client = postgres(opts.url, { max: 10, onnotice: () => {} });
    // drizzle sends its statements unnamed, so postgres.js asks the server for the parameter types
    // before each one (two round trips) and the server plans it afresh. Named, each connection
    // prepares a statement once and then sends only its values (postgres.js keeps them per
    // connection, which it replaces every 30–60 minutes). Statements without values are unaffected.
    const unsafe = client.unsafe.bind(client);
    client.unsafe = ((query: string, args?: postgres.ParameterOrJSON<never>[], options?: postgres.UnsafeQueryOptions) =>
      unsafe(query, args, { ...options, prepare: true })) as typeof client.unsafe;
    const db = drizzlePostgres(client, { schema, logger: queryCountEnabled() ? countingLogger : false });
    return {
      db: db as unknown as Db,
      engine: "postgres",
      migrate: () => migratePostgres(db, { migrationsFolder }),
      close: () => client.end({ timeout: 5 }),
    };
  }
  const dataDir = opts.dataDir ?? "./data";
  const release = lockDataDir(dataDir);
  try {
    // pg_trgm: the follow-up text search's indexes (migration 0007); PostgreSQL ships it too.
    const client = new PGlite(path.join(dataDir, "pgdata"), { extensions: { pg_trgm } });
    await client.waitReady;
    const db = drizzlePglite(client, { schema, logger: queryCountEnabled() ? countingLogger : false });
    return {
      db: db as unknown as Db,
      engine: "pglite",
      migrate: () => migratePglite(db, { migrationsFolder }),
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (e) {
    release();
    throw e;
  }
}
