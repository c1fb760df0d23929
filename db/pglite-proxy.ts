import path from "node:path";
import { Worker } from "node:worker_threads";

/**
 * PGlite in a worker thread, seen from the server's thread (issue 25). The WebAssembly PostgreSQL
 * runs every statement in db/pglite-worker.mjs, on the second core, while this thread renders;
 * the object below offers what drizzle's PGlite driver calls (query, exec, transaction) and what
 * db/client.ts needs (listen, close), with PGlite's own semantics: one connection, statements in
 * order, a transaction holding it until it ends.
 */
type Row = Record<string, unknown> | unknown[];
export type ProxyResults = { rows: Row[]; affectedRows?: number; fields: { name: string; dataTypeID: number }[] };
type QueryOptions = { rowMode?: "array" | "object"; parsers?: Record<number, (value: string) => unknown> };

export type PgliteProxyTransaction = {
  query(sql: string, params?: unknown[], options?: QueryOptions): Promise<ProxyResults>;
  exec(sql: string): Promise<ProxyResults[]>;
  rollback(): Promise<void>;
  closed: boolean;
};

/** Where the worker's file is: loaded by path from the checkout, never bundled (like db/migrations). */
const workerFile = () => path.join(process.cwd(), "db", "pglite-worker.mjs");

type Pending = { resolve(v: unknown): void; reject(e: unknown): void };

class RollbackSignal extends Error {}

export class PgliteProxy {
  readonly waitReady: Promise<void>;
  #worker: Worker;
  #next = 1;
  #pending = new Map<number, Pending>();
  #listeners = new Map<string, Set<(payload: string) => void>>();
  #failed: Error | null = null;

  constructor(dataPath: string) {
    this.#worker = new Worker(workerFile(), { workerData: { path: dataPath } });
    // The worker keeps the process alive only while a statement is in flight (as PGlite in the
    // process did: a script ends when its work is done).
    this.#worker.unref();
    this.#worker.on("message", (msg: { id?: number; ok?: boolean; result?: unknown; error?: Record<string, unknown>; op?: string; channel?: string; payload?: string }) => {
      if (msg.op === "notify") {
        for (const fn of this.#listeners.get(msg.channel ?? "") ?? []) fn(msg.payload ?? "");
        return;
      }
      const p = msg.id === undefined ? undefined : this.#pending.get(msg.id);
      if (!p || msg.id === undefined) return;
      this.#pending.delete(msg.id);
      if (!this.#pending.size) this.#worker.unref();
      if (msg.ok) p.resolve(msg.result);
      else p.reject(toError(msg.error ?? {}));
    });
    this.#worker.on("error", (e) => this.#fail(e));
    this.#worker.on("exit", (code) => this.#fail(new Error(`the PGlite worker stopped (exit code ${code})`)));
    this.waitReady = this.#call("ready", {}).then(() => undefined);
  }

  #fail(e: Error) {
    this.#failed ??= e;
    for (const p of this.#pending.values()) p.reject(e);
    this.#pending.clear();
  }

  #call<T>(op: string, msg: Record<string, unknown>): Promise<T> {
    if (this.#failed) return Promise.reject(this.#failed);
    const id = this.#next++;
    return new Promise<T>((resolve, reject) => {
      if (!this.#pending.size) this.#worker.ref();
      this.#pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.#worker.postMessage({ ...msg, id, op });
    });
  }

  #query(tx: number | undefined, sql: string, params: unknown[] | undefined, options: QueryOptions | undefined) {
    // drizzle's parsers keep dates, timestamps and intervals as text: sent as the list of those types.
    const textTypes = options?.parsers ? Object.keys(options.parsers).map(Number) : undefined;
    return this.#call<ProxyResults>("query", { tx, sql, params: params ?? [], rowMode: options?.rowMode, textTypes });
  }

  query(sql: string, params?: unknown[], options?: QueryOptions) {
    return this.#query(undefined, sql, params, options);
  }

  exec(sql: string) {
    return this.#call<ProxyResults[]>("exec", { sql });
  }

  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws or calls rollback(). */
  async transaction<T>(fn: (tx: PgliteProxyTransaction) => Promise<T>): Promise<T> {
    const txId = this.#next++;
    await this.#call("begin", { txId });
    const tx: PgliteProxyTransaction = {
      closed: false,
      query: (sql, params, options) => this.#query(txId, sql, params, options),
      exec: (sql) => this.#call<ProxyResults[]>("exec", { tx: txId, sql }),
      rollback: async () => {
        throw new RollbackSignal("rolled back");
      },
    };
    let result: T;
    try {
      result = await fn(tx);
    } catch (e) {
      tx.closed = true;
      await this.#call("end", { tx: txId, commit: false });
      if (e instanceof RollbackSignal) return undefined as T;
      throw e;
    }
    tx.closed = true;
    await this.#call("end", { tx: txId, commit: true });
    return result;
  }

  async listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>> {
    let set = this.#listeners.get(channel);
    if (!set) {
      this.#listeners.set(channel, (set = new Set()));
      await this.#call("listen", { channel });
    }
    set.add(onPayload);
    return async () => {
      set.delete(onPayload);
      if (!set.size && this.#listeners.get(channel) === set) {
        this.#listeners.delete(channel);
        await this.#call("unlisten", { channel });
      }
    };
  }

  async close() {
    if (!this.#failed) await this.#call("close", {});
    await this.#worker.terminate();
  }
}

/** The worker's error as an Error again, PostgreSQL's fields (code, detail, constraint…) kept. */
function toError(data: Record<string, unknown>): Error {
  const e = new Error(String(data.message ?? "PGlite error"));
  for (const [k, v] of Object.entries(data)) if (k !== "message" && k !== "stack") (e as unknown as Record<string, unknown>)[k] = v;
  return e;
}
