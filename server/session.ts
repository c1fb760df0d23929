import "server-only";
import { headers } from "next/headers";
import { forbidden, notFound, redirect } from "next/navigation";
import { cache } from "react";
import { z } from "zod";
import type { Db } from "@/db/client";
import { getDb } from "@/db/connection";
import { loadViewer } from "@/db/queries/users";
import { recordRefused } from "@/server/audit";
import { authSecret, env } from "@/server/env";
import { AppError, forbidden as forbiddenError } from "@/lib/errors";
import { cookieValue, localeCookie, resolveLocale } from "@/lib/i18n/locale";
import { can, type Viewer } from "@/lib/policy";
import { readSessionToken } from "@/server/session-token";

/**
 * The signed-in user, re-read from the database once per request; null if signed out, deactivated,
 * or if the session ended (sign-out) or timed out (idle or absolute; SESSION_IDLE_MINUTES,
 * SESSION_MAX_HOURS).
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  // The session cookie as Auth.js's auth() reads it (server/session-token.ts), without its overhead.
  const token = await readSessionToken(await headers(), authSecret());
  if (!token?.sub || !token.sid) return null;
  const { SESSION_IDLE_MINUTES: idleMinutes, SESSION_MAX_HOURS: maxHours } = env();
  const viewer = await loadViewer(await getDb(), token.sub, { id: token.sid, idleMinutes, maxHours });
  if (!viewer) return null;
  const h = await headers();
  return { ...viewer, readLocale: resolveLocale({ saved: viewer.locale, cookie: cookieValue(h.get("cookie"), localeCookie), acceptLanguage: h.get("accept-language") }) };
});

/** For pages: the viewer, or a trip to the sign-in page. */
export async function requireViewer(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect("/signin");
  return viewer;
}

/** A refused page in the audit trail, once per request (the admin layout and its page both ask). */
const recordRefusedPage = cache(async (viewer: Viewer) => {
  const path = (await headers()).get("x-pathname");
  await recordRefused(getDb(), viewer, forbiddenError("admin", "Only an admin can open this page."), { method: "GET", path });
});

/** For admin pages: the viewer if an admin; anyone else gets 403 and app/(app)/forbidden.tsx, and is in the audit trail. */
export async function requireAdmin(): Promise<Viewer> {
  const viewer = await requireViewer();
  if (!can(viewer, "reference:edit")) {
    await recordRefusedPage(viewer);
    forbidden();
  }
  return viewer;
}

/** For actions and API routes: the viewer, or a 401. */
export async function authenticate(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) throw new AppError("unauthorized:session");
  return viewer;
}

/**
 * For a record page: loads it for the signed-in viewer, and turns a malformed id or a record the
 * viewer may not see into Next's 404, so its existence does not leak.
 */
export async function loadForPage<T>(id: string, load: (db: Db, viewer: Viewer, id: string) => Promise<T>) {
  const viewer = await requireViewer();
  if (!z.uuid().safeParse(id).success) notFound();
  const db = await getDb();
  try {
    return { viewer, db, record: await load(db, viewer, id) };
  } catch (e) {
    if (e instanceof AppError && e.type === "not_found") notFound();
    throw e;
  }
}

/** What a page starts from, as the route wrappers give it: the signed-in viewer (or a redirect to sign in) and the database. */
export async function pageContext(): Promise<{ viewer: Viewer; db: Db }> {
  const viewer = await requireViewer();
  return { viewer, db: await getDb() };
}

/** pageContext for admin pages: anyone else gets 403, as requireAdmin says. */
export async function adminPageContext(): Promise<{ viewer: Viewer; db: Db }> {
  const viewer = await requireAdmin();
  return { viewer, db: await getDb() };
}
