/**
 * The last step of every scan (folder, history, staged files, standard input): the findings
 * grouped, looked up in the workspace when one is given, and those marked `keyward:allow` set
 * aside (allow.ts), which needs the lookup's answer.
 */
import { setAsideAllowed } from "./allow";
import type { FindingSet } from "./findings";
import { matchFindings, type KeyLookup } from "./match";
import type { ProgressMeter } from "./progress";
import type { ScanResult } from "./types";

export interface SettleOptions {
  lookup?: KeyLookup | undefined;
  signal?: AbortSignal | undefined;
  progress?: ProgressMeter;
  /** The caller matches, then sets aside (scan-path.ts): nothing may be set aside before the workspace says which finds are live. */
  matchLater?: boolean | undefined;
}

export async function settleFindings(result: ScanResult, findings: FindingSet, options: SettleOptions): Promise<void> {
  result.findings = findings.list();
  if (options.lookup) {
    options.progress?.phase("matching");
    if (result.findings.length > 0) await matchFindings(result.findings, options.lookup, options.signal);
    result.matched = true;
  }
  if (!options.matchLater) setAsideAllowed(result);
}
