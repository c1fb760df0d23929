import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, asc, desc, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { apiTokens, users } from "@/db/schema";
import { env } from "@/server/env";
import { AppError, invalid, notFound } from "@/lib/errors";
import { vm } from "@/lib/i18n/validation";
import type { Viewer } from "@/lib/policy";
import { type ApiTokenInput, type ApiTokenScope, DEFAULT_TOKEN_DAYS, MAX_TOKEN_DAYS } from "@/lib/validation/api-tokens";
import { recordEvent } from "./activity";
import { assertAdmin } from "./admin";
import { loadViewer } from "./users";

/**
 * Why a prefix and only a hash: `ct_` lets secret scanners (GitHub's, GitLab's) recognise a leaked
 * token; the hash means a copy of the database (a backup) hands out no access. SHA-256 is enough
 * for 32 random bytes (nothing to guess), and fast enough to run on every request.
 */
export const TOKEN_PREFIX = "ct_";
const tokenPattern = /^ct_[A-Za-z0-9_-]{43}$/;
const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");
/** How many addresses a token remembers (a use from one it does not know is audited). */
const KNOWN_ADDRESSES = 20;

const DAY = 86_400_000;
const todayUtc = () => new Date().toISOString().slice(0, 10);

/** The moment a token expires: the end (UTC) of the chosen day; null for "never". */
function expiryOf(input: ApiTokenInput, now: Date): Date | null {
  if (input.expiresOn === "never") {
    if (env().API_TOKENS_NEVER_EXPIRE !== "true") throw invalid("api_token", { expiresOn: vm("tokenMustExpire") });
    return null;
  }
  const day = input.expiresOn ?? new Date(now.getTime() + DEFAULT_TOKEN_DAYS * DAY).toISOString().slice(0, 10);
  if (day <= todayUtc()) throw invalid("api_token", { expiresOn: vm("tokenExpiryFuture") });
  const latest = new Date(now.getTime() + MAX_TOKEN_DAYS * DAY).toISOString().slice(0, 10);
  if (day > latest) throw invalid("api_token", { expiresOn: vm("tokenExpiryMax", { latestDate: latest }) });
  return new Date(`${day}T23:59:59.999Z`);
}

const listColumns = {
  id: apiTokens.id,
  name: apiTokens.name,
  scope: apiTokens.scope,
  prefix: apiTokens.prefix,
  expiresAt: apiTokens.expiresAt,
  lastUsedAt: apiTokens.lastUsedAt,
  createdAt: apiTokens.createdAt,
  revokedAt: apiTokens.revokedAt,
};
type TokenRow = { id: string; name: string; scope: ApiTokenScope; prefix: string; expiresAt: Date | null; lastUsedAt: Date | null; createdAt: Date; revokedAt: Date | null };

export function toApiTokenJson(t: TokenRow, now = new Date()) {
  return {
    id: t.id,
    name: t.name,
    scope: t.scope,
    prefix: t.prefix,
    expiresOn: t.expiresAt ? t.expiresAt.toISOString().slice(0, 10) : null,
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    createdAt: t.createdAt.toISOString(),
    revokedAt: t.revokedAt?.toISOString() ?? null,
    state: t.revokedAt ? "revoked" : t.expiresAt && t.expiresAt <= now ? "expired" : "active",
  };
}
export type ApiTokenJson = ReturnType<typeof toApiTokenJson>;

/** Makes a token for the viewer; the token itself is in the answer this once and never again. */
export async function createApiToken(db: Db, viewer: Viewer, input: ApiTokenInput, now = new Date()) {
  const expiresAt = expiryOf(input, now);
  const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiTokens)
      .values({ userId: viewer.id, name: input.name, scope: input.scope, tokenHash: sha256(token), prefix: token.slice(0, 8), expiresAt })
      .returning(listColumns);
    if (!row) throw new Error("insert returned nothing");
    await recordEvent(tx, viewer.id, "user", viewer.id, "api_token_created", { tokenId: row.id, name: row.name, scope: row.scope, expiresOn: toApiTokenJson(row).expiresOn });
    return { ...toApiTokenJson(row, now), token };
  });
}

/** The viewer's own tokens, newest first (revoked ones too, to see what was). */
export async function listApiTokens(db: Db, viewer: Viewer) {
  const rows = await db.select(listColumns).from(apiTokens).where(eq(apiTokens.userId, viewer.id)).orderBy(desc(apiTokens.createdAt));
  return rows.map((r) => toApiTokenJson(r));
}

/** Every token, by user (admins only). */
export async function listAllApiTokens(db: Db, viewer: Viewer) {
  assertAdmin(viewer);
  const rows = await db
    .select({ ...listColumns, userId: apiTokens.userId, userName: users.name, userEmail: users.email, userActive: users.active })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .orderBy(asc(users.name), desc(apiTokens.createdAt));
  return rows.map((r) => ({ ...toApiTokenJson(r), userId: r.userId, userName: r.userName, userEmail: r.userEmail, userActive: r.userActive }));
}

/** Revokes a token: the owner's own, or any for an admin. Someone else's answers 404 (it does not exist for them). */
export async function revokeApiToken(db: Db, viewer: Viewer, id: string) {
  return db.transaction(async (tx) => {
    const [row] = await tx.select({ userId: apiTokens.userId, name: apiTokens.name, revokedAt: apiTokens.revokedAt }).from(apiTokens).where(eq(apiTokens.id, id)).for("update");
    if (!row || (row.userId !== viewer.id && viewer.role !== "admin")) throw notFound("api_token");
    if (!row.revokedAt) {
      await tx.update(apiTokens).set({ revokedAt: new Date() }).where(eq(apiTokens.id, id));
      await recordEvent(tx, viewer.id, "user", row.userId, "api_token_revoked", { tokenId: id, name: row.name });
    }
    return { id, revoked: true };
  });
}

export type TokenViewer = { viewer: Viewer; scope: ApiTokenScope; tokenId: string };

/**
 * The owner behind a bearer token, as the viewer it acts as, with its scope; a 401 for a token that
 * is malformed, unknown, revoked, expired, or whose owner is deactivated. Marks it used (at most
 * once a minute), and audits the first use from an address it has not been used from.
 */
export async function authenticateToken(db: Db, token: string, address: string | null, now = new Date()): Promise<TokenViewer> {
  const refused = (why: string) => new AppError("unauthorized:token", why);
  if (!tokenPattern.test(token)) throw refused(vm("tokenInvalid"));
  const [row] = await db
    .select({ id: apiTokens.id, userId: apiTokens.userId, scope: apiTokens.scope, expiresAt: apiTokens.expiresAt, lastUsedAt: apiTokens.lastUsedAt, usedFrom: apiTokens.usedFrom })
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, sha256(token)), isNull(apiTokens.revokedAt)));
  if (!row) throw refused(vm("tokenUnknown"));
  if (row.expiresAt && row.expiresAt <= now) throw refused(vm("tokenExpired"));
  const viewer = await loadViewer(db, row.userId); // null for a deactivated user
  if (!viewer) throw refused(vm("tokenOwnerInactive"));
  const addr = address ?? "unknown";
  const newAddress = !row.usedFrom.includes(addr);
  if (newAddress || !row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
    const usedFrom = newAddress ? [addr, ...row.usedFrom].slice(0, KNOWN_ADDRESSES) : row.usedFrom;
    await db.transaction(async (tx) => {
      await tx.update(apiTokens).set({ lastUsedAt: now, usedFrom }).where(eq(apiTokens.id, row.id));
      if (newAddress) await recordEvent(tx, row.userId, "user", row.userId, "api_token_used", { tokenId: row.id, address: addr });
    });
  }
  return { viewer, scope: row.scope, tokenId: row.id };
}
