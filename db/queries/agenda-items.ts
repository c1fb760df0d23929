import "server-only";
import { and, asc, desc, eq, inArray, lt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { agendaItems, agendaOutcomes, followUps, meetings, organisations, priorityAreas } from "@/db/schema";
import { invalid } from "@/lib/errors";
import { readerLocale } from "@/lib/i18n/locale";
import { translate } from "@/lib/i18n/translate";
import { vm } from "@/lib/i18n/validation";
import type { Viewer } from "@/lib/policy";
import type { AgendaItemValues } from "@/lib/validation/agenda-items";
import { recordEvent } from "./activity";
import { createFollowUp, notClosedSql, overdueSql, selectFollowUps, visibleFollowUpSql } from "./follow-ups";
import { type Meeting, previousInSeriesOrder, toMeetingJson, visibleMeetingSql } from "./meeting-rows";
import { checkReferences } from "./reference";

/** A linked follow-up as the agenda shows it: enough to list its status and owner under the item. */
export type OutcomeFollowUp = {
  id: string;
  title: string;
  status: string;
  dueOn: string | null;
  overdue: boolean;
  ownerOrganisationAcronym: string;
  ownerUserName: string | null;
  version: number;
  /** The meeting the follow-up belongs to, when not this one (a carried-over or linked earlier follow-up). */
  meetingId: string | null;
  meetingVisibility: "internal" | "restricted" | null;
};

export type AgendaOutcome = {
  id: string;
  kind: "decision" | "information" | "action";
  text: string;
  followUpId: string | null;
  implementationStatus: "implemented" | "in_progress" | "not_implemented" | "not_applicable" | null;
  followUp: OutcomeFollowUp | null;
};

export type AgendaItem = {
  id: string;
  position: number;
  title: string;
  priorityAreaId: string | null;
  priorityAreaName: string | null;
  leadOrganisationId: string | null;
  leadOrganisationAcronym: string | null;
  notes: string;
  restricted: boolean;
  carriedFromMeetingId: string | null;
  outcomes: AgendaOutcome[];
};

/**
 * A meeting's agenda, in order, with each item's outcomes. The caller has already checked the
 * viewer may see the meeting (getMeeting). A linked follow-up the viewer may not see (one of a
 * restricted meeting elsewhere) is shown as neither title nor id: the link is hidden, not leaked.
 */
export async function listAgendaItems(db: Db, viewer: Viewer, meetingId: string): Promise<AgendaItem[]> {
  const items = await db
    .select({
      id: agendaItems.id,
      position: agendaItems.position,
      title: agendaItems.title,
      priorityAreaId: agendaItems.priorityAreaId,
      priorityAreaName: priorityAreas.name,
      leadOrganisationId: agendaItems.leadOrganisationId,
      leadOrganisationAcronym: organisations.acronym,
      notes: agendaItems.notes,
      restricted: agendaItems.restricted,
      carriedFromMeetingId: agendaItems.carriedFromMeetingId,
    })
    .from(agendaItems)
    .leftJoin(priorityAreas, eq(priorityAreas.id, agendaItems.priorityAreaId))
    .leftJoin(organisations, eq(organisations.id, agendaItems.leadOrganisationId))
    .where(eq(agendaItems.meetingId, meetingId))
    .orderBy(asc(agendaItems.position));
  if (!items.length) return [];
  const outcomes = await db
    .select({
      id: agendaOutcomes.id,
      agendaItemId: agendaOutcomes.agendaItemId,
      kind: agendaOutcomes.kind,
      text: agendaOutcomes.text,
      followUpId: agendaOutcomes.followUpId,
      implementationStatus: agendaOutcomes.implementationStatus,
    })
    .from(agendaOutcomes)
    .where(inArray(agendaOutcomes.agendaItemId, items.map((i) => i.id)))
    .orderBy(asc(agendaOutcomes.position));
  const linked = [...new Set(outcomes.map((o) => o.followUpId).filter((x): x is string => !!x))];
  const visible = linked.length
    ? await selectFollowUps(db, and(inArray(followUps.id, linked), visibleFollowUpSql(viewer)), viewer)
    : [];
  const byId = new Map(
    visible.map((f): [string, OutcomeFollowUp] => [
      f.id,
      {
        id: f.id,
        title: f.title,
        status: f.status,
        dueOn: f.dueOn,
        overdue: f.overdue,
        ownerOrganisationAcronym: f.ownerOrganisationAcronym ?? f.ownerOrganisationName,
        ownerUserName: f.ownerUserName,
        version: f.version,
        meetingId: f.meetingId,
        meetingVisibility: f.meetingVisibility,
      },
    ]),
  );
  return items.map((item) => ({
    ...item,
    outcomes: outcomes
      .filter((o) => o.agendaItemId === item.id)
      .map(({ agendaItemId: _i, ...o }) => {
        const followUp = o.followUpId ? (byId.get(o.followUpId) ?? null) : null;
        return { ...o, followUpId: followUp?.id ?? null, followUp };
      }),
  }));
}

/** The API's form of an agenda (the meeting JSON's `agendaItems`). */
export const toAgendaItemsJson = (items: AgendaItem[]) =>
  items.map((i) => ({
    id: i.id,
    position: i.position,
    title: i.title,
    priorityAreaId: i.priorityAreaId,
    leadOrganisationId: i.leadOrganisationId,
    notes: i.notes,
    restricted: i.restricted,
    carriedFromMeetingId: i.carriedFromMeetingId,
    outcomes: i.outcomes.map((o) => ({ id: o.id, kind: o.kind, text: o.text, followUpId: o.followUpId, implementationStatus: o.implementationStatus })),
  }));

/**
 * Replaces a meeting's agenda with `input`, in its order (positions 1, 2, 3 …). Called inside the
 * meeting's update, after its version was checked, so a stale agenda is a 409 like any other edit.
 * Items and outcomes keep their ids when sent back with them (links to them stay valid); an id
 * that is not this meeting's is refused. An action's new follow-up is created on this meeting.
 */
export async function writeAgendaItems(tx: Db, viewer: Viewer, meetingId: string, input: AgendaItemValues[]) {
  const current = await tx
    .select({ id: agendaItems.id, createdAt: agendaItems.createdAt })
    .from(agendaItems)
    .where(eq(agendaItems.meetingId, meetingId));
  const currentOutcomes = current.length
    ? await tx
        .select({ id: agendaOutcomes.id, createdAt: agendaOutcomes.createdAt, followUpId: agendaOutcomes.followUpId })
        .from(agendaOutcomes)
        .where(inArray(agendaOutcomes.agendaItemId, current.map((c) => c.id)))
    : [];
  const itemCreated = new Map(current.map((c) => [c.id, c.createdAt]));
  const outcomeCreated = new Map(currentOutcomes.map((c) => [c.id, c.createdAt]));
  const alreadyLinked = new Set(currentOutcomes.map((o) => o.followUpId).filter((x): x is string => !!x));

  const fields: Record<string, string> = {};
  const seen = new Set<string>();
  input.forEach((item, i) => {
    if (item.id && (!itemCreated.has(item.id) || seen.has(item.id))) fields[`agendaItems.${i}.id`] = vm("noSuchAgendaItem");
    if (item.id) seen.add(item.id);
    item.outcomes.forEach((o, j) => {
      if (o.id && (!outcomeCreated.has(o.id) || seen.has(o.id))) fields[`agendaItems.${i}.outcomes.${j}.id`] = vm("noSuchOutcome");
      if (o.id) seen.add(o.id);
    });
  });
  if (Object.keys(fields).length) throw invalid("agenda_item", fields);

  await checkReferences(tx, [
    { field: "agendaItems.priorityAreaId", kind: "priorityArea", ids: input.map((i) => i.priorityAreaId) },
    { field: "agendaItems.leadOrganisationId", kind: "organisation", ids: input.map((i) => i.leadOrganisationId) },
  ]);
  // A follow-up newly linked must be one the viewer can see; one linked before stays linked.
  const newLinks = [...new Set(input.flatMap((i) => i.outcomes.map((o) => o.followUpId)).filter((x): x is string => !!x && !alreadyLinked.has(x)))];
  if (newLinks.length) {
    const found = await tx.select({ id: followUps.id }).from(followUps).leftJoin(meetings, eq(meetings.id, followUps.meetingId)).where(and(inArray(followUps.id, newLinks), visibleFollowUpSql(viewer)));
    if (found.length !== newLinks.length) throw invalid("agenda_item", { "agendaItems.outcomes.followUpId": vm("noSuchChoice", { kind: "followUp" }) });
  }
  const carried = [...new Set(input.map((i) => i.carriedFromMeetingId).filter((x): x is string => !!x))];
  if (carried.length) {
    const found = await tx.select({ id: meetings.id }).from(meetings).where(and(inArray(meetings.id, carried), visibleMeetingSql(viewer)));
    if (found.length !== carried.length) throw invalid("agenda_item", { "agendaItems.carriedFromMeetingId": vm("noSuchMeeting") });
  }

  // Actions created in place become follow-ups of this meeting first, so the outcomes can point to them.
  const created = new Map<string, string>();
  for (const [i, item] of input.entries())
    for (const [j, o] of item.outcomes.entries())
      if (o.kind === "action" && o.newFollowUp) {
        const f = await createFollowUp(tx, viewer, { ...o.newFollowUp, description: o.text, meetingId, status: "open" });
        created.set(`${i}.${j}`, f.id);
      }

  // Replace: delete what is no longer there, rewrite the rest with their ids (the simplest way to
  // renumber positions without fighting a unique index mid-update).
  if (current.length) await tx.delete(agendaItems).where(eq(agendaItems.meetingId, meetingId));
  const now = new Date();
  for (const [i, item] of input.entries()) {
    const [row] = await tx
      .insert(agendaItems)
      .values({
        ...(item.id ? { id: item.id } : {}),
        meetingId,
        position: i + 1,
        title: item.title,
        priorityAreaId: item.priorityAreaId ?? null,
        leadOrganisationId: item.leadOrganisationId ?? null,
        notes: item.notes,
        restricted: item.restricted,
        carriedFromMeetingId: item.carriedFromMeetingId ?? null,
        createdAt: (item.id && itemCreated.get(item.id)) || now,
        updatedAt: now,
      })
      .returning({ id: agendaItems.id });
    if (!row) throw new Error("insert returned nothing");
    if (item.outcomes.length)
      await tx.insert(agendaOutcomes).values(
        item.outcomes.map((o, j) => ({
          ...(o.id ? { id: o.id } : {}),
          agendaItemId: row.id,
          position: j + 1,
          kind: o.kind,
          text: o.text,
          followUpId: o.kind === "action" ? (created.get(`${i}.${j}`) ?? o.followUpId ?? null) : null,
          implementationStatus: o.kind === "decision" ? (o.implementationStatus ?? null) : null,
          createdAt: (o.id && outcomeCreated.get(o.id)) || now,
          updatedAt: now,
        })),
      );
  }
  await recordEvent(tx, viewer.id, "meeting", meetingId, "agenda_changed", {
    items: input.length,
    outcomes: input.reduce((n, i) => n + i.outcomes.length, 0),
  });
}

/**
 * "Agreed under item 3 — Maritime crime, 16th SOM": the agenda items a follow-up is an action of,
 * on meetings the viewer can see.
 */
export async function followUpAgendaLinks(db: Db, viewer: Viewer, followUpId: string) {
  return db
    .select({
      meetingId: meetings.id,
      meetingTitle: meetings.title,
      agendaItemId: agendaItems.id,
      position: agendaItems.position,
      title: agendaItems.title,
    })
    .from(agendaOutcomes)
    .innerJoin(agendaItems, eq(agendaItems.id, agendaOutcomes.agendaItemId))
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .where(and(eq(agendaOutcomes.followUpId, followUpId), visibleMeetingSql(viewer)))
    .orderBy(asc(meetings.heldOn), asc(agendaItems.position));
}

/**
 * The carry-over offered to a meeting of a series: an item "Review of follow-ups from <previous>"
 * listing the previous meeting's open and overdue follow-ups (those the viewer can see), or null
 * when there is no previous meeting the viewer can see, or the agenda already carries it over.
 */
export async function carryOverOffer(db: Db, viewer: Viewer, meeting: { id: string; seriesId: string | null; heldOn: string }) {
  if (!meeting.seriesId) return null;
  const [previous] = await db
    .select({ id: meetings.id, title: meetings.title, heldOn: meetings.heldOn })
    .from(meetings)
    .where(and(eq(meetings.seriesId, meeting.seriesId), lt(meetings.heldOn, meeting.heldOn), visibleMeetingSql(viewer)))
    .orderBy(...previousInSeriesOrder)
    .limit(1);
  if (!previous) return null;
  const [already] = await db
    .select({ id: agendaItems.id })
    .from(agendaItems)
    .where(and(eq(agendaItems.meetingId, meeting.id), eq(agendaItems.carriedFromMeetingId, previous.id)))
    .limit(1);
  if (already) return null;
  const open = await selectFollowUps(
    db,
    and(eq(followUps.meetingId, previous.id), notClosedSql, visibleFollowUpSql(viewer)),
    viewer,
  ).orderBy(desc(overdueSql), asc(sql`coalesce(${followUps.dueOn}, '9999-12-31'::date)`), asc(followUps.createdAt));
  return {
    previous,
    title: translate(readerLocale(viewer), "agenda")("carryOverTitle", { title: previous.title }),
    followUps: open.map((f) => ({
      id: f.id,
      title: f.title,
      status: f.status,
      dueOn: f.dueOn,
      overdue: f.overdue,
      ownerOrganisationAcronym: f.ownerOrganisationAcronym ?? f.ownerOrganisationName,
    })),
  };
}
export type CarryOverOffer = NonNullable<Awaited<ReturnType<typeof carryOverOffer>>>;

/** Decisions of a series' meetings (those the viewer can see), counted by implementation status. */
export async function seriesDecisionCounts(db: Db, viewer: Viewer, seriesId: string) {
  const rows = await db
    .select({ status: agendaOutcomes.implementationStatus, n: sql<number>`count(*)::int` })
    .from(agendaOutcomes)
    .innerJoin(agendaItems, eq(agendaItems.id, agendaOutcomes.agendaItemId))
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .where(and(eq(meetings.seriesId, seriesId), eq(agendaOutcomes.kind, "decision"), visibleMeetingSql(viewer)))
    .groupBy(agendaOutcomes.implementationStatus);
  const counts = { total: 0, implemented: 0, in_progress: 0, not_implemented: 0, not_applicable: 0, unset: 0 };
  for (const r of rows) {
    counts[r.status ?? "unset"] += r.n;
    counts.total += r.n;
  }
  return counts;
}

/** One meeting's JSON with its agenda (the list of meetings leaves the agenda out). */
export async function meetingWithAgendaJson(db: Db, viewer: Viewer, meeting: Meeting) {
  return { ...toMeetingJson(meeting), agendaItems: toAgendaItemsJson(await listAgendaItems(db, viewer, meeting.id)) };
}
