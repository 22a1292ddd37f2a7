/*
 * Finds credentials in raw bytes: the scanner's hot loop.
 * Protects against: a secret leaving the scanner. A verified credential exists here only as a
 * short-lived string; what leaves is its SHA-256 (for the workspace lookup), its display form and
 * its position. Look-alikes are dropped by the CRC-32 checksum before anything is hashed.
 * Does not protect against: memory inspection of this process while it runs.
 */
import { createHash } from "node:crypto";
import { displayForm, parseCredential } from "../../../shared/credential";

/** Longest credential: `uo_live_` + 32 body + 6 checksum. */
export const MAX_CREDENTIAL_BYTES = 46;
const NEEDLE = Buffer.from("uo_");
const TAIL_LENGTH = 38;

/**
 * Written on a credential's line, after it, this marks a find as meant to be there (a test vector,
 * a documentation example): `KEY = "uo_test_…"  # keyward:allow`. Only the rest of the line, up to
 * ALLOW_LOOKAHEAD bytes, is read: a marker elsewhere in the file allows nothing. Whether an allowed
 * find is reported is decided later (core/scan/allow.ts): never silenced when it is a live key.
 */
export const ALLOW_MARKER = Buffer.from("keyward:allow");
export const ALLOW_LOOKAHEAD = 512;

export type CredentialKind = "live" | "test" | "admin";

/** A verified credential, as the scanner reports it: never the secret. */
export interface RawFind {
  /** Offset of the credential's first byte (or UTF-16 code unit) in the scanned text. */
  offset: number;
  sha256: string;
  display: string;
  kind: CredentialKind;
  /** The rest of its line holds the allow marker. */
  allowed: boolean;
}

/** Whether ALLOW_MARKER follows `from` on its line, within ALLOW_LOOKAHEAD bytes of it. */
function markedAllowed(buf: Buffer, from: number): boolean {
  const rest = buf.subarray(from, Math.min(buf.length, from + ALLOW_LOOKAHEAD));
  const marker = rest.indexOf(ALLOW_MARKER);
  if (marker === -1) return false;
  const newline = rest.indexOf(10);
  return newline === -1 || marker < newline;
}

// Bytes 3.. after "uo_": which prefix follows, and how long the whole prefix is.
function prefixLength(buf: Uint8Array, i: number, end: number): number {
  const c = buf[i + 3];
  if (c === 0x6c /* l */ && i + 8 <= end && buf[i + 4] === 0x69 && buf[i + 5] === 0x76 && buf[i + 6] === 0x65 && buf[i + 7] === 0x5f) return 8;
  if (c === 0x74 /* t */ && i + 8 <= end && buf[i + 4] === 0x65 && buf[i + 5] === 0x73 && buf[i + 6] === 0x74 && buf[i + 7] === 0x5f) return 8;
  if (c === 0x61 /* a */ && i + 7 <= end && buf[i + 4] === 0x64 && buf[i + 5] === 0x6d && buf[i + 6] === 0x5f) return 7;
  return 0;
}

function isBase62Byte(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/**
 * Every checksum-valid credential starting in `[start, limit)` of `buf` (whose length is the end
 * of the valid data). A candidate is judged on its fixed length alone: no word boundary is required around it,
 * so `%20uo_live_…` (URL-encoded) and `\nuo_live_…` (an escaped newline) are found, and the
 * checksum (one chance in 62^6 for a random string) keeps look-alikes out.
 * Candidates that start before `limit` but need bytes past the end are the caller's to carry over.
 */
export function findInBytes(buf: Buffer, start: number, limit: number, out: RawFind[]): void {
  const end = buf.length;
  let i = buf.indexOf(NEEDLE, start);
  while (i !== -1 && i < limit) {
    const prefix = prefixLength(buf, i, end);
    if (prefix > 0 && i + prefix + TAIL_LENGTH <= end) {
      let ok = true;
      for (let k = i + prefix, stop = i + prefix + TAIL_LENGTH; k < stop; k++) {
        if (!isBase62Byte(buf[k]!)) {
          ok = false;
          break;
        }
      }
      if (ok) {
        const candidate = Buffer.from(buf.buffer, buf.byteOffset + i, prefix + TAIL_LENGTH).toString("latin1");
        const parsed = parseCredential(candidate);
        if (parsed.ok) {
          out.push({
            offset: i,
            sha256: createHash("sha256").update(candidate, "latin1").digest("hex"),
            display: displayForm(candidate),
            kind: parsed.credential.kind === "admin_token" ? "admin" : (parsed.credential.environment ?? "live"),
            allowed: markedAllowed(buf, i + prefix + TAIL_LENGTH),
          });
        }
      }
    }
    i = buf.indexOf(NEEDLE, i + 3);
  }
}
