import { hash } from "@node-rs/argon2";
import { sql } from "drizzle-orm";
import type { Db } from "./client";
import { loadSdgTargets } from "./sdg-targets";
import {
  activity,
  comments,
  followUps,
  meetingParticipants,
  meetingPriorityAreas,
  meetingReviews,
  meetingSeries,
  meetings,
  organisations,
  priorityAreaSdgTargets,
  priorityAreas,
  users,
} from "./schema";

export const DEMO_PASSWORD = "demo-password";
export const demoAccounts = [
  { email: "admin@eeas.example", name: "Elena Vasquez", org: "EEAS", role: "admin" },
  { email: "manager@eeas.example", name: "Marc Dubois", org: "EEAS", role: "manager" },
  { email: "manager@unodc.example", name: "Amina Okafor", org: "UNODC", role: "manager" },
  { email: "staff@eeas.example", name: "Sofia Lindqvist", org: "EEAS", role: "staff" },
  { email: "staff@unodc.example", name: "Rahul Mehta", org: "UNODC", role: "staff" },
] as const;

type OrgSeed = { acronym: string; name: string; nameFr: string; acronymFr?: string; kind: "eu" | "un" | "member_state" | "other"; parent?: string; domains?: string[] };

const orgSeeds: OrgSeed[] = [
  { acronym: "EEAS", name: "European External Action Service", nameFr: "Service européen pour l’action extérieure", acronymFr: "SEAE", kind: "eu", domains: ["eeas.europa.eu", "eeas.example"] },
  { acronym: "EC", name: "European Commission", nameFr: "Commission européenne", acronymFr: "CE", kind: "eu", domains: ["ec.europa.eu", "ec.example"] },
  { acronym: "DG HOME", name: "Directorate-General for Migration and Home Affairs", nameFr: "Direction générale de la migration et des affaires intérieures", kind: "eu", parent: "EC" },
  { acronym: "DG INTPA", name: "Directorate-General for International Partnerships", nameFr: "Direction générale des partenariats internationaux", kind: "eu", parent: "EC" },
  { acronym: "DG NEAR", name: "Directorate-General for Neighbourhood Policy and Enlargement Negotiations", nameFr: "Direction générale du voisinage et des négociations d’élargissement", kind: "eu", parent: "EC" },
  { acronym: "FPI", name: "Service for Foreign Policy Instruments", nameFr: "Service des instruments de politique étrangère", kind: "eu", parent: "EC" },
  { acronym: "DG ENV", name: "Directorate-General for Environment", nameFr: "Direction générale de l’environnement", kind: "eu", parent: "EC" },
  { acronym: "DG JUST", name: "Directorate-General for Justice and Consumers", nameFr: "Direction générale de la justice et des consommateurs", kind: "eu", parent: "EC" },
  { acronym: "EUDEL Vienna", name: "EU Delegation to the International Organisations in Vienna", nameFr: "Délégation de l’UE auprès des organisations internationales à Vienne", acronymFr: "DELUE Vienne", kind: "eu", domains: ["eeas.europa.eu"] },
  { acronym: "UNODC", name: "United Nations Office on Drugs and Crime", nameFr: "Office des Nations Unies contre la drogue et le crime", acronymFr: "ONUDC", kind: "un", domains: ["un.org", "unodc.org", "unodc.example"] },
  { acronym: "DPA", name: "UNODC Division for Policy Analysis and Public Affairs", nameFr: "Division de l’analyse des politiques et des relations publiques de l’ONUDC", kind: "un", parent: "UNODC" },
  { acronym: "DO", name: "UNODC Division for Operations", nameFr: "Division des opérations de l’ONUDC", kind: "un", parent: "UNODC" },
  { acronym: "ROSEN", name: "UNODC Regional Office for West and Central Africa (Dakar)", nameFr: "Bureau régional de l’ONUDC pour l’Afrique de l’Ouest et du Centre (Dakar)", kind: "un", parent: "UNODC" },
  { acronym: "ROEA", name: "UNODC Regional Office for Eastern Africa (Nairobi)", nameFr: "Bureau régional de l’ONUDC pour l’Afrique de l’Est (Nairobi)", kind: "un", parent: "UNODC" },
  { acronym: "COAFG", name: "UNODC Country Office Afghanistan (Kabul)", nameFr: "Bureau de pays de l’ONUDC en Afghanistan (Kaboul)", kind: "un", parent: "UNODC" },
  { acronym: "COCOL", name: "UNODC Country Office Colombia (Bogotá)", nameFr: "Bureau de pays de l’ONUDC en Colombie (Bogotá)", kind: "un", parent: "UNODC" },
];

/** The priority areas: slug, name, description, keywords (other names, to recognise the area in pasted text), SDG targets served. */
const areaSeeds: { slug: string; name: string; nameFr: string; description: string; keywords: string[]; sdg: string[] }[] = [
  {
    slug: "afghanistan", name: "Afghanistan and neighbouring countries", nameFr: "Afghanistan et pays voisins", description: "Drugs, crime and border management in Afghanistan and the region.",
    keywords: ["Afghanistan", "Afghan", "neighbouring countries", "Central Asia", "border management", "Heart of Asia", "opiate"],
    sdg: ["16.1", "16.3", "16.4", "3.5"],
  },
  {
    slug: "trafficking-smuggling", name: "Human trafficking and migrant smuggling", nameFr: "Traite des êtres humains et trafic de migrants", description: "Preventing trafficking in persons and the smuggling of migrants; protecting victims.",
    keywords: ["human trafficking", "trafficking in persons", "TIP", "migrant smuggling", "smuggling of migrants", "SOM", "GLO.ACT", "victims of trafficking", "forced labour"],
    sdg: ["16.2", "5.2", "8.7", "10.7"],
  },
  {
    slug: "illicit-flows", name: "Illicit flows", nameFr: "Flux illicites", description: "Illicit financial flows, money laundering and asset recovery.",
    keywords: ["illicit financial flows", "IFF", "money laundering", "AML", "asset recovery", "financial investigations", "firearms trafficking"],
    sdg: ["16.4", "17.1"],
  },
  {
    slug: "environmental-crime", name: "Environmental crime", nameFr: "Criminalité environnementale", description: "Wildlife and forest crime, waste trafficking, crimes that affect the environment.",
    keywords: ["wildlife crime", "wildlife trafficking", "forest crime", "illegal logging", "waste trafficking", "crimes that affect the environment", "poaching"],
    sdg: ["15.7", "15.c", "14.4"],
  },
  {
    slug: "maritime-crime", name: "Maritime crime", nameFr: "Criminalité maritime", description: "Piracy, maritime trafficking and security at sea and in ports.",
    keywords: ["maritime crime", "piracy", "maritime security", "ports", "Global Maritime Crime Programme", "GMCP", "illegal fishing", "IUU fishing", "container control"],
    sdg: ["14.4", "14.6", "16.4"],
  },
  {
    slug: "digitalisation", name: "Digitalisation", nameFr: "Numérisation", description: "Cybercrime, digital evidence and digital transformation of justice systems.",
    keywords: ["digitalisation", "digitalization", "cybercrime", "digital evidence", "e-evidence", "online child sexual exploitation", "digital transformation"],
    sdg: ["16.2", "17.9", "16.3"],
  },
  {
    slug: "drugs", name: "Drugs", nameFr: "Drogues", description: "Drug supply and demand reduction, treatment and prevention.",
    keywords: ["drugs", "drug policy", "drug trafficking", "drug use", "demand reduction", "supply reduction", "treatment", "prevention", "synthetic drugs", "cocaine", "heroin", "World Drug Report"],
    sdg: ["3.5", "16.4"],
  },
  {
    slug: "corruption", name: "Corruption", nameFr: "Corruption", description: "Implementing the UN Convention against Corruption.",
    keywords: ["corruption", "anti-corruption", "UNCAC", "Convention against Corruption", "bribery", "integrity", "implementation review mechanism"],
    sdg: ["16.5", "16.6", "16.4"],
  },
  {
    slug: "counterterrorism", name: "Counterterrorism", nameFr: "Lutte contre le terrorisme", description: "Preventing and countering terrorism and violent extremism within the rule of law.",
    keywords: ["counterterrorism", "counter-terrorism", "terrorism", "violent extremism", "P/CVE", "foreign terrorist fighters", "terrorist financing"],
    sdg: ["16.a", "16.1"],
  },
  {
    slug: "youth-engagement", name: "Youth engagement", nameFr: "Mobilisation des jeunes", description: "Engaging young people in crime prevention and the rule of law.",
    keywords: ["youth", "young people", "youth engagement", "Education for Justice", "E4J", "crime prevention", "sport"],
    sdg: ["16.1", "16.2", "16.7"],
  },
];

const somSummary = `On 15 February 2022 the EU and UNODC held their **16th Senior Officials Meeting** to exchange on common priorities for the challenges posed by drugs and crime to peace and security, human rights and development.

Over 60 EU and UNODC participants identified opportunities for enhanced cooperation on:

- Afghanistan and neighbouring countries
- human trafficking and migrant smuggling
- illicit flows
- environmental and maritime crime
- digitalisation, drugs, corruption, counterterrorism and youth engagement

Organised in parallel to the EU-Africa Week, the meeting took stock of the results and follow-up of the EU–UNODC Africa Dialogue (December 2021) and held a first exchange on the UNODC Strategic Vision for Latin America and the Caribbean.`;

/** Demo dates move with the calendar, so the demo always has something overdue, due soon and recently done. */
const addDays = (days: number) => {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
/** A moment `days` before today, at 10:00 UTC: the same for every seed run on the same date. */
const daysAgo = (days: number) => new Date(`${addDays(-days)}T10:00:00Z`);

/** Fills an empty database with the world of the 16th SOM. Returns false (and writes nothing) if there is data already. */
export async function seedDemoData(db: Db): Promise<boolean> {
  return db.transaction(async (tx) => {
    // Serialise concurrent first starts on PostgreSQL; PGlite has one connection anyway.
    await tx.execute(sql`select pg_advisory_xact_lock(4242001)`);
    await loadSdgTargets(tx);
    const [existing] = await tx.select({ n: sql<number>`count(*)::int` }).from(organisations);
    if ((existing?.n ?? 0) > 0) return false;

    const org = new Map<string, string>();
    for (const o of orgSeeds) {
      const [row] = await tx
        .insert(organisations)
        .values({ name: o.name, nameFr: o.nameFr, acronym: o.acronym, acronymFr: o.acronymFr ?? null, kind: o.kind, parentId: o.parent ? org.get(o.parent) : null, domains: o.domains ?? [] })
        .returning({ id: organisations.id });
      if (row) org.set(o.acronym, row.id);
    }
    const O = (acronym: string) => {
      const id = org.get(acronym);
      if (!id) throw new Error(`seed: no organisation ${acronym}`);
      return id;
    };

    const area = new Map<string, string>();
    for (const [i, { slug, name, nameFr, description, keywords, sdg }] of areaSeeds.entries()) {
      const [row] = await tx.insert(priorityAreas).values({ slug, name, nameFr, description, keywords, sortOrder: i + 1 }).returning({ id: priorityAreas.id });
      if (!row) continue;
      area.set(slug, row.id);
      await tx.insert(priorityAreaSdgTargets).values(sdg.map((targetCode) => ({ priorityAreaId: row.id, targetCode })));
    }
    const A = (slug: string) => area.get(slug) as string;

    const [som, africa] = await tx
      .insert(meetingSeries)
      .values([
        { name: "EU–UNODC Senior Officials Meeting", nameFr: "Réunion des hauts fonctionnaires UE-ONUDC", description: "The annual high-level meeting of EU and UNODC senior officials." },
        { name: "EU–UNODC Africa Dialogue", nameFr: "Dialogue UE-ONUDC sur l’Afrique", description: "Regional dialogue on cooperation in Africa." },
      ])
      .returning({ id: meetingSeries.id });

    const passwordHash = await hash(DEMO_PASSWORD);
    const user = new Map<string, string>();
    const people = [
      ...demoAccounts.map((a) => ({ ...a, passwordHash })),
      { email: "jonas.weber@ec.example", name: "Jonas Weber", org: "DG HOME", role: "staff" as const, passwordHash: null },
      { email: "claire.martin@ec.example", name: "Claire Martin", org: "DG INTPA", role: "staff" as const, passwordHash: null },
      { email: "k.mensah@unodc.example", name: "Kwame Mensah", org: "ROSEN", role: "staff" as const, passwordHash: null },
    ];
    for (const p of people) {
      const [row] = await tx
        .insert(users)
        .values({ email: p.email, name: p.name, organisationId: O(p.org), role: p.role, passwordHash: p.passwordHash })
        .returning({ id: users.id });
      if (row) user.set(p.email, row.id);
    }
    const U = (email: string) => user.get(email) as string;

    const meetingSeeds = [
      {
        key: "som15",
        title: "15th EU–UNODC Senior Officials Meeting",
        seriesId: som?.id,
        seriesNumber: 15,
        heldOn: "2021-03-03",
        format: "virtual" as const,
        location: "Online",
        hostOrganisationId: O("UNODC"),
        coChairs: ["EEAS Managing Director for Global Issues", "UNODC Director for Policy Analysis and Public Affairs"],
        participants: ["EEAS", "EC", "DG HOME", "DG INTPA", "EUDEL Vienna", "UNODC", "DPA", "DO", "ROEA"],
        areas: ["afghanistan", "illicit-flows", "maritime-crime", "digitalisation", "corruption", "youth-engagement"],
        summary: "Held online because of the pandemic. Reviewed the joint work plan for 2021 and agreed priorities on Afghanistan, illicit financial flows, port security and cybercrime.",
        visibility: "internal" as const,
        createdById: U("staff@unodc.example"),
      },
      {
        key: "som17",
        title: "17th EU–UNODC Senior Officials Meeting",
        seriesId: som?.id,
        seriesNumber: 17,
        heldOn: addDays(24),
        format: "hybrid" as const,
        location: "Vienna",
        hostOrganisationId: O("UNODC"),
        coChairs: [],
        participants: ["EEAS", "EC", "DG HOME", "DG INTPA", "EUDEL Vienna", "UNODC", "DPA", "DO"],
        areas: areaSeeds.map((a) => a.slug),
        summary: "Upcoming. Will review what was agreed at the 16th meeting and the EU coordination held ahead of it.",
        visibility: "internal" as const,
        createdById: U("staff@unodc.example"),
      },
      {
        key: "prebrief17",
        title: "EU coordination ahead of the 17th SOM",
        seriesId: null,
        seriesNumber: null,
        heldOn: addDays(-10),
        format: "virtual" as const,
        location: "Online",
        hostOrganisationId: O("EEAS"),
        coChairs: [],
        participants: ["EEAS", "DG HOME", "EUDEL Vienna"],
        areas: ["drugs", "trafficking-smuggling"],
        summary: "Internal EU preparation for the 17th Senior Officials Meeting. Restricted to EU participants.",
        visibility: "restricted" as const,
        createdById: U("manager@eeas.example"),
      },
      {
        key: "som16",
        title: "16th EU–UNODC Senior Officials Meeting",
        seriesId: som?.id,
        seriesNumber: 16,
        heldOn: "2022-02-15",
        format: "hybrid" as const,
        location: "Brussels",
        hostOrganisationId: O("EEAS"),
        coChairs: ["Belen Martinez Carbonell (EEAS Managing Director for Human Rights, Global Agenda and Multilateral Relations)", "Jean-Luc Lemahieu (UNODC Director for Policy Analysis and Public Affairs)"],
        participants: ["EEAS", "EC", "DG HOME", "DG INTPA", "DG NEAR", "FPI", "DG ENV", "DG JUST", "EUDEL Vienna", "UNODC", "DPA", "DO", "ROSEN", "ROEA", "COAFG", "COCOL"],
        areas: areaSeeds.map((a) => a.slug),
        summary: somSummary,
        visibility: "internal" as const,
        createdById: U("staff@eeas.example"),
      },
      {
        key: "africa",
        title: "EU–UNODC Africa Dialogue",
        seriesId: africa?.id,
        seriesNumber: 1,
        heldOn: "2021-12-09",
        format: "virtual" as const,
        location: "Online",
        hostOrganisationId: O("UNODC"),
        coChairs: ["EEAS Deputy Managing Director for Africa", "UNODC Director, Division for Operations"],
        participants: ["EEAS", "DG INTPA", "EUDEL Vienna", "UNODC", "DO", "ROSEN", "ROEA"],
        areas: ["trafficking-smuggling", "illicit-flows", "maritime-crime", "drugs", "counterterrorism"],
        summary: "Stock-take of EU–UNODC cooperation in Africa: maritime security in the Gulf of Guinea and the Indian Ocean, migrant smuggling routes across the Sahel, and illicit financial flows.",
        visibility: "internal" as const,
        createdById: U("staff@unodc.example"),
      },
      {
        key: "prebrief",
        title: "EU coordination ahead of the 16th SOM",
        seriesId: null,
        seriesNumber: null,
        heldOn: "2022-02-08",
        format: "virtual" as const,
        location: "Online",
        hostOrganisationId: O("EEAS"),
        coChairs: [],
        participants: ["EEAS", "DG HOME", "DG INTPA", "EUDEL Vienna"],
        areas: ["afghanistan", "counterterrorism", "corruption"],
        summary: "Internal EU line-to-take for the Senior Officials Meeting. Restricted to EU participants.",
        visibility: "restricted" as const,
        createdById: U("manager@eeas.example"),
      },
    ];
    const meetingId = new Map<string, string>();
    for (const m of meetingSeeds) {
      const { key, participants, areas, ...values } = m;
      const [row] = await tx.insert(meetings).values(values).returning({ id: meetings.id });
      if (!row) continue;
      meetingId.set(key, row.id);
      await tx.insert(meetingParticipants).values(participants.map((p) => ({ meetingId: row.id, organisationId: O(p) })));
      await tx.insert(meetingPriorityAreas).values(areas.map((a) => ({ meetingId: row.id, priorityAreaId: A(a) })));
      await tx.insert(activity).values({ actorId: values.createdById, entityType: "meeting", entityId: row.id, action: "created" });
    }
    const M = (key: string) => meetingId.get(key) as string;
    // The 16th SOM took stock of the Africa Dialogue; the 17th will review the EU's own preparation.
    await tx.insert(meetingReviews).values([
      { meetingId: M("som16"), reviewedMeetingId: M("africa") },
      { meetingId: M("som17"), reviewedMeetingId: M("prebrief17") },
    ]);
    const heldOn = new Map(meetingSeeds.map((m) => [m.key, m.heldOn]));

    type S = "open" | "in_progress" | "blocked" | "done" | "cancelled";
    /**
     * One follow-up, recorded the day after its meeting. A done one was completed when `completed`
     * says, or by default on its due date (or just before it, if that is still ahead).
     */
    const f = (
      meeting: string | null, title: string, areaSlug: string, owner: string, ownerUser: string | null,
      dueOn: string | null, status: S, priority: "low" | "normal" | "high", description = "",
      /** When a done one was completed: days ago, or a date (those with a dated history below). */
      completed?: number | string,
    ) => {
      const createdAt = meeting ? new Date(Date.parse(`${heldOn.get(meeting)}T09:00:00Z`) + 86_400_000) : daysAgo(10);
      const completedAt =
        status !== "done" ? null
        : typeof completed === "string" ? new Date(`${completed}T14:00:00Z`)
        : completed !== undefined ? daysAgo(completed)
        : dueOn ? new Date(Math.min(Date.parse(`${dueOn}T10:00:00Z`), daysAgo(1).getTime()))
        : daysAgo(1);
      return {
        meetingId: meeting ? M(meeting) : null, title, description, priorityAreaId: A(areaSlug), ownerOrganisationId: O(owner),
        ownerUserId: ownerUser ? U(ownerUser) : null, dueOn, status, priority, completedAt, createdAt,
        updatedAt: completedAt ?? createdAt,
        createdById: U(meeting === "africa" ? "staff@unodc.example" : "staff@eeas.example"),
      };
    };
    const followUpSeeds = [
      f("som15", "Launch the joint assessment of the Afghan opiate economy", "afghanistan", "DPA", null, "2021-12-31", "done", "high", "", "2021-11-19"),
      f("som15", "Set up a working group on anti-money-laundering in West Africa", "illicit-flows", "DG INTPA", "claire.martin@ec.example", "2022-03-31", "in_progress", "normal", "Working group stalled while the 2022 programming was pending; restarted in June."),
      f("som15", "Co-finance the Container Control Programme in East African ports", "maritime-crime", "ROEA", null, "2022-06-30", "done", "high", "", "2022-05-20"),
      f("som15", "Joint statement for the CCPCJ thematic debate", "corruption", "EUDEL Vienna", null, "2021-05-21", "done", "normal", "", "2021-05-20"),
      f("som15", "Exchange on youth crime-prevention programmes", "youth-engagement", "UNODC", null, "2021-10-31", "cancelled", "low", "Folded into the Education for Justice follow-up."),
      f("som15", "Support cybercrime legislation in the Western Balkans", "digitalisation", "DG NEAR", null, "2021-12-31", "open", "normal"),
      f("som16", "Share the joint assessment of drug trafficking routes from Afghanistan", "afghanistan", "UNODC", "staff@unodc.example", addDays(-41), "open", "high", "UNODC to circulate the updated route assessment to EEAS and DG HOME before the regional ministerial."),
      f("som16", "Propose a joint programme on migrant smuggling along the Central Mediterranean route", "trafficking-smuggling", "DG HOME", "jonas.weber@ec.example", addDays(21), "in_progress", "high"),
      f("som16", "Map EU funding for anti-money-laundering work in West Africa", "illicit-flows", "DG INTPA", "claire.martin@ec.example", addDays(-70), "blocked", "normal", "Waiting for the annual action programme to be adopted."),
      f("som16", "Organise an expert meeting on wildlife and forest crime", "environmental-crime", "DG ENV", null, addDays(45), "open", "normal"),
      f("som16", "Extend the Global Maritime Crime Programme to the Gulf of Guinea ports", "maritime-crime", "UNODC", "manager@unodc.example", addDays(-12), "in_progress", "high"),
      f("som16", "Agree a cybercrime capacity-building plan under the Budapest and UN frameworks", "digitalisation", "EEAS", "staff@eeas.example", addDays(6), "open", "normal"),
      f("som16", "Report on the UNGASS drug policy commitments follow-up", "drugs", "DPA", null, "2022-10-15", "done", "normal", "", "2022-09-30"),
      f("som16", "Joint side event on UNCAC implementation at the Conference of States Parties", "corruption", "EUDEL Vienna", null, addDays(-20), "done", "normal", "", 24),
      f("som16", "Update the counterterrorism cooperation roadmap for Central Asia", "counterterrorism", "EEAS", "manager@eeas.example", addDays(-3), "open", "high"),
      f("som16", "Involve youth networks in the Education for Justice initiative", "youth-engagement", "UNODC", null, addDays(60), "open", "low"),
      f("som16", "First exchange on the UNODC Strategic Vision for Latin America and the Caribbean", "drugs", "COCOL", null, addDays(-130), "cancelled", "low", "Superseded by the EU–LAC dialogue track."),
      f("africa", "Take stock of the Africa Dialogue follow-up at the 16th SOM", "trafficking-smuggling", "ROSEN", "k.mensah@unodc.example", "2022-02-15", "done", "normal", "", "2022-02-15"),
      f("africa", "Joint maritime security workshop for the Indian Ocean", "maritime-crime", "ROEA", null, addDays(-30), "blocked", "normal", "Venue and dates to be confirmed by the host government."),
      f("prebrief", "Prepare EU line-to-take on Afghanistan for the SOM", "afghanistan", "EEAS", "staff@eeas.example", "2022-02-14", "done", "high", "", "2022-02-14"),
      f("prebrief17", "Agree the EU position on synthetic drugs for the 17th SOM", "drugs", "DG HOME", "jonas.weber@ec.example", addDays(14), "in_progress", "high"),
      // Done over the past year, so the overview's completion chart has a history.
      f("som16", "Circulate the SOM joint conclusions to EU Delegations and UNODC field offices", "youth-engagement", "EEAS", "manager@eeas.example", addDays(-280), "done", "normal", "", 290),
      f("som16", "Nominate a focal point for each of the ten priority areas", "illicit-flows", "DPA", null, addDays(-200), "done", "normal", "", 212),
      f("som16", "Share the calendar of EU drug policy dialogues with UNODC", "drugs", "DG HOME", "jonas.weber@ec.example", addDays(-150), "done", "low", "", 155),
      f("som16", "Brief the Vienna group of EU Member States on the SOM outcomes", "corruption", "EUDEL Vienna", null, addDays(-115), "done", "normal", "", 121),
      f("som16", "Agree terms of reference for a joint analysis of smuggling routes across the Sahel", "trafficking-smuggling", "ROSEN", "k.mensah@unodc.example", addDays(-60), "done", "high", "", 66),
      f("som16", "Set up a joint working group on cybercrime capacity building", "digitalisation", "FPI", null, addDays(-35), "done", "normal", "", 38),
      f("som16", "Exchange data on wildlife trafficking seizures in East Africa", "environmental-crime", "ROEA", null, addDays(-14), "done", "normal", "", 17),
      f("som16", "Publish a joint factsheet on the Global Maritime Crime Programme results", "maritime-crime", "DO", null, addDays(4), "done", "low", "", 3),
      f(null, "Send the SOM joint press release to the Delegations", "youth-engagement", "EEAS", "staff@eeas.example", addDays(2), "open", "low", "Agreed by e-mail after the meeting."),
    ];
    const rows = await tx
      .insert(followUps)
      .values(followUpSeeds)
      .returning({ id: followUps.id, createdById: followUps.createdById, title: followUps.title, createdAt: followUps.createdAt, completedAt: followUps.completedAt, ownerUserId: followUps.ownerUserId });
    // The history says when each was recorded and how some moved over time (statusHistory); the
    // other done ones get their completion.
    const dated = new Set(statusHistory.map((h) => h.title));
    await tx.insert(activity).values([
      ...rows.map((r) => ({ at: r.createdAt, actorId: r.createdById, entityType: "follow_up", entityId: r.id, action: "created" })),
      ...rows.flatMap((r) =>
        r.completedAt && !dated.has(r.title)
          ? [{ at: r.completedAt, actorId: r.ownerUserId ?? r.createdById, entityType: "follow_up", entityId: r.id, action: "updated", field: "status", before: "in_progress", after: "done" }]
          : [],
      ),
    ]);
    await seedStatusHistory(tx, rows, U);
    const maritime = rows.find((r) => r.title.startsWith("Extend the Global Maritime"));
    if (maritime) {
      await tx.insert(comments).values({
        followUpId: maritime.id,
        authorId: U("manager@unodc.example"),
        body: "Port assessments done in Lomé and Cotonou; Tema scheduled next month.",
      });
    }
    return true;
  });
}

/**
 * How some follow-ups moved over time, as activity rows with the dates it happened: what "as it
 * was on the meeting's date" is derived from. Each history ends in the follow-up's seeded status.
 */
const statusHistory: { title: string; by: string; steps: [at: string, from: string, to: string][] }[] = [
  { title: "Launch the joint assessment of the Afghan opiate economy", by: "staff@unodc.example", steps: [["2021-05-10", "open", "in_progress"], ["2021-11-19", "in_progress", "done"]] },
  {
    title: "Set up a working group on anti-money-laundering in West Africa",
    by: "manager@eeas.example",
    steps: [["2021-09-01", "open", "in_progress"], ["2022-01-10", "in_progress", "blocked"], ["2022-06-01", "blocked", "in_progress"]],
  },
  { title: "Co-finance the Container Control Programme in East African ports", by: "manager@unodc.example", steps: [["2021-06-15", "open", "in_progress"], ["2022-05-20", "in_progress", "done"]] },
  { title: "Joint statement for the CCPCJ thematic debate", by: "staff@eeas.example", steps: [["2021-05-20", "open", "done"]] },
  { title: "Exchange on youth crime-prevention programmes", by: "manager@unodc.example", steps: [["2021-10-01", "open", "cancelled"]] },
  { title: "Take stock of the Africa Dialogue follow-up at the 16th SOM", by: "staff@unodc.example", steps: [["2022-01-20", "open", "in_progress"], ["2022-02-15", "in_progress", "done"]] },
  { title: "Joint maritime security workshop for the Indian Ocean", by: "manager@unodc.example", steps: [["2022-01-12", "open", "in_progress"], ["2022-03-01", "in_progress", "blocked"]] },
  { title: "Map EU funding for anti-money-laundering work in West Africa", by: "manager@eeas.example", steps: [["2022-04-04", "open", "blocked"]] },
  { title: "Report on the UNGASS drug policy commitments follow-up", by: "staff@unodc.example", steps: [["2022-05-02", "open", "in_progress"], ["2022-09-30", "in_progress", "done"]] },
  { title: "Prepare EU line-to-take on Afghanistan for the SOM", by: "staff@eeas.example", steps: [["2022-02-14", "open", "done"]] },
];

async function seedStatusHistory(tx: Db, rows: { id: string; title: string }[], U: (email: string) => string) {
  const byTitle = new Map(rows.map((r) => [r.title, r.id]));
  const values = statusHistory.flatMap((h) => {
    const id = byTitle.get(h.title);
    if (!id) throw new Error(`seed: no follow-up ${h.title}`);
    return h.steps.map(([on, from, to]) => ({
      at: new Date(`${on}T14:00:00Z`),
      actorId: U(h.by),
      entityType: "follow_up",
      entityId: id,
      action: "updated",
      field: "status",
      before: from,
      after: to,
    }));
  });
  await tx.insert(activity).values(values);
}
