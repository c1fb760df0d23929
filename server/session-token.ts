import "server-only";
import { hkdf } from "node:crypto";
import { promisify } from "node:util";
import { base64url, calculateJwkThumbprint, jwtDecrypt } from "jose";
import { getToken, type JWT } from "next-auth/jwt";

/**
 * The session cookie's token, read the way Auth.js's session endpoint reads it — same cookie
 * (`authjs.session-token`, `__Secure-` over https, joined from chunks), same key derivation, same
 * decryption and expiry check — without the rest of that endpoint. `auth()` builds a Request,
 * checks a CSRF token, derives the key twice and re-encrypts a fresh token only to throw the new
 * cookie away, on every request; here the derived key is kept, so a request decrypts once.
 */
export async function readSessionToken(headers: Headers, secret: string): Promise<JWT | null> {
  // Only the cookie, as Auth.js's session endpoint sees it (never an Authorization header).
  const req = { headers: new Headers({ cookie: headers.get("cookie") ?? "" }) };
  return getToken({ req, secret, secureCookie: isSecure(headers), decode: ({ token, salt }) => decode(token, secret, salt) });
}

/** Auth.js's choice of the `__Secure-` cookie: the protocol of AUTH_URL, else of the request (https unless told). */
function isSecure(headers: Headers) {
  const url = process.env.AUTH_URL ?? process.env.NEXTAUTH_URL;
  if (url) return new URL(url).protocol === "https:";
  return (headers.get("x-forwarded-proto") ?? "https").replace(/:$/, "") === "https";
}

type DerivedKey = { key: Uint8Array; thumbprint: string };
const g = globalThis as typeof globalThis & { __trackerSessionKeys?: Map<string, Promise<DerivedKey>> };
const keys = (g.__trackerSessionKeys ??= new Map());
const derive = promisify(hkdf);

/** Auth.js's key for a secret, cookie name (the salt) and encryption, derived once per process. */
function derivedKey(secret: string, salt: string, enc: string): Promise<DerivedKey> {
  const id = JSON.stringify([secret, salt, enc]);
  let key = keys.get(id);
  if (!key) {
    const length = enc === "A256CBC-HS512" ? 64 : enc === "A256GCM" ? 32 : 0;
    if (!length) return Promise.reject(new Error("Unsupported JWT Content Encryption Algorithm"));
    key = derive("sha256", secret, salt, `Auth.js Generated Encryption Key (${salt})`, length).then(async (bits) => {
      const bytes = new Uint8Array(bits);
      return { key: bytes, thumbprint: await calculateJwkThumbprint({ kty: "oct", k: base64url.encode(bytes) }, `sha${bytes.byteLength << 3}` as "sha512") };
    });
    key.catch(() => keys.delete(id));
    keys.set(id, key);
  }
  return key;
}

/**
 * Tokens already decrypted, by their exact text (which the decryption authenticated), oldest first:
 * a token's claims never change, only the time checks are repeated. A few hundred people sign in
 * to one server; the oldest entries go beyond that.
 */
const g2 = globalThis as typeof globalThis & { __trackerSessionTokens?: Map<string, JWT> };
const decrypted = (g2.__trackerSessionTokens ??= new Map());
const keptTokens = 2000;
const clockTolerance = 15;

/** The time checks of jose's jwtDecrypt (same tolerance), for a token read before. */
function current(payload: JWT) {
  const now = Math.floor(Date.now() / 1000);
  if (typeof payload.exp === "number" && payload.exp <= now - clockTolerance) return false;
  if (typeof payload.nbf === "number" && payload.nbf > now + clockTolerance) return false;
  return true;
}

/** @auth/core/jwt decode() with one secret, the derived key kept, and each token decrypted once. */
async function decode(token: string | undefined, secret: string, salt: string): Promise<JWT | null> {
  if (!token) return null;
  const id = `${secret}\n${salt}\n${token}`;
  const known = decrypted.get(id);
  if (known) {
    if (!current(known)) throw new Error("the token has expired");
    return known;
  }
  const { payload } = await jwtDecrypt(
    token,
    async ({ kid, enc }) => {
      const { key, thumbprint } = await derivedKey(secret, salt, enc);
      if (kid === undefined || kid === thumbprint) return key;
      throw new Error("no matching decryption secret");
    },
    { clockTolerance, keyManagementAlgorithms: ["dir"], contentEncryptionAlgorithms: ["A256CBC-HS512", "A256GCM"] },
  );
  if (decrypted.size >= keptTokens) decrypted.delete(decrypted.keys().next().value as string);
  decrypted.set(id, Object.freeze(structuredClone(payload)) as JWT);
  return payload as JWT;
}
