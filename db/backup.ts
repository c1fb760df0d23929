/**
 * Backup and restore, the same on both engines: a logical dump of every table of the schema (rows as
 * JSON, in foreign-key order), restored in one transaction into a database migrated to the same
 * version. A dump of the embedded database restores into PostgreSQL and back, so it is also the way
 * to move between them.
 */
import { sql } from "drizzle-orm";
import type { Db } from "./client";
import { rowsOf } from "./rows";

export type Dump = {
  app: "cooperation-tracker";
  format: 1;
  createdAt: string;
  /** The hash of the last migration applied: a dump restores only into the same schema. */
  migration: string;
  tables: { name: string; rows: Record<string, unknown>[] }[];
};

async function lastMigration(db: Db): Promise<string> {
  const [row] = rowsOf<{ hash: string }>(await db.execute(sql`select hash from drizzle.__drizzle_migrations order by created_at desc, id desc limit 1`));
  if (!row) throw new Error("The database has no migrations applied.");
  return row.hash;
}

/** The application's tables, parents before children (by their foreign keys), and each one's self-reference if any. */
async function tablesInOrder(db: Db): Promise<{ name: string; selfColumn: string | null }[]> {
  const tables = rowsOf<{ name: string }>(await db.execute(sql`select tablename as name from pg_tables where schemaname = 'public' order by tablename`)).map((t) => t.name);
  const fks = rowsOf<{ child: string; parent: string; col: string }>(
    await db.execute(sql`
      select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent, a.attname as col
      from pg_constraint c join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
      where c.contype = 'f' and c.connamespace = 'public'::regnamespace`),
  ).map((f) => ({ ...f, child: f.child.replace(/"/g, ""), parent: f.parent.replace(/"/g, "") }));
  const ordered: string[] = [];
  const visit = (t: string, path: string[] = []) => {
    if (ordered.includes(t) || path.includes(t)) return;
    for (const f of fks) if (f.child === t && f.parent !== t) visit(f.parent, [...path, t]);
    ordered.push(t);
  };
  tables.forEach((t) => visit(t));
  return ordered.map((name) => ({ name, selfColumn: fks.find((f) => f.child === name && f.parent === name)?.col ?? null }));
}

export async function dumpDatabase(db: Db): Promise<Dump> {
  return db.transaction(async (tx) => {
    // One snapshot for every table (PostgreSQL); PGlite has one connection and no concurrent writer.
    await tx.execute(sql`set transaction isolation level repeatable read, read only`);
    const tables: Dump["tables"] = [];
    for (const { name } of await tablesInOrder(tx)) {
      const [row] = rowsOf<{ rows: Record<string, unknown>[] | string }>(await tx.execute(sql`select coalesce(json_agg(t), '[]'::json) as rows from ${sql.identifier(name)} t`));
      const rows = typeof row?.rows === "string" ? (JSON.parse(row.rows) as Record<string, unknown>[]) : (row?.rows ?? []);
      tables.push({ name, rows });
    }
    return { app: "cooperation-tracker", format: 1, createdAt: new Date().toISOString(), migration: await lastMigration(tx), tables };
  });
}

export class RestoreError extends Error {}

/**
 * Restores a dump into this (migrated) database, in one transaction: all of it or nothing. A
 * database that already holds data is refused unless `replace` is set, which empties it first.
 */
export async function restoreDatabase(db: Db, dump: Dump, opts: { replace?: boolean } = {}) {
  if (dump?.app !== "cooperation-tracker" || dump.format !== 1 || !Array.isArray(dump.tables)) throw new RestoreError("This file is not a Cooperation Tracker backup.");
  const migration = await lastMigration(db);
  if (migration !== dump.migration) {
    throw new RestoreError("The backup was made with another version of the schema. Restore it with the version of the app that made it (same migrations), then upgrade.");
  }
  const order = await tablesInOrder(db);
  const known = new Set(order.map((t) => t.name));
  const unknown = dump.tables.map((t) => t.name).filter((n) => !known.has(n));
  if (unknown.length) throw new RestoreError(`The backup has tables this database does not: ${unknown.join(", ")}.`);
  await db.transaction(async (tx) => {
    const counts = rowsOf<{ n: number }>(await tx.execute(sql.raw(order.map((t) => `select count(*)::int as n from "${t.name}"`).join(" union all "))));
    if (counts.some((c) => c.n > 0)) {
      if (!opts.replace) throw new RestoreError("The database is not empty. Restore into a new database, or pass --replace to empty this one first.");
      await tx.execute(sql.raw(`truncate ${order.map((t) => `"${t.name}"`).join(", ")} restart identity cascade`));
    }
    for (const { name, selfColumn } of order) {
      const rows = dump.tables.find((t) => t.name === name)?.rows ?? [];
      if (!rows.length) continue;
      const data = JSON.stringify(rows);
      const table = sql.identifier(name);
      if (!selfColumn) {
        await tx.execute(sql`insert into ${table} select * from json_populate_recordset(null::${table}, ${data}::json)`);
        continue;
      }
      // A tree (organisations): parents first, a level at a time.
      const self = sql.identifier(selfColumn);
      for (let level = 0, before = -1; ; level++) {
        await tx.execute(sql`
          insert into ${table} select r.* from json_populate_recordset(null::${table}, ${data}::json) r
          where (r.${self} is null or exists (select 1 from ${table} p where p.id = r.${self}))
            and not exists (select 1 from ${table} x where x.id = r.id)`);
        const [row] = rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int as n from ${table}`));
        if (row!.n === rows.length) break;
        if (row!.n === before || level > 1000) throw new RestoreError(`The rows of ${name} do not form a tree.`);
        before = row!.n;
      }
    }
    // Serial ids continue after the restored ones.
    const serials = rowsOf<{ table: string; col: string }>(
      await tx.execute(sql`select table_name as "table", column_name as col from information_schema.columns where table_schema = 'public' and column_default like 'nextval(%'`),
    );
    for (const s of serials) {
      await tx.execute(sql.raw(`select setval(pg_get_serial_sequence('"${s.table}"', '${s.col}'), coalesce((select max("${s.col}") from "${s.table}"), 0) + 1, false)`));
    }
  });
}
