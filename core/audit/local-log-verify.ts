/**
 * Verifies the local audit log's lines: each is the canonical JSON of a v1 event, the events form
 * one chain (the same diagnosis as an audit bundle's: missing, altered, inserted, out of order), and
 * the chain reaches the head the caller remembered, if any (a log cut short otherwise looks whole).
 */
import { createHash } from "node:crypto";
import type { ChainHead } from "../../shared/api/schemas";
import { chainInput } from "../../shared/audit-chain";
import { canonicalJson } from "../../shared/canonical-json";
import { diagnoseChain } from "./verify/diagnose-chain";
import { EventShape } from "./verify/header";
import type { ChainProblem } from "./verify/result";

export interface LocalLogVerification {
  valid: boolean;
  events: number;
  head: ChainHead | null;
  /** A line that is not a canonical v1 event (1-based), or the chain's first break. */
  problem: { kind: "malformed"; line: number; message: string } | ChainProblem | null;
  summary: string;
}

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

export function verifyLogLines(text: string, expectedHead: ChainHead | null): LocalLogVerification {
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  const events: EventShape[] = [];
  for (const [index, line] of lines.entries()) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      return malformed(index + 1, "it is not JSON");
    }
    // Hashed as parsed: zod's copy would turn a member named "__proto__" into a prototype.
    if (!EventShape.safeParse(parsed).success) return malformed(index + 1, "it is not an audit event");
    if (canonicalJson(parsed) !== line) return malformed(index + 1, "it is not in canonical form");
    events.push(parsed as EventShape);
  }
  const last = events.at(-1);
  const head = last ? { seq: last.seq, hash: last.hash } : { seq: 0, hash: "0".repeat(64) };
  const computed = events.map(({ hash: _hash, ...rest }) => sha256(chainInput(rest.prevHash, rest)));
  const problem = diagnoseChain(
    { count: events.length, seq: (i) => events[i]!.seq, prevHash: (i) => events[i]!.prevHash, hash: (i) => events[i]!.hash, computed: (i) => computed[i]! },
    expectedHead && expectedHead.seq > head.seq ? expectedHead : head,
  );
  if (problem) return { valid: false, events: events.length, head, problem, summary: problem.message };
  if (expectedHead && (expectedHead.seq > head.seq || !events.some((event) => event.seq === expectedHead.seq && event.hash === expectedHead.hash))) {
    const message = `The log does not reach the head remembered for it (event ${expectedHead.seq}): it was cut short or rewritten.`;
    return { valid: false, events: events.length, head, problem: { kind: "head_mismatch", seq: expectedHead.seq, position: 0, expected: expectedHead.hash, found: head.hash, message }, summary: message };
  }
  return { valid: true, events: events.length, head, problem: null, summary: `Valid: ${events.length} events chained from event 1 to event ${head.seq}.` };
}

function malformed(line: number, why: string): LocalLogVerification {
  const message = `Line ${line} of the local audit log is damaged: ${why}.`;
  return { valid: false, events: 0, head: null, problem: { kind: "malformed", line, message }, summary: message };
}
