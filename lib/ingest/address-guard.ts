// Classifies IP addresses and host names as public or not, so the fetcher can refuse
// requests that would reach the server's own network (SSRF). Pure: no DNS, no I/O.
import { isIP } from "node:net";

export type TAddressVerdict = { public: true } | { public: false; reason: string };

type TCidr4 = readonly [base: string, bits: number, reason: string];

// Everything that is not globally routable unicast (IANA special-purpose registry).
const BLOCKED_V4: readonly TCidr4[] = [
  ["0.0.0.0", 8, "unspecified / this network"],
  ["10.0.0.0", 8, "private (RFC 1918)"],
  ["100.64.0.0", 10, "carrier-grade NAT (RFC 6598)"],
  ["127.0.0.0", 8, "loopback"],
  ["169.254.0.0", 16, "link-local / cloud metadata"],
  ["172.16.0.0", 12, "private (RFC 1918)"],
  ["192.0.0.0", 24, "IETF protocol assignments"],
  ["192.0.2.0", 24, "documentation"],
  ["192.31.196.0", 24, "AS112"],
  ["192.52.193.0", 24, "AMT"],
  ["192.88.99.0", 24, "6to4 relay anycast"],
  ["192.168.0.0", 16, "private (RFC 1918)"],
  ["192.175.48.0", 24, "AS112"],
  ["198.18.0.0", 15, "benchmarking"],
  ["198.51.100.0", 24, "documentation"],
  ["203.0.113.0", 24, "documentation"],
  ["224.0.0.0", 4, "multicast"],
  ["240.0.0.0", 4, "reserved / broadcast"],
];

function ipv4ToInt(address: string): number {
  const parts = address.split(".").map(Number);
  return (((parts[0] ?? 0) << 24) | ((parts[1] ?? 0) << 16) | ((parts[2] ?? 0) << 8) | (parts[3] ?? 0)) >>> 0;
}

function classifyIpv4(address: string): TAddressVerdict {
  const value = ipv4ToInt(address);
  for (const [base, bits, reason] of BLOCKED_V4) {
    const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
    if ((value & mask) >>> 0 === (ipv4ToInt(base) & mask) >>> 0) return { public: false, reason };
  }
  return { public: true };
}

/** Expands any textual IPv6 form (incl. "::" and a dotted IPv4 tail) into eight 16-bit groups. */
function ipv6ToGroups(address: string): number[] {
  let text = address.replace(/%.*$/, "");
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted?.[1]) {
    const v4 = ipv4ToInt(dotted[1]);
    text = `${text.slice(0, -dotted[1].length)}${(v4 >>> 16).toString(16)}:${(v4 & 0xffff).toString(16)}`;
  }
  const [head = "", tail] = text.split("::");
  const headGroups = head ? head.split(":") : [];
  const tailGroups = tail ? tail.split(":") : [];
  const fill = tail === undefined ? [] : new Array<string>(8 - headGroups.length - tailGroups.length).fill("0");
  return [...headGroups, ...fill, ...tailGroups].map((group) => parseInt(group, 16));
}

function embeddedIpv4(groups: number[], offset: number): string {
  const hi = groups[offset] ?? 0;
  const lo = groups[offset + 1] ?? 0;
  return `${hi >> 8}.${hi & 0xff}.${lo >> 8}.${lo & 0xff}`;
}

function startsWith(groups: number[], prefix: readonly number[], bits: number): boolean {
  for (let i = 0; i * 16 < bits; i += 1) {
    const width = Math.min(16, bits - i * 16);
    const mask = (0xffff << (16 - width)) & 0xffff;
    if (((groups[i] ?? 0) & mask) !== ((prefix[i] ?? 0) & mask)) return false;
  }
  return true;
}

function classifyIpv6(address: string): TAddressVerdict {
  const g = ipv6ToGroups(address);
  const allZeroUpTo = (n: number) => g.slice(0, n).every((x) => x === 0);
  if (allZeroUpTo(8)) return { public: false, reason: "unspecified" };
  if (allZeroUpTo(7) && g[7] === 1) return { public: false, reason: "loopback" };
  // IPv4-mapped (::ffff:a.b.c.d) and the deprecated IPv4-compatible (::a.b.c.d) forms reach
  // the embedded IPv4 address, so they are judged by it — and refused anyway if it is private.
  if (allZeroUpTo(5) && g[5] === 0xffff) return withPrefix("IPv4-mapped", classifyIpv4(embeddedIpv4(g, 6)));
  if (allZeroUpTo(6)) return { public: false, reason: "IPv4-compatible (deprecated)" };
  // NAT64 and 6to4 translate to an IPv4 destination: judge the embedded address.
  if (startsWith(g, [0x64, 0xff9b, 0, 0, 0, 0], 96)) return withPrefix("NAT64", classifyIpv4(embeddedIpv4(g, 6)));
  if (startsWith(g, [0x2002], 16)) return withPrefix("6to4", classifyIpv4(embeddedIpv4(g, 1)));
  if (startsWith(g, [0x64, 0xff9b, 0x1], 48)) return { public: false, reason: "local-use NAT64" };
  if (startsWith(g, [0xfc00], 7)) return { public: false, reason: "unique local (incl. fd00:ec2::254 metadata)" };
  if (startsWith(g, [0xfe80], 10)) return { public: false, reason: "link-local" };
  if (startsWith(g, [0xfec0], 10)) return { public: false, reason: "site-local (deprecated)" };
  if (startsWith(g, [0xff00], 8)) return { public: false, reason: "multicast" };
  if (startsWith(g, [0x2001, 0x0db8], 32)) return { public: false, reason: "documentation" };
  if (startsWith(g, [0x3fff], 20)) return { public: false, reason: "documentation" };
  if (startsWith(g, [0x2001, 0], 32)) return { public: false, reason: "Teredo" };
  if (startsWith(g, [0x2001], 23)) return { public: false, reason: "IETF protocol assignments" };
  if (startsWith(g, [0x0100, 0, 0, 0], 64)) return { public: false, reason: "discard-only" };
  // Only 2000::/3 is allocated as global unicast; anything else is reserved.
  if (!startsWith(g, [0x2000], 3)) return { public: false, reason: "reserved" };
  return { public: true };
}

function withPrefix(prefix: string, verdict: TAddressVerdict): TAddressVerdict {
  return verdict.public ? verdict : { public: false, reason: `${prefix} ${verdict.reason}` };
}

/** Judges a literal IP address (v4 or v6, brackets allowed). Non-IP input is never public. */
export function classifyAddress(address: string): TAddressVerdict {
  const bare = address.replace(/^\[(.*)\]$/, "$1");
  const family = isIP(bare.replace(/%.*$/, ""));
  if (family === 4) return classifyIpv4(bare);
  if (family === 6) return classifyIpv6(bare);
  return { public: false, reason: "not an IP address" };
}

export function isPublicAddress(address: string): boolean {
  return classifyAddress(address).public;
}

/**
 * Refuses host names that name the local machine or internal zones before any DNS look-up,
 * because /etc/hosts or a split-horizon resolver could map them anywhere.
 */
export function classifyHostname(hostname: string): TAddressVerdict {
  const host = hostname.toLowerCase().replace(/\.$/, "").replace(/^\[(.*)\]$/, "$1");
  if (isIP(host.replace(/%.*$/, "")) !== 0) return classifyAddress(host);
  if (host === "") return { public: false, reason: "empty host" };
  if (host === "localhost" || host.endsWith(".localhost")) return { public: false, reason: "localhost" };
  // Covers metadata.google.internal, mDNS names and single-label intranet names.
  if (/\.(local|internal|localdomain|home\.arpa)$/.test(host) || !host.includes(".")) {
    return { public: false, reason: "internal host name" };
  }
  return { public: true };
}
