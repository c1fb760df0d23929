import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { activity, followUps, meetingParticipants, meetings, organisations, users } from "@/db/schema";
import { invalid, notFound } from "@/lib/errors";
import { vm } from "@/lib/i18n/validation";
import { relatives } from "@/lib/organisations/tree";
import type { Viewer } from "@/lib/policy";
import type { OrganisationMerge, OrganisationPatch, OrganisationValues } from "@/lib/validation/organisations";
import { cachedByVersion } from "@/server/cache";
import { recordChanges, recordEvent, recordMany, staleVersion, type EntityType } from "./activity";
import { assertAdmin } from "./admin";

export type OrganisationRow = typeof organisations.$inferSelect;

/** An organisation's name and acronym, for the shell and the profile's heading. */
export async function getOrganisationName(db: Db, id: string) {
  const [org] = await db
    .select({ name: organisations.name, nameFr: organisations.nameFr, acronym: organisations.acronym, acronymFr: organisations.acronymFr })
    .from(organisations)
    .where(eq(organisations.id, id));
  return org;
}

/** Every organisation (the tree, archived ones too); read once per data version (server/cache.ts), the same for every viewer. */
export function listOrganisations(db: Db) {
  return cachedByVersion(db, "organisations", () => db.select().from(organisations).orderBy(asc(organisations.name)));
}

export function toOrganisationJson(o: OrganisationRow) {
  return {
    id: o.id,
    name: o.name,
    acronym: o.acronym,
    nameFr: o.nameFr,
    acronymFr: o.acronymFr,
    kind: o.kind,
    parentId: o.parentId,
    domains: o.domains,
    archived: o.archived,
    version: o.version,
  };
}

export async function getOrganisation(db: Db, id: string): Promise<OrganisationRow> {
  const [row] = await db.select().from(organisations).where(eq(organisations.id, id));
  if (!row) throw notFound("organisation");
  return row;
}


/** Acronyms identify organisations in the UI and in CSV imports, so two active ones may not share one. */
async function checkAcronym(db: Db, acronym: string | null | undefined, exceptId?: string) {
  if (!acronym) return;
  const same = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(sql`lower(${organisations.acronym})`, acronym.toLowerCase()), eq(organisations.archived, false)));
  if (same.some((o) => o.id !== exceptId)) throw invalid("organisation", { acronym: vm("acronymTaken", { acronym }) });
}

/** A new parent must exist, be active, and not be the organisation itself or one of its descendants. */
async function checkParent(db: Db, id: string | null, parentId: string | null, currentParentId?: string | null) {
  if (!parentId) return;
  const tree = await db.select({ id: organisations.id, parentId: organisations.parentId, archived: organisations.archived }).from(organisations);
  const parent = tree.find((o) => o.id === parentId);
  if (!parent) throw invalid("organisation", { parentId: vm("noSuchChoice", { kind: "organisation" }) });
  if (parent.archived && parentId !== currentParentId) throw invalid("organisation", { parentId: vm("parentArchived") });
  if (id && relatives(tree, id).subtree.has(parentId)) {
    throw invalid("organisation", { parentId: vm("parentCycle") });
  }
}

export async function createOrganisation(db: Db, viewer: Viewer, input: OrganisationValues) {
  assertAdmin(viewer);
  return db.transaction(async (tx) => {
    await checkAcronym(tx, input.acronym);
    await checkParent(tx, null, input.parentId);
    const [row] = await tx.insert(organisations).values(input).returning();
    if (!row) throw new Error("insert returned nothing");
    await recordEvent(tx, viewer.id, "organisation", row.id, "created", toOrganisationJson(row));
    return row;
  });
}

export async function updateOrganisation(db: Db, viewer: Viewer, id: string, patch: OrganisationPatch) {
  assertAdmin(viewer);
  return db.transaction(async (tx) => {
    const current = await getOrganisation(tx, id);
    if (current.version !== patch.version) throw await staleVersion(tx, "organisation", current);
    const { version, ...fields } = patch;
    if (fields.acronym !== undefined || fields.archived === false) await checkAcronym(tx, fields.acronym ?? current.acronym, id);
    if (fields.parentId !== undefined && fields.parentId !== current.parentId) await checkParent(tx, id, fields.parentId, current.parentId);
    const [row] = await tx
      .update(organisations)
      .set({ ...fields, version: sql`${organisations.version} + 1`, updatedAt: new Date() })
      .where(and(eq(organisations.id, id), eq(organisations.version, version)))
      .returning();
    if (!row) throw await staleVersion(tx, "organisation", current);
    await recordChanges(tx, viewer.id, "organisation", id, current, fields);
    return row;
  });
}

/**
 * Merges `fromId` into `intoId` in one transaction: people, follow-ups, hosted meetings,
 * participations and sub-organisations move to the one kept (each move in the activity record),
 * the e-mail domains join it, and the merged organisation is archived, never deleted.
 */
export async function mergeOrganisation(db: Db, viewer: Viewer, fromId: string, { intoId, version }: OrganisationMerge) {
  assertAdmin(viewer);
  if (fromId === intoId) throw invalid("organisation", { intoId: vm("mergeSame") });
  return db.transaction(async (tx) => {
    const from = await getOrganisation(tx, fromId);
    if (from.version !== version) throw await staleVersion(tx, "organisation", from);
    if (from.archived) throw invalid("organisation", { _: vm("mergeArchived") });
    const [into] = await tx.select().from(organisations).where(eq(organisations.id, intoId));
    if (!into) throw invalid("organisation", { intoId: vm("noSuchChoice", { kind: "organisation" }) });
    if (into.archived) throw invalid("organisation", { intoId: vm("mergeIntoArchived") });
    const tree = await tx.select({ id: organisations.id, parentId: organisations.parentId }).from(organisations);
    if (relatives(tree, fromId).subtree.has(intoId)) {
      throw invalid("organisation", { intoId: vm("mergeIntoChild") });
    }
    const now = new Date();
    const log: (typeof activity.$inferInsert)[] = [];
    const moved = (entityType: EntityType, ids: string[], field: string) =>
      log.push(...ids.map((entityId) => ({ actorId: viewer.id, entityType, entityId, action: "updated", field, before: fromId, after: intoId })));

    const people = await tx.update(users).set({ organisationId: intoId, version: sql`${users.version} + 1`, updatedAt: now }).where(eq(users.organisationId, fromId)).returning({ id: users.id });
    moved("user", people.map((r) => r.id), "organisationId");
    const owned = await tx
      .update(followUps)
      .set({ ownerOrganisationId: intoId, version: sql`${followUps.version} + 1`, updatedAt: now })
      .where(eq(followUps.ownerOrganisationId, fromId))
      .returning({ id: followUps.id });
    moved("follow_up", owned.map((r) => r.id), "ownerOrganisationId");
    const hosted = await tx
      .update(meetings)
      .set({ hostOrganisationId: intoId, version: sql`${meetings.version} + 1`, updatedAt: now })
      .where(eq(meetings.hostOrganisationId, fromId))
      .returning({ id: meetings.id });
    moved("meeting", hosted.map((r) => r.id), "hostOrganisationId");

    // Participations: a meeting where both took part keeps one row for the organisation kept.
    const taking = await tx.select({ meetingId: meetingParticipants.meetingId }).from(meetingParticipants).where(eq(meetingParticipants.organisationId, fromId));
    const meetingIds = taking.map((r) => r.meetingId);
    if (meetingIds.length) {
      const already = await tx
        .select({ meetingId: meetingParticipants.meetingId })
        .from(meetingParticipants)
        .where(and(eq(meetingParticipants.organisationId, intoId), inArray(meetingParticipants.meetingId, meetingIds)));
      const has = new Set(already.map((r) => r.meetingId));
      const add = meetingIds.filter((m) => !has.has(m));
      if (add.length) await tx.insert(meetingParticipants).values(add.map((meetingId) => ({ meetingId, organisationId: intoId })));
      await tx.delete(meetingParticipants).where(eq(meetingParticipants.organisationId, fromId));
      const bump = meetingIds.filter((m) => !hosted.some((h) => h.id === m));
      if (bump.length) await tx.update(meetings).set({ version: sql`${meetings.version} + 1`, updatedAt: now }).where(inArray(meetings.id, bump));
      moved("meeting", meetingIds, "participantOrganisationIds");
    }
    const children = await tx
      .update(organisations)
      .set({ parentId: intoId, version: sql`${organisations.version} + 1`, updatedAt: now })
      .where(eq(organisations.parentId, fromId))
      .returning({ id: organisations.id });
    moved("organisation", children.map((r) => r.id), "parentId");

    const domains = [...new Set([...into.domains, ...from.domains])];
    const [kept] = await tx
      .update(organisations)
      .set({ domains, version: sql`${organisations.version} + 1`, updatedAt: now })
      .where(eq(organisations.id, intoId))
      .returning();
    const [merged] = await tx
      .update(organisations)
      .set({ archived: true, domains: [], version: sql`${organisations.version} + 1`, updatedAt: now })
      .where(and(eq(organisations.id, fromId), eq(organisations.version, version)))
      .returning();
    if (!kept || !merged) throw await staleVersion(tx, "organisation", from);
    log.push(
      { actorId: viewer.id, entityType: "organisation", entityId: fromId, action: "merged", field: null, before: null, after: { intoId, intoName: into.name } },
      { actorId: viewer.id, entityType: "organisation", entityId: fromId, action: "updated", field: "archived", before: false, after: true },
      { actorId: viewer.id, entityType: "organisation", entityId: intoId, action: "merged_from", field: null, before: null, after: { fromId, fromName: from.name } },
    );
    if (domains.length !== into.domains.length) log.push({ actorId: viewer.id, entityType: "organisation", entityId: intoId, action: "updated", field: "domains", before: into.domains, after: domains });
    if (from.domains.length) log.push({ actorId: viewer.id, entityType: "organisation", entityId: fromId, action: "updated", field: "domains", before: from.domains, after: [] });
    await recordMany(tx, log);
    return {
      merged,
      kept,
      moved: { users: people.length, followUps: owned.length, hostedMeetings: hosted.length, participations: meetingIds.length, children: children.length },
    };
  });
}

/** For each organisation, how many records point at it (one grouped query per kind of reference). */
export async function organisationUsageAll(db: Db) {
  const c = sql<number>`count(*)::int`;
  const [people, owned, hosted, participations, children] = await Promise.all([
    db.select({ id: users.organisationId, n: c }).from(users).groupBy(users.organisationId),
    db.select({ id: followUps.ownerOrganisationId, n: c }).from(followUps).groupBy(followUps.ownerOrganisationId),
    db.select({ id: meetings.hostOrganisationId, n: c }).from(meetings).groupBy(meetings.hostOrganisationId),
    db.select({ id: meetingParticipants.organisationId, n: c }).from(meetingParticipants).groupBy(meetingParticipants.organisationId),
    db.select({ id: organisations.parentId, n: c }).from(organisations).groupBy(organisations.parentId),
  ]);
  const usage = new Map<string, { users: number; followUps: number; hostedMeetings: number; participations: number; children: number }>();
  const add = (rows: { id: string | null; n: number }[], key: "users" | "followUps" | "hostedMeetings" | "participations" | "children") => {
    for (const r of rows) {
      if (!r.id) continue;
      const u = usage.get(r.id) ?? { users: 0, followUps: 0, hostedMeetings: 0, participations: 0, children: 0 };
      u[key] = r.n;
      usage.set(r.id, u);
    }
  };
  add(people, "users");
  add(owned, "followUps");
  add(hosted, "hostedMeetings");
  add(participations, "participations");
  add(children, "children");
  return usage;
}
