import { meetingMinutes } from "@/db/queries/minutes";
import { apiRoute, readQuery, uuidParam } from "@/server/api";
import { minutesDocx, minutesFileName } from "@/server/minutes";
import { minutesOptions } from "@/lib/validation/agenda-items";

type P = { meetingId: string };

/** GET /api/v1/meetings/{id}/minutes.docx[?audience=wide] — the minutes in Word, in the reader’s language; `wide` leaves restricted content out. */
export const GET = apiRoute<P>(async ({ req, db, viewer, params, locale }) => {
  const { audience } = readQuery(req, minutesOptions);
  const m = await meetingMinutes(db, viewer, uuidParam(params.meetingId, "meeting"), { wide: audience === "wide", locale });
  return new Response(new Uint8Array(await minutesDocx(m, locale)), {
    headers: {
      "content-type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "content-disposition": `attachment; filename="${minutesFileName(m, "docx")}"`,
      "cache-control": "no-store",
    },
  });
});
