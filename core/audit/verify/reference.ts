/**
 * The reference verifier: slow and plainly correct, for tests. It parses the whole bundle with
 * JSON.parse, requires the text to equal canonicalJson of what it parsed, hashes every event as
 * the server did (shared/audit-chain.ts), and hashes canonicalJson of the bundle without its
 * signature. The fast verifiers must agree with it on every bundle (property tests).
 */
import { createHash } from "node:crypto";
import { chainInput } from "../../../shared/audit-chain";
import { canonicalJson } from "../../../shared/canonical-json";
import { diagnoseChain } from "./diagnose-chain";
import { checkHeader, EventShape, isHeaderError } from "./header";
import { inventoryHints, type CreatedEvent } from "./inventory-hints";
import { malformedResult, verificationResult, type BundleVerification } from "./result";
import type { VerifyOptions } from "./sequential";
import { signatureMatches } from "./signature";

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

export function verifyBundleReference(bytes: Uint8Array, options: VerifyOptions = {}): BundleVerification {
  let text: string;
  let raw: unknown;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
    raw = JSON.parse(text);
  } catch {
    return malformedResult("it is not JSON in UTF-8", null);
  }
  if (canonicalJson(raw) !== text) return malformedResult("it is not in canonical form (RFC 8785)", null);
  const checked = checkHeader(raw);
  if (isHeaderError(checked)) return malformedResult(checked.error, null);
  const { events: rawEvents, signature: _signature, ...unsigned } = raw as Record<string, unknown>;
  if (!Array.isArray(rawEvents)) return malformedResult("events is not an array", null);
  const events: EventShape[] = [];
  for (const [index, item] of rawEvents.entries()) {
    // zod validates the shape; the hashes are of the parsed event itself (zod's copy would turn a
    // member named "__proto__" into a prototype and lose it).
    if (!EventShape.safeParse(item).success) return malformedResult(`event at position ${index + 1} is not a v1 audit event`, null);
    events.push(item as EventShape);
  }
  const computed = events.map(({ hash: _hash, ...rest }) => sha256(chainInput(rest.prevHash, rest)));
  const chainProblem = diagnoseChain(
    { count: events.length, seq: (i) => events[i]!.seq, prevHash: (i) => events[i]!.prevHash, hash: (i) => events[i]!.hash, computed: (i) => computed[i]! },
    checked.header.head,
  );
  const signatureValid = signatureMatches(sha256(canonicalJson({ events: rawEvents, ...unsigned })), checked.header.signing, checked.signature);
  const created: CreatedEvent[] = events.filter((event) => event.type === "key.created" && event.keyId !== undefined).map((event) => ({ seq: event.seq, keyId: event.keyId!, data: event.data }));
  const hints = !signatureValid && !chainProblem ? inventoryHints(checked.keys, created) : [];
  return verificationResult({ header: checked.header, events: events.length, chainProblem, signatureValid, hints, expectedFingerprint: options.expectedFingerprint });
}
