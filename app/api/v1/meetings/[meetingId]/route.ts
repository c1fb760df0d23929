import { meetingForCalendar } from "@/db/queries/calendar-feeds";
import { meetingWithAgendaJson } from "@/db/queries/agenda-items";
import { getMeeting, updateMeeting } from "@/db/queries/meetings";
import { apiRoute, readJson, uuidParam } from "@/server/api";
import { calendarResponse, meetingCalendar, meetingFileName } from "@/lib/calendar";
import { env } from "@/server/env";
import { meetingPatch } from "@/lib/validation/meetings";

type P = { meetingId: string };

/**
 * GET /api/v1/meetings/{id} — the meeting as JSON, with its agenda; GET /api/v1/meetings/{id}.ics — the same meeting
 * as an iCalendar file (the App Router has no segment for "{id}.ics", so the suffix is read here).
 */
export const GET = apiRoute<P>(async ({ db, viewer, params, locale }) => {
  const ics = params.meetingId.endsWith(".ics");
  const id = uuidParam(ics ? params.meetingId.slice(0, -".ics".length) : params.meetingId, "meeting");
  if (!ics) return meetingWithAgendaJson(db, viewer, await getMeeting(db, viewer, id));
  const meeting = await meetingForCalendar(db, viewer, id);
  return calendarResponse(meetingCalendar(meeting, env().APP_URL, locale), { attachment: meetingFileName(meeting) });
});

export const PATCH = apiRoute<P>(async ({ req, db, viewer, params }) => {
  const id = uuidParam(params.meetingId, "meeting");
  return meetingWithAgendaJson(db, viewer, await updateMeeting(db, viewer, id, await readJson(req, meetingPatch)));
});
