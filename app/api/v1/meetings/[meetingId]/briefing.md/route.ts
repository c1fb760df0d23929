import { briefing } from "@/db/queries/continuity";
import { apiRoute, readQuery, uuidParam } from "@/server/api";
import { briefingFileName, briefingMarkdown } from "@/server/briefing";
import { briefingOptions } from "@/lib/validation/meetings";

type P = { meetingId: string };

/** GET /api/v1/meetings/{id}/briefing.md[?audience=wide] — the briefing pack as a download. */
export const GET = apiRoute<P>(async ({ req, db, viewer, params, locale }) => {
  const { audience } = readQuery(req, briefingOptions);
  const b = await briefing(db, viewer, uuidParam(params.meetingId, "meeting"), { wide: audience === "wide" });
  return new Response(briefingMarkdown(b, locale), {
    headers: {
      "content-type": "text/markdown; charset=utf-8",
      "content-disposition": `attachment; filename="${briefingFileName(b, "md")}"`,
      "cache-control": "no-store",
    },
  });
});
