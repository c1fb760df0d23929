import { briefing } from "@/db/queries/continuity";
import { apiRoute, readQuery, uuidParam } from "@/server/api";
import { briefingFileName, briefingCsv } from "@/server/briefing";
import { briefingOptions } from "@/lib/validation/meetings";

type P = { meetingId: string };

/** GET /api/v1/meetings/{id}/briefing.csv[?audience=wide][&sep=semicolon] — the briefing pack as a download. */
export const GET = apiRoute<P>(async ({ req, db, viewer, params, locale }) => {
  const { audience, sep } = readQuery(req, briefingOptions);
  const b = await briefing(db, viewer, uuidParam(params.meetingId, "meeting"), { wide: audience === "wide" });
  return new Response(briefingCsv(b, sep, locale), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${briefingFileName(b, "csv")}"`,
      "cache-control": "no-store",
    },
  });
});
