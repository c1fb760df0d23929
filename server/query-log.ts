import "server-only";
import { headers } from "next/headers";
import { after } from "next/server";
import { queryCountEnabled, requestQueryCounter } from "@/db/query-count";

/**
 * Benchmarks only (TRACKER_QUERY_COUNT=1): once a page has been sent, prints how many SQL
 * statements its render sent, for a request tagged with `x-bench-tag` (`[query-count] tag n`).
 */
export async function logPageQueries() {
  if (!queryCountEnabled()) return;
  const tag = (await headers()).get("x-bench-tag");
  if (!tag || !/^[\w.-]{1,60}$/.test(tag)) return;
  const queries = requestQueryCounter();
  after(() => console.log(`[query-count] ${tag} ${queries()}`));
}
