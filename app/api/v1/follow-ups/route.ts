import { createFollowUp, listFollowUpRows, toFollowUpJson } from "@/db/queries/follow-ups";
import { apiRoute, readJson, readQuery } from "@/lib/api";
import { followUpFilters, followUpInput } from "@/lib/validation/follow-ups";

export const GET = apiRoute(async ({ req, db, viewer }) => {
  const page = await listFollowUpRows(db, viewer, readQuery(req, followUpFilters));
  return { items: page.items.map(toFollowUpJson), nextCursor: page.nextCursor };
});

export const POST = apiRoute(async ({ req, db, viewer }) => toFollowUpJson(await createFollowUp(db, viewer, await readJson(req, followUpInput))), { status: 201 });
