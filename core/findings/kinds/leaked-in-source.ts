/**
 * Leaked in source: the scanner found this key in source code. An active key is critical: anyone
 * with the repository can use it, so revoke first. A revoked or expired key found in source no
 * longer opens anything; it is reported low, so the line can be cleaned up.
 */
import type { ApiKey } from "../../../shared/api/schemas";
import type { FindingContext } from "../context";
import type { FindingDraft } from "../draft";
import { day, plural } from "../format";

const LISTED_LOCATIONS = 3;

export function leakedInSource(key: ApiKey, ctx: FindingContext): FindingDraft | null {
  const leaks = ctx.leaksOf(key.id);
  if (leaks.length === 0) return null;
  const locations = [...new Set(leaks.flatMap((leak) => leak.locations))];
  const count = Math.max(locations.length, leaks.reduce((sum, leak) => sum + leak.locationCount, 0));
  const firstFound = leaks.reduce((first, leak) => (leak.foundAt < first ? leak.foundAt : first), leaks[0]!.foundAt);
  const shown = locations.slice(0, LISTED_LOCATIONS).join(", ") + (locations.length > LISTED_LOCATIONS ? ", …" : "");
  const active = key.status === "active";
  return {
    severity: active ? "critical" : "low",
    explanation: `Found in source in ${plural(count, "place")} (${shown}) since ${day(firstFound)}; ${active ? "the key is active: revoke it now, then rotate the integration onto a new key" : `the key is ${key.status}, so it opens nothing, but remove it from the source`}.`,
    evidence: { locationCount: count, locations: locations.slice(0, 50), firstFoundAt: firstFound, status: key.status },
    actions: active ? ["revoke", "rotate"] : [],
  };
}
