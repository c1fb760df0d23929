import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { createExclusive } from "@/db/lock";

/** The environment, parsed once. A missing or malformed setting stops the program with a sentence naming it. */
const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgres:// or postgresql:// URL")
    .optional(),
  DATA_DIR: z.string().min(1).default("./data"),
  AUTH_SECRET: z.string().min(16, "AUTH_SECRET must be at least 16 characters").optional(),
  DEMO_DATA: z.enum(["true", "false"]).optional(),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(60),
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  /** The address people reach the app at, for links that leave it (calendar files and feeds). */
  APP_URL: z
    .string()
    .regex(/^https?:\/\/[^/\s]+(\/\S*)?$/, "APP_URL must be the http:// or https:// address people open the app at, such as https://tracker.example.org")
    .transform((url) => {
      // A loop, not /\/+$/: an end-anchored run is retried from every position (quadratic).
      let end = url.length;
      while (end > 0 && url[end - 1] === "/") end--;
      return url.slice(0, end);
    }),
  /** E-mail reminders go to this SMTP server; without it, mail is off. */
  SMTP_URL: z
    .url({ protocol: /^smtps?$/, error: "SMTP_URL must be an smtp:// or smtps:// URL, like smtp://user:password@mail.example.org:587" })
    .optional(),
  MAIL_FROM: z
    .string()
    .regex(/^[^<>@\s]+@[^<>@\s]+$|<[^<>@\s]+@[^<>@\s]+>$/, "MAIL_FROM must be an e-mail address, optionally with a name: Cooperation Tracker <tracker@example.org>")
    .default("Cooperation Tracker <tracker@localhost>"),
  REMINDERS: z.enum(["on", "off"], "REMINDERS must be on (send reminders from the server every 15 minutes) or off").default("off"),
  REMINDER_DAYS: z.coerce
    .number("REMINDER_DAYS must be a number of days")
    .int("REMINDER_DAYS must be a whole number of days")
    .min(1, "REMINDER_DAYS must be between 1 and 60")
    .max(60, "REMINDER_DAYS must be between 1 and 60")
    .default(7),
  REMINDER_HOUR: z.coerce
    .number("REMINDER_HOUR must be an hour of the day, 0 to 23 (UTC)")
    .int("REMINDER_HOUR must be an hour of the day, 0 to 23 (UTC)")
    .min(0, "REMINDER_HOUR must be an hour of the day, 0 to 23 (UTC)")
    .max(23, "REMINDER_HOUR must be an hour of the day, 0 to 23 (UTC)")
    .default(6),
  // Single sign-on (OpenID Connect): the three go together; see oidcConfig().
  // https only, except on this machine (the e2e suite's test provider): Auth.js itself lets
  // oauth4webapi talk plain http to any issuer (allowInsecureRequests), so the check is here.
  OIDC_ISSUER: z
    .url({ protocol: /^https?$/, error: "OIDC_ISSUER must be the provider's issuer URL, like https://login.microsoftonline.com/<tenant>/v2.0" })
    .refine((u) => u.startsWith("https://") || /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(\/|$)/.test(u), "OIDC_ISSUER must be an https:// URL (plain http only for a provider on this machine, 127.0.0.1 or localhost)")
    .optional(),
  // Read by Auth.js itself: the address users open the app at. Single sign-on needs it in production
  // (the provider's redirect URI is built from it; Next's own request URL says localhost).
  AUTH_URL: z.url({ protocol: /^https?$/, error: "AUTH_URL must be the address users open the tracker at, like https://tracker.example.org" }).optional(),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  OIDC_NAME: z.string().trim().max(60, "OIDC_NAME must be at most 60 characters").optional(),
  OIDC_TRUST_EMAIL: z.enum(["true", "false"], { error: "OIDC_TRUST_EMAIL must be true or false" }).default("false"),
  PASSWORD_SIGNIN: z.enum(["true", "false"], { error: "PASSWORD_SIGNIN must be true or false" }).default("true"),
  /** Webhooks may reach loopback and private addresses (on-premise receivers, tests); off: refused as SSRF. */
  WEBHOOK_ALLOW_PRIVATE: z.enum(["true", "false"], { error: "WEBHOOK_ALLOW_PRIVATE must be true or false" }).default("false"),
  /**
   * Live event streams: a stream that has just been written to keeps the events of the next this-many
   * milliseconds and writes them as one chunk (0: one write per event). See server/event-stream.ts.
   */
  EVENTS_BATCH_MS: z.coerce
    .number("EVENTS_BATCH_MS must be a number of milliseconds, 0 to 1000")
    .int("EVENTS_BATCH_MS must be a whole number of milliseconds, 0 to 1000")
    .min(0, "EVENTS_BATCH_MS must be a number of milliseconds, 0 to 1000")
    .max(1000, "EVENTS_BATCH_MS must be a number of milliseconds, 0 to 1000")
    .default(250),
  /** The admin's choice that API tokens may be made without an expiry ("never"); off: at most a year. */
  API_TOKENS_NEVER_EXPIRE: z.enum(["true", "false"], { error: "API_TOKENS_NEVER_EXPIRE must be true or false" }).default("false"),
});

const oidcSettings = ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"] as const;

export type Env = z.infer<typeof schema> & { engine: "pglite" | "postgres" };

let cached: Env | undefined;

/** Mail is on when an SMTP server is set. */
export const mailOn = () => !!env().SMTP_URL;

export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse({
    ...process.env,
    // An empty variable counts as unset.
    ...Object.fromEntries(
      [
        ...["DATABASE_URL", "AUTH_SECRET", "SESSION_IDLE_MINUTES", "SESSION_MAX_HOURS", "AUTH_URL", "PASSWORD_SIGNIN", "OIDC_NAME", "OIDC_TRUST_EMAIL", ...oidcSettings],
        ...["SMTP_URL", "MAIL_FROM", "REMINDERS", "REMINDER_DAYS", "REMINDER_HOUR", "EVENTS_BATCH_MS"],
      ].map((k) => [k, process.env[k] || undefined]),
    ),
    // The default is right for `npm start` on this machine; a deployment behind a proxy sets its public address
    // (AUTH_URL, which Auth.js reads for single sign-on, is the same address).
    APP_URL: process.env.APP_URL || process.env.AUTH_URL || `http://localhost:${process.env.PORT || 3000}`,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid setting ${issue?.path.join(".")}: ${issue?.message}`);
  }
  const oidcSet = oidcSettings.filter((k) => parsed.data[k]);
  const missing = oidcSettings.find((k) => !parsed.data[k]);
  if (oidcSet.length && missing) {
    throw new Error(`Invalid setting ${missing}: single sign-on needs OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET together; ${oidcSet.join(" and ")} ${oidcSet.length > 1 ? "are" : "is"} set but ${missing} is not.`);
  }
  if (oidcSet.length && parsed.data.NODE_ENV === "production" && !parsed.data.AUTH_URL) {
    throw new Error(
      "Invalid setting AUTH_URL: single sign-on needs AUTH_URL, the address users open the tracker at (like https://tracker.example.org); the provider sends them back to AUTH_URL/api/auth/callback/oidc.",
    );
  }
  if (parsed.data.PASSWORD_SIGNIN === "false" && !oidcSet.length) {
    throw new Error("Invalid setting PASSWORD_SIGNIN: PASSWORD_SIGNIN=false turns off the password form, so single sign-on (OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET) must be set, or no one could sign in.");
  }
  cached = { ...parsed.data, engine: parsed.data.DATABASE_URL ? "postgres" : "pglite" };
  return cached;
}

/** The SMTP server of SMTP_URL as host:port (never its password), for the admin page; null when mail is off. */
export function smtpHost(): string | null {
  const url = env().SMTP_URL;
  if (!url) return null;
  const u = new URL(url);
  return `${u.hostname}:${u.port || (u.protocol === "smtps:" ? "465" : "587")}`;
}

/** Forget the parsed environment, so the next env() reads process.env again (tests that change it). */
export function resetEnvForTests() {
  cached = undefined;
}

/**
 * The key that signs session cookies. In the embedded mode a missing secret is generated once
 * and kept in the data directory; a production deployment on PostgreSQL must set it.
 */
export function authSecret(): string {
  const e = env();
  if (e.AUTH_SECRET) return e.AUTH_SECRET;
  if (e.NODE_ENV === "production" && e.DATABASE_URL) {
    throw new Error(
      "AUTH_SECRET is not set: a production server on PostgreSQL needs a secret of at least 16 characters to sign sessions (generate one with `openssl rand -base64 32`).",
    );
  }
  const file = path.join(e.DATA_DIR, "auth-secret");
  const read = () => {
    try {
      return fs.readFileSync(file, "utf8").trim();
    } catch {
      return "";
    }
  };
  const existing = read();
  if (existing) return existing;
  fs.mkdirSync(e.DATA_DIR, { recursive: true });
  try {
    createExclusive(file, crypto.randomBytes(32).toString("base64url"));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    if (!read()) {
      // An empty file left by a crash: replace it.
      fs.rmSync(file, { force: true });
      createExclusive(file, crypto.randomBytes(32).toString("base64url"));
    }
  }
  return read(); // ours, or the one another process wrote first
}

/** Demo data is seeded into an empty database unless turned off; never by default in production on PostgreSQL. */
export function demoDataEnabled(): boolean {
  const e = env();
  return e.DEMO_DATA ? e.DEMO_DATA === "true" : !(e.NODE_ENV === "production" && e.DATABASE_URL);
}

export type OidcConfig = { issuer: string; clientId: string; clientSecret: string; name: string; trustEmail: boolean };

/**
 * Single sign-on through an OpenID Connect provider, when OIDC_ISSUER, OIDC_CLIENT_ID and
 * OIDC_CLIENT_SECRET are set (env() refuses one without the others); otherwise null.
 * trustEmail: an ID token without an email_verified claim counts as verified (for providers such as
 * Entra ID that do not send the claim but manage the addresses themselves); false by default.
 */
export function oidcConfig(): OidcConfig | null {
  const e = env();
  if (!e.OIDC_ISSUER || !e.OIDC_CLIENT_ID || !e.OIDC_CLIENT_SECRET) return null;
  return {
    issuer: e.OIDC_ISSUER,
    clientId: e.OIDC_CLIENT_ID,
    clientSecret: e.OIDC_CLIENT_SECRET,
    name: e.OIDC_NAME || "single sign-on",
    trustEmail: e.OIDC_TRUST_EMAIL === "true",
  };
}

/** Whether the password form signs anyone in (PASSWORD_SIGNIN=false leaves only single sign-on). */
export const passwordSignInEnabled = () => env().PASSWORD_SIGNIN === "true";
