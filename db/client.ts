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
import { PgliteProxy } from "./pglite-proxy";
import { countingLogger, queryCountEnabled } from "./query-count";
import * as schema from "./schema";

/** One type for both engines: a PgTransaction is a Db too, so data access takes either. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema, ExtractTablesWithRelations<typeof schema>>;

export type Database = {
  db: Db;
  engine: "pglite" | "postgres";
  migrate(): Promise<void>;
  close(): Promise<void>;
  /**
   * LISTEN on a channel: the callback gets each NOTIFY payload, only once its transaction has
   * committed (both engines keep PostgreSQL's rule). Answers the function that stops listening.
   */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
};

/**
 * PGlite on a worker thread only with PGLITE_WORKER=1 (db/pglite-worker.mjs). Measured in issue 25
 * (bench/README.md): on this shared two-core machine, with no idle core, it did not win — every
 * statement pays a hand-over between threads, and /api/health's `select 1` halved — so the
 * embedded database stays on the server's thread by default until a quiet-machine run shows a win.
 */
export const pgliteInWorker = () => process.env.PGLITE_WORKER === "1";

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
      // postgres.js holds one more connection for its listeners, and re-LISTENs after it reconnects.
      listen: async (channel, onPayload) => {
        const { unlisten } = await client.listen(channel, onPayload);
        return unlisten;
      },
    };
  }
  const dataDir = opts.dataDir ?? "./data";
  const release = lockDataDir(dataDir);
  try {
    // pg_trgm: the follow-up text search's indexes (migration 0007); PostgreSQL ships it too.
    // With PGLITE_WORKER=1, PGlite runs in a worker thread (db/pglite-worker.mjs), so its statements
    // can run on the second core beside the rendering (issue 25).
    const dataPath = path.join(dataDir, "pgdata");
    const client = pgliteInWorker() ? new PgliteProxy(dataPath) : new PGlite(dataPath, { extensions: { pg_trgm } });
    await client.waitReady;
    const db = drizzlePglite(client as PGlite, { schema, logger: queryCountEnabled() ? countingLogger : false });
    return {
      db: db as unknown as Db,
      engine: "pglite",
      migrate: () => migratePglite(db, { migrationsFolder }),
      close: async () => {
        await client.close();
        release();
      },
      listen: async (channel, onPayload) => {
        const unlisten = await client.listen(channel, onPayload);
        return () => unlisten();
      },
    };
  } catch (e) {
    release();
    throw e;
  }
}
