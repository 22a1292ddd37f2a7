import { describe, expect, it } from "vitest";
import { parseProxyList } from "../../../cli/server-command";
import { rateLimitBucket } from "../../../server/auth/client-address";

describe("which client a failed authentication is counted against", () => {
  it("counts IPv4 per address, IPv6 per /64, and IPv4-mapped IPv6 as IPv4", () => {
    expect(rateLimitBucket("203.0.113.9")).toBe("203.0.113.9");
    expect(rateLimitBucket("::ffff:203.0.113.9")).toBe("203.0.113.9");
    expect(rateLimitBucket("::ffff:cb00:7109")).toBe("203.0.113.9");
    const one = rateLimitBucket("2001:db8:1:2::1");
    for (const sibling of ["2001:db8:1:2:ffff:ffff:ffff:ffff", "2001:0DB8:0001:0002::abcd", "2001:db8:1:2:0:0:0:2%eth0"]) expect(rateLimitBucket(sibling)).toBe(one);
    expect(rateLimitBucket("2001:db8:1:3::1")).not.toBe(one);
    expect(rateLimitBucket("::1")).toBe("0:0:0:0::/64");
    expect(rateLimitBucket("fe80::1:2:3:4")).toBe("fe80:0:0:0::/64");
  });
});

describe("--trust-proxy", () => {
  it("takes a comma list of addresses and CIDRs, and refuses anything else", () => {
    expect(parseProxyList("10.0.0.5, 10.1.0.0/16,2001:db8::/32")).toEqual(["10.0.0.5", "10.1.0.0/16", "2001:db8::/32"]);
    for (const bad of ["", "loadbalancer.local", "10.0.0.0/33", "10.0.0.1/8/9", "true", "10.0.0.0/x"]) expect(typeof parseProxyList(bad), bad).toBe("string");
  });
});
