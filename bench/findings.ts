/**
 * All findings for 10,000 keys with 90 days of usage (bench/findings-input.ts): builds the input
 * once, then times computeFindings over several runs after a warm-up, and prints the median as
 * `findings-10k-ms: X` (goal < 200). Run alone with `npx tsx bench/run.ts findings`.
 */
import { performance } from "node:perf_hooks";
import { computeFindings } from "../core/findings";
import type { Finding } from "../shared/domain/findings";
import { DEFAULT_FINDING_SETTINGS } from "../shared/domain/findings";
import { buildFindingsInput } from "./findings-input";

const KEYS = 10_000;
const WARMUP = 3;
const RUNS = 15;

export async function benchFindings(): Promise<void> {
  const input = buildFindingsInput(KEYS);
  const active = input.keys.filter((key) => key.status === "active").length;
  console.log(
    `findings: ${input.keys.length} keys (${active} active), ${input.dailyRows} daily usage rows over 90 days, ` +
      `${input.usage.clients.length} recent clients, ${input.usage.refusals.length} refusal rollups, ${input.leaks.length} leak records, ${input.dismissals.length} dismissals`,
  );
  const times: number[] = [];
  let findings: Finding[] = [];
  for (let run = 0; run < WARMUP + RUNS; run++) {
    const started = performance.now();
    findings = computeFindings({ ...input, settings: DEFAULT_FINDING_SETTINGS, rotationDays: 90 });
    if (run >= WARMUP) times.push(performance.now() - started);
  }
  const counts = new Map<string, number>();
  for (const finding of findings) counts.set(finding.kind, (counts.get(finding.kind) ?? 0) + 1);
  console.log(`findings: ${findings.length} findings (${[...counts].map(([kind, n]) => `${kind} ${n}`).join(", ")})`);
  const sorted = [...times].sort((a, b) => a - b);
  console.log(`findings: ${RUNS} runs, min ${sorted[0]!.toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms`);
  console.log(`findings-10k-ms: ${sorted[Math.floor(sorted.length / 2)]!.toFixed(1)}`);
}
