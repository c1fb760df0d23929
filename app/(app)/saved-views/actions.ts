"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createSavedView, deleteSavedView } from "@/db/queries/saved-views";
import { authedAction } from "@/server/actions";
import { savedViewInput } from "@/lib/validation/saved-views";

export const createSavedViewAction = authedAction(savedViewInput, async (input, { db, viewer }) => {
  const view = await createSavedView(db, viewer, input);
  revalidatePath("/", "layout");
  return { id: view.id, name: view.name, href: view.href };
});

export const deleteSavedViewAction = authedAction(z.object({ id: z.uuid({ error: "That view is not a valid reference." }) }), async ({ id }, { db, viewer }) => {
  await deleteSavedView(db, viewer, id);
  revalidatePath("/", "layout");
  return { id };
});
