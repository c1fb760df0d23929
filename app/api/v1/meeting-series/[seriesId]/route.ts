import { getMeetingSeries, updateMeetingSeries } from "@/db/queries/meeting-series";
import { toMeetingSeriesJson } from "@/db/queries/reference";
import { apiRoute, readJson, uuidParam } from "@/server/api";
import { meetingSeriesPatch } from "@/lib/validation/meeting-series";

type P = { seriesId: string };

export const GET = apiRoute<P>(async ({ db, params }) => toMeetingSeriesJson(await getMeetingSeries(db, uuidParam(params.seriesId, "meeting_series"))));

export const PATCH = apiRoute<P>(async ({ req, db, viewer, params }) => {
  const id = uuidParam(params.seriesId, "meeting_series");
  return toMeetingSeriesJson(await updateMeetingSeries(db, viewer, id, await readJson(req, meetingSeriesPatch)));
});
