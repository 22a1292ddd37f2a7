/**
 * Byte patterns of a canonical bundle that the verifiers use to find their way before checking
 * everything strictly: the opening, the boundary between two events, the end of the events array,
 * and the signature member. A pattern found in the wrong place only sends the verifier down its
 * slower, fully sequential path; it never lets a wrong byte through.
 */
import { AUDIT_BUNDLE_FORMAT } from "../../../shared/api/schemas";

const ascii = (text: string) => Buffer.from(text, "ascii");

export const BUNDLE_OPENING = ascii('{"events":[');
/** The `}` that ends one event, the comma, and the next event's first member. */
export const EVENT_BOUNDARY = ascii('},{"actor":"');
/** From the `]` that closes the events array. */
export const EVENTS_END = ascii(`],"format":${JSON.stringify(AUDIT_BUNDLE_FORMAT)},"generatedAt":"`);
export const SIGNATURE_MEMBER = ascii(',"signature":"');
/** How far from the end the signature member may start: it is followed only by the signing key, the version, the workspace id and name. */
export const SIGNATURE_WINDOW = 64 * 1024;

/** Where the signature member `,"signature":"…"` is: [start, end). Null when it is not near the end. */
export function locateSignature(bytes: Buffer, searchFrom: number): { start: number; end: number } | null {
  const relative = bytes.subarray(searchFrom).lastIndexOf(SIGNATURE_MEMBER);
  if (relative < 0) return null;
  const start = searchFrom + relative;
  const close = bytes.indexOf(0x22, start + SIGNATURE_MEMBER.length);
  return close < 0 ? null : { start, end: close + 1 };
}
