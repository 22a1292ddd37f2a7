/**
 * Which bucket a client address falls in for the failed-authentication limit. One IPv6 subscriber
 * is usually given a whole /64 and can take a new address from it for every request, so IPv6 is
 * counted per /64; IPv4 per address; an IPv4-mapped IPv6 address (::ffff:1.2.3.4) as the IPv4
 * address it carries, so a dual-stack listener cannot be used to double the allowance.
 */
import net from "node:net";

export function rateLimitBucket(ip: string): string {
  if (!ip.includes(":")) return ip; // IPv4: the common case, kept cheap
  const zoneless = ip.split("%", 1)[0]!.toLowerCase();
  const groups = expandIpv6(zoneless);
  if (!groups) return ip; // not an address we understand: counted as given
  if (groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff) {
    return `${groups[6]! >> 8}.${groups[6]! & 0xff}.${groups[7]! >> 8}.${groups[7]! & 0xff}`;
  }
  return `${groups.slice(0, 4).map((group) => group.toString(16)).join(":")}::/64`;
}

/** The eight 16-bit groups of an IPv6 address (with an embedded IPv4 tail allowed), or null. */
function expandIpv6(ip: string): number[] | null {
  if (!net.isIPv6(ip)) return null;
  let text = ip;
  const v4 = /(\d{1,3}(?:\.\d{1,3}){3})$/.exec(text);
  if (v4) {
    const bytes = v4[1]!.split(".").map(Number);
    text = text.slice(0, -v4[1]!.length) + `${((bytes[0]! << 8) | bytes[1]!).toString(16)}:${((bytes[2]! << 8) | bytes[3]!).toString(16)}`;
  }
  const [head, tail] = text.split("::") as [string, string | undefined];
  const parse = (part: string | undefined) => (part ? part.split(":").map((group) => parseInt(group, 16)) : []);
  const left = parse(head);
  const right = parse(tail);
  const missing = 8 - left.length - right.length;
  if (tail === undefined) return left.length === 8 ? left : null;
  return [...left, ...Array<number>(missing).fill(0), ...right];
}
