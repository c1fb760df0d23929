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
    .transform((url) => url.replace(/\/+$/, "")),
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
});

export type Env = z.infer<typeof schema> & { engine: "pglite" | "postgres" };

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse({
    ...process.env,
    DATABASE_URL: process.env.DATABASE_URL || undefined,
    AUTH_SECRET: process.env.AUTH_SECRET || undefined,
    SESSION_IDLE_MINUTES: process.env.SESSION_IDLE_MINUTES || undefined,
    SESSION_MAX_HOURS: process.env.SESSION_MAX_HOURS || undefined,
    // The default is right for `npm start` on this machine; a deployment behind a proxy sets its public address.
    APP_URL: process.env.APP_URL || `http://localhost:${process.env.PORT || 3000}`,
    SMTP_URL: process.env.SMTP_URL || undefined,
    MAIL_FROM: process.env.MAIL_FROM || undefined,
    REMINDERS: process.env.REMINDERS || undefined,
    REMINDER_DAYS: process.env.REMINDER_DAYS || undefined,
    REMINDER_HOUR: process.env.REMINDER_HOUR || undefined,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid setting ${issue?.path.join(".")}: ${issue?.message}`);
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
