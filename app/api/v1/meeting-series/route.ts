import { listMeetingSeries, toMeetingSeriesJson } from "@/db/queries/reference";
import { apiRoute } from "@/lib/api";

export const GET = apiRoute(async ({ db }) => ({ items: (await listMeetingSeries(db)).map(toMeetingSeriesJson) }));
