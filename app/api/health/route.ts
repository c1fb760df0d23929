import { sql } from "drizzle-orm";
import { getDb } from "@/db/connection";

export const dynamic = "force-dynamic";

/** Unauthenticated liveness and database check. */
export async function GET() {
  try {
    const db = await getDb();
    await db.execute(sql`select 1`);
    return Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
  } catch {
    return Response.json({ status: "unavailable" }, { status: 503 });
  }
}
