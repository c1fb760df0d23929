import { meetingWithAgendaJson } from "@/db/queries/agenda-items";
import { createMeeting, listMeetings, toMeetingJson } from "@/db/queries/meetings";
import { apiRoute, readJson, readQuery } from "@/server/api";
import { meetingFilters, meetingInput } from "@/lib/validation/meetings";

export const GET = apiRoute(async ({ req, db, viewer }) => {
  const page = await listMeetings(db, viewer, readQuery(req, meetingFilters));
  return { items: page.items.map(toMeetingJson), nextCursor: page.nextCursor };
});

export const POST = apiRoute(async ({ req, db, viewer }) => meetingWithAgendaJson(db, viewer, await createMeeting(db, viewer, await readJson(req, meetingInput))), { status: 201 });
