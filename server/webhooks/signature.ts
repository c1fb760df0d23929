import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * `X-Tracker-Signature: t=<unix seconds>,v1=<hex>`, where v1 is HMAC-SHA256 with the webhook's
 * secret over `<t>.<body>` (the timestamp, a dot, the raw body). The receiver recomputes it and
 * refuses a timestamp more than 5 minutes from its clock, so a captured delivery cannot be replayed.
 */
export function sign(secret: string, body: string, unixSeconds: number): string {
  const v1 = createHmac("sha256", secret).update(`${unixSeconds}.${body}`).digest("hex");
  return `t=${unixSeconds},v1=${v1}`;
}

/** The documented check, as a receiver would write it (the tests use it). */
export function verify(secret: string, body: string, header: string, nowSeconds = Math.floor(Date.now() / 1000), toleranceSeconds = 300): boolean {
  const parts = Object.fromEntries(header.split(",").map((p) => p.split("=", 2) as [string, string]));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || Math.abs(nowSeconds - t) > toleranceSeconds || !parts.v1) return false;
  const expected = Buffer.from(createHmac("sha256", secret).update(`${t}.${body}`).digest("hex"));
  const got = Buffer.from(parts.v1);
  return expected.length === got.length && timingSafeEqual(expected, got);
}
