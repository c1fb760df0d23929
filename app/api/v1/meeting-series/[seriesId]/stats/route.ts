import { seriesStats } from "@/db/queries/continuity";
import { apiRoute, uuidParam } from "@/server/api";

type P = { seriesId: string };

/** GET /api/v1/meeting-series/{id}/stats — meeting by meeting, per priority area, over the meetings the viewer can see. */
export const GET = apiRoute<P>(async ({ db, viewer, params }) => seriesStats(db, viewer, uuidParam(params.seriesId, "meeting_series")));
