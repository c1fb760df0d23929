import { sql } from "drizzle-orm";
import type { Db } from "./client";
import {
  activity,
  comments,
  followUpPriorities,
  followUps,
  followUpStatuses,
  meetingParticipants,
  meetingPriorityAreas,
  meetingSeries,
  meetings,
  organisations,
  priorityAreas,
  users,
} from "./schema";
import { seedDemoData } from "./seed";

/**
 * A large, realistic and deterministic data set for measuring performance: the demo world plus
 * an organisation tree, thousands of people, fifteen years of meetings in several series, and
 * their follow-ups, comments and activity. The same seed and day give the same data.
 */
export type ScaleOptions = {
  organisations: number;
  users: number;
  meetings: number;
  followUps: number;
  /** Activity rows in all (created events plus status changes). */
  activity: number;
  comments: number;
  /** The day the data ends on (due dates and overdue are relative to it). */
  today: string;
  seed: number;
  log?: (line: string) => void;
};

export const scaleDefaults = {
  organisations: 60,
  users: 3000,
  meetings: 1000,
  followUps: 25_000,
} as const;

/** The meeting with exactly {@link BENCH_MEETING_FOLLOW_UPS} follow-ups that the benchmark opens. */
export const BENCH_MEETING_ID = "00000000-0000-4000-8000-000000000200";
export const BENCH_MEETING_FOLLOW_UPS = 200;

/** mulberry32: a small, fast, seeded generator (the same seed gives the same sequence). */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  const weighted = <T>(xs: readonly (readonly [T, number])[]): T => {
    const total = xs.reduce((n, [, w]) => n + w, 0);
    let r = next() * total;
    for (const [x, w] of xs) if ((r -= w) < 0) return x;
    return (xs[xs.length - 1] as readonly [T, number])[0];
  };
  const uuid = () => {
    const hex = Array.from({ length: 32 }, () => Math.floor(next() * 16).toString(16));
    hex[12] = "4";
    hex[16] = ((parseInt(hex[16] as string, 16) & 0x3) | 0x8).toString(16);
    const h = hex.join("");
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  };
  return { next, int, pick, weighted, uuid };
}

const DAY = 86_400_000;
const toDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

const memberStates = ["Austria", "Belgium", "Bulgaria", "Croatia", "Cyprus", "Czechia", "Denmark", "Estonia", "Finland", "France", "Germany", "Greece", "Hungary", "Ireland", "Italy", "Latvia", "Lithuania", "Luxembourg", "Malta", "Netherlands", "Poland", "Portugal", "Romania", "Slovakia", "Slovenia", "Spain", "Sweden"];
const unOffices = [
  ["ROSAF", "Regional Office for Southern Africa (Pretoria)", "ROEA"],
  ["ROMENA", "Regional Office for the Middle East and North Africa (Cairo)", null],
  ["ROSA", "Regional Office for South Asia (New Delhi)", null],
  ["ROSEAP", "Regional Office for Southeast Asia and the Pacific (Bangkok)", null],
  ["ROCA", "Regional Office for Central Asia (Tashkent)", null],
  ["COPAK", "Country Office Pakistan (Islamabad)", "ROSA"],
  ["CONIG", "Country Office Nigeria (Abuja)", "ROSEN"],
  ["COMEX", "Liaison and Partnership Office Mexico", null],
  ["COPER", "Country Office Peru (Lima)", null],
  ["COMYA", "Country Office Myanmar (Yangon)", "ROSEAP"],
  ["GMCP", "Global Maritime Crime Programme", "DO"],
  ["GPML", "Global Programme against Money Laundering", "DO"],
  ["TPB", "Terrorism Prevention Branch", "DO"],
  ["HTMSS", "Human Trafficking and Migrant Smuggling Section", "DO"],
] as const;
const euUnits = [
  ["DG ECHO", "Directorate-General for European Civil Protection and Humanitarian Aid Operations", "EC"],
  ["DG TAXUD", "Directorate-General for Taxation and Customs Union", "EC"],
  ["DG CNECT", "Directorate-General for Communications Networks, Content and Technology", "EC"],
  ["DG MARE", "Directorate-General for Maritime Affairs and Fisheries", "EC"],
  ["Europol", "European Union Agency for Law Enforcement Cooperation", null],
  ["Eurojust", "European Union Agency for Criminal Justice Cooperation", null],
  ["Frontex", "European Border and Coast Guard Agency", null],
  ["EUDA", "European Union Drugs Agency", null],
  ["EUDEL Kabul", "EU Delegation to Afghanistan", "EEAS"],
  ["EUDEL Abuja", "EU Delegation to Nigeria", "EEAS"],
  ["EUDEL Bogotá", "EU Delegation to Colombia", "EEAS"],
  ["EUDEL Nairobi", "EU Delegation to Kenya", "EEAS"],
] as const;
const others = [
  ["INTERPOL", "International Criminal Police Organization"],
  ["OSCE", "Organization for Security and Co-operation in Europe"],
  ["FATF", "Financial Action Task Force"],
  ["IOM", "International Organization for Migration"],
  ["UNDP", "United Nations Development Programme"],
] as const;

const firstNames = ["Anna", "Ben", "Carla", "David", "Eva", "Farid", "Grace", "Hugo", "Ines", "Jan", "Karin", "Luca", "Maria", "Nikos", "Olga", "Pierre", "Quentin", "Rosa", "Samir", "Tereza", "Ugo", "Vera", "Wanjiru", "Xavier", "Yara", "Zoltan", "Aisha", "Bogdan", "Chiara", "Diego", "Emeka", "Fatima", "Giulia", "Hans", "Ioana", "Jorge", "Kofi", "Lena", "Mateo", "Nadia"];
const lastNames = ["Schmidt", "Rossi", "García", "Novak", "Kowalski", "Dubois", "Jansen", "Papadopoulos", "Nagy", "Silva", "Andersson", "Murphy", "Mensah", "Okafor", "Haddad", "Khan", "Tanaka", "Ivanova", "Moreno", "Horvat", "Popescu", "Virtanen", "Berg", "Costa", "Fischer", "Leroy", "Mwangi", "Rahman", "Sato", "Weber"];
const verbs = ["Share", "Prepare", "Draft", "Organise", "Review", "Map", "Agree", "Propose", "Report on", "Update", "Fund", "Launch", "Assess", "Coordinate", "Follow up on", "Circulate", "Extend", "Evaluate"];
const objects = ["the joint assessment of", "a capacity-building plan for", "an expert meeting on", "the regional programme on", "a note on", "the funding gap in", "a side event on", "the work plan for", "the risk analysis of", "training for prosecutors on", "a data-sharing arrangement on", "the evaluation of"];
const topics = ["heroin routes through Central Asia", "migrant smuggling in the Sahel", "money laundering through real estate", "wildlife trafficking in East Africa", "port security in the Gulf of Guinea", "ransomware investigations", "synthetic drugs in Europe", "asset recovery", "foreign terrorist fighters", "youth crime prevention", "cocaine trafficking via container ports", "illegal logging", "corruption in public procurement", "cyber-enabled fraud", "trafficking in women and children", "precursor chemicals", "maritime piracy off Somalia", "financial intelligence units", "prison reform", "border management in the Western Balkans"];
const cities = ["Brussels", "Vienna", "Online", "Nairobi", "Dakar", "Bogotá", "Bangkok", "Tashkent", "Cairo", "Lisbon", "Geneva", "New York"];
const commentBodies = ["Draft circulated to the partners for comments.", "Waiting for the host government to confirm.", "Funding approved; implementation starts next quarter.", "Discussed at the working-group call; no objections.", "Postponed: the expert is not available before the summer.", "Figures updated with the latest seizure data.", "Agreed by e-mail with the Delegation.", "Needs a decision from the steering committee.", "First workshop held; report to follow.", "Partners asked for a revised budget."];

const chunk = <T>(xs: T[], size: number) => Array.from({ length: Math.ceil(xs.length / size) }, (_, i) => xs.slice(i * size, (i + 1) * size));

/** Inserts rows in batches of multi-row INSERTs (kept well under PostgreSQL's 65,535 parameters). */
async function insertAll<T extends Record<string, unknown>>(
  db: Db,
  table: Parameters<Db["insert"]>[0],
  rows: T[],
  label: string,
  log: (line: string) => void,
) {
  const columns = Object.keys(rows[0] ?? { x: 1 }).length;
  const size = Math.max(1, Math.min(2000, Math.floor(30_000 / columns)));
  let done = 0;
  for (const batch of chunk(rows, size)) {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- one helper for every table
    await db.insert(table).values(batch as any);
    done += batch.length;
    if (done === rows.length || done % (size * 10) === 0) log(`  ${label}: ${done.toLocaleString("en")} / ${rows.length.toLocaleString("en")}`);
  }
}

/** Fills an EMPTY database with the scale data set (the demo world included, so the demo accounts sign in). */
export async function seedScaleData(db: Db, o: ScaleOptions) {
  const log = o.log ?? (() => {});
  const r = rng(o.seed);
  const today = Date.parse(`${o.today}T00:00:00Z`);

  log("Demo world (the 16th SOM, demo accounts)…");
  if (!(await seedDemoData(db))) throw new Error("The database is not empty. Use a fresh database, or pass --reset to delete everything in it first.");

  const existingOrgs = await db.select({ id: organisations.id, acronym: organisations.acronym, kind: organisations.kind }).from(organisations);
  const orgId = new Map(existingOrgs.map((x) => [x.acronym as string, x.id]));
  const areaIds = (await db.select({ id: priorityAreas.id }).from(priorityAreas).orderBy(priorityAreas.sortOrder)).map((a) => a.id);
  const demoUsers = await db.select({ id: users.id, organisationId: users.organisationId }).from(users);

  // Organisations: a tree under the EU, UNODC, member states and other partners.
  log(`Organisations (${o.organisations})…`);
  type OrgRow = typeof organisations.$inferInsert;
  const orgRows: OrgRow[] = [];
  const add = (acronym: string, name: string, kind: OrgRow["kind"], parent: string | null) => {
    if (existingOrgs.length + orgRows.length >= o.organisations) return;
    const id = r.uuid();
    orgId.set(acronym, id);
    orgRows.push({ id, acronym, name, kind, parentId: parent ? (orgId.get(parent) ?? null) : null });
  };
  const pools: (() => void)[] = [];
  for (const [a, n, p] of unOffices) pools.push(() => add(a, `UNODC ${n}`, "un", p ?? "UNODC"));
  for (const [a, n, p] of euUnits) pools.push(() => add(a, n, "eu", p));
  for (const [a, n] of others) pools.push(() => add(a, n, "other", null));
  for (const s of memberStates) pools.push(() => add(`MS ${s}`, `Ministry of the Interior of ${s}`, "member_state", null));
  for (const p of pools) p();
  for (let i = 0; existingOrgs.length + orgRows.length < o.organisations; i++) add(`PARTNER ${i + 1}`, `Partner organisation ${i + 1}`, "other", null);
  if (orgRows.length) await insertAll(db, organisations, orgRows, "organisations", log);
  const allOrgs = [...existingOrgs.map((x) => ({ id: x.id, kind: x.kind })), ...orgRows.map((x) => ({ id: x.id as string, kind: x.kind }))];
  const workingOrgs = allOrgs.filter((x) => x.kind === "eu" || x.kind === "un");

  // People: most in EU and UN units, some in member states; a few managers and admins.
  log(`Users (${o.users})…`);
  const userRows: (typeof users.$inferInsert)[] = [];
  for (let i = demoUsers.length; i < o.users; i++) {
    const first = r.pick(firstNames);
    const last = r.pick(lastNames);
    const org = r.next() < 0.85 ? r.pick(workingOrgs) : r.pick(allOrgs);
    userRows.push({
      id: r.uuid(),
      name: `${first} ${last}`,
      email: `${first.toLowerCase()}.${last.toLowerCase().normalize("NFD").replace(/[^a-z]/g, "")}.${i}@scale.example`,
      organisationId: org.id,
      role: r.weighted([["staff", 90], ["manager", 9], ["admin", 1]] as const),
      active: r.next() > 0.03,
    });
  }
  if (userRows.length) await insertAll(db, users, userRows, "users", log);
  const people = [...demoUsers, ...userRows.map((u) => ({ id: u.id as string, organisationId: u.organisationId }))];
  const peopleByOrg = new Map<string, string[]>();
  for (const p of people) peopleByOrg.set(p.organisationId, [...(peopleByOrg.get(p.organisationId) ?? []), p.id]);

  // Meetings: fifteen years, in several series plus one-offs.
  log(`Meetings (${o.meetings})…`);
  const seriesNames = ["EU–UNODC Technical Working Group", "EU–UNODC Maritime Crime Dialogue", "EU–UNODC Illicit Flows Task Force", "EU–UNODC Central Asia Coordination", "EU–UNODC Latin America Dialogue", "EU–UNODC Cybercrime Expert Group"];
  const seriesRows = seriesNames.map((name) => ({ id: r.uuid(), name, description: `Regular meetings of the ${name.replace("EU–UNODC ", "")}.` }));
  await insertAll(db, meetingSeries, seriesRows, "meeting series", log);
  const existingMeetings = (await db.select({ n: sql<number>`count(*)::int` }).from(meetings))[0]?.n ?? 0;
  const start = today - 15 * 365 * DAY;
  const meetingRows: (typeof meetings.$inferInsert & { id: string; heldOn: string })[] = [];
  const seriesCount = new Map<string, number>();
  const n = Math.max(0, o.meetings - Number(existingMeetings));
  for (let i = 0; i < n; i++) {
    // Spread evenly over fifteen years (sorted by date), the last one a week ago.
    const held = start + Math.floor(((i + r.next() * 0.9) / n) * (today - 7 * DAY - start));
    const series = r.next() < 0.7 ? r.pick(seriesRows) : null;
    const number = series ? (seriesCount.get(series.id) ?? 0) + 1 : null;
    if (series) seriesCount.set(series.id, number as number);
    const host = r.pick(workingOrgs).id;
    const hostPeople = peopleByOrg.get(host) ?? [];
    const isBench = i === n - 1;
    meetingRows.push({
      id: isBench ? BENCH_MEETING_ID : r.uuid(),
      title: isBench ? "EU–UNODC Senior Officials Meeting (scale benchmark)" : series ? `${series.name} #${number}` : `${r.pick(objects).replace(/^./, (c) => c.toUpperCase())} ${r.pick(topics)}`,
      seriesId: series?.id ?? null,
      seriesNumber: number,
      heldOn: toDate(isBench ? today - 7 * DAY : held),
      format: r.weighted([["in_person", 4], ["virtual", 4], ["hybrid", 2]] as const),
      location: r.pick(cities),
      hostOrganisationId: host,
      coChairs: [`${r.pick(firstNames)} ${r.pick(lastNames)}`, `${r.pick(firstNames)} ${r.pick(lastNames)}`],
      summary: `Exchange on ${r.pick(topics)} and ${r.pick(topics)}. Partners agreed on next steps and a timeline.`,
      visibility: isBench ? "internal" : r.next() < 0.1 ? "restricted" : "internal",
      createdById: hostPeople.length ? r.pick(hostPeople) : r.pick(people).id,
    });
  }
  await insertAll(db, meetings, meetingRows, "meetings", log);
  const participantRows: { meetingId: string; organisationId: string }[] = [];
  const meetingAreaRows: { meetingId: string; priorityAreaId: string }[] = [];
  for (const m of meetingRows) {
    const orgs = new Set([m.hostOrganisationId as string]);
    const count = r.int(3, 10);
    while (orgs.size < count) orgs.add(r.pick(allOrgs).id);
    for (const id of orgs) participantRows.push({ meetingId: m.id, organisationId: id });
    const areas = new Set<string>();
    const ac = r.int(1, 4);
    while (areas.size < ac) areas.add(r.pick(areaIds));
    for (const id of areas) meetingAreaRows.push({ meetingId: m.id, priorityAreaId: id });
  }
  await insertAll(db, meetingParticipants, participantRows, "participants", log);
  await insertAll(db, meetingPriorityAreas, meetingAreaRows, "meeting areas", log);
  const participantsOf = new Map<string, string[]>();
  for (const p of participantRows) participantsOf.set(p.meetingId, [...(participantsOf.get(p.meetingId) ?? []), p.organisationId]);
  const areasOf = new Map<string, string[]>();
  for (const a of meetingAreaRows) areasOf.set(a.meetingId, [...(areasOf.get(a.meetingId) ?? []), a.priorityAreaId]);

  // Follow-ups: the bench meeting gets exactly 200; the rest spread over meetings (recent ones
  // weigh a little more), 8% without a meeting. Status follows age: old ones are mostly closed.
  log(`Follow-ups (${o.followUps})…`);
  const bench = meetingRows.find((m) => m.id === BENCH_MEETING_ID);
  const ordinary = meetingRows.filter((m) => m.id !== BENCH_MEETING_ID);
  const followUpRows: (typeof followUps.$inferInsert & { id: string; createdAt: Date; status: (typeof followUpStatuses)[number] })[] = [];
  const existingFollowUps = Number((await db.select({ n: sql<number>`count(*)::int` }).from(followUps))[0]?.n ?? 0);
  const total = Math.max(0, o.followUps - existingFollowUps);
  for (let i = 0; i < total; i++) {
    const meeting =
      bench && i < BENCH_MEETING_FOLLOW_UPS ? bench : r.next() < 0.08 || !ordinary.length ? null : ordinary[Math.floor(Math.sqrt(r.next()) * ordinary.length)];
    const createdMs = meeting ? Date.parse(`${meeting.heldOn}T00:00:00Z`) + r.int(0, 5) * DAY + r.int(8, 18) * 3_600_000 : today - r.int(1, 900) * DAY;
    const due = r.next() < 0.1 ? null : createdMs + r.int(14, 300) * DAY;
    const age = (today - createdMs) / (365 * DAY);
    const pastDue = due !== null && due < today;
    const status: (typeof followUpStatuses)[number] =
      age > 2
        ? r.weighted([["done", 78], ["cancelled", 12], ["open", 5], ["in_progress", 3], ["blocked", 2]] as const)
        : pastDue
          ? r.weighted([["done", 55], ["cancelled", 8], ["open", 15], ["in_progress", 14], ["blocked", 8]] as const)
          : r.weighted([["open", 40], ["in_progress", 30], ["blocked", 8], ["done", 18], ["cancelled", 4]] as const);
    const owners = meeting ? (participantsOf.get(meeting.id) ?? []) : [];
    const ownerOrg = owners.length && r.next() < 0.85 ? r.pick(owners) : r.pick(workingOrgs).id;
    const ownerPeople = peopleByOrg.get(ownerOrg) ?? [];
    const areas = meeting ? (areasOf.get(meeting.id) ?? areaIds) : areaIds;
    const updatedMs = Math.min(today, createdMs + r.int(0, 200) * DAY);
    followUpRows.push({
      id: r.uuid(),
      title: `${r.pick(verbs)} ${r.pick(objects)} ${r.pick(topics)}`,
      description: r.next() < 0.6 ? `${r.pick(commentBodies)} Contact point: ${r.pick(firstNames)} ${r.pick(lastNames)}.` : "",
      meetingId: meeting?.id ?? null,
      priorityAreaId: r.pick(areas),
      ownerOrganisationId: ownerOrg,
      ownerUserId: ownerPeople.length && r.next() < 0.7 ? r.pick(ownerPeople) : null,
      dueOn: due === null ? null : toDate(due),
      status,
      priority: r.weighted(followUpPriorities.map((p) => [p, p === "normal" ? 6 : p === "high" ? 3 : 1] as const)),
      completedAt: status === "done" ? new Date(Math.min(today - DAY, due ?? updatedMs, updatedMs)) : null,
      createdById: meeting?.createdById ?? r.pick(people).id,
      version: 1 + r.int(0, 4),
      createdAt: new Date(createdMs),
      updatedAt: new Date(updatedMs),
    });
  }
  await insertAll(db, followUps, followUpRows, "follow-ups", log);

  // Comments on about a third of the open work and some closed.
  log(`Comments (${o.comments})…`);
  const commentRows: (typeof comments.$inferInsert)[] = [];
  for (let i = 0; i < o.comments && followUpRows.length; i++) {
    const f = r.pick(followUpRows);
    const who = peopleByOrg.get(f.ownerOrganisationId) ?? [];
    commentRows.push({
      followUpId: f.id,
      authorId: who.length ? r.pick(who) : r.pick(people).id,
      body: r.pick(commentBodies),
      createdAt: new Date(Math.min(today, f.createdAt.getTime() + r.int(1, 120) * DAY)),
    });
  }
  if (commentRows.length) await insertAll(db, comments, commentRows, "comments", log);

  // Activity: a created event per meeting and follow-up, the rest status changes over time.
  log(`Activity (${o.activity})…`);
  const existingActivity = Number((await db.select({ n: sql<number>`count(*)::int` }).from(activity))[0]?.n ?? 0);
  const activityTarget = Math.max(0, o.activity - existingActivity);
  const activityRows: (typeof activity.$inferInsert)[] = [];
  for (const m of meetingRows.slice(0, activityTarget)) activityRows.push({ at: new Date(`${m.heldOn}T09:00:00Z`), actorId: m.createdById, entityType: "meeting", entityId: m.id, action: "created" });
  for (const f of followUpRows) {
    if (activityRows.length >= activityTarget) break;
    activityRows.push({ at: f.createdAt, actorId: f.createdById, entityType: "follow_up", entityId: f.id, action: "created", after: { title: f.title, status: "open" } });
  }
  const flow = ["open", "in_progress", "blocked", "in_progress", "done"] as const;
  while (activityRows.length < activityTarget && followUpRows.length) {
    const f = r.pick(followUpRows);
    const step = r.int(0, flow.length - 2);
    const who = peopleByOrg.get(f.ownerOrganisationId) ?? [];
    activityRows.push({
      at: new Date(f.createdAt.getTime() + r.int(1, 300) * DAY),
      actorId: who.length ? r.pick(who) : r.pick(people).id,
      entityType: "follow_up",
      entityId: f.id,
      action: "updated",
      field: "status",
      before: flow[step],
      after: flow[step + 1],
    });
  }
  await insertAll(db, activity, activityRows, "activity", log);

  log("Updating planner statistics (ANALYZE)…");
  await db.execute(sql`analyze`);
  return {
    organisations: allOrgs.length,
    users: people.length,
    meetings: Number(existingMeetings) + meetingRows.length,
    followUps: existingFollowUps + followUpRows.length,
    comments: commentRows.length + 1,
    activity: existingActivity + activityRows.length,
  };
}

/** Deletes every row (for --reset): the tables in one TRUNCATE, so foreign keys do not matter. */
export async function truncateAll(db: Db) {
  const rows = await db.execute<{ tablename: string }>(sql`select tablename from pg_tables where schemaname = 'public' and tablename <> '__drizzle_migrations'`);
  const names = (Array.isArray(rows) ? rows : (rows as unknown as { rows: { tablename: string }[] }).rows).map((t) => `"${t.tablename}"`);
  if (names.length) await db.execute(sql.raw(`truncate ${names.join(", ")} restart identity cascade`));
}
