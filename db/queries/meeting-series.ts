import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { meetingSeries } from "@/db/schema";
import { invalid, notFound } from "@/lib/errors";
import { vm } from "@/lib/i18n/validation";
import type { Viewer } from "@/lib/policy";
import type { meetingSeriesInput, MeetingSeriesPatch } from "@/lib/validation/meeting-series";
import { recordChanges, recordEvent, staleVersion } from "./activity";
import { assertAdmin } from "./admin";
import { toMeetingSeriesJson } from "./reference";

export type MeetingSeriesRow = typeof meetingSeries.$inferSelect;

export async function getMeetingSeries(db: Db, id: string): Promise<MeetingSeriesRow> {
  const [row] = await db.select().from(meetingSeries).where(eq(meetingSeries.id, id));
  if (!row) throw notFound("meeting_series");
  return row;
}


async function checkName(db: Db, name: string, exceptId?: string) {
  const same = await db.select({ id: meetingSeries.id }).from(meetingSeries).where(eq(sql`lower(${meetingSeries.name})`, name.toLowerCase()));
  if (same.some((s) => s.id !== exceptId)) throw invalid("meeting_series", { name: vm("seriesNameTaken") });
}

export async function createMeetingSeries(db: Db, viewer: Viewer, input: z.output<typeof meetingSeriesInput>) {
  assertAdmin(viewer);
  return db.transaction(async (tx) => {
    await checkName(tx, input.name);
    const [row] = await tx.insert(meetingSeries).values(input).returning();
    if (!row) throw new Error("insert returned nothing");
    await recordEvent(tx, viewer.id, "meeting_series", row.id, "created", toMeetingSeriesJson(row));
    return row;
  });
}

export async function updateMeetingSeries(db: Db, viewer: Viewer, id: string, patch: MeetingSeriesPatch) {
  assertAdmin(viewer);
  return db.transaction(async (tx) => {
    const current = await getMeetingSeries(tx, id);
    if (current.version !== patch.version) throw await staleVersion(tx, "meeting_series", current);
    const { version, ...fields } = patch;
    if (fields.name !== undefined) await checkName(tx, fields.name, id);
    const [row] = await tx
      .update(meetingSeries)
      .set({ ...fields, version: sql`${meetingSeries.version} + 1`, updatedAt: new Date() })
      .where(and(eq(meetingSeries.id, id), eq(meetingSeries.version, version)))
      .returning();
    if (!row) throw await staleVersion(tx, "meeting_series", current);
    await recordChanges(tx, viewer.id, "meeting_series", id, current, fields);
    return row;
  });
}
