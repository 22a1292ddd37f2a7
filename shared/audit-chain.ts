/**
 * The audit hash chain (API.md): each event's hash is SHA-256 over its predecessor's hash followed
 * by the canonical JSON of the event without its own hash. Hashing is left to the caller, which
 * picks Node's or the browser's SHA-256.
 */
import { canonicalJson } from "./canonical-json";

export const GENESIS_HASH = "0".repeat(64);

export function chainInput(prevHash: string, eventWithoutHash: Record<string, unknown>): string {
  return prevHash + canonicalJson(eventWithoutHash);
}
