/**
 * The rows the keys table works on: each key with the values its filters and sorts compare,
 * computed once per list (never per keystroke): its search text, whether the rotation policy
 * applies to it, its creation and expiry times.
 */
import type { ApiKey } from "../../../../../shared/api/schemas";
import { FINDING_SEVERITIES, type Finding, type FindingKind } from "../../../../../shared/domain/findings";
import { rotatableKeyIds } from "../../../../../shared/domain/rotation-policy";
import { searchText, type SearchText } from "./filters";

export interface KeyRow {
  key: ApiKey;
  search: SearchText;
  rotatable: boolean;
  createdMs: number;
  expiresMs: number | null;
  /** Its open findings' kinds, and the rank of the most severe (0 critical … 3 low; 4 with none). */
  findingKinds: ReadonlySet<FindingKind>;
  findingRank: number;
}

const NO_FINDINGS: ReadonlyMap<string, readonly Finding[]> = new Map();
const NO_KINDS: ReadonlySet<FindingKind> = new Set();

export function toKeyRows(keys: readonly ApiKey[], findings: ReadonlyMap<string, readonly Finding[]> = NO_FINDINGS): KeyRow[] {
  const rotatable = rotatableKeyIds(keys);
  return keys.map((key) => {
    const open = findings.get(key.id);
    return {
      key,
      search: searchText(key),
      rotatable: rotatable.has(key.id),
      createdMs: Date.parse(key.createdAt),
      expiresMs: key.expiresAt ? Date.parse(key.expiresAt) : null,
      findingKinds: open ? new Set(open.map((finding) => finding.kind)) : NO_KINDS,
      findingRank: open ? Math.min(...open.map((finding) => FINDING_SEVERITIES.indexOf(finding.severity))) : FINDING_SEVERITIES.length,
    };
  });
}
