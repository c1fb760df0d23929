/** The organisation fields the meeting pages and forms need; nothing else crosses to the client. */
export type OrganisationOption = { id: string; name: string; acronym: string | null; parentId: string | null; archived: boolean };

/**
 * Organisations in tree order (each parent followed by its children, by name), with their depth,
 * so a list reads "European Commission" then its DGs indented. `keep` names archived ones that
 * stay because a record already uses them.
 */
export function organisationTree<T extends OrganisationOption>(
  all: readonly T[],
  keep: readonly (string | null | undefined)[] = [],
  sortKey: (o: T) => string = (o) => o.name,
) {
  const kept = new Set(keep.filter((id): id is string => !!id));
  const shown = all.filter((o) => !o.archived || kept.has(o.id));
  const ids = new Set(shown.map((o) => o.id));
  const byName = (a: T, b: T) => sortKey(a).localeCompare(sortKey(b));
  const children = new Map<string | null, T[]>();
  for (const o of shown) {
    // An organisation whose parent is hidden (archived) is shown at the top level.
    const parent = o.parentId && ids.has(o.parentId) ? o.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), o]);
  }
  const out: { organisation: T; depth: number; hasChildren: boolean }[] = [];
  const visit = (parent: string | null, depth: number) => {
    for (const o of [...(children.get(parent) ?? [])].sort(byName)) {
      const kids = children.get(o.id) ?? [];
      out.push({ organisation: o, depth, hasChildren: kids.length > 0 });
      if (depth < 8) visit(o.id, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}

/** "DG HOME — Directorate-General for Migration and Home Affairs" for a select option. */
export function organisationLabel(o: Pick<OrganisationOption, "name" | "acronym">) {
  return o.acronym && o.acronym !== o.name ? `${o.acronym} — ${o.name}` : o.name;
}

/** The organisation, its ancestors and descendants; and the organisation with its descendants. */
export function relatives(all: readonly { id: string; parentId: string | null }[], organisationId: string) {
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
