import "server-only";
import dns from "node:dns";
import net from "node:net";
import { env } from "@/server/env";
import { vm } from "@/lib/i18n/validation";

/**
 * Server-side request forgery: a webhook URL must not point the server at itself, the internal
 * network or a cloud metadata service. The host is resolved and every address checked, at
 * registration and again at each delivery (DNS can change); the delivery then connects to the very
 * address that was checked (see `checkedLookup`), so a second, different answer cannot slip in.
 * WEBHOOK_ALLOW_PRIVATE=true lifts this (on-premise receivers, tests).
 */
const blocked = new net.BlockList();
for (const [net4, bits] of [
  ["0.0.0.0", 8], // "this network"
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // carrier-grade NAT
  ["127.0.0.0", 8], // loopback
  ["169.254.0.0", 16], // link-local, cloud metadata (169.254.169.254)
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15], // benchmarking
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, broadcast
] as const)
  blocked.addSubnet(net4, bits, "ipv4");
for (const [net6, bits] of [
  ["::", 128], // unspecified
  ["::1", 128], // loopback
  ["fc00::", 7], // unique local (AWS's metadata fd00:ec2::254 too)
  ["fe80::", 10], // link-local
  ["ff00::", 8], // multicast
  ["64:ff9b::", 96], // NAT64 of any IPv4 address: checked as its IPv4 below
] as const)
  blocked.addSubnet(net6, bits, "ipv6");

export const privateAllowed = () => env().WEBHOOK_ALLOW_PRIVATE === "true";

/** Whether an address is one a webhook may not reach (IPv4-mapped IPv6 is judged as its IPv4). */
export function isBlockedAddress(address: string): boolean {
  const family = net.isIP(address);
  if (family === 4) return blocked.check(address, "ipv4");
  if (family !== 6) return true;
  const lower = address.toLowerCase();
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(lower);
  if (mapped) return blocked.check(mapped[1] as string, "ipv4");
  return blocked.check(lower, "ipv6");
}

export class UnsafeUrlError extends Error {}

/** Resolves the URL's host and refuses it if any address is blocked; returns the addresses. */
export async function checkUrl(raw: string): Promise<{ address: string; family: number }[]> {
  const u = new URL(raw);
  if (u.protocol !== "https:" && !(u.protocol === "http:" && privateAllowed())) throw new UnsafeUrlError(vm("urlHttps"));
  if (u.username || u.password) throw new UnsafeUrlError(vm("urlCredentials"));
  const host = u.hostname.replace(/^\[|\]$/g, "");
  const addresses = net.isIP(host) ? [{ address: host, family: net.isIP(host) }] : await dns.promises.lookup(host, { all: true, verbatim: true }).catch(() => {
    throw new UnsafeUrlError(vm("urlHostUnknown", { host }));
  });
  if (!addresses.length) throw new UnsafeUrlError(vm("urlHostUnknown", { host }));
  if (!privateAllowed()) {
    const bad = addresses.find((a) => isBlockedAddress(a.address));
    if (bad) throw new UnsafeUrlError(vm("urlBlocked", { address: bad.address }));
  }
  return addresses;
}

/** A `lookup` for http.request that answers only with an address checked above. */
export function pinnedLookup(addresses: { address: string; family: number }[]): net.LookupFunction {
  const first = addresses[0]!;
  return ((_host: string, options: dns.LookupOptions, callback: (...args: unknown[]) => void) => {
    if (options?.all) callback(null, [first]);
    else callback(null, first.address, first.family);
  }) as unknown as net.LookupFunction;
}
