import { exportPersonalData } from "@/db/queries/personal-data";
import { apiRoute } from "@/server/api";

/** Everything the tracker holds about the caller, as one JSON download (their right of access). */
export const GET = apiRoute(async ({ db, viewer }) => {
  const data = await exportPersonalData(db, viewer);
  return Response.json(data, {
    headers: { "cache-control": "no-store", "content-disposition": `attachment; filename="my-data-${data.exportedAt.slice(0, 10)}.json"` },
  });
});
