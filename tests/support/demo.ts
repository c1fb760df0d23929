/** Names for the seeded demo world, so tests can say "staff of UNODC" instead of a uuid. */
import { eq, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { findUserByEmail, loadViewer } from "@/db/queries/users";
import { activity, followUps, meetings, organisations, priorityAreas, users } from "@/db/schema";
import type { Viewer } from "@/lib/policy";

export const demoEmails = [
  "admin@eeas.example",
  "manager@eeas.example",
  "manager@unodc.example",
  "staff@eeas.example",
  "staff@unodc.example",
] as const;
export type DemoEmail = (typeof demoEmails)[number];

export async function viewerFor(db: Db, email: string): Promise<Viewer> {
  const user = await findUserByEmail(db, email);
  if (!user) throw new Error(`no user ${email} in the demo data`);
  const viewer = await loadViewer(db, user.id);
  if (!viewer) throw new Error(`user ${email} is not active`);
  return viewer;
}

export async function demoViewers(db: Db): Promise<Record<DemoEmail, Viewer>> {
  const entries = await Promise.all(demoEmails.map(async (email) => [email, await viewerFor(db, email)] as const));
  return Object.fromEntries(entries) as Record<DemoEmail, Viewer>;
}

/** Every active user in the database (the demo accounts and the seeded colleagues) as a Viewer. */
export async function allViewers(db: Db): Promise<Viewer[]> {
  const rows = await db.select({ id: users.id }).from(users).where(eq(users.active, true));
  const viewers = await Promise.all(rows.map((r) => loadViewer(db, r.id)));
  return viewers.filter((v): v is Viewer => v !== null);
}

export async function orgId(db: Db, acronym: string): Promise<string> {
  const [row] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.acronym, acronym));
  if (!row) throw new Error(`no organisation ${acronym}`);
  return row.id;
}

export async function areaId(db: Db, slug: string): Promise<string> {
  const [row] = await db.select({ id: priorityAreas.id }).from(priorityAreas).where(eq(priorityAreas.slug, slug));
  if (!row) throw new Error(`no priority area ${slug}`);
  return row.id;
}

export async function meetingId(db: Db, title: string): Promise<string> {
  const [row] = await db.select({ id: meetings.id }).from(meetings).where(eq(meetings.title, title));
  if (!row) throw new Error(`no meeting "${title}"`);
  return row.id;
}

/** The raw row, read past the policy: what is really stored. */
export async function followUpRow(db: Db, titleStart: string) {
  const rows = await db.select().from(followUps).where(sql`${followUps.title} like ${`${titleStart}%`}`);
  if (rows.length !== 1 || !rows[0]) throw new Error(`expected one follow-up starting "${titleStart}", found ${rows.length}`);
  return rows[0];
}

export async function activityOf(db: Db, entityId: string) {
  return db.select().from(activity).where(eq(activity.entityId, entityId)).orderBy(activity.id);
}

export async function count(db: Db, table: PgTable) {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(table);
  return row?.n ?? 0;
}

/** Runs fn and returns what it threw (failing the test if it did not throw). */
export async function thrown(fn: () => Promise<unknown>): Promise<unknown> {
  try {
    await fn();
  } catch (e) {
    return e;
  }
  throw new Error("expected the call to throw, but it succeeded");
}

/**
 * Makes the database refuse any activity row that mentions `marker`, so a test can tell whether a
 * change and its activity record are written in one transaction (both or neither).
 */
export const refusedMarker = "REFUSE-ACTIVITY";
export async function refuseMarkedActivity(db: Db) {
  await db.execute(
    sql.raw(`create or replace function refuse_marked_activity() returns trigger language plpgsql as $$
begin
  if coalesce(new.after::text, '') like '%${refusedMarker}%' then
    raise exception 'activity refused by the test';
  end if;
  return new;
end $$`),
  );
  await db.execute(sql.raw(`drop trigger if exists refuse_marked_activity on activity`));
  await db.execute(sql.raw(`create trigger refuse_marked_activity before insert on activity for each row execute function refuse_marked_activity()`));
}

/** The ids of the named organisations, by acronym. */
export async function orgIds<const A extends string>(db: Db, acronyms: readonly A[]): Promise<Record<A, string>> {
  const entries = await Promise.all(acronyms.map(async (a) => [a, await orgId(db, a)] as const));
  return Object.fromEntries(entries) as Record<A, string>;
}
