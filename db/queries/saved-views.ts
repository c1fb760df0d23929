import { and, asc, eq, isNotNull, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { savedViews } from "@/db/schema";
import { notFound } from "@/lib/errors";
import type { Viewer } from "@/lib/policy";
import type { SavedViewInput } from "@/lib/validation/saved-views";

export type SavedView = typeof savedViews.$inferSelect & { own: boolean; shared: boolean; href: string };

const toView = (viewer: Viewer, row: typeof savedViews.$inferSelect): SavedView => ({
  ...row,
  own: row.userId === viewer.id,
  shared: row.organisationId !== null,
  href: `${row.path}${row.query}`,
});

/** The viewer's own views and those shared with their organisation, by name. */
export async function listSavedViews(db: Db, viewer: Viewer): Promise<SavedView[]> {
  const rows = await db
    .select()
    .from(savedViews)
    .where(or(eq(savedViews.userId, viewer.id), and(isNotNull(savedViews.organisationId), eq(savedViews.organisationId, viewer.organisationId))))
    .orderBy(asc(savedViews.name), asc(savedViews.createdAt));
  return rows.map((r) => toView(viewer, r));
}

/** Saves a view for the viewer; shared means visible to everyone in the viewer's organisation. */
export async function createSavedView(db: Db, viewer: Viewer, input: SavedViewInput): Promise<SavedView> {
  const [row] = await db
    .insert(savedViews)
    .values({ userId: viewer.id, organisationId: input.shared ? viewer.organisationId : null, name: input.name, path: input.path, query: input.query })
    .returning();
  if (!row) throw new Error("insert returned no row");
  return toView(viewer, row);
}

/** Deletes one of the viewer's own views; anyone else's (shared or not) is "not found". */
export async function deleteSavedView(db: Db, viewer: Viewer, id: string): Promise<void> {
  const deleted = await db
    .delete(savedViews)
    .where(and(eq(savedViews.id, id), eq(savedViews.userId, viewer.id)))
    .returning({ id: savedViews.id });
  if (!deleted.length) throw notFound("saved_view");
}
