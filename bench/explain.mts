// `npm run bench:explain -- [--database-url URL] [--as staff@eeas.example]`
//
// EXPLAIN (ANALYZE, BUFFERS) of the statements behind the benchmark's API scenarios — the session's
// viewer lookup and the follow-up lists (first page, area + organisation + overdue, text search) —
// built by the app's own query code for a signed-in viewer, on the scale database
// (`npm run seed:scale`). PostgreSQL only.
import { eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { parseArgs } from "node:util";
import type { Db } from "../db/client";
import { listFollowUpRows } from "../db/queries/follow-ups";
import { findUserByEmail, loadViewer } from "../db/queries/users";
import * as schema from "../db/schema";
import type { FollowUpFilters } from "../lib/validation/follow-ups";

const { values: args } = parseArgs({
  options: {
    "database-url": { type: "string", default: process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/tracker_scale" },
    as: { type: "string", default: "staff@eeas.example" },
  },
});
const client = postgres(args["database-url"], { max: 1, onnotice: () => {} });
let last: { query: string; params: unknown[] } | undefined;
const db = drizzle(client, { schema, logger: { logQuery: (query, params) => void (last = { query, params }) } }) as unknown as Db;

/** Runs `run` (reads only), then EXPLAINs the last statement it sent. */
async function explain(label: string, run: () => Promise<unknown>) {
  await run();
  if (!last) throw new Error(`${label}: no statement was sent`);
  const plan = await client.unsafe<{ "QUERY PLAN": string }[]>(`explain (analyze, buffers) ${last.query}`, last.params as postgres.ParameterOrJSON<never>[]);
  console.log(`\n## ${label}\n`);
  for (const row of plan) console.log(row["QUERY PLAN"]);
}

const user = await findUserByEmail(db, args.as);
if (!user) throw new Error(`no user ${args.as}: seed the database first (npm run seed:scale)`);
const viewer = await loadViewer(db, user.id);
if (!viewer) throw new Error(`${args.as} is not active`);
const [area] = await db.select({ id: schema.priorityAreas.id }).from(schema.priorityAreas).where(eq(schema.priorityAreas.slug, "illicit-flows"));
const [org] = await db.select({ id: schema.organisations.id }).from(schema.organisations).where(eq(schema.organisations.acronym, "UNODC"));
if (!area || !org) throw new Error("no illicit-flows area or UNODC organisation: seed the database first (npm run seed:scale)");

console.log(`# EXPLAIN ANALYZE as ${args.as} on ${new URL(args["database-url"]).pathname.slice(1)}`);
await explain("viewer lookup (every request)", () => loadViewer(db, user.id));
const lists: [string, FollowUpFilters][] = [
  ["follow-ups, first page (50)", {}],
  ["follow-ups, area + organisation + overdue", { priorityAreaId: area.id, organisationId: org.id, overdue: true }],
  ["follow-ups, text search q=money", { q: "money" }],
];
for (const [label, filters] of lists) await explain(label, () => listFollowUpRows(db, viewer, filters));
await client.end();
