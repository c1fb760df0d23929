import { createFollowUp, listFollowUpRows, listFollowUps, toFollowUpJson, toFollowUpNamesJson } from "@/db/queries/follow-ups";
import { apiRoute, readJson, readQuery } from "@/server/api";
import { followUpFilters, followUpInput, followUpListOptions } from "@/lib/validation/follow-ups";

/** `names=true`: each item with the names of its area, organisation, owner and meeting (the board's columns load on with it). */
export const GET = apiRoute(async ({ req, db, viewer }) => {
  const filters = readQuery(req, followUpFilters);
  if (readQuery(req, followUpListOptions).names) {
    const page = await listFollowUps(db, viewer, filters);
    return { items: page.items.map(toFollowUpNamesJson), nextCursor: page.nextCursor };
  }
  const page = await listFollowUpRows(db, viewer, filters);
  return { items: page.items.map(toFollowUpJson), nextCursor: page.nextCursor };
});

export const POST = apiRoute(async ({ req, db, viewer }) => toFollowUpJson(await createFollowUp(db, viewer, await readJson(req, followUpInput))), { status: 201 });
