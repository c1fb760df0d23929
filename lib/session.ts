import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/connection";
import { loadViewer } from "@/db/queries/users";
import { auth } from "@/lib/auth";
import { AppError } from "@/lib/errors";
import type { Viewer } from "@/lib/policy";

/** The signed-in user, re-read from the database once per request; null if signed out or deactivated. */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  return loadViewer(await getDb(), id);
});

/** For pages: the viewer, or a trip to the sign-in page. */
export async function requireViewer(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect("/signin");
  return viewer;
}

/** For actions and API routes: the viewer, or a 401. */
export async function authenticate(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) throw new AppError("unauthorized:session");
  return viewer;
}
