import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";
import { and, asc, eq, gt, isNull, ne, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { organisations, passwordTokens, users } from "@/db/schema";
import { AppError, invalid, notFound } from "@/lib/errors";
import { vm } from "@/lib/i18n/validation";
import { cachedByVersion } from "@/server/cache";
import { passwordProblem } from "@/server/passwords";
import { isLocale, type Locale } from "@/lib/i18n/locale";
import type { Viewer } from "@/lib/policy";
import type { userInput, UserPatch } from "@/lib/validation/users";
import { recordChanges, recordEvent, staleVersion } from "./activity";
import { assertAdmin } from "./admin";
import { checkReferences } from "./reference";
import { endSessionsOf } from "./sessions";

export async function findUserByEmail(db: Db, email: string) {
  const [row] = await db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.trim().toLowerCase()))
    .limit(1);
  return row;
}

/** A live session to check (and mark as seen) while the viewer is read. */
export type LiveSession = { id: string; idleMinutes: number; maxHours: number; now?: Date };

/**
 * Re-read on every request, so a deactivated user or a changed role takes effect at once: the user
 * (if active), their organisation's relatives (the organisation, its ancestors and descendants) and
 * sub-units, in one statement. With a session, the same statement also requires that session to be
 * alive for this user — not ended, used within the idle timeout, younger than the absolute one —
 * and marks it as seen (at most once a minute, so a page view is not a write).
 */
export async function loadViewer(db: Db, userId: string, session?: LiveSession): Promise<Viewer | null> {
  const now = session?.now ?? new Date();
  const at = (msAgo: number) => sql`${new Date(now.getTime() - msAgo).toISOString()}::timestamptz`;
  const live = session
    ? sql`select id from user_sessions where id = ${session.id}::uuid and user_id = ${userId}::uuid and ended_at is null
            and last_seen_at > ${at(session.idleMinutes * 60_000)} and created_at > ${at(session.maxHours * 3_600_000)}`
    : sql`select null::uuid as id`;
  // A data-modifying WITH runs once, whether or not the rest reads it.
  const touch = session
    ? sql`touched as (update user_sessions set last_seen_at = ${at(0)} where id in (select id from live) and last_seen_at < ${at(60_000)} returning id),`
    : sql``;
  const rows = await db.execute(sql`
    with recursive
      live as (${live}),
      ${touch}
      viewer as (select id, name, email, role, organisation_id, locale from users where id = ${userId}::uuid and active and exists (select 1 from live)),
      down(id) as (select organisation_id from viewer union select o.id from organisations o join down on o.parent_id = down.id),
      up(id) as (select organisation_id from viewer union select o.parent_id from organisations o join up on o.id = up.id where o.parent_id is not null)
    select v.id, v.name, v.email, v.role, v.organisation_id as "organisationId", v.locale,
      (select string_agg(id::text, ',') from down) as subtree, (select string_agg(id::text, ',') from up) as ancestors
    from viewer v`);
  const [user] = rowsOf<Omit<Viewer, "relatedOrganisationIds" | "subtreeOrganisationIds"> & { subtree: string; ancestors: string }>(rows);
  if (!user) return null;
  const subtree = new Set(user.subtree.split(","));
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    organisationId: user.organisationId,
    locale: isLocale(user.locale) ? user.locale : null,
    ...(session ? { sessionId: session.id } : {}),
    relatedOrganisationIds: new Set([...subtree, ...user.ancestors.split(",")]),
    subtreeOrganisationIds: subtree,
  };
}

/** People one can name as the owner of a follow-up. */
export async function listUsers(db: Db) {
  return db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      organisationId: users.organisationId,
      role: users.role,
      active: users.active,
      anonymised: sql<boolean>`${users.anonymisedAt} is not null`,
      version: users.version,
    })
    .from(users)
    .orderBy(asc(users.name));
}

/**
 * Active people one can name as an owner, with their organisation's acronym; optionally only one
 * organisation's (plus one chosen person), for a page that loads everyone else later.
 */
/**
 * Everyone who can be named as an owner; or only one organisation's people, or one person. The same
 * for every viewer, so read once per data version (server/cache.ts).
 */
export function listActivePeople(db: Db, only?: { organisationId: string } | { id: string }) {
  const key = !only ? "people" : "id" in only ? `people|id|${only.id}` : `people|organisation|${only.organisationId}`;
  return cachedByVersion(db, key, () => readActivePeople(db, only));
}
function readActivePeople(db: Db, only?: { organisationId: string } | { id: string }) {
  return db
    .select({ id: users.id, name: users.name, organisationId: users.organisationId, organisationAcronym: organisations.acronym })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(and(eq(users.active, true), !only ? undefined : "id" in only ? eq(users.id, only.id) : eq(users.organisationId, only.organisationId)))
    .orderBy(asc(users.name));
}

export type UserJson = Awaited<ReturnType<typeof listUsers>>[number];
/** A user as the API shows them: from a list row, or from a whole row (anonymisedAt). */
export const toUserJson = (u: Omit<UserJson, "anonymised"> & ({ anonymised: boolean } | { anonymisedAt: Date | null })): UserJson => ({
  id: u.id, name: u.name, email: u.email, organisationId: u.organisationId, role: u.role, active: u.active,
  anonymised: "anonymised" in u ? u.anonymised : u.anonymisedAt !== null, version: u.version,
});

export async function getUser(db: Db, id: string) {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  if (!row) throw notFound("user");
  return row;
}


const tokenTtlMs = 7 * 24 * 60 * 60 * 1000;
const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

/** A fresh one-time set-password link (7 days); earlier unused links for the user stop working. */
async function issueToken(tx: Db, userId: string) {
  const now = new Date();
  await tx.update(passwordTokens).set({ usedAt: now }).where(and(eq(passwordTokens.userId, userId), isNull(passwordTokens.usedAt)));
  const token = randomBytes(32).toString("base64url");
  await tx.insert(passwordTokens).values({ tokenHash: sha256(token), userId, expiresAt: new Date(now.getTime() + tokenTtlMs) });
  return `/set-password/${token}`;
}

/** Creates a person and returns, once, the link they use to set their password. */
export async function createUser(db: Db, viewer: Viewer, input: z.output<typeof userInput>) {
  assertAdmin(viewer);
  return db.transaction(async (tx) => {
    if (await findUserByEmail(tx, input.email)) throw invalid("user", { email: vm("emailTaken") });
    await checkReferences(tx, [{ field: "organisationId", kind: "organisation", ids: [input.organisationId] }]);
    const [row] = await tx.insert(users).values(input).returning();
    if (!row) throw new Error("insert returned nothing");
    await recordEvent(tx, viewer.id, "user", row.id, "created", toUserJson(row));
    const setPasswordPath = await issueToken(tx, row.id);
    return { user: row, setPasswordPath };
  });
}

export async function issuePasswordLink(db: Db, viewer: Viewer, id: string) {
  assertAdmin(viewer);
  return db.transaction(async (tx) => {
    const user = await getUser(tx, id);
    if (!user.active) throw invalid("user", { _: vm("reactivateFirst") });
    const setPasswordPath = await issueToken(tx, id);
    await recordEvent(tx, viewer.id, "user", id, "password_link_issued");
    return { setPasswordPath };
  });
}

/**
 * Role, organisation, name, active. The last active admin can be neither demoted nor
 * deactivated: the admins are locked for the check so two admins cannot demote each other at once.
 */
export async function updateUser(db: Db, viewer: Viewer, id: string, patch: UserPatch) {
  assertAdmin(viewer);
  return db.transaction(async (tx) => {
    const current = await getUser(tx, id);
    if (current.version !== patch.version) throw await staleVersion(tx, "user", current);
    const { version, ...fields } = patch;
    if (current.anonymisedAt && fields.active === true) throw invalid("user", { active: vm("anonymisedForGood") });
    await checkReferences(tx, [{ field: "organisationId", kind: "organisation", ids: [fields.organisationId], allowArchived: [current.organisationId] }]);
    const losesAdmin = current.role === "admin" && current.active && ((fields.role !== undefined && fields.role !== "admin") || fields.active === false);
    if (losesAdmin) {
      const others = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.role, "admin"), eq(users.active, true), ne(users.id, id)))
        .for("update");
      if (!others.length) {
        const message = vm("lastAdmin");
        throw invalid("user", fields.active === false ? { active: message } : { role: message }, message);
      }
    }
    const [row] = await tx
      .update(users)
      .set({ ...fields, version: sql`${users.version} + 1`, updatedAt: new Date() })
      .where(and(eq(users.id, id), eq(users.version, version)))
      .returning();
    if (!row) throw await staleVersion(tx, "user", current);
    // Deactivation ends the sessions for good (reactivation does not bring an old cookie back) and spends open links.
    if (fields.active === false) {
      await tx.update(passwordTokens).set({ usedAt: new Date() }).where(and(eq(passwordTokens.userId, id), isNull(passwordTokens.usedAt)));
      await endSessionsOf(tx, id);
    }
    await recordChanges(tx, viewer.id, "user", id, current, fields);
    return row;
  });
}

/** Whether a set-password link still works (for the page, before the person types anything). */
export async function passwordTokenUser(db: Db, token: string) {
  const [row] = await db
    .select({ name: users.name, email: users.email })
    .from(passwordTokens)
    .innerJoin(users, eq(users.id, passwordTokens.userId))
    .where(and(eq(passwordTokens.tokenHash, sha256(token)), isNull(passwordTokens.usedAt), gt(passwordTokens.expiresAt, new Date()), eq(users.active, true)));
  return row ?? null;
}

/** Uses a one-time link: sets the password (argon2id) and spends the link, in one transaction. */
export async function setPasswordWithToken(db: Db, token: string, password: string) {
  const holder = await passwordTokenUser(db, token);
  const problem = holder && passwordProblem(password, holder);
  if (problem) throw invalid("password", { password: problem });
  const passwordHash = await hash(password);
  return db.transaction(async (tx) => {
    const now = new Date();
    const [spent] = await tx
      .update(passwordTokens)
      .set({ usedAt: now })
      .where(and(eq(passwordTokens.tokenHash, sha256(token)), isNull(passwordTokens.usedAt), gt(passwordTokens.expiresAt, now)))
      .returning({ userId: passwordTokens.userId });
    const expired = new AppError("bad_request:password_link", vm("passwordLinkExpired"));
    if (!spent) throw expired;
    const [user] = await tx
      .update(users)
      .set({ passwordHash, version: sql`${users.version} + 1`, updatedAt: now })
      .where(and(eq(users.id, spent.userId), eq(users.active, true)))
      .returning({ id: users.id, email: users.email });
    if (!user) throw expired;
    // A new password ends every session: whoever held the old one is out.
    await endSessionsOf(tx, user.id);
    await recordEvent(tx, user.id, "user", user.id, "password_set");
    return user;
  });
}

/**
 * The signed-in person changes their own password: the current one first, then the new one under
 * the same rules as a set-password link. Every other session of theirs ends; this one stays.
 */
export async function changeOwnPassword(db: Db, viewer: Viewer, input: { currentPassword: string; password: string }) {
  const [current] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, viewer.id));
  if (!current?.passwordHash || !(await verify(current.passwordHash, input.currentPassword)))
    throw invalid("password", { currentPassword: vm("notCurrentPassword") });
  const problem = passwordProblem(input.password, viewer);
  if (problem) throw invalid("password", { password: problem });
  const passwordHash = await hash(input.password);
  return db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, version: sql`${users.version} + 1`, updatedAt: new Date() }).where(eq(users.id, viewer.id));
    const ended = await endSessionsOf(tx, viewer.id, viewer.sessionId);
    await recordEvent(tx, viewer.id, "user", viewer.id, "password_changed", { otherSessionsEnded: ended });
    return { otherSessionsEnded: ended };
  });
}

/** Ends every session of a person: their own "sign out everywhere", or an admin's for anyone. */
export async function endSessionsFor(db: Db, viewer: Viewer, userId: string) {
  if (userId !== viewer.id) assertAdmin(viewer);
  return db.transaction(async (tx) => {
    await getUser(tx, userId);
    const ended = await endSessionsOf(tx, userId);
    await recordEvent(tx, viewer.id, "user", userId, "sessions_ended", { sessions: ended });
    return { ended };
  });
}

/** Active admins other than `id` (for the page to explain why a button is missing). */
export async function otherActiveAdmins(db: Db, id: string) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(and(eq(users.role, "admin"), eq(users.active, true), ne(users.id, id)));
  return row?.n ?? 0;
}

/** The signed-in user's language (their own choice; no one sets another's): pages, e-mails and files follow it. */
export async function setOwnLocale(db: Db, viewer: Viewer, locale: Locale): Promise<{ locale: Locale }> {
  await db.update(users).set({ locale, updatedAt: new Date() }).where(eq(users.id, viewer.id));
  return { locale };
}
