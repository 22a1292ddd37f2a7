/**
 * Looks findings up in the workspace by SHA-256 only (`POST /v1/api-keys/lookup`, at most 1000
 * hashes a call, each distinct credential once): the secret never leaves the machine, and the
 * workspace learns only hashes of strings that already passed the checksum.
 */
import type { LookupResult } from "../../shared/api/schemas";
import { cancelled } from "./cancel";
import type { Finding, ScanMatch } from "./types";

export type { KeyStatus } from "../../shared/api/schemas";

/** The one workspace call matching needs (WorkspaceClient has it). */
export interface KeyLookup {
  lookupKeys(sha256: string[]): Promise<LookupResult>;
}

export const LOOKUP_BATCH = 1000;

/** Sets `match` on every finding; findings of one credential share one lookup. */
export async function matchFindings(findings: Finding[], lookup: KeyLookup, signal?: AbortSignal): Promise<void> {
  const hashes = [...new Set(findings.map((finding) => finding.sha256))];
  const matches = new Map<string, ScanMatch>();
  for (let i = 0; i < hashes.length; i += LOOKUP_BATCH) {
    if (signal?.aborted) throw cancelled();
    const answer = await lookup.lookupKeys(hashes.slice(i, i + LOOKUP_BATCH));
    for (const { sha256, key } of answer.matches) matches.set(sha256, { status: key.status, keyId: key.id, name: key.name });
  }
  if (signal?.aborted) throw cancelled();
  for (const finding of findings) finding.match = matches.get(finding.sha256) ?? { status: "none" };
}
