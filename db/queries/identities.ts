import "server-only";
import { and, asc, count, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { organisations, userIdentities, users } from "@/db/schema";
import { recordEvent } from "./activity";
import { relatives } from "@/lib/organisations/tree";
import { toUserJson } from "./users";

export type User = typeof users.$inferSelect;

/** The user an account at the sign-on provider belongs to (by issuer and subject), if linked. */
export async function findUserByIdentity(db: Db, issuer: string, subject: string): Promise<User | undefined> {
  const [row] = await db
    .select({ user: users })
    .from(userIdentities)
    .innerJoin(users, eq(users.id, userIdentities.userId))
    .where(and(eq(userIdentities.issuer, issuer), eq(userIdentities.subject, subject)))
    .limit(1);
  return row?.user;
}

/** Links an account at the provider to an existing user (who signed in with a password so far). */
export async function linkIdentity(db: Db, identity: { issuer: string; subject: string }, user: User) {
  await db.transaction(async (tx) => {
    await tx.insert(userIdentities).values({ ...identity, userId: user.id });
    await recordEvent(tx, user.id, "user", user.id, "identity_linked", { issuer: identity.issuer });
  });
}

/**
 * The organisation an e-mail domain belongs to: an active organisation listing the domain. When
 * several do, the one highest in the tree (a directorate listing its parent's domain does not take
 * the parent's people), then the one with the most people (where colleagues already are), then by
 * name; an admin can move the person afterwards.
 */
export async function organisationForDomain(db: Db, domain: string) {
  const rows = await db
    .select({ id: organisations.id, parentId: organisations.parentId, name: organisations.name, archived: organisations.archived, domains: organisations.domains, people: count(users.id) })
    .from(organisations)
    .leftJoin(users, eq(users.organisationId, organisations.id))
    .groupBy(organisations.id)
    .orderBy(asc(organisations.name));
  const matches = rows.filter((o) => !o.archived && o.domains.some((d) => d.toLowerCase() === domain));
  const ancestors = (id: string) => {
    const { related, subtree } = relatives(rows, id);
    return related.size - subtree.size;
  };
  return matches.sort((a, b) => ancestors(a.id) - ancestors(b.id) || b.people - a.people)[0];
}

/**
 * A new user, provisioned at their first sign-on: staff of the organisation, no password, linked
 * to their account at the provider. The e-mail is unique (case-insensitive), so two first sign-ins
 * at once cannot create the person twice.
 */
export async function provisionUser(db: Db, identity: { issuer: string; subject: string }, person: { name: string; email: string; organisationId: string }) {
  return db.transaction(async (tx) => {
    const [user] = await tx.insert(users).values({ ...person, role: "staff" }).returning();
    if (!user) throw new Error("insert returned nothing");
    await tx.insert(userIdentities).values({ ...identity, userId: user.id });
    await recordEvent(tx, null, "user", user.id, "created", { ...toUserJson(user), via: "single sign-on" });
    return user;
  });
}

/** The users who have an account at the sign-on provider linked (for the admin list's "SSO" mark). */
export async function usersWithIdentity(db: Db): Promise<Set<string>> {
  const rows = await db.selectDistinct({ userId: userIdentities.userId }).from(userIdentities);
  return new Set(rows.map((r) => r.userId));
}
