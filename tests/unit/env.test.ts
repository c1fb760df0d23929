/** The environment, read once: a missing or malformed setting stops the program with a sentence naming it. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

/** server/env.ts caches what it read: each scenario gets a fresh copy of the module, as a restart would. */
const freshEnv = async () => {
  vi.resetModules();
  return import("@/server/env");
};

let dataDir: string;

beforeEach(() => {
  dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "tracker-env-")), "data");
  vi.stubEnv("DATA_DIR", dataDir);
  vi.stubEnv("NODE_ENV", "development");
  vi.stubEnv("DATABASE_URL", undefined);
  vi.stubEnv("AUTH_SECRET", undefined);
  for (const k of ["AUTH_URL", "OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET", "OIDC_NAME", "OIDC_TRUST_EMAIL", "PASSWORD_SIGNIN"]) vi.stubEnv(k, undefined);
});

afterEach(() => {
  vi.unstubAllEnvs();
  fs.rmSync(path.dirname(dataDir), { recursive: true, force: true });
});

describe("authSecret()", () => {
  it("in the embedded mode, generates a secret once and keeps it in the data directory", async () => {
    const first = (await freshEnv()).authSecret();
    expect(first.length).toBeGreaterThanOrEqual(32);
    const file = path.join(dataDir, "auth-secret");
    expect(fs.readFileSync(file, "utf8")).toBe(first);
    expect(fs.statSync(file).mode & 0o077).toBe(0); // readable by the owner only
    expect((await freshEnv()).authSecret()).toBe(first); // the next call, after a restart
    expect((await freshEnv()).authSecret()).toBe(first);
  });

  it("gives each data directory its own secret", async () => {
    const first = (await freshEnv()).authSecret();
    vi.stubEnv("DATA_DIR", `${dataDir}-other`);
    try {
      expect((await freshEnv()).authSecret()).not.toBe(first);
    } finally {
      fs.rmSync(`${dataDir}-other`, { recursive: true, force: true });
    }
  });

  it("uses AUTH_SECRET when it is set, and writes nothing", async () => {
    vi.stubEnv("AUTH_SECRET", "a-secret-of-enough-length");
    expect((await freshEnv()).authSecret()).toBe("a-secret-of-enough-length");
    expect(fs.existsSync(path.join(dataDir, "auth-secret"))).toBe(false);
  });

  it("stops a production server on PostgreSQL without AUTH_SECRET, saying what to set", async () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("DATABASE_URL", "postgres://tracker@db.example/tracker");
    const { authSecret } = await freshEnv();
    expect(() => authSecret()).toThrow(/AUTH_SECRET is not set.*at least 16 characters/);
    expect(fs.existsSync(path.join(dataDir, "auth-secret"))).toBe(false);
  });

  it("still generates one for a production server on the embedded database", async () => {
    vi.stubEnv("NODE_ENV", "production");
    expect((await freshEnv()).authSecret()).toEqual(expect.any(String));
    expect(fs.existsSync(path.join(dataDir, "auth-secret"))).toBe(true);
  });
});

describe("env()", () => {
  it("chooses PGlite without DATABASE_URL and PostgreSQL with it", async () => {
    expect((await freshEnv()).env()).toMatchObject({ engine: "pglite", DATA_DIR: dataDir });
    vi.stubEnv("DATABASE_URL", "postgresql://tracker@db.example:5432/tracker");
    expect((await freshEnv()).env().engine).toBe("postgres");
    vi.stubEnv("DATABASE_URL", "");
    expect((await freshEnv()).env().engine).toBe("pglite"); // an empty setting counts as unset
  });

  it("takes APP_URL without a trailing slash, and defaults it to this machine's port", async () => {
    vi.stubEnv("APP_URL", undefined);
    vi.stubEnv("PORT", "4123");
    expect((await freshEnv()).env().APP_URL).toBe("http://localhost:4123");
    vi.stubEnv("APP_URL", "https://tracker.example.org/");
    expect((await freshEnv()).env().APP_URL).toBe("https://tracker.example.org");
  });

  it.each([
    ["DATABASE_URL", "mysql://tracker@db.example/tracker", /Invalid setting DATABASE_URL: DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL/],
    ["AUTH_SECRET", "short", /Invalid setting AUTH_SECRET: AUTH_SECRET must be at least 16 characters/],
    ["DEMO_DATA", "yes", /Invalid setting DEMO_DATA/],
    ["APP_URL", "tracker.example.org", /Invalid setting APP_URL: APP_URL must be the http:\/\/ or https:\/\/ address/],
  ])("refuses a malformed %s with a sentence naming it", async (name, value, message) => {
    vi.stubEnv(name, value);
    const { env } = await freshEnv();
    expect(() => env()).toThrow(message);
  });
});

describe("single sign-on settings", () => {
  const sso = () => {
    vi.stubEnv("OIDC_ISSUER", "https://login.example.org/realms/tracker");
    vi.stubEnv("OIDC_CLIENT_ID", "tracker");
    vi.stubEnv("OIDC_CLIENT_SECRET", "a-client-secret");
  };

  it("is off without the settings, and password sign-in on", async () => {
    const e = await freshEnv();
    expect(e.oidcConfig()).toBeNull();
    expect(e.passwordSignInEnabled()).toBe(true);
  });

  it("is on with the three settings, named 'single sign-on' unless OIDC_NAME says otherwise", async () => {
    sso();
    expect((await freshEnv()).oidcConfig()).toEqual({ issuer: "https://login.example.org/realms/tracker", clientId: "tracker", clientSecret: "a-client-secret", name: "single sign-on", trustEmail: false });
    vi.stubEnv("OIDC_NAME", "EU Login");
    vi.stubEnv("OIDC_TRUST_EMAIL", "true");
    vi.stubEnv("PASSWORD_SIGNIN", "false");
    const e = await freshEnv();
    expect(e.oidcConfig()).toMatchObject({ name: "EU Login", trustEmail: true });
    expect(e.passwordSignInEnabled()).toBe(false);
  });

  it("accepts plain http only for a provider on this machine", async () => {
    sso();
    vi.stubEnv("OIDC_ISSUER", "http://127.0.0.1:4191");
    expect((await freshEnv()).oidcConfig()?.issuer).toBe("http://127.0.0.1:4191");
  });

  it.each(["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"])("refuses to start with %s missing from the three", async (name) => {
    sso();
    vi.stubEnv(name, "");
    const { env } = await freshEnv();
    expect(() => env()).toThrow(new RegExp(`^Invalid setting ${name}: single sign-on needs OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET together; .* but ${name} is not\\.$`));
  });

  it.each([
    ["OIDC_ISSUER", "login.example.org", /Invalid setting OIDC_ISSUER: OIDC_ISSUER must be the provider's issuer URL/],
    ["OIDC_ISSUER", "ftp://login.example.org", /Invalid setting OIDC_ISSUER/],
    ["OIDC_ISSUER", "http://login.example.org/realms/tracker", /Invalid setting OIDC_ISSUER: OIDC_ISSUER must be an https:\/\/ URL/],
    ["OIDC_ISSUER", "http://127.0.0.1.example.org", /Invalid setting OIDC_ISSUER: OIDC_ISSUER must be an https:\/\/ URL/],
    ["PASSWORD_SIGNIN", "no", /Invalid setting PASSWORD_SIGNIN: PASSWORD_SIGNIN must be true or false/],
    ["OIDC_TRUST_EMAIL", "yes", /Invalid setting OIDC_TRUST_EMAIL: OIDC_TRUST_EMAIL must be true or false/],
  ])("refuses a malformed %s=%s", async (name, value, message) => {
    sso();
    vi.stubEnv(name, value);
    const { env } = await freshEnv();
    expect(() => env()).toThrow(message);
  });

  it("needs AUTH_URL in production, where the provider's redirect URI is built from it", async () => {
    sso();
    vi.stubEnv("NODE_ENV", "production");
    const { env } = await freshEnv();
    expect(() => env()).toThrow(/^Invalid setting AUTH_URL: single sign-on needs AUTH_URL/);
    vi.stubEnv("AUTH_URL", "https://tracker.example.org");
    expect((await freshEnv()).oidcConfig()).not.toBeNull();
  });

  it("refuses PASSWORD_SIGNIN=false without single sign-on: no one could sign in", async () => {
    vi.stubEnv("PASSWORD_SIGNIN", "false");
    const { env } = await freshEnv();
    expect(() => env()).toThrow(/Invalid setting PASSWORD_SIGNIN: .* or no one could sign in/);
  });
});

describe("demoDataEnabled()", () => {
  //  NODE_ENV        DATABASE_URL                  DEMO_DATA   seeds the demo data into an empty database
  it.each([
    ["development", undefined, undefined, true],
    ["production", undefined, undefined, true], // npm start on the embedded database: a demo to try
    ["production", "postgres://db.example/tracker", undefined, false], // a real deployment starts empty
    ["production", "postgres://db.example/tracker", "true", true],
    ["development", undefined, "false", false],
    ["development", "postgres://db.example/tracker", undefined, true],
  ] as const)("NODE_ENV=%s DATABASE_URL=%s DEMO_DATA=%s → %s", async (nodeEnv, url, demo, enabled) => {
    vi.stubEnv("NODE_ENV", nodeEnv);
    vi.stubEnv("DATABASE_URL", url);
    vi.stubEnv("DEMO_DATA", demo);
    expect((await freshEnv()).demoDataEnabled()).toBe(enabled);
  });
});

describe("the mail settings", () => {
  beforeEach(() => {
    for (const name of ["SMTP_URL", "MAIL_FROM", "APP_URL", "REMINDERS", "REMINDER_DAYS", "REMINDER_HOUR", "PORT"]) vi.stubEnv(name, undefined);
  });

  it("without them, mail is off and the defaults hold; links start with this server on localhost", async () => {
    const { env, smtpHost } = await freshEnv();
    expect(env()).toMatchObject({ SMTP_URL: undefined, MAIL_FROM: "Cooperation Tracker <tracker@localhost>", REMINDERS: "off", REMINDER_DAYS: 7, REMINDER_HOUR: 6 });
    expect(env().APP_URL).toBe("http://localhost:3000");
    expect(smtpHost()).toBeNull();
    vi.stubEnv("PORT", "4000");
    expect((await freshEnv()).env().APP_URL).toBe("http://localhost:4000");
  });

  it("reads them, and never shows the SMTP password", async () => {
    vi.stubEnv("SMTP_URL", "smtp://tracker:s3cret@mail.example.org");
    vi.stubEnv("APP_URL", "https://tracker.example.org/");
    vi.stubEnv("REMINDER_DAYS", "14");
    const { env, smtpHost } = await freshEnv();
    expect(env().REMINDER_DAYS).toBe(14);
    expect(env().APP_URL).toBe("https://tracker.example.org");
    expect(smtpHost()).toBe("mail.example.org:587");
  });

  it.each([
    ["SMTP_URL", "http://mail.example.org", /Invalid setting SMTP_URL: SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL/],
    ["APP_URL", "tracker.example.org", /Invalid setting APP_URL: APP_URL must be the http:\/\/ or https:\/\/ address people open the app at/],
    ["MAIL_FROM", "Cooperation Tracker", /Invalid setting MAIL_FROM: MAIL_FROM must be an e-mail address/],
    ["REMINDERS", "yes", /Invalid setting REMINDERS: REMINDERS must be on .* or off/],
    ["REMINDER_DAYS", "ninety", /Invalid setting REMINDER_DAYS: REMINDER_DAYS must be a number of days/],
    ["REMINDER_DAYS", "90", /Invalid setting REMINDER_DAYS: REMINDER_DAYS must be between 1 and 60/],
    ["REMINDER_HOUR", "24", /Invalid setting REMINDER_HOUR: REMINDER_HOUR must be an hour of the day, 0 to 23 \(UTC\)/],
  ])("refuses a malformed %s=%s with a sentence naming it", async (name, value, message) => {
    vi.stubEnv(name, value);
    const { env } = await freshEnv();
    expect(() => env()).toThrow(message);
  });
});
