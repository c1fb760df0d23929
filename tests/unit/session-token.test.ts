/**
 * Every request reads its session cookie with server/session-token.ts instead of Auth.js's auth():
 * it must accept exactly the tokens Auth.js issues and reads, and nothing else.
 */
import { decode, encode } from "next-auth/jwt";
import { afterEach, describe, expect, it, vi } from "vitest";
import { readSessionToken } from "@/server/session-token";

const secret = "test-secret-0123456789abcdef";
const claims = { sub: "0b7c2f5e-6c1d-4b8e-9a57-3f1e2d4c5b6a", sid: "5d6e7f80-1a2b-4c3d-8e9f-0a1b2c3d4e5f", role: "staff" as const };
const plain = "authjs.session-token";
const secure = "__Secure-authjs.session-token";
const issue = (salt: string, opts: { maxAge?: number; secret?: string } = {}) => encode({ token: claims, secret: opts.secret ?? secret, salt, maxAge: opts.maxAge ?? 3600 });
const request = (cookie: string, extra: Record<string, string> = { "x-forwarded-proto": "http" }) => new Headers({ cookie, ...extra });

afterEach(() => {
  vi.unstubAllEnvs();
  vi.useRealTimers();
});

describe("readSessionToken()", () => {
  it("reads a token Auth.js issued, as Auth.js's decode() does", async () => {
    const token = await issue(plain);
    const read = await readSessionToken(request(`other=1; ${plain}=${token}`), secret);
    expect(read).toMatchObject(claims);
    expect(read).toEqual(await decode({ token, secret, salt: plain }));
    // Again: the second read uses the kept key.
    expect(await readSessionToken(request(`${plain}=${token}`), secret)).toMatchObject(claims);
  });

  it("takes the __Secure- cookie over https (the default when no protocol is forwarded) and only then", async () => {
    const token = await issue(secure);
    expect(await readSessionToken(request(`${secure}=${token}`, { "x-forwarded-proto": "https" }), secret)).toMatchObject(claims);
    expect(await readSessionToken(request(`${secure}=${token}`, {}), secret)).toMatchObject(claims);
    expect(await readSessionToken(request(`${secure}=${token}`), secret)).toBeNull();
    expect(await readSessionToken(request(`${plain}=${await issue(plain)}`, { "x-forwarded-proto": "https" }), secret)).toBeNull();
    vi.stubEnv("AUTH_URL", "https://tracker.example.org");
    expect(await readSessionToken(request(`${secure}=${token}`), secret)).toMatchObject(claims);
  });

  it("stops taking a token read before once it expires", async () => {
    const token = await issue(plain, { maxAge: 60 });
    expect(await readSessionToken(request(`${plain}=${token}`), secret)).toMatchObject(claims);
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 70_000);
    expect(await readSessionToken(request(`${plain}=${token}`), secret), "within the 15 s tolerance").toMatchObject(claims);
    vi.setSystemTime(Date.now() + 10_000);
    expect(await readSessionToken(request(`${plain}=${token}`), secret)).toBeNull();
  });

  it("joins a token split into chunks", async () => {
    const token = await issue(plain);
    const half = Math.floor(token.length / 2);
    expect(await readSessionToken(request(`${plain}.1=${token.slice(half)}; ${plain}.0=${token.slice(0, half)}`), secret)).toMatchObject(claims);
  });

  it("refuses a token for another secret, another cookie name, an expired or altered one, and a bearer header", async () => {
    expect(await readSessionToken(request(`${plain}=${await issue(plain, { secret: "another-secret-0123456789" })}`), secret)).toBeNull();
    expect(await readSessionToken(request(`${plain}=${await issue("other-salt")}`), secret)).toBeNull();
    expect(await readSessionToken(request(`${plain}=${await issue(plain, { maxAge: -60 })}`), secret)).toBeNull();
    const token = await issue(plain);
    const altered = token.slice(0, -5) + (token.at(-5) === "A" ? "B" : "A") + token.slice(-4);
    expect(await readSessionToken(request(`${plain}=${altered}`), secret)).toBeNull();
    expect(await readSessionToken(request(`${plain}=garbage`), secret)).toBeNull();
    expect(await readSessionToken(request(""), secret)).toBeNull();
    expect(await readSessionToken(request("", { "x-forwarded-proto": "http", authorization: `Bearer ${token}` }), secret)).toBeNull();
  });
});
