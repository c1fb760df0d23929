import "server-only";
import { is, sql } from "drizzle-orm";
import { PgTransaction } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/rows";

/**
 * Work done once per data version, not once per request (issue 25): the overview's figures and the
 * reference lists (organisations, priority areas, series) are read again only when the data changed.
 *
 * The version is PostgreSQL's own: the current MVCC snapshot (`pg_current_snapshot()`: the oldest
 * running transaction, the next transaction id, the ones in progress) and the database's date. Two
 * reads under the same snapshot text see exactly the same committed transactions, so the same data;
 * every commit of a write changes it (a read-only transaction gets no id and changes nothing). It
 * needs no table, no trigger and no bump in the writing code, it is the same on every instance of
 * the app (they ask the same server), and on PGlite it works the same way. The cost of being exact:
 * any write in the cluster moves it (a session marked as seen, another database on the same server),
 * which lowers the hit rate, never the correctness.
 *
 * Never per viewer by accident: a value that depends on who asks is keyed by the caller with that
 * viewer's visibility scope (see `visibilityScope`); the reference lists do not depend on the viewer.
 * Inside a transaction nothing is cached (it may see its own uncommitted writes).
 */

type Entry = { version: string; value: Promise<unknown> };
// Per database object (a process has one; tests and scripts may open several), shared by every
// route bundle through globalThis as the database itself is.
const g = globalThis as typeof globalThis & { __trackerCache?: WeakMap<object, Map<string, Entry>>; __trackerVersionBatch?: WeakMap<object, Promise<string>> };
const MAX_ENTRIES = 500;
const entriesOf = (db: Db) => {
  const all = (g.__trackerCache ??= new WeakMap());
  let map = all.get(db);
  if (!map) all.set(db, (map = new Map()));
  return map;
};

/** Reads the data version; calls arriving before the statement is sent share it (never one sent earlier). */
export function dataVersion(db: Db): Promise<string> {
  const batches = (g.__trackerVersionBatch ??= new WeakMap());
  const queued = batches.get(db);
  if (queued) return queued;
  const read = new Promise<string>((resolve, reject) => {
    // Sent on the next turn: a request that started before a commit is never answered with a
    // snapshot taken before it, since the statement leaves after every caller sharing it arrived.
    setImmediate(() => {
      batches.delete(db);
      db.execute(sql`select pg_current_snapshot()::text || '|' || current_date::text as v`)
        .then((r) => resolve(rowsOf<{ v: string }>(r)[0]?.v ?? ""), reject);
    });
  });
  batches.set(db, read);
  return read;
}

/**
 * The value of `load()` for `key` at the current data version: computed once per version (and
 * concurrent requests share the one computation), read again after any write.
 */
export async function cachedByVersion<T>(db: Db, key: string, load: () => PromiseLike<T>): Promise<T> {
  if (is(db, PgTransaction) || process.env.TRACKER_CACHE === "0") return load();
  const version = await dataVersion(db);
  const entries = entriesOf(db);
  const hit = entries.get(key);
  if (hit && hit.version === version) return hit.value as Promise<T>;
  // A real promise, run once: drizzle's query builders are thenables that run again on every await.
  const value = Promise.resolve().then(load);
  entries.set(key, { version, value });
  // A failed load is not kept.
  value.catch(() => {
    if (entries.get(key)?.value === value) entries.delete(key);
  });
  if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
  return value;
}

/** What a viewer may see, as a key: everything for an admin, else the organisations that make restricted meetings visible. */
export function visibilityScope(viewer: { role: string; relatedOrganisationIds: ReadonlySet<string> }): string {
  return viewer.role === "admin" ? "admin" : [...viewer.relatedOrganisationIds].sort().join(",");
}
