// The embedded database in a worker thread (issue 25): PGlite runs PostgreSQL compiled to
// WebAssembly, and every statement used to run on the server's event loop, one after another with
// the rendering of every page. Here it runs on its own thread (the second core), and the server
// thread only sends statements and receives rows. db/pglite-proxy.ts is the other end.
//
// Plain JavaScript, loaded by path (not bundled): `new Worker(<repo>/db/pglite-worker.mjs)`.
// Messages in: { id, op, ... }; out: { id, ok, result | error } and { op: "notify", channel, payload }.
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";

if (!parentPort) throw new Error("db/pglite-worker.mjs runs as a worker thread");
const port = parentPort;
const pg = new PGlite(workerData.path, { extensions: { pg_trgm } });

/** Open transactions by id: the PGlite transaction handle and how to end it. */
const transactions = new Map();
const listeners = new Map();
const identity = (v) => v;

/** An error as plain data: PostgreSQL's fields (code, detail, constraint…) survive the trip. */
function errorData(e) {
  if (!(e instanceof Error)) return { message: String(e) };
  const out = { message: e.message, name: e.name };
  for (const [k, v] of Object.entries(e)) if (v === null || ["string", "number", "boolean"].includes(typeof v)) out[k] = v;
  return out;
}

/** drizzle passes parsers that keep date, timestamp and interval values as text: rebuilt here by type id. */
function options(msg) {
  if (!msg.rowMode && !msg.textTypes) return undefined;
  const parsers = {};
  for (const oid of msg.textTypes ?? []) parsers[oid] = identity;
  return { rowMode: msg.rowMode, parsers };
}

const ops = {
  async ready() {
    await pg.waitReady;
    return null;
  },
  async query(msg) {
    const target = msg.tx ? transactions.get(msg.tx)?.tx : pg;
    if (!target) throw new Error(`no open transaction ${msg.tx}`);
    const r = await target.query(msg.sql, msg.params, options(msg));
    return { rows: r.rows, affectedRows: r.affectedRows, fields: r.fields };
  },
  async exec(msg) {
    const target = msg.tx ? transactions.get(msg.tx)?.tx : pg;
    if (!target) throw new Error(`no open transaction ${msg.tx}`);
    const results = await target.exec(msg.sql);
    return results.map((r) => ({ rows: r.rows, affectedRows: r.affectedRows, fields: r.fields }));
  },
  /** Opens a transaction and answers once it holds PGlite's transaction lock; it ends with `end`. */
  begin(msg) {
    return new Promise((opened, failed) => {
      let finish;
      const ended = new Promise((resolve) => (finish = resolve));
      pg.transaction(async (tx) => {
        transactions.set(msg.txId, { tx, finish });
        opened(null);
        const commit = await ended;
        if (!commit) await tx.rollback();
      })
        .then(() => transactions.get(msg.txId)?.done?.resolve(null), (e) => {
          const t = transactions.get(msg.txId);
          if (t?.done) t.done.reject(e);
          else failed(e);
        })
        .finally(() => transactions.delete(msg.txId));
    });
  },
  end(msg) {
    const t = transactions.get(msg.tx);
    if (!t) throw new Error(`no open transaction ${msg.tx}`);
    return new Promise((resolve, reject) => {
      t.done = { resolve, reject };
      t.finish(msg.commit);
    });
  },
  async listen(msg) {
    if (listeners.has(msg.channel)) return null;
    const unlisten = await pg.listen(msg.channel, (payload) => port.postMessage({ op: "notify", channel: msg.channel, payload }));
    listeners.set(msg.channel, unlisten);
    return null;
  },
  async unlisten(msg) {
    const unlisten = listeners.get(msg.channel);
    listeners.delete(msg.channel);
    if (unlisten) await unlisten();
    return null;
  },
  async close() {
    await pg.close();
    return null;
  },
};

port.on("message", (msg) => {
  const op = ops[msg.op];
  Promise.resolve()
    .then(() => {
      if (!op) throw new Error(`unknown operation ${msg.op}`);
      return op(msg);
    })
    .then(
      (result) => port.postMessage({ id: msg.id, ok: true, result }),
      (e) => port.postMessage({ id: msg.id, ok: false, error: errorData(e) }),
    );
});
