import { setOwnLocale } from "@/db/queries/users";
import { apiRoute, readJson } from "@/server/api";
import { rememberLocale } from "@/server/locale-cookie";
import type { Viewer } from "@/lib/policy";
import { mePatch } from "@/lib/validation/users";

/** `locale`: the saved language ("en" | "fr"); null while the person has not chosen (their browser decides). */
const me = (viewer: Viewer) => ({
  id: viewer.id,
  name: viewer.name,
  email: viewer.email,
  role: viewer.role,
  organisationId: viewer.organisationId,
  locale: viewer.locale ?? null,
});

export const GET = apiRoute(async ({ viewer }) => me(viewer));

/** PATCH /api/v1/me {"locale": "fr" | "en"}: the signed-in user's own language, kept on them (e-mails follow it) and in a cookie. */
export const PATCH = apiRoute(async ({ req, db, viewer }) => {
  const { locale } = await readJson(req, mePatch);
  await setOwnLocale(db, viewer, locale);
  await rememberLocale(locale);
  return me({ ...viewer, locale });
});
