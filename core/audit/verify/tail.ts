/**
 * The members after the events array (format, generatedAt, head, keys, serverVersion, signature,
 * signing, version, workspace id and name), read as JSON and checked to be canonical, with the
 * signature member proven to be exactly the bytes the unsigned hash left out.
 */
import { canonicalJson } from "../../../shared/canonical-json";
import { checkHeader, isHeaderError, type CheckedHeader } from "./header";

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** `bytes` from the `]` that closes the events array to the end; `signature` where the hash skipped. */
export function readTail(bytes: Buffer, eventsEnd: number, signature: { start: number; end: number } | null): CheckedHeader | { error: string; offset: number } {
  let text: string;
  try {
    text = `{"events":[${utf8.decode(bytes.subarray(eventsEnd))}`;
  } catch {
    return { error: "the part after the events is not UTF-8", offset: eventsEnd };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { error: "the part after the events is not JSON", offset: eventsEnd };
  }
  if (canonicalJson(raw) !== text) return { error: "the part after the events is not in canonical form (RFC 8785)", offset: eventsEnd };
  const checked = checkHeader(raw);
  if (isHeaderError(checked)) return { error: checked.error, offset: eventsEnd };
  const member = Buffer.from(`,"signature":${JSON.stringify((raw as { signature: string }).signature)}`, "ascii");
  if (!signature || signature.start <= eventsEnd || !bytes.subarray(signature.start, signature.end).equals(member) || signature.end - signature.start !== member.length) {
    return { error: "the signature member is not where canonical form puts it", offset: signature?.start ?? eventsEnd };
  }
  return checked;
}
