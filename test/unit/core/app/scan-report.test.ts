/**
 * The Scan page's report: finds grouped by credential (never its hash), active keys of the
 * workspace first, and a huge scan cut to what a window can show, with the true counts.
 */
import { describe, expect, it } from "vitest";
import { groupFindings, MAX_GROUPS, MAX_LOCATIONS, MAX_TOTAL_LOCATIONS } from "../../../../core/app/scan/scan-report";
import type { Finding } from "../../../../core/scan";

const hash = (n: number) => n.toString(16).padStart(64, "0");
const finding = (n: number, file: string, match?: Finding["match"], commits: string[] = []): Finding => ({
  sha256: hash(n),
  display: `uo_live_k${n}…abcd`,
  kind: "live",
  file,
  line: 1,
  column: 1,
  commits,
  authors: commits.length > 0 ? ["Ada <ada@example.invalid>"] : [],
  inWorkingTree: commits.length === 0,
  allowed: false,
  ...(match ? { match } : {}),
});

describe("the scan report", () => {
  it("groups by credential, active keys first, without the hash", () => {
    const { groups, groupCount } = groupFindings([
      finding(1, "a.txt", { status: "none" }),
      finding(2, "b.txt", { status: "revoked", keyId: "key_r", name: "Old" }),
      finding(3, "c.txt", { status: "active", keyId: "key_a", name: "Live" }),
      finding(3, "d.txt", { status: "active", keyId: "key_a", name: "Live" }, ["c1", "c2"]),
    ]);
    expect(groupCount).toBe(3);
    expect(groups.map((group) => [group.id, group.match.status, group.locationCount])).toEqual([
      ["k1", "active", 2],
      ["k2", "revoked", 1],
      ["k3", "none", 1],
    ]);
    expect(groups[0]!.locations[1]).toMatchObject({ file: "d.txt", inWorkingTree: false, commits: ["c1", "c2"], commitCount: 2 });
    expect(JSON.stringify(groups)).not.toContain(hash(3));
    expect(groupFindings([finding(4, "x")]).groups[0]!.match).toEqual({ status: "unmatched", keyId: null, name: null });
  });

  it("shows the first groups and places of a huge scan, with the true counts", () => {
    const many = Array.from({ length: MAX_GROUPS + 20 }, (_, n) => Array.from({ length: 30 }, (_, i) => finding(n, `f${i}`))).flat();
    const { groups, groupCount } = groupFindings(many);
    expect(groupCount).toBe(MAX_GROUPS + 20);
    expect(groups).toHaveLength(MAX_GROUPS);
    expect(groups.every((group) => group.locationCount === 30 && group.locations.length >= 1 && group.locations.length <= MAX_LOCATIONS)).toBe(true);
    expect(groups.reduce((sum, group) => sum + group.locations.length, 0)).toBeLessThanOrEqual(MAX_TOTAL_LOCATIONS + MAX_GROUPS);
  });
});
