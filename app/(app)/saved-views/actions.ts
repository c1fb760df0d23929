"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { vm } from "@/lib/i18n/validation";
import { createSavedView, deleteSavedView } from "@/db/queries/saved-views";
import { authedAction } from "@/server/actions";
import { savedViewInput } from "@/lib/validation/saved-views";

export const createSavedViewAction = authedAction(savedViewInput, async (input, { db, viewer }) => {
  const view = await createSavedView(db, viewer, input);
  revalidatePath("/", "layout");
  return { id: view.id, name: view.name, href: view.href };
});

export const deleteSavedViewAction = authedAction(z.object({ id: z.uuid({ error: vm("savedViewInvalid") }) }), async ({ id }, { db, viewer }) => {
  await deleteSavedView(db, viewer, id);
  revalidatePath("/", "layout");
  return { id };
});
