import "server-only";
import { asc } from "drizzle-orm";
import type { Db } from "@/db/client";
import { organisations } from "@/db/schema";

export type OrganisationRow = typeof organisations.$inferSelect;

export async function listOrganisations(db: Db) {
  return db.select().from(organisations).orderBy(asc(organisations.name));
}

/** The organisation, its ancestors and descendants; and the organisation with its descendants. */
export function relatives(all: Pick<OrganisationRow, "id" | "parentId">[], organisationId: string) {
  const children = new Map<string, string[]>();
  const parent = new Map<string, string | null>();
  for (const o of all) {
    parent.set(o.id, o.parentId);
    if (o.parentId) children.set(o.parentId, [...(children.get(o.parentId) ?? []), o.id]);
  }
  const subtree = new Set<string>();
  const stack = [organisationId];
  while (stack.length) {
    const id = stack.pop() as string;
    if (subtree.has(id)) continue;
    subtree.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  const related = new Set(subtree);
  for (let p = parent.get(organisationId); p && !related.has(p); p = parent.get(p)) related.add(p);
  return { subtree, related };
}

export function toOrganisationJson(o: OrganisationRow) {
  return {
    id: o.id,
    name: o.name,
    acronym: o.acronym,
    kind: o.kind,
    parentId: o.parentId,
    domains: o.domains,
    archived: o.archived,
    version: o.version,
  };
}
