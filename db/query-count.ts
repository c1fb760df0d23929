import { workAsyncStorage } from "next/dist/server/app-render/work-async-storage.external";

/**
 * Opt-in SQL query counting per request (TRACKER_QUERY_COUNT=1; off by default), so a benchmark
 * can check that a page's query count does not grow with its rows (no N+1). Each statement drizzle
 * sends is counted against the request it runs in: Next's per-request work store (an
 * AsyncLocalStorage that Next keeps as one instance per process, whichever bundle asks).
 */
export const queryCountEnabled = () => process.env.TRACKER_QUERY_COUNT === "1";

const g = globalThis as typeof globalThis & { __trackerQueryCounts?: WeakMap<object, number> };
const counts = (g.__trackerQueryCounts ??= new WeakMap<object, number>());

/** The logger drizzle calls for every statement it sends, when counting is on. */
export const countingLogger = {
  logQuery() {
    const request = workAsyncStorage.getStore();
    if (request) counts.set(request, (counts.get(request) ?? 0) + 1);
  },
};

/** Reads, whenever called, how many statements the current request has sent so far. */
export function requestQueryCounter(): () => number {
  const request = workAsyncStorage.getStore();
  return () => (request ? (counts.get(request) ?? 0) : 0);
}
