import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { organisations, users } from "@/db/schema";
import type { Viewer } from "@/lib/policy";
import { relatives } from "./organisations";

export async function findUserByEmail(db: Db, email: string) {
  const [row] = await db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.trim().toLowerCase()))
    .limit(1);
  return row;
}

/** Re-read on every request, so a deactivated user or a changed role takes effect at once. */
export async function loadViewer(db: Db, userId: string): Promise<Viewer | null> {
  const [user] = await db
    .select()
    .from(users)
    .where(and(eq(users.id, userId), eq(users.active, true)))
    .limit(1);
  if (!user) return null;
  const tree = await db.select({ id: organisations.id, parentId: organisations.parentId }).from(organisations);
  const { related, subtree } = relatives(tree, user.organisationId);
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    organisationId: user.organisationId,
    relatedOrganisationIds: related,
    subtreeOrganisationIds: subtree,
  };
}

/** People one can name as the owner of a follow-up. */
export async function listUsers(db: Db) {
  return db
    .select({ id: users.id, name: users.name, email: users.email, organisationId: users.organisationId, role: users.role, active: users.active, version: users.version })
    .from(users)
    .orderBy(asc(users.name));
}
