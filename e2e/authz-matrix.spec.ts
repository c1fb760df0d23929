/**
 * The authorisation matrix, over HTTP and without the UI: every API route and every server action,
 * called as anonymous, staff, manager and admin — of the same organisation, a parent or child
 * organisation and an unrelated one — on internal and restricted meetings, on own and others'
 * follow-ups. Each answer is checked against an oracle written from the access table of lib/policy.ts, independently
 * (not from lib/policy.ts), and every refused write is checked to have changed nothing. A route or
 * action that is not in the matrix fails the first test.
 */
import fs from "node:fs";
import path from "node:path";
import { type APIRequestContext, type APIResponse, request as playwrightRequest } from "@playwright/test";
import { expect, test } from "./fixtures";
import { signInContext } from "./support/http";
import { type OwnServer, startServer, waitHealthy } from "./support/server";
import { type ActionAnswer, callAction, serverActions } from "./support/server-actions";

test.describe.configure({ mode: "serial" });
test.setTimeout(600_000);

type Outcome = "ok" | "unauthorized" | "forbidden" | "not_found" | "invalid";
type Role = "staff" | "manager" | "admin";
type Person = { key: string; ctx: APIRequestContext; id: string | null; role: Role | null; organisationId: string | null };
type Org = { id: string; acronym: string | null; parentId: string | null };
type Meeting = { id: string; visibility: "internal" | "restricted"; createdById: string; hostOrganisationId: string | null; participantOrganisationIds: string[]; version: number };
type FollowUp = { id: string; meetingId: string | null; ownerOrganisationId: string; ownerUserId: string | null; dueOn: string | null; priority: string; version: number };

// ---- The routes and actions the matrix covers. A new one must be added here (and tested below). ----
// The calendar feed is public by token: a calendar app sends no cookie, the secret in its URL is the credential.
const publicRoutes = ["GET /api/health", "GET /api/v1/openapi.json", "GET /api/auth/[...nextauth]", "POST /api/auth/[...nextauth]", "GET /api/calendar/[feed]", "POST /api/v1/unsubscribe"];
const coveredRoutes = [
  ...publicRoutes,
  "GET /api/v1/me", "PATCH /api/v1/me", "GET /api/v1/me/export", "DELETE /api/v1/me/sessions",
  "GET /api/v1/meetings", "POST /api/v1/meetings", "GET /api/v1/meetings/[meetingId]", "PATCH /api/v1/meetings/[meetingId]",
  "GET /api/v1/meetings/[meetingId]/since-previous", "GET /api/v1/meetings/[meetingId]/briefing.md", "GET /api/v1/meetings/[meetingId]/briefing.csv",
  "GET /api/v1/meetings/[meetingId]/minutes.docx", "GET /api/v1/meetings/[meetingId]/minutes.pdf",
  "POST /api/v1/meeting-drafts", "GET /api/v1/sdg-targets", "GET /api/v1/meeting-series/[seriesId]/stats", "GET /api/v1/organisations/[organisationId]/accountability",
  "GET /api/v1/follow-ups", "POST /api/v1/follow-ups", "GET /api/v1/follow-ups.csv", "POST /api/v1/follow-ups/bulk", "POST /api/v1/follow-ups/bulk/undo",
  "GET /api/v1/follow-ups/[followUpId]", "PATCH /api/v1/follow-ups/[followUpId]", "GET /api/v1/follow-ups/[followUpId]/activity",
  "GET /api/v1/follow-ups/[followUpId]/comments", "POST /api/v1/follow-ups/[followUpId]/comments",
  "GET /api/v1/follow-ups/[followUpId]/watch", "PUT /api/v1/follow-ups/[followUpId]/watch", "DELETE /api/v1/follow-ups/[followUpId]/watch",
  "GET /api/v1/follow-ups/[followUpId]/mentionable", "GET /api/v1/meetings/[meetingId]/mentionable", "GET /api/v1/meetings/mentionable", "GET /api/v1/meetings/[meetingId]/watch", "PUT /api/v1/meetings/[meetingId]/watch", "DELETE /api/v1/meetings/[meetingId]/watch",
  "GET /api/v1/notifications", "POST /api/v1/notifications/read", "GET /api/v1/events",
  "GET /api/v1/organisations", "POST /api/v1/organisations", "GET /api/v1/organisations/[organisationId]", "PATCH /api/v1/organisations/[organisationId]",
  "POST /api/v1/organisations/[organisationId]/merge", "POST /api/v1/organisations/import",
  "GET /api/v1/priority-areas", "POST /api/v1/priority-areas", "GET /api/v1/priority-areas/[priorityAreaId]", "PATCH /api/v1/priority-areas/[priorityAreaId]", "PUT /api/v1/priority-areas/order",
  "GET /api/v1/meeting-series", "POST /api/v1/meeting-series", "GET /api/v1/meeting-series/[seriesId]", "PATCH /api/v1/meeting-series/[seriesId]",
  "GET /api/v1/users", "POST /api/v1/users", "GET /api/v1/users/[userId]", "PATCH /api/v1/users/[userId]", "POST /api/v1/users/[userId]/password-link",
  "DELETE /api/v1/users/[userId]/sessions", "POST /api/v1/users/[userId]/anonymise",
  "GET /api/v1/activity",
  "POST /api/internal/reminders",
  "GET /api/v1/follow-ups.xlsx", "POST /api/v1/follow-ups/import",
  "GET /api/v1/tokens", "POST /api/v1/tokens", "DELETE /api/v1/tokens/[tokenId]",
  "GET /api/v1/webhooks", "POST /api/v1/webhooks", "GET /api/v1/webhooks/[webhookId]", "PATCH /api/v1/webhooks/[webhookId]", "DELETE /api/v1/webhooks/[webhookId]",
  "GET /api/v1/webhooks/[webhookId]/deliveries", "POST /api/v1/webhooks/[webhookId]/ping", "POST /api/v1/webhooks/[webhookId]/deliveries/[deliveryId]/resend",
  "GET /api/v1/meetings/[meetingId]/attachments", "POST /api/v1/meetings/[meetingId]/attachments",
  "GET /api/v1/follow-ups/[followUpId]/attachments", "POST /api/v1/follow-ups/[followUpId]/attachments",
  "GET /api/v1/attachments/[attachmentId]", "DELETE /api/v1/attachments/[attachmentId]", "POST /api/v1/attachments/[attachmentId]/restore", "GET /api/v1/attachments/removed",
  "POST /api/v1/meeting-drafts/document",
];
const publicActions = ["app/(auth)/signin/actions.ts#signInAction", "app/(auth)/signin/actions.ts#ssoSignInAction", "app/(auth)/set-password/actions.ts#setPasswordAction", "app/(auth)/unsubscribe/actions.ts#unsubscribeAction"];
const coveredActions = [
  ...publicActions,
  "app/(app)/meetings/actions.ts#createMeetingAction", "app/(app)/meetings/actions.ts#updateMeetingAction",
  "app/(app)/meetings/actions.ts#draftMeetingAction", "app/(app)/meetings/actions.ts#createMeetingWithFollowUpsAction", "app/(app)/meetings/actions.ts#saveAgendaAction", "app/(app)/people-actions.ts#listPeopleAction",
  "app/(app)/people-actions.ts#listMeetingOptionsAction",
  "app/(app)/follow-ups/actions.ts#createFollowUpAction", "app/(app)/follow-ups/actions.ts#updateFollowUpAction", "app/(app)/follow-ups/actions.ts#addCommentAction",
  "app/(app)/saved-views/actions.ts#createSavedViewAction", "app/(app)/saved-views/actions.ts#deleteSavedViewAction",
  "app/(app)/profile/actions.ts#createCalendarFeedAction", "app/(app)/profile/actions.ts#revokeCalendarFeedAction",
  "app/(app)/profile/actions.ts#updateDigestPreferencesAction", "app/(app)/profile/actions.ts#updateNotificationMailAction",
  "app/(app)/profile/actions.ts#changePasswordAction", "app/(app)/profile/actions.ts#endMySessionsAction", "app/(app)/profile/actions.ts#setLocaleAction",
  ...["createOrganisationAction", "updateOrganisationAction", "mergeOrganisationAction", "previewOrganisationImportAction", "importOrganisationsAction", "createPriorityAreaAction",
    "updatePriorityAreaAction", "reorderPriorityAreasAction", "createMeetingSeriesAction", "updateMeetingSeriesAction", "createUserAction", "updateUserAction", "issuePasswordLinkAction",
    "endUserSessionsAction", "anonymiseUserAction", "setRetentionAction", "restoreAttachmentAction"].map((a) => `app/(app)/admin/actions.ts#${a}`),
];

/** Every `route.ts` under app/api and the methods it exports. */
function discoverRoutes(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const source = fs.readFileSync(full, "utf8");
        const url = "/" + path.relative("app", path.dirname(full)).split(path.sep).join("/");
        const methods = new Set([...source.matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]!));
        for (const m of source.matchAll(/export const \{([^}]+)\}/g)) for (const name of m[1]!.split(",")) if (/^(GET|POST|PUT|PATCH|DELETE)$/.test(name.trim())) methods.add(name.trim());
        for (const m of methods) found.push(`${m} ${url}`);
      }
    }
  };
  walk(path.join("app", "api"));
  return found.sort();
}

/** Every exported function of a "use server" module, and every inline server action in the build. */
function discoverActions(): string[] {
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.tsx?$/.test(entry.name)) {
        const source = fs.readFileSync(full, "utf8");
        if (!/^\s*["']use server["']/.test(source)) continue;
        for (const m of source.matchAll(/export (?:const|async function) (\w+)/g)) found.add(`${full.split(path.sep).join("/")}#${m[1]}`);
      }
    }
  };
  walk("app");
  for (const key of serverActions().keys()) if (!key.includes("#$$RSC_SERVER_ACTION")) found.add(key);
  return [...found].sort();
}

// ---- The oracle: the access table, written out on its own. ----
let orgs: Org[] = [];
const ancestors = (id: string): string[] => {
  const out: string[] = [];
  for (let o = orgs.find((x) => x.id === id); o?.parentId; o = orgs.find((x) => x.id === o!.parentId)) out.push(o.parentId);
  return out;
};
const related = (a: string, b: string) => a === b || ancestors(a).includes(b) || ancestors(b).includes(a);
const inSubtree = (root: string, id: string) => id === root || ancestors(id).includes(root);

const seesMeeting = (p: Person, m: Meeting) =>
  p.role === "admin" || m.visibility === "internal" || [...m.participantOrganisationIds, ...(m.hostOrganisationId ? [m.hostOrganisationId] : [])].some((o) => related(p.organisationId!, o));
const editsMeeting = (p: Person, m: Meeting) => p.role === "admin" || m.createdById === p.id || (p.role === "manager" && m.hostOrganisationId === p.organisationId);
let meetingOf = (_id: string): Meeting => {
  throw new Error("not set up");
};
const seesFollowUp = (p: Person, f: FollowUp) => (f.meetingId ? seesMeeting(p, meetingOf(f.meetingId)) : true);
const progresses = (p: Person, f: FollowUp) => p.role === "admin" || p.role === "manager" || f.ownerUserId === p.id || f.ownerOrganisationId === p.organisationId;
const manages = (p: Person, f: FollowUp) => p.role === "admin" || (p.role === "manager" && inSubtree(p.organisationId!, f.ownerOrganisationId));

function expected(p: Person, rule: () => Outcome): Outcome {
  return p.role === null ? "unauthorized" : rule();
}
const meetingRule = (p: Person, m: Meeting, write: boolean) => expected(p, () => (!seesMeeting(p, m) ? "not_found" : write && !editsMeeting(p, m) ? "forbidden" : "ok"));
const followUpRule = (p: Person, f: FollowUp, need: "see" | "progress" | "manage") =>
  expected(p, () => (!seesFollowUp(p, f) ? "not_found" : need === "progress" && !progresses(p, f) ? "forbidden" : need === "manage" && !manages(p, f) ? "forbidden" : "ok"));
const adminRule = (p: Person) => expected(p, () => (p.role === "admin" ? "ok" : "forbidden"));
const signedInRule = (p: Person) => expected(p, () => "ok");

// ---- Calls and checks. ----
const statusOf: Record<Outcome, number[]> = { ok: [200, 201, 202, 204], unauthorized: [401], forbidden: [403], not_found: [404], invalid: [400] };
const codeOf: Record<Exclude<Outcome, "ok">, RegExp> = { unauthorized: /^unauthorized/, forbidden: /^forbidden/, not_found: /^not_found/, invalid: /^bad_request/ };
const failures: string[] = [];

function checkApi(label: string, res: APIResponse, want: Outcome) {
  if (!statusOf[want].includes(res.status())) failures.push(`${label}: expected ${want}, got HTTP ${res.status()}`);
}
// Without a session cookie the proxy sends an action to the sign-in page before it runs (a courtesy;
// the anonymous test also sends a forged cookie past it, to reach the action's own check).
const sentToSignIn = (a: ActionAnswer) => [303, 307].includes(a.status) && /^\/signin\b/.test(new URL(a.location ?? "", "http://x").pathname);
function checkAction(label: string, answer: ActionAnswer, want: Outcome) {
  const refusedByServer = answer.ok === false && want !== "ok" && codeOf[want].test(answer.code ?? "");
  const good = want === "ok" ? answer.ok === true : refusedByServer || (want === "unauthorized" && sentToSignIn(answer));
  if (!good) failures.push(`${label}: expected ${want}, got ${answer.ok === null ? `HTTP ${answer.status} ${answer.text.slice(0, 120)}` : `ok=${answer.ok} code=${answer.code}`}`);
}
async function unchanged<T>(label: string, want: Outcome, read: () => Promise<T>, act: () => Promise<void>) {
  const before = want === "ok" ? undefined : JSON.stringify(await read());
  await act();
  if (before !== undefined && JSON.stringify(await read()) !== before) failures.push(`${label}: refused (${want}) but the record changed`);
}
const flush = () => {
  const list = failures.splice(0);
  expect(list, `${list.length} answers differ from the access table`).toEqual([]);
};

async function person(key: string, ctx: APIRequestContext): Promise<Person> {
  const me = await ctx.get("/api/v1/me");
  if (me.status() === 401) return { key, ctx, id: null, role: null, organisationId: null };
  const body = (await me.json()) as { id: string; role: Role; organisationId: string };
  return { key, ctx, id: body.id, role: body.role, organisationId: body.organisationId };
}
const json = async <T>(res: APIResponse): Promise<T> => {
  expect(res.ok(), `${res.url()} → ${res.status()} ${await res.text()}`).toBe(true);
  return (await res.json()) as T;
};

// ---- The world: people and records of the matrix's own, so its writes touch nothing else. ----
let people: Person[] = [];
let admin: Person;
let meetings: Meeting[] = [];
let followUps: FollowUp[] = [];
let areaId = "";
const actions = new Map<string, { id: string; page: string }>();
const action = (key: string) => {
  const a = actions.get(key);
  if (!a) throw new Error(`no server action ${key} in the build`);
  return a;
};
const orgId = (acronym: string) => orgs.find((o) => o.acronym === acronym)!.id;
const readMeeting = async (id: string) => json<Meeting>(await admin.ctx.get(`/api/v1/meetings/${id}`));
const readFollowUp = async (id: string) => json<FollowUp>(await admin.ctx.get(`/api/v1/follow-ups/${id}`));
const readComments = async (id: string) => json<unknown>(await admin.ctx.get(`/api/v1/follow-ups/${id}/comments`));

// A server and database of the matrix's own: its hundreds of writes never reach the shared demo data.
let server: OwnServer;

test.beforeAll(async () => {
  // Webhooks may point at loopback here: the matrix registers one at a port nobody listens on.
  server = startServer(Number(process.env.E2E_PORT ?? 3100) + 70, { env: { WEBHOOK_ALLOW_PRIVATE: "true" } });
  await waitHealthy(server);
  const baseURL = server.baseURL;
  for (const [key, entry] of serverActions()) actions.set(key, entry);
  const adminCtx = await signInContext(baseURL, "admin@eeas.example");
  admin = await person("admin EEAS", adminCtx);
  orgs = (await json<{ items: Org[] }>(await adminCtx.get("/api/v1/organisations"))).items;
  areaId = (await json<{ items: { id: string }[] }>(await adminCtx.get("/api/v1/priority-areas"))).items[0]!.id;

  // A staff member of a field office (a child of UNODC), with a password set through the one-time link.
  const created = await adminCtx.post("/api/v1/users", { data: { name: "Matrix Field Officer", email: "field.matrix@unodc.example", organisationId: orgId("ROSEN"), role: "staff" } });
  const { setPasswordPath } = await json<{ setPasswordPath: string }>(created);
  const anonymous = await playwrightRequest.newContext({ baseURL });
  const password = "harmattan season passphrase 42";
  const token = setPasswordPath.split("/").pop()!;
  const set = await callAction(anonymous, { ...action("app/(auth)/set-password/actions.ts#setPasswordAction"), page: setPasswordPath }, [{ token, password, confirm: password }]);
  expect(set.ok, set.text.slice(0, 300)).toBe(true);

  people = [
    await person("anonymous", anonymous),
    await person("staff UNODC", await signInContext(baseURL, "staff@unodc.example")),
    await person("staff EEAS", await signInContext(baseURL, "staff@eeas.example")),
    await person("staff ROSEN (child of UNODC)", await signInContext(baseURL, "field.matrix@unodc.example", password)),
    await person("manager UNODC", await signInContext(baseURL, "manager@unodc.example")),
    await person("manager EEAS", await signInContext(baseURL, "manager@eeas.example")),
    admin,
  ];
  const by = (key: string) => people.find((p) => p.key === key)!;

  const meeting = async (who: Person, title: string, visibility: string, host: string | null, participants: string[]) =>
    json<Meeting>(
      await who.ctx.post("/api/v1/meetings", {
        data: { title: `Matrix ${title}`, heldOn: "2026-10-01", format: "virtual", visibility, hostOrganisationId: host && orgId(host), participantOrganisationIds: participants.map(orgId) },
      }),
    );
  meetings = [
    await meeting(by("staff EEAS"), "internal, EEAS hosts", "internal", "EEAS", ["EEAS", "UNODC"]),
    await meeting(by("manager UNODC"), "restricted, UNODC hosts", "restricted", "UNODC", ["UNODC"]),
    await meeting(admin, "restricted, only the Dakar office", "restricted", null, ["ROSEN"]),
    await meeting(admin, "restricted, EEAS and DG HOME", "restricted", "EEAS", ["EEAS", "DG HOME"]),
  ];
  meetingOf = (id) => meetings.find((m) => m.id === id)!;
  const followUp = async (title: string, meetingId: string | null, owner: string, ownerUserId: string | null = null) =>
    json<FollowUp>(
      await admin.ctx.post("/api/v1/follow-ups", {
        data: { title: `Matrix ${title}`, meetingId, priorityAreaId: areaId, ownerOrganisationId: orgId(owner), ownerUserId, dueOn: "2027-03-01" },
      }),
    );
  const [m1, m2, m3, m4] = meetings as [Meeting, Meeting, Meeting, Meeting];
  followUps = [
    await followUp("internal, owned by UNODC staff", m1.id, "UNODC", by("staff UNODC").id),
    await followUp("internal, owned by EEAS", m1.id, "EEAS"),
    await followUp("restricted UNODC, owned by Dakar officer", m2.id, "ROSEN", by("staff ROSEN (child of UNODC)").id),
    await followUp("restricted UNODC, owned by UNODC", m2.id, "UNODC"),
    await followUp("restricted Dakar, owned by Dakar", m3.id, "ROSEN"),
    await followUp("restricted EEAS, owned by DG HOME", m4.id, "DG HOME"),
    await followUp("restricted EEAS, owned by EEAS", m4.id, "EEAS"),
    await followUp("without a meeting, owned by DG HOME", null, "DG HOME"),
  ];
});

test.afterAll(async () => {
  for (const p of people) await p.ctx.dispose();
  await server?.stop();
});

test("every API route and server action is in the matrix", () => {
  expect(discoverRoutes(), "a route missing here needs its rows in this matrix").toEqual([...coveredRoutes].sort());
  expect(discoverActions(), "a server action missing here needs its rows in this matrix").toEqual([...coveredActions].sort());
});

test("public routes answer everyone; every other route answers 401 to anonymous, even with x-middleware-subrequest", async () => {
  const anonymous = people[0]!;
  expect((await anonymous.ctx.get("/api/health")).status()).toBe(200);
  expect((await anonymous.ctx.get("/api/v1/openapi.json")).status()).toBe(200);
  const ids: Record<string, string> = { attachmentId: meetings[0]!.id, meetingId: meetings[0]!.id, followUpId: followUps[0]!.id, organisationId: orgId("EEAS"), priorityAreaId: areaId, seriesId: meetings[0]!.id, userId: admin.id!, tokenId: admin.id!, webhookId: admin.id!, deliveryId: admin.id! };
  const bypass = ["middleware", "src/middleware", "proxy", "middleware:middleware:middleware:middleware:middleware", "proxy:proxy:proxy:proxy:proxy"];
  for (const route of coveredRoutes.filter((r) => !publicRoutes.includes(r))) {
    const [method, pattern] = route.split(" ") as [string, string];
    const url = pattern.replace(/\[(\w+)\]/g, (_, name: string) => ids[name]!);
    for (const header of [undefined, ...bypass]) {
      const res = await anonymous.ctx.fetch(url, { method, data: method === "GET" ? undefined : {}, headers: header ? { "x-middleware-subrequest": header } : {}, maxRedirects: 0 });
      checkApi(`anonymous ${route}${header ? ` (x-middleware-subrequest: ${header})` : ""}`, res, "unauthorized");
    }
  }
  for (const key of coveredActions.filter((a) => !publicActions.includes(a))) {
    const plain = await callAction(anonymous.ctx, action(key), [{}]);
    if (!sentToSignIn(plain)) failures.push(`anonymous ${key}: the proxy did not send it to sign in (HTTP ${plain.status})`);
    for (const cookie of ["authjs.session-token=forged", "authjs.session-token=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2Q0JDLUhTNTEyIn0..x.y.z"]) {
      const answer = await callAction(anonymous.ctx, action(key), [{}], { cookie, "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy" });
      if (!(answer.ok === false && /^unauthorized/.test(answer.code ?? ""))) failures.push(`anonymous ${key} with a forged cookie: expected unauthorized, got HTTP ${answer.status} ok=${answer.ok} code=${answer.code}`);
    }
  }
  // A page, too: the proxy's redirect is a courtesy, the page itself refuses.
  for (const header of [undefined, ...bypass]) {
    const res = await anonymous.ctx.get("/my-follow-ups", { headers: header ? { "x-middleware-subrequest": header } : {}, maxRedirects: 0 });
    expect([302, 303, 307, 308], `anonymous page with ${header ?? "no"} x-middleware-subrequest`).toContain(res.status());
    expect(await res.text()).not.toContain("Matrix");
  }
  flush();
});

test("working together: watching and the mention list follow who sees the record; notifications are the reader's own", async () => {
  for (const p of people) {
    for (const f of followUps) {
      const want = followUpRule(p, f, "see");
      for (const method of ["GET", "PUT", "DELETE"]) checkApi(`${p.key} ${method} follow-up watch ${f.id}`, await p.ctx.fetch(`/api/v1/follow-ups/${f.id}/watch`, { method }), want);
      const offered = await p.ctx.get(`/api/v1/follow-ups/${f.id}/mentionable`);
      checkApi(`${p.key} GET mentionable ${f.id}`, offered, want);
      // Nobody is offered who could not see it.
      if (offered.ok()) {
        for (const q of people.filter((x) => x.role && x.id !== p.id)) {
          if (!seesFollowUp(q, f) && JSON.stringify(await offered.json()).includes(q.id!)) failures.push(`${p.key} is offered ${q.key} to mention on ${f.id}, who cannot see it`);
        }
      }
    }
    for (const m of meetings) {
      for (const method of ["GET", "PUT", "DELETE"]) checkApi(`${p.key} ${method} meeting watch ${m.id}`, await p.ctx.fetch(`/api/v1/meetings/${m.id}/watch`, { method }), meetingRule(p, m, false));
      const offered = await p.ctx.get(`/api/v1/meetings/${m.id}/mentionable`);
      checkApi(`${p.key} GET meeting mentionable ${m.id}`, offered, meetingRule(p, m, false));
      if (offered.ok()) {
        for (const q of people.filter((x) => x.role && x.id !== p.id)) {
          if (!seesMeeting(q, m) && JSON.stringify(await offered.json()).includes(q.id!)) failures.push(`${p.key} is offered ${q.key} to mention in ${m.id}'s summary, who cannot see it`);
        }
      }
      // The same meeting, as a new-meeting form would have it before saving: anyone signed in may ask; nobody offered who could not see it.
      const qs = new URLSearchParams({ visibility: m.visibility, ...(m.hostOrganisationId ? { hostOrganisationId: m.hostOrganisationId } : {}) });
      for (const o of m.participantOrganisationIds) qs.append("participantOrganisationIds", o);
      const proposed = await p.ctx.get(`/api/v1/meetings/mentionable?${qs}`);
      checkApi(`${p.key} GET proposed meeting mentionable like ${m.id}`, proposed, signedInRule(p));
      if (proposed.ok()) {
        const text = JSON.stringify(await proposed.json());
        for (const q of people.filter((x) => x.role && x.id !== p.id)) {
          if (!seesMeeting(q, m) && text.includes(q.id!)) failures.push(`${p.key} is offered ${q.key} to mention in a new meeting like ${m.id}, who could not see it`);
        }
      }
    }
    checkApi(`${p.key} GET notifications`, await p.ctx.get("/api/v1/notifications"), signedInRule(p));
    checkApi(`${p.key} POST notifications/read`, await p.ctx.post("/api/v1/notifications/read", { data: { all: true } }), signedInRule(p));
    if (p.role) {
      const listed = JSON.stringify(await (await p.ctx.get("/api/v1/notifications?limit=100")).json());
      for (const f of followUps) if (!seesFollowUp(p, f) && listed.includes(f.id)) failures.push(`${p.key}'s notifications name ${f.id}, which they cannot see`);
    }
  }
  flush();
});

test("meetings: who sees and who edits, over the API and the server action", async () => {
  for (const p of people) {
    for (const m of meetings) {
      checkApi(`${p.key} GET meeting "${m.id}"`, await p.ctx.get(`/api/v1/meetings/${m.id}`), meetingRule(p, m, false));
      for (const view of ["since-previous", "briefing.md", "briefing.csv", "briefing.md?audience=wide", "minutes.docx", "minutes.pdf", "minutes.pdf?audience=wide"]) {
        checkApi(`${p.key} GET meeting ${view} "${m.id}"`, await p.ctx.get(`/api/v1/meetings/${m.id}/${view}`), meetingRule(p, m, false));
      }
      checkApi(`${p.key} GET meeting .ics "${m.id}"`, await p.ctx.get(`/api/v1/meetings/${m.id}.ics`), meetingRule(p, m, false));
      const want = meetingRule(p, m, true);
      await unchanged(`${p.key} PATCH meeting`, want, () => readMeeting(m.id), async () => {
        const { version } = await readMeeting(m.id);
        checkApi(`${p.key} PATCH meeting ${m.id}`, await p.ctx.patch(`/api/v1/meetings/${m.id}`, { data: { version, location: `Edited by ${p.key}` } }), want);
      });
      await unchanged(`${p.key} PATCH meeting agenda`, want, () => readMeeting(m.id), async () => {
        const { version } = await readMeeting(m.id);
        checkApi(`${p.key} PATCH meeting agenda ${m.id}`, await p.ctx.patch(`/api/v1/meetings/${m.id}`, { data: { version, agendaItems: [{ title: `Agenda by ${p.key}` }] } }), want);
      });
      await unchanged(`${p.key} updateMeetingAction`, want, () => readMeeting(m.id), async () => {
        const { version } = await readMeeting(m.id);
        checkAction(`${p.key} updateMeetingAction ${m.id}`, await callAction(p.ctx, action("app/(app)/meetings/actions.ts#updateMeetingAction"), [{ id: m.id, patch: { version, location: `Action by ${p.key}` } }]), want);
      });
      await unchanged(`${p.key} saveAgendaAction`, want, () => readMeeting(m.id), async () => {
        const { version } = await readMeeting(m.id);
        checkAction(`${p.key} saveAgendaAction ${m.id}`, await callAction(p.ctx, action("app/(app)/meetings/actions.ts#saveAgendaAction"), [{ id: m.id, version, agendaItems: [{ title: `Agenda action by ${p.key}` }] }]), want);
      });
    }
    // The list shows exactly the matrix meetings this person may see.
    if (p.role) {
      const list = await json<{ items: { id: string }[] }>(await p.ctx.get("/api/v1/meetings?q=Matrix&limit=200"));
      expect(list.items.map((i) => i.id).filter((id) => meetings.some((m) => m.id === id)).sort(), `${p.key} meeting list`).toEqual(meetings.filter((m) => seesMeeting(p, m)).map((m) => m.id).sort());
      // The filters' meeting choice names exactly the meetings the person may see (a few hundred at most here).
      const options = await callAction(p.ctx, action("app/(app)/people-actions.ts#listMeetingOptionsAction"), [{}]);
      for (const m of meetings)
        if (options.text.includes(m.id) !== seesMeeting(p, m)) failures.push(`${p.key} listMeetingOptionsAction ${seesMeeting(p, m) ? "leaves out" : "names"} ${m.id}`);
    }
    const create = { title: `Matrix new by ${p.key}`, heldOn: "2026-11-01", format: "virtual" };
    checkApi(`${p.key} POST meeting`, await p.ctx.post("/api/v1/meetings", { data: create }), expected(p, () => "ok"));
    checkAction(`${p.key} createMeetingAction`, await callAction(p.ctx, action("app/(app)/meetings/actions.ts#createMeetingAction"), [create]), expected(p, () => "ok"));
    // A draft from pasted text reads the reference lists only; accepting one creates a meeting like any other.
    const text = "On 15 February 2022 the EU and UNODC held their 16th Senior Officials Meeting in Brussels.";
    checkApi(`${p.key} POST meeting-drafts`, await p.ctx.post("/api/v1/meeting-drafts", { data: { text } }), expected(p, () => "ok"));
    const docx = fs.readFileSync("tests/fixtures/documents/som16-press-release.docx");
    checkApi(`${p.key} POST meeting-drafts/document`, await p.ctx.post("/api/v1/meeting-drafts/document", { multipart: { file: { name: "press.docx", mimeType: "application/octet-stream", buffer: docx } } }), expected(p, () => "ok"));
    checkAction(`${p.key} draftMeetingAction`, await callAction(p.ctx, action("app/(app)/meetings/actions.ts#draftMeetingAction"), [{ text }]), expected(p, () => "ok"));
    checkAction(`${p.key} createMeetingWithFollowUpsAction`, await callAction(p.ctx, action("app/(app)/meetings/actions.ts#createMeetingWithFollowUpsAction"), [{ ...create, followUps: [] }]), expected(p, () => "ok"));
  }
  flush();
});

test("follow-ups: see, progress, manage and comment, over the API and the server actions", async () => {
  for (const p of people) {
    for (const f of followUps) {
      const see = followUpRule(p, f, "see");
      checkApi(`${p.key} GET follow-up ${f.id}`, await p.ctx.get(`/api/v1/follow-ups/${f.id}`), see);
      checkApi(`${p.key} GET follow-up activity ${f.id}`, await p.ctx.get(`/api/v1/follow-ups/${f.id}/activity`), see);
      checkApi(`${p.key} GET comments ${f.id}`, await p.ctx.get(`/api/v1/follow-ups/${f.id}/comments`), see);

      const progress = followUpRule(p, f, "progress");
      const manage = followUpRule(p, f, "manage");
      const patches: [string, Outcome, (cur: FollowUp) => Record<string, unknown>][] = [
        ["progress", progress, (cur) => ({ version: cur.version, priority: cur.priority === "high" ? "low" : "high" })],
        ["manage", manage, (cur) => ({ version: cur.version, dueOn: cur.dueOn === "2027-03-01" ? "2027-03-02" : "2027-03-01" })],
      ];
      for (const [kind, want, change] of patches) {
        await unchanged(`${p.key} PATCH follow-up (${kind})`, want, () => readFollowUp(f.id), async () => {
          checkApi(`${p.key} PATCH follow-up (${kind}) ${f.id}`, await p.ctx.patch(`/api/v1/follow-ups/${f.id}`, { data: change(await readFollowUp(f.id)) }), want);
        });
        await unchanged(`${p.key} updateFollowUpAction (${kind})`, want, () => readFollowUp(f.id), async () => {
          const patch = change(await readFollowUp(f.id));
          checkAction(`${p.key} updateFollowUpAction (${kind}) ${f.id}`, await callAction(p.ctx, action("app/(app)/follow-ups/actions.ts#updateFollowUpAction"), [{ id: f.id, patch }]), want);
        });
      }
      await unchanged(`${p.key} POST comment`, progress, () => readComments(f.id), async () => {
        checkApi(`${p.key} POST comment ${f.id}`, await p.ctx.post(`/api/v1/follow-ups/${f.id}/comments`, { data: { body: `Comment by ${p.key}` } }), progress);
      });
      await unchanged(`${p.key} addCommentAction`, progress, () => readComments(f.id), async () => {
        checkAction(`${p.key} addCommentAction ${f.id}`, await callAction(p.ctx, action("app/(app)/follow-ups/actions.ts#addCommentAction"), [{ followUpId: f.id, body: `Action comment by ${p.key}` }]), progress);
      });
    }
    // Adding a follow-up to a meeting one cannot see is refused as an unknown meeting (nothing leaks).
    for (const m of meetings) {
      const want = expected(p, () => (seesMeeting(p, m) ? "ok" : "invalid"));
      const input = { title: `Matrix added by ${p.key}`, meetingId: m.id, priorityAreaId: areaId, ownerOrganisationId: orgId("EEAS") };
      checkApi(`${p.key} POST follow-up on ${m.id}`, await p.ctx.post("/api/v1/follow-ups", { data: input }), want);
      checkAction(`${p.key} createFollowUpAction on ${m.id}`, await callAction(p.ctx, action("app/(app)/follow-ups/actions.ts#createFollowUpAction"), [input]), want);
    }
    if (p.role) {
      const visible = followUps.filter((f) => seesFollowUp(p, f)).map((f) => f.id).sort();
      const list = await json<{ items: { id: string }[] }>(await p.ctx.get("/api/v1/follow-ups?q=Matrix&limit=200"));
      expect(list.items.map((i) => i.id).filter((id) => followUps.some((f) => f.id === id)).sort(), `${p.key} follow-up list`).toEqual(visible);
      // A board column loading on (GET with names=true): the same rows as the list, 25 at a time.
      const column = await json<{ items: { id: string }[] }>(await p.ctx.get("/api/v1/follow-ups?q=Matrix&limit=25&names=true"));
      expect(visible.length, "the matrix's follow-ups fit in one board page").toBeLessThanOrEqual(25);
      for (const f of followUps)
        if (column.items.some((i) => i.id === f.id) !== seesFollowUp(p, f)) failures.push(`${p.key} board column (names=true) ${seesFollowUp(p, f) ? "leaves out" : "lists"} ${f.id}`);
      const csv = await (await p.ctx.get("/api/v1/follow-ups.csv?q=Matrix")).text();
      for (const f of followUps) {
        const title = (await readFollowUp(f.id) as unknown as { title: string }).title;
        expect(csv.includes(title), `${p.key} CSV ${title}`).toBe(seesFollowUp(p, f));
      }
    } else {
      checkApi("anonymous GET follow-ups.csv", await p.ctx.get("/api/v1/follow-ups.csv"), "unauthorized");
    }
  }
  flush();
});

test("documents: read with the record, added with progress (follow-ups) or sight (meetings), removed by the adder, a manager in scope or an admin", async () => {
  const pdf = Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
  const listOf = async (url: string) => (await json<{ items: { id: string }[] }>(await admin.ctx.get(url))).items.map((i) => i.id).sort();
  const records = [
    ...followUps.map((f) => ({ url: `/api/v1/follow-ups/${f.id}/attachments`, see: (p: Person) => followUpRule(p, f, "see"), add: (p: Person) => followUpRule(p, f, "progress"), removesOthers: (p: Person) => manages(p, f) })),
    ...meetings.map((m) => ({ url: `/api/v1/meetings/${m.id}/attachments`, see: (p: Person) => meetingRule(p, m, false), add: (p: Person) => meetingRule(p, m, false), removesOthers: (p: Person) => p.role === "admin" || (p.role === "manager" && editsMeeting(p, m)) })),
  ];
  for (const r of records) {
    for (const p of people) {
      checkApi(`${p.key} GET ${r.url}`, await p.ctx.get(r.url), r.see(p));
      const added = await json<{ id: string }>(await admin.ctx.post(r.url, { multipart: { file: { name: "Admin's file.pdf", mimeType: "application/pdf", buffer: pdf } } }));
      checkApi(`${p.key} GET attachment on ${r.url}`, await p.ctx.get(`/api/v1/attachments/${added.id}`, { maxRedirects: 0 }), r.see(p) === "ok" ? "ok" : r.see(p));
      const add = r.add(p);
      await unchanged(`${p.key} POST file ${r.url}`, add, () => listOf(r.url), async () => {
        const res = await p.ctx.post(r.url, { multipart: { file: { name: `by ${p.key}.pdf`, mimeType: "application/pdf", buffer: pdf } } });
        checkApi(`${p.key} POST file ${r.url}`, res, add);
        if (res.status() === 201) {
          const mine = (await res.json()) as { id: string };
          checkApi(`${p.key} DELETE own ${mine.id}`, await p.ctx.delete(`/api/v1/attachments/${mine.id}`), "ok");
        }
      });
      await unchanged(`${p.key} POST link ${r.url}`, add, () => listOf(r.url), async () => checkApi(`${p.key} POST link ${r.url}`, await p.ctx.post(r.url, { data: { title: "Link", url: "https://example.org/x" } }), add));
      const remove = expected(p, () => (r.see(p) !== "ok" ? "not_found" : r.removesOthers(p) ? "ok" : "forbidden"));
      await unchanged(`${p.key} DELETE admin's`, remove, () => listOf(r.url), async () => checkApi(`${p.key} DELETE admin's on ${r.url}`, await p.ctx.delete(`/api/v1/attachments/${added.id}`), remove));
      if (remove === "ok") {
        checkApi(`${p.key} GET removed`, await p.ctx.get("/api/v1/attachments/removed"), adminRule(p));
        checkAction(`${p.key} restoreAttachmentAction`, await callAction(p.ctx, action("app/(app)/admin/actions.ts#restoreAttachmentAction"), [{ id: added.id }]), adminRule(p));
        // The action restored it for an admin: removed again, so the API's restore has the same to do.
        if (p.role === "admin") checkApi(`${p.key} DELETE again`, await p.ctx.delete(`/api/v1/attachments/${added.id}`), "ok");
        checkApi(`${p.key} POST restore`, await p.ctx.post(`/api/v1/attachments/${added.id}/restore`), adminRule(p));
      }
    }
  }
  flush();
});

test("bulk edit changes only what is in the caller's scope, and lists the rest as refused", async () => {
  for (const p of people.filter((x) => x.role)) {
    const before = await Promise.all(followUps.map((f) => readFollowUp(f.id)));
    const dueOn = `2027-0${people.indexOf(p)}-15`;
    const res = await p.ctx.post("/api/v1/follow-ups/bulk", { data: { ids: followUps.map((f) => f.id), change: { dueOn } } });
    checkApi(`${p.key} bulk`, res, "ok");
    const after = await Promise.all(followUps.map((f) => readFollowUp(f.id)));
    followUps.forEach((f, i) => {
      const changed = after[i]!.dueOn === dueOn;
      const may = seesFollowUp(p, f) && manages(p, f);
      if (changed !== may) failures.push(`${p.key} bulk on ${f.id}: ${changed ? "changed" : "unchanged"}, but the table says ${may ? "may" : "may not"}`);
      if (!may && after[i]!.version !== before[i]!.version) failures.push(`${p.key} bulk on ${f.id}: refused but its version moved`);
    });
  }
  checkApi("anonymous bulk", await people[0]!.ctx.post("/api/v1/follow-ups/bulk", { data: { ids: [followUps[0]!.id], change: { dueOn: "2027-01-01" } } }), "unauthorized");
  // An undo token is its maker's only: anyone else's use of it is refused as invalid and changes nothing.
  const makers = people.filter((x) => x.role && x.role !== "staff");
  const maker = makers[0]!;
  const made = await maker.ctx.post("/api/v1/follow-ups/bulk", { data: { ids: followUps.map((f) => f.id), change: { dueOn: "2028-02-02" } } });
  const token = ((await made.json()) as { undoToken?: string | null }).undoToken;
  if (!token) failures.push(`${maker.key} bulk: no undo token`);
  else {
    for (const p of people.filter((x) => x !== maker)) {
      const before = await Promise.all(followUps.map((f) => readFollowUp(f.id)));
      checkApi(`${p.key} undo of ${maker.key}'s bulk`, await p.ctx.post("/api/v1/follow-ups/bulk/undo", { data: { token } }), p.role ? "invalid" : "unauthorized");
      if (JSON.stringify(await Promise.all(followUps.map((f) => readFollowUp(f.id)))) !== JSON.stringify(before)) failures.push(`${p.key} undid ${maker.key}'s bulk edit`);
    }
    checkApi(`${maker.key} undo of own bulk`, await maker.ctx.post("/api/v1/follow-ups/bulk/undo", { data: { token } }), "ok");
  }
  flush();
});

test("reference lists: everyone signed in reads them; only admins change them, over the API and the server actions", async () => {
  let n = 0;
  const fresh = {
    organisation: async () => json<{ id: string; version: number }>(await admin.ctx.post("/api/v1/organisations", { data: { name: `Matrix organisation ${++n}`, kind: "other" } })),
    area: async () => json<{ id: string; version: number }>(await admin.ctx.post("/api/v1/priority-areas", { data: { name: `Matrix area ${++n}` } })),
    series: async () => json<{ id: string; version: number }>(await admin.ctx.post("/api/v1/meeting-series", { data: { name: `Matrix series ${++n}` } })),
    user: async () => json<{ id: string; version: number }>(await admin.ctx.post("/api/v1/users", { data: { name: `Matrix Person ${++n}`, email: `matrix.person.${n}@eeas.example`, organisationId: orgId("EEAS") } })),
  };
  const list = (url: string) => async () => (await json<{ items: unknown[] }>(await admin.ctx.get(url))).items;
  const one = (url: string) => async () => json<unknown>(await admin.ctx.get(url));
  const areaIds = async () => (await json<{ items: { id: string }[] }>(await admin.ctx.get("/api/v1/priority-areas"))).items.map((a) => a.id);
  const csv = () => `name,acronym,kind,parent acronym,domains\nMatrix Imported ${++n},MI${n},other,,\n`;

  type Op = { name: string; api?: (p: Person) => Promise<APIResponse>; action?: [string, (p: Person) => Promise<unknown>]; state: () => Promise<() => Promise<unknown>> };
  const ops: Op[] = [
    { name: "create organisation", state: async () => list("/api/v1/organisations"), api: (p) => p.ctx.post("/api/v1/organisations", { data: { name: `Matrix org by ${p.key} ${++n}`, kind: "other" } }), action: ["createOrganisationAction", async (p) => ({ name: `Matrix org action ${p.key} ${++n}`, kind: "other" })] },
    ...(["api", "action"] as const).map((via): Op => {
      let target: { id: string; version: number };
      return {
        name: `update organisation (${via})`,
        state: async () => ((target = await fresh.organisation()), one(`/api/v1/organisations/${target.id}`)),
        ...(via === "api" ? { api: (p: Person) => p.ctx.patch(`/api/v1/organisations/${target.id}`, { data: { version: target.version, name: `Renamed by ${p.key}` } }) } : { action: ["updateOrganisationAction", async (p: Person) => ({ id: target.id, patch: { version: target.version, name: `Renamed by ${p.key}` } })] as Op["action"] }),
      };
    }),
    ...(["api", "action"] as const).map((via): Op => {
      let from: { id: string; version: number };
      let into: { id: string; version: number };
      return {
        name: `merge organisations (${via})`,
        state: async () => ((from = await fresh.organisation()), (into = await fresh.organisation()), one(`/api/v1/organisations/${from.id}`)),
        ...(via === "api"
          ? { api: (p: Person) => p.ctx.post(`/api/v1/organisations/${from.id}/merge`, { data: { intoId: into.id, version: from.version } }) }
          : { action: ["mergeOrganisationAction", async () => ({ id: from.id, merge: { intoId: into.id, version: from.version } })] as Op["action"] }),
      };
    }),
    { name: "import organisations", state: async () => list("/api/v1/organisations"), api: (p) => p.ctx.post("/api/v1/organisations/import", { data: { csv: csv(), dryRun: false } }), action: ["importOrganisationsAction", async () => ({ csv: csv(), dryRun: false })] },
    { name: "preview an import", state: async () => list("/api/v1/organisations"), action: ["previewOrganisationImportAction", async () => ({ csv: csv(), dryRun: true })] },
    { name: "create priority area", state: async () => list("/api/v1/priority-areas"), api: (p) => p.ctx.post("/api/v1/priority-areas", { data: { name: `Matrix area by ${p.key} ${++n}` } }), action: ["createPriorityAreaAction", async (p) => ({ name: `Matrix area action ${p.key} ${++n}` })] },
    ...(["api", "action"] as const).map((via): Op => {
      let target: { id: string; version: number };
      return {
        name: `update priority area (${via})`,
        state: async () => ((target = await fresh.area()), one(`/api/v1/priority-areas/${target.id}`)),
        ...(via === "api" ? { api: (p: Person) => p.ctx.patch(`/api/v1/priority-areas/${target.id}`, { data: { version: target.version, description: `By ${p.key}` } }) } : { action: ["updatePriorityAreaAction", async (p: Person) => ({ id: target.id, patch: { version: target.version, description: `By ${p.key}` } })] as Op["action"] }),
      };
    }),
    { name: "reorder priority areas", state: async () => list("/api/v1/priority-areas"), api: async (p) => p.ctx.put("/api/v1/priority-areas/order", { data: { ids: (await areaIds()).reverse() } }), action: ["reorderPriorityAreasAction", async () => ({ ids: (await areaIds()).reverse() })] },
    { name: "create series", state: async () => list("/api/v1/meeting-series"), api: (p) => p.ctx.post("/api/v1/meeting-series", { data: { name: `Matrix series by ${p.key} ${++n}` } }), action: ["createMeetingSeriesAction", async (p) => ({ name: `Matrix series action ${p.key} ${++n}` })] },
    ...(["api", "action"] as const).map((via): Op => {
      let target: { id: string; version: number };
      return {
        name: `update series (${via})`,
        state: async () => ((target = await fresh.series()), one(`/api/v1/meeting-series/${target.id}`)),
        ...(via === "api" ? { api: (p: Person) => p.ctx.patch(`/api/v1/meeting-series/${target.id}`, { data: { version: target.version, description: `By ${p.key}` } }) } : { action: ["updateMeetingSeriesAction", async (p: Person) => ({ id: target.id, patch: { version: target.version, description: `By ${p.key}` } })] as Op["action"] }),
      };
    }),
    { name: "create user", state: async () => list("/api/v1/users"), api: (p) => p.ctx.post("/api/v1/users", { data: { name: "Matrix New", email: `matrix.new.${++n}@eeas.example`, organisationId: orgId("EEAS") } }), action: ["createUserAction", async () => ({ name: "Matrix New", email: `matrix.new.${++n}@eeas.example`, organisationId: orgId("EEAS") })] },
    ...(["api", "action"] as const).map((via): Op => {
      let target: { id: string; version: number };
      return {
        name: `update user (${via})`,
        state: async () => ((target = await fresh.user()), one(`/api/v1/users/${target.id}`)),
        ...(via === "api" ? { api: (p: Person) => p.ctx.patch(`/api/v1/users/${target.id}`, { data: { version: target.version, role: "admin" } }) } : { action: ["updateUserAction", async () => ({ id: target.id, patch: { version: target.version, role: "admin" } })] as Op["action"] }),
      };
    }),
    ...(["api", "action"] as const).map((via): Op => {
      let target: { id: string; version: number };
      return {
        name: `issue a password link (${via})`,
        state: async () => ((target = await fresh.user()), one(`/api/v1/users/${target.id}`)),
        ...(via === "api" ? { api: (p: Person) => p.ctx.post(`/api/v1/users/${target.id}/password-link`) } : { action: ["issuePasswordLinkAction", async () => ({ id: target.id })] as Op["action"] }),
      };
    }),
    ...(["api", "action"] as const).map((via): Op => {
      let target: { id: string; version: number };
      return {
        name: `end a person's sessions (${via})`,
        state: async () => ((target = await fresh.user()), one(`/api/v1/users/${target.id}`)),
        ...(via === "api" ? { api: (p: Person) => p.ctx.delete(`/api/v1/users/${target.id}/sessions`) } : { action: ["endUserSessionsAction", async () => ({ id: target.id })] as Op["action"] }),
      };
    }),
    ...(["api", "action"] as const).map((via): Op => {
      let target: { id: string; version: number };
      return {
        name: `anonymise a person (${via})`,
        state: async () => ((target = await fresh.user()), one(`/api/v1/users/${target.id}`)),
        ...(via === "api" ? { api: (p: Person) => p.ctx.post(`/api/v1/users/${target.id}/anonymise`) } : { action: ["anonymiseUserAction", async () => ({ id: target.id })] as Op["action"] }),
      };
    }),
    { name: "set the retention period", state: async () => one("/api/v1/me"), action: ["setRetentionAction", async () => ({ days: 400 })] },
  ];

  for (const op of ops) {
    // Admin last, so the refusals are checked against the untouched target.
    for (const p of [...people.filter((x) => x.role !== "admin"), admin]) {
      const want = adminRule(p);
      const read = await op.state();
      if (op.api) await unchanged(`${p.key} ${op.name} (API)`, want, read, async () => checkApi(`${p.key} ${op.name} (API)`, await op.api!(p), want));
      if (op.action) {
        const [name, args] = op.action;
        await unchanged(`${p.key} ${op.name} (action)`, want, read, async () => checkAction(`${p.key} ${op.name} (action)`, await callAction(p.ctx, action(`app/(app)/admin/actions.ts#${name}`), [await args(p)]), want));
      }
    }
  }
  // Reading: the lists are for everyone signed in; users and the whole audit trail are for admins.
  for (const p of people) {
    for (const url of ["/api/v1/organisations", `/api/v1/organisations/${orgId("EEAS")}`, "/api/v1/priority-areas", `/api/v1/priority-areas/${areaId}`, "/api/v1/meeting-series", "/api/v1/me", "/api/v1/me/export"]) {
      checkApi(`${p.key} GET ${url}`, await p.ctx.get(url), signedInRule(p));
    }
    const series = (await json<{ items: { id: string }[] }>(await admin.ctx.get("/api/v1/meeting-series"))).items[0]!.id;
    checkApi(`${p.key} GET series`, await p.ctx.get(`/api/v1/meeting-series/${series}`), signedInRule(p));
    checkApi(`${p.key} GET series stats`, await p.ctx.get(`/api/v1/meeting-series/${series}/stats`), signedInRule(p));
    checkApi(`${p.key} GET sdg-targets`, await p.ctx.get("/api/v1/sdg-targets"), signedInRule(p));
    checkAction(`${p.key} listPeopleAction`, await callAction(p.ctx, action("app/(app)/people-actions.ts#listPeopleAction"), [{}]), signedInRule(p));
    checkApi(`${p.key} GET follow-ups names=true`, await p.ctx.get("/api/v1/follow-ups?status=open&names=true&limit=25"), signedInRule(p));
    checkAction(`${p.key} listMeetingOptionsAction`, await callAction(p.ctx, action("app/(app)/people-actions.ts#listMeetingOptionsAction"), [{}]), signedInRule(p));
    // An organisation's accountability view: open to everyone signed in, listing only what they may see.
    for (const acronym of ["ROSEN", "EEAS", "DG HOME"]) {
      const res = await p.ctx.get(`/api/v1/organisations/${orgId(acronym)}/accountability`);
      checkApi(`${p.key} GET accountability ${acronym}`, res, signedInRule(p));
      if (p.role && res.ok()) {
        const listed = ((await res.json()) as { items: { id: string }[] }).items.map((i) => i.id);
        for (const f of followUps) if (listed.includes(f.id) && !seesFollowUp(p, f)) failures.push(`${p.key} accountability of ${acronym} lists ${f.id}, which they may not see`);
      }
    }
    for (const url of ["/api/v1/users", `/api/v1/users/${admin.id}`, "/api/v1/activity"]) checkApi(`${p.key} GET ${url}`, await p.ctx.get(url), adminRule(p));
  }
  flush();
});

test("saved views: one's own, or shared with one's organisation; nobody deletes another's", async () => {
  const create = action("app/(app)/saved-views/actions.ts#createSavedViewAction");
  const remove = action("app/(app)/saved-views/actions.ts#deleteSavedViewAction");
  const owner = people.find((p) => p.key === "staff EEAS")!;
  const made = await callAction(owner.ctx, create, [{ name: "Matrix view", path: "/board", query: "?overdue=true", shared: true }]);
  expect(made.ok, made.text.slice(0, 200)).toBe(true);
  const id = /"id":"([0-9a-f-]{36})"/.exec(made.text)?.[1];
  expect(id).toBeTruthy();
  for (const p of people.filter((x) => x.id !== owner.id)) checkAction(`${p.key} deletes another's view`, await callAction(p.ctx, remove, [{ id }]), expected(p, () => "not_found"));
  checkAction("owner deletes own view", await callAction(owner.ctx, remove, [{ id }]), "ok");
  flush();
});

test("calendar feeds: each person makes and turns off only their own; the feed, public by token, holds only what its owner may see", async () => {
  const create = action("app/(app)/profile/actions.ts#createCalendarFeedAction");
  const revoke = action("app/(app)/profile/actions.ts#revokeCalendarFeedAction");
  const anonymous = people[0]!;
  const uids = (ics: string, kind: string) => [...ics.replace(/\r\n[ \t]/g, "").matchAll(new RegExp(`^UID:${kind}-([0-9a-f-]{36})@`, "gm"))].map((m) => m[1]!);
  const takesPart = (p: Person, m: Meeting) => [...m.participantOrganisationIds, ...(m.hostOrganisationId ? [m.hostOrganisationId] : [])].some((o) => related(p.organisationId!, o));
  for (const p of people.filter((x) => x.role)) {
    const made = await callAction(p.ctx, create, [{}]);
    checkAction(`${p.key} createCalendarFeedAction`, made, "ok");
    const path = new URL(/"url":"([^"]+)"/.exec(made.text)?.[1] ?? "http://x/none").pathname;
    const feed = await anonymous.ctx.get(path);
    checkApi(`${p.key}'s feed, fetched without a cookie`, feed, "ok");
    const ics = await feed.text();
    // The matrix's meetings (held 2026-10-01) and follow-ups (open, due 2027) that belong in it, and no others.
    const wantMeetings = meetings.filter((m) => seesMeeting(p, m) && (takesPart(p, m) || m.createdById === p.id)).map((m) => m.id).sort();
    const wantDue = followUps.filter((f) => seesFollowUp(p, f) && (f.ownerUserId === p.id || f.ownerOrganisationId === p.organisationId)).map((f) => f.id).sort();
    expect(uids(ics, "meeting").filter((id) => meetings.some((m) => m.id === id)).sort(), `${p.key}'s feed: meetings`).toEqual(wantMeetings);
    expect(uids(ics, "follow-up").filter((id) => followUps.some((f) => f.id === id)).sort(), `${p.key}'s feed: due dates`).toEqual(wantDue);
    checkAction(`${p.key} revokeCalendarFeedAction`, await callAction(p.ctx, revoke, [{}]), "ok");
    checkApi(`${p.key}'s feed after turning it off`, await anonymous.ctx.get(path), "not_found");
    // A signed-in person's cookie does not open a feed that is off: only the token counts.
    checkApi(`${p.key}'s own cookie on their revoked feed`, await p.ctx.get(path), "not_found");
  }
  for (const bad of ["/api/calendar/not-a-token.ics", `/api/calendar/${"A".repeat(43)}.ics`, `/api/calendar/${"A".repeat(43)}`]) checkApi(`anonymous GET ${bad}`, await anonymous.ctx.get(bad), "not_found");
  flush();
});

test("e-mail reminders: each sets only their own choices; unsubscribing needs a signed token, running the reminders the data directory's key — no session grants either", async () => {
  const prefs = action("app/(app)/profile/actions.ts#updateDigestPreferencesAction");
  const unsubscribeByAction = action("app/(auth)/unsubscribe/actions.ts#unsubscribeAction");
  const someone = Buffer.from(`${admin.id}.digest`).toString("base64url");
  const forged = [`${someone}.${"A".repeat(43)}`, "not-a-token", ""];
  for (const p of people) {
    // The action has no user field: whoever calls it changes their own settings, and nobody else's.
    checkAction(`${p.key} sets their reminders`, await callAction(p.ctx, prefs, [{ frequency: "daily", days: 5, assignmentNotices: true }]), expected(p, () => "ok"));
    checkAction(`${p.key} sets an hourly digest`, await callAction(p.ctx, prefs, [{ frequency: "hourly", assignmentNotices: true }]), expected(p, () => "invalid"));
    const modes = { assigned: "immediately", mentioned: "immediately", commented: "never", status_changed: "digest", document: "digest", redated: "digest", due_tomorrow: "digest", overdue: "never" };
    checkAction(`${p.key} sets their notification e-mails`, await callAction(p.ctx, action("app/(app)/profile/actions.ts#updateNotificationMailAction"), [modes]), expected(p, () => "ok"));
    // The language is each person's own: anyone signed in sets theirs (English here, so the rest reads the same), never an unknown one.
    checkApi(`${p.key} sets their language`, await p.ctx.patch("/api/v1/me", { data: { locale: "en" } }), expected(p, () => "ok"));
    checkApi(`${p.key} sets an unknown language`, await p.ctx.patch("/api/v1/me", { data: { locale: "de" } }), expected(p, () => "invalid"));
    checkAction(`${p.key} setLocaleAction`, await callAction(p.ctx, action("app/(app)/profile/actions.ts#setLocaleAction"), [{ locale: "en" }]), expected(p, () => "ok"));
    checkAction(`${p.key} sets an hourly notification e-mail`, await callAction(p.ctx, action("app/(app)/profile/actions.ts#updateNotificationMailAction"), [{ ...modes, mentioned: "hourly" }]), expected(p, () => "invalid"));
    for (const token of forged) {
      checkApi(`${p.key} one-click unsubscribe with a forged token "${token.slice(0, 12)}"`, await p.ctx.post(`/api/v1/unsubscribe?token=${encodeURIComponent(token)}`, { data: "List-Unsubscribe=One-Click" }), "invalid");
      checkAction(`${p.key} unsubscribeAction with a forged token "${token.slice(0, 12)}"`, await callAction(p.ctx, unsubscribeByAction, [{ token }]), "invalid");
    }
    checkApi(`${p.key} one-click unsubscribe without a token`, await p.ctx.post("/api/v1/unsubscribe"), "invalid");
    checkApi(`${p.key} runs the reminders with their session`, await p.ctx.post("/api/internal/reminders"), "unauthorized");
    checkApi(`${p.key} runs the reminders with a made-up key`, await p.ctx.post("/api/internal/reminders", { headers: { authorization: `Bearer ${"x".repeat(43)}` } }), "unauthorized");
  }
  flush();
});

test("a forged Origin is refused before anything happens, for the API and the server actions", async () => {
  const m = meetings[0]!;
  const forged = { origin: "https://attacker.example" };
  await unchanged("forged Origin PATCH", "forbidden", () => readMeeting(m.id), async () => {
    const { version } = await readMeeting(m.id);
    checkApi("admin PATCH with a forged Origin", await admin.ctx.patch(`/api/v1/meetings/${m.id}`, { data: { version, location: "Forged" }, headers: forged }), "forbidden");
  });
  await unchanged("forged Origin action", "forbidden", () => readMeeting(m.id), async () => {
    const { version } = await readMeeting(m.id);
    const answer = await callAction(admin.ctx, action("app/(app)/meetings/actions.ts#updateMeetingAction"), [{ id: m.id, patch: { version, location: "Forged action" } }], forged);
    if (answer.ok === true) failures.push("a server action with a forged Origin ran");
  });
  flush();
});

test("webhooks are the admins' alone; a person's own tokens are theirs, an admin revokes any", async () => {
  const hook = await json<{ id: string }>(await admin.ctx.post("/api/v1/webhooks", { data: { url: "http://127.0.0.1:9/matrix", events: ["follow_up.created"] } }));
  const ping = await json<{ deliveryId: string }>(await admin.ctx.post(`/api/v1/webhooks/${hook.id}/ping`));
  for (const p of [...people.filter((x) => x.role !== "admin"), admin]) {
    const want = adminRule(p);
    checkApi(`${p.key} GET webhooks`, await p.ctx.get("/api/v1/webhooks"), want);
    checkApi(`${p.key} POST webhook`, await p.ctx.post("/api/v1/webhooks", { data: { url: "http://127.0.0.1:9/other", events: ["meeting.created"] } }), want);
    checkApi(`${p.key} GET webhook`, await p.ctx.get(`/api/v1/webhooks/${hook.id}`), want);
    // What a PATCH could change; the delivery state (failing since…) moves on its own as the sender retries.
    const settings = async () => {
      const w = await json<{ url: string; events: string[]; includeRestricted: boolean }>(await admin.ctx.get(`/api/v1/webhooks/${hook.id}`));
      return { url: w.url, events: w.events, includeRestricted: w.includeRestricted };
    };
    await unchanged(`${p.key} PATCH webhook`, want, settings, async () =>
      checkApi(`${p.key} PATCH webhook`, await p.ctx.patch(`/api/v1/webhooks/${hook.id}`, { data: { includeRestricted: p.role === "admin" } }), want),
    );
    checkApi(`${p.key} GET deliveries`, await p.ctx.get(`/api/v1/webhooks/${hook.id}/deliveries`), want);
    checkApi(`${p.key} POST ping`, await p.ctx.post(`/api/v1/webhooks/${hook.id}/ping`), want === "ok" ? "ok" : want);
    checkApi(`${p.key} POST resend`, await p.ctx.post(`/api/v1/webhooks/${hook.id}/deliveries/${ping.deliveryId}/resend`), want);
  }
  for (const p of people.filter((x) => x.role !== "admin")) checkApi(`${p.key} DELETE webhook`, await p.ctx.delete(`/api/v1/webhooks/${hook.id}`), adminRule(p));
  checkApi("admin DELETE webhook", await admin.ctx.delete(`/api/v1/webhooks/${hook.id}`), "ok");

  // Tokens: each person lists and revokes their own; another's is 404 (an admin's excepted); everyone's list is the admins'.
  const owner = people.find((p) => p.key === "staff EEAS")!;
  const theirs = await json<{ id: string }>(await owner.ctx.post("/api/v1/tokens", { data: { name: "matrix", scope: "read" } }));
  for (const p of people) {
    checkApi(`${p.key} GET tokens`, await p.ctx.get("/api/v1/tokens"), signedInRule(p));
    checkApi(`${p.key} GET all tokens`, await p.ctx.get("/api/v1/tokens?all=true"), adminRule(p));
    checkApi(`${p.key} POST token`, await p.ctx.post("/api/v1/tokens", { data: { name: `by ${p.key}`, scope: "read" } }), signedInRule(p));
    if (p.role !== "admin" && p.id !== owner.id) checkApi(`${p.key} DELETE another's token`, await p.ctx.delete(`/api/v1/tokens/${theirs.id}`), expected(p, () => "not_found"));
  }
  checkApi("admin DELETE another's token", await admin.ctx.delete(`/api/v1/tokens/${theirs.id}`), "ok");
  flush();
});

test("import and .xlsx export: everyone signed in; into a meeting only one they can see; the workbook lists only what they may see", async () => {
  const ExcelJS = (await import("exceljs")).default;
  for (const p of people) {
    const x = await p.ctx.get("/api/v1/follow-ups.xlsx?q=Matrix");
    checkApi(`${p.key} GET follow-ups.xlsx`, x, signedInRule(p));
    if (p.role && x.ok()) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await x.body()) as unknown as ArrayBuffer);
      const titles = new Set<string>();
      wb.getWorksheet("Follow-ups")!.eachRow((row) => titles.add(String(row.getCell(2).value)));
      for (const f of followUps) {
        const title = ((await readFollowUp(f.id)) as unknown as { title: string }).title;
        if (titles.has(title) !== seesFollowUp(p, f)) failures.push(`${p.key} .xlsx ${seesFollowUp(p, f) ? "leaves out" : "lists"} ${f.id}`);
      }
    }
    const csv = `Action;Responsible;Due\nMatrix import by ${p.key};EEAS;30/06/2027\n`;
    for (const m of [null, ...meetings]) {
      const multipart: Record<string, string | { name: string; mimeType: string; buffer: Buffer }> = { file: { name: "matrix.csv", mimeType: "text/csv", buffer: Buffer.from(csv) }, dryRun: "true" };
      if (m) multipart.meetingId = m.id;
      const want = expected(p, () => (!m || seesMeeting(p, m) ? "ok" : "not_found"));
      checkApi(`${p.key} POST import ${m ? `into ${m.id}` : ""}`, await p.ctx.post("/api/v1/follow-ups/import", { multipart }), want);
    }
  }
  flush();
});

test("bearer tokens: every route with read and read-write tokens of each role answers as its owner, capped by its scope; tokens cannot manage tokens", async () => {
  type TokenPerson = Person & { scope: "read" | "read-write"; owner: Person; authorization: string };
  const tokenPeople: TokenPerson[] = [];
  for (const p of people.filter((x) => x.role)) {
    for (const scope of ["read", "read-write"] as const) {
      const made = await json<{ token: string }>(await p.ctx.post("/api/v1/tokens", { data: { name: `matrix ${scope}`, scope } }));
      // No cookie at all: the token is the only credential.
      const ctx = await playwrightRequest.newContext({ baseURL: server.baseURL, extraHTTPHeaders: { authorization: `Bearer ${made.token}` } });
      tokenPeople.push({ ...p, key: `${p.key} (${scope} token)`, ctx, scope, owner: p, authorization: `Bearer ${made.token}` });
    }
  }
  const hook = await json<{ id: string }>(await admin.ctx.post("/api/v1/webhooks", { data: { url: "http://127.0.0.1:9/matrix-tokens", events: ["follow_up.created"] } }));
  const ping = await json<{ deliveryId: string }>(await admin.ctx.post(`/api/v1/webhooks/${hook.id}/ping`));
  const tokenRoutes = new Set(["GET /api/v1/tokens", "POST /api/v1/tokens", "DELETE /api/v1/tokens/[tokenId]"]);
  const ids: Record<string, string> = { meetingId: meetings[1]!.id, followUpId: followUps[2]!.id, organisationId: orgId("EEAS"), priorityAreaId: areaId, seriesId: meetings[0]!.id, userId: admin.id!, tokenId: admin.id!, webhookId: hook.id, deliveryId: ping.deliveryId };
  // The event stream never ends by itself: it is tried with each token below, not fetched whole.
  const streams = ["GET /api/v1/events"];
  // Ending sessions would sign the matrix's own people out (the owner's call is made for comparison): proven in e2e/security.spec.ts and the integration tests.
  const sessionEnders = ["DELETE /api/v1/me/sessions", "DELETE /api/v1/users/[userId]/sessions"];
  const routes = coveredRoutes.filter((r) => !publicRoutes.includes(r) && r !== "POST /api/internal/reminders" && !streams.includes(r) && !sessionEnders.includes(r));
  try {
    for (const t of tokenPeople) {
      const ctl = new AbortController();
      const res = await fetch(`${server.baseURL}/api/v1/events`, { headers: { authorization: t.authorization, accept: "text/event-stream" }, signal: ctl.signal });
      ctl.abort();
      // The live stream belongs to a signed-in tab and ends with its session: a token does not open it.
      if (res.status !== 401) failures.push(`${t.key} GET /api/v1/events: HTTP ${res.status}, expected 401 (streams are for sessions)`);
    }
    for (const t of tokenPeople) {
      for (const route of routes) {
        const [method, pattern] = route.split(" ") as [string, string];
        // A DELETE goes to an id that names nothing: compared, not carried out.
        const url = pattern.replace(/\[(\w+)\]/g, (_, name: string) => (method === "DELETE" ? admin.id! : ids[name]!));
        const call = (ctx: APIRequestContext) => ctx.fetch(url, { method, data: method === "GET" ? undefined : {}, maxRedirects: 0 });
        if (tokenRoutes.has(route)) {
          checkApi(`${t.key} ${route}`, await call(t.ctx), "forbidden");
        } else if (method === "GET") {
          // A read answers exactly as the owner's session does (that answer is checked against the table above).
          const [mine, owners] = [await call(t.ctx), await call(t.owner.ctx)];
          if (mine.status() !== owners.status()) failures.push(`${t.key} ${route}: HTTP ${mine.status()}, its owner's session HTTP ${owners.status()}`);
        } else if (t.scope === "read") {
          checkApi(`${t.key} ${route}`, await call(t.ctx), "forbidden");
        } else {
          // An empty body changes nothing: the token is refused or accepted as its owner is (400, 403, 404).
          const [mine, owners] = [await call(t.ctx), await call(t.owner.ctx)];
          if (mine.status() !== owners.status()) failures.push(`${t.key} ${route} {}: HTTP ${mine.status()}, its owner's session HTTP ${owners.status()}`);
        }
      }
      // Real writes: a follow-up's progress and a meeting's edit, per the access table; a read token changes nothing.
      for (const f of followUps) {
        const want: Outcome = t.scope === "read" ? "forbidden" : followUpRule(t.owner, f, "progress");
        await unchanged(`${t.key} PATCH follow-up`, want, () => readFollowUp(f.id), async () => {
          const cur = await readFollowUp(f.id);
          const res = await t.ctx.patch(`/api/v1/follow-ups/${f.id}`, { data: { version: cur.version, priority: cur.priority === "high" ? "low" : "high" }, headers: { origin: "https://elsewhere.example" } });
          // Bearer requests are exempt from the Origin check (a browser cannot forge this header cross-site).
          checkApi(`${t.key} PATCH follow-up ${f.id} (with a foreign Origin)`, res, t.scope === "read" ? "forbidden" : want === "not_found" ? "not_found" : want);
        });
      }
      for (const m of meetings) {
        const want: Outcome = t.scope === "read" ? "forbidden" : meetingRule(t.owner, m, true);
        await unchanged(`${t.key} PATCH meeting`, want, () => readMeeting(m.id), async () => {
          const { version } = await readMeeting(m.id);
          checkApi(`${t.key} PATCH meeting ${m.id}`, await t.ctx.patch(`/api/v1/meetings/${m.id}`, { data: { version, location: `By ${t.key}` } }), want);
        });
      }
    }
    // A revoked token is dead at once.
    const victim = tokenPeople[0]!;
    const list = await json<{ items: { id: string; name: string }[] }>(await victim.owner.ctx.get("/api/v1/tokens"));
    for (const tok of list.items.filter((i) => i.name === "matrix read")) await victim.owner.ctx.delete(`/api/v1/tokens/${tok.id}`);
    checkApi("a revoked token", await victim.ctx.get("/api/v1/me"), "unauthorized");
  } finally {
    for (const t of tokenPeople) await t.ctx.dispose();
  }
  flush();
});
