import { createMeetingSeries } from "@/db/queries/meeting-series";
import { listMeetingSeries, toMeetingSeriesJson } from "@/db/queries/reference";
import { apiRoute, readJson } from "@/server/api";
import { meetingSeriesInput } from "@/lib/validation/meeting-series";

export const GET = apiRoute(async ({ db }) => ({ items: (await listMeetingSeries(db)).map(toMeetingSeriesJson) }));

export const POST = apiRoute(async ({ req, db, viewer }) => toMeetingSeriesJson(await createMeetingSeries(db, viewer, await readJson(req, meetingSeriesInput))), { status: 201 });
