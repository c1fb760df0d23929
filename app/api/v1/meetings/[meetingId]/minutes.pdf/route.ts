import { meetingMinutes } from "@/db/queries/minutes";
import { apiRoute, readQuery, uuidParam } from "@/server/api";
import { minutesFileName, minutesPdf } from "@/server/minutes";
import { minutesOptions } from "@/lib/validation/agenda-items";

type P = { meetingId: string };

/** GET /api/v1/meetings/{id}/minutes.pdf[?audience=wide] — the minutes as PDF, in the reader’s language; `wide` leaves restricted content out. */
export const GET = apiRoute<P>(async ({ req, db, viewer, params, locale }) => {
  const { audience } = readQuery(req, minutesOptions);
  const m = await meetingMinutes(db, viewer, uuidParam(params.meetingId, "meeting"), { wide: audience === "wide", locale });
  return new Response(new Uint8Array(await minutesPdf(m, locale)), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="${minutesFileName(m, "pdf")}"`,
      "cache-control": "no-store",
    },
  });
});
