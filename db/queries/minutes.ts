import "server-only";
import { asc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { followUps, organisations, priorityAreas } from "@/db/schema";
import { localAcronym, localName } from "@/lib/i18n/names";
import type { Locale } from "@/lib/i18n/locale";
import type { Viewer } from "@/lib/policy";
import { type AgendaItem, listAgendaItems } from "./agenda-items";
import { listMeetingFollowUps } from "./follow-ups";
import { getMeeting } from "./meetings";

export type MinutesAction = {
  item: number | null;
  action: string;
  responsible: string;
  dueOn: string | null;
  status: string | null;
  overdue: boolean;
};

/**
 * Everything a meeting's minutes hold, for the viewer (404 if they may not see the meeting).
 * `wide` leaves restricted content out, for circulation beyond the participants: agenda items
 * marked restricted, with their outcomes, and follow-ups of other, restricted meetings.
 * `locale` names the organisations and priority areas in the reader's language (their French name
 * and acronym for a French reader, when they have one); user content stays as written.
 */
export async function meetingMinutes(db: Db, viewer: Viewer, meetingId: string, options: { wide?: boolean; locale?: Locale } = {}) {
  const found = await getMeeting(db, viewer, meetingId);
  const wide = !!options.wide;
  const locale = options.locale ?? "en";
  const [all, participants, areas, ownFollowUps] = await Promise.all([
    listAgendaItems(db, viewer, meetingId),
    found.participantOrganisationIds.length
      ? db
          .select({ id: organisations.id, name: organisations.name, acronym: organisations.acronym, nameFr: organisations.nameFr, acronymFr: organisations.acronymFr })
          .from(organisations)
          .where(inArray(organisations.id, found.participantOrganisationIds))
          .orderBy(asc(organisations.name))
      : Promise.resolve([]),
    found.priorityAreaIds.length
      ? db.select({ name: priorityAreas.name, nameFr: priorityAreas.nameFr }).from(priorityAreas).where(inArray(priorityAreas.id, found.priorityAreaIds)).orderBy(asc(priorityAreas.sortOrder))
      : Promise.resolve([]),
    listMeetingFollowUps(db, viewer, meetingId),
  ]);
  const leftOut = (f: { meetingId: string | null; meetingVisibility: string | null } | null) =>
    wide && !!f && f.meetingId !== found.id && f.meetingVisibility === "restricted";
  const names = locale === "en" ? null : await frenchNames(db, found, all, ownFollowUps);
  const meeting = names ? { ...found, ...names.host(found) } : found;
  const items: AgendaItem[] = all
    .filter((i) => !(wide && i.restricted))
    .map((i) => ({
      ...i,
      ...names?.item(i),
      outcomes: i.outcomes
        .filter((o) => !leftOut(o.followUp))
        .map((o) => (names && o.followUp ? { ...o, followUp: { ...o.followUp, ownerOrganisationAcronym: names.owner(o.followUp) } } : o)),
    }));

  const actions: MinutesAction[] = [];
  const listed = new Set<string>();
  for (const item of items)
    for (const o of item.outcomes) {
      if (o.kind !== "action") continue;
      const f = o.followUp;
      if (f) listed.add(f.id);
      actions.push({
        item: item.position,
        action: f ? f.title : o.text,
        responsible: f ? [f.ownerOrganisationAcronym, f.ownerUserName].filter(Boolean).join(" — ") : "",
        dueOn: f?.dueOn ?? null,
        status: f?.status ?? null,
        overdue: f?.overdue ?? false,
      });
    }
  // Follow-ups agreed at the meeting but not (yet) put under an item are actions too. Those
  // linked under a restricted item stay out of wide minutes with their item.
  const underRestricted = new Set(wide ? all.filter((i) => i.restricted).flatMap((i) => i.outcomes.map((o) => o.followUpId).filter(Boolean)) : []);
  for (const f of ownFollowUps) {
    if (listed.has(f.id) || underRestricted.has(f.id)) continue;
    actions.push({
      item: null,
      action: f.title,
      responsible: [names ? names.owner(f) : f.ownerOrganisationAcronym, f.ownerUserName].filter(Boolean).join(" — "),
      dueOn: f.dueOn,
      status: f.status,
      overdue: f.overdue,
    });
  }
  return {
    meeting,
    participants: participants
      .map((p) => ({ name: localName(p, locale), acronym: localAcronym(p, locale) }))
      .sort((a, b) => (locale === "en" ? 0 : a.name.localeCompare(b.name, locale)))
      .map((p) => (p.acronym && p.acronym !== p.name ? `${p.name} (${p.acronym})` : p.name)),
    priorityAreas: areas.map((a) => localName(a, locale)),
    items,
    actions,
    wide,
  };
}
export type MeetingMinutes = Awaited<ReturnType<typeof meetingMinutes>>;


/**
 * The French names of the host, the agenda items' priority areas and lead organisations, and the
 * follow-ups' owner organisations (the queries they come from select the English ones): one look-up
 * each, then a replacement per row. The follow-ups are those already read through the access policy.
 */
async function frenchNames(db: Db, meeting: Awaited<ReturnType<typeof getMeeting>>, items: AgendaItem[], own: { id: string }[]) {
  const orgIds = [...new Set([meeting.hostOrganisationId, ...items.map((i) => i.leadOrganisationId)].filter((id): id is string => !!id))];
  const areaIds = [...new Set(items.map((i) => i.priorityAreaId).filter((id): id is string => !!id))];
  const followUpIds = [...new Set([...items.flatMap((i) => i.outcomes.map((o) => o.followUp?.id)), ...own.map((f) => f.id)].filter((id): id is string => !!id))];
  const orgColumns = { name: organisations.name, acronym: organisations.acronym, nameFr: organisations.nameFr, acronymFr: organisations.acronymFr };
  const [orgs, areas, owners] = await Promise.all([
    orgIds.length
      ? db.select({ id: organisations.id, name: organisations.name, acronym: organisations.acronym, nameFr: organisations.nameFr, acronymFr: organisations.acronymFr }).from(organisations).where(inArray(organisations.id, orgIds))
      : Promise.resolve([]),
    areaIds.length ? db.select({ id: priorityAreas.id, name: priorityAreas.name, nameFr: priorityAreas.nameFr }).from(priorityAreas).where(inArray(priorityAreas.id, areaIds)) : Promise.resolve([]),
    followUpIds.length
      ? db.select({ id: followUps.id, ...orgColumns }).from(followUps).innerJoin(organisations, eq(organisations.id, followUps.ownerOrganisationId)).where(inArray(followUps.id, followUpIds))
      : Promise.resolve([]),
  ]);
  const owner = new Map(owners.map((o) => [o.id, localAcronym(o, "fr") ?? localName(o, "fr")]));
  const org = new Map(orgs.map((o) => [o.id, o]));
  const area = new Map(areas.map((a) => [a.id, a]));
  return {
    /** A follow-up's owner organisation as the minutes name it (acronym, else name). */
    owner: (f: { id: string; ownerOrganisationAcronym: string | null }): string => owner.get(f.id) ?? f.ownerOrganisationAcronym ?? "",
    host: (m: typeof meeting) => {
      const o = m.hostOrganisationId ? org.get(m.hostOrganisationId) : undefined;
      return o ? { hostName: localName(o, "fr"), hostAcronym: localAcronym(o, "fr") } : {};
    },
    item: (i: AgendaItem) => {
      const a = i.priorityAreaId ? area.get(i.priorityAreaId) : undefined;
      const o = i.leadOrganisationId ? org.get(i.leadOrganisationId) : undefined;
      return { ...(a ? { priorityAreaName: localName(a, "fr") } : {}), ...(o ? { leadOrganisationAcronym: localAcronym(o, "fr") } : {}) };
    },
  };
}
