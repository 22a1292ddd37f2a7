/*
 * The credential format: `<prefix><32 base-62 body><6 base-62 CRC-32 checksum>`.
 * Protects against: typos and look-alike strings being taken for credentials (the checksum is
 * checked before any storage is touched), and predictable secrets (the body comes from a CSPRNG,
 * about 190 bits). Does not protect against: a leaked credential, which is valid by design; the
 * checksum is public, so it proves shape, never authenticity. Secrets pass through here and are
 * never logged or kept.
 */
import { encodeBase62, isBase62, randomBase62 } from "./base62";
import { crc32Ascii } from "./crc32";

export const BODY_LENGTH = 32;
export const CHECKSUM_LENGTH = 6;

export const PREFIXES = {
  admin: "uo_adm_",
  live: "uo_live_",
  test: "uo_test_",
} as const;

export type CredentialFlavor = keyof typeof PREFIXES;
export type CredentialKind = "admin_token" | "api_key";
export type Environment = "live" | "test";

export interface ParsedCredential {
  kind: CredentialKind;
  /** live or test for an API key; null for an admin token. */
  environment: Environment | null;
  prefix: string;
  body: string;
  checksum: string;
}

export type CredentialProblem = "empty" | "unknown_prefix" | "wrong_length" | "not_base62" | "bad_checksum";

export type ParseResult = { ok: true; credential: ParsedCredential } | { ok: false; problem: CredentialProblem; message: string };

const MESSAGES: Record<CredentialProblem, string> = {
  empty: "No credential was given.",
  unknown_prefix: "The credential does not start with uo_live_, uo_test_ or uo_adm_.",
  wrong_length: "The credential has the wrong length.",
  not_base62: "The credential contains characters outside 0-9, A-Z and a-z.",
  bad_checksum: "The credential's checksum does not match: it was mistyped or altered.",
};

/** The checksum of `prefix + body`: CRC-32 in base 62, six digits. */
export function checksumOf(prefixAndBody: string): string {
  return encodeBase62(crc32Ascii(prefixAndBody), CHECKSUM_LENGTH);
}

export function generateCredential(flavor: CredentialFlavor): string {
  const head = PREFIXES[flavor] + randomBase62(BODY_LENGTH);
  return head + checksumOf(head);
}

function flavorOf(text: string): CredentialFlavor | null {
  if (text.startsWith(PREFIXES.live)) return "live";
  if (text.startsWith(PREFIXES.test)) return "test";
  if (text.startsWith(PREFIXES.admin)) return "admin";
  return null;
}

/** Checks shape and checksum only; whether the credential exists is the server's question. */
export function parseCredential(text: string): ParseResult {
  const fail = (problem: CredentialProblem): ParseResult => ({ ok: false, problem, message: MESSAGES[problem] });
  if (text.length === 0) return fail("empty");
  const flavor = flavorOf(text);
  if (flavor === null) return fail("unknown_prefix");
  const prefix = PREFIXES[flavor];
  if (text.length !== prefix.length + BODY_LENGTH + CHECKSUM_LENGTH) return fail("wrong_length");
  const body = text.slice(prefix.length, prefix.length + BODY_LENGTH);
  const checksum = text.slice(prefix.length + BODY_LENGTH);
  if (!isBase62(body) || !isBase62(checksum)) return fail("not_base62");
  if (checksumOf(prefix + body) !== checksum) return fail("bad_checksum");
  return {
    ok: true,
    credential: {
      kind: flavor === "admin" ? "admin_token" : "api_key",
      environment: flavor === "admin" ? null : flavor,
      prefix,
      body,
      checksum,
    },
  };
}

/** The display form kept and shown instead of the secret: prefix, first 6 of the body, last 4. */
export function displayForm(credential: string): string {
  const flavor = flavorOf(credential);
  const prefix = flavor ? PREFIXES[flavor] : "";
  return `${prefix}${credential.slice(prefix.length, prefix.length + 6)}…${credential.slice(-4)}`;
}

/**
 * Every well-formed credential in a text, checksum verified. Scanners use it; the checksum keeps
 * look-alike strings out.
 */
export function findCredentials(text: string): { credential: string; index: number }[] {
  const pattern = /uo_(?:live|test|adm)_[0-9A-Za-z]{38}(?![0-9A-Za-z])/g;
  const found: { credential: string; index: number }[] = [];
  for (const match of text.matchAll(pattern)) {
    const candidate = match[0];
    const before = match.index > 0 ? text[match.index - 1]! : "";
    if (/[0-9A-Za-z_]/.test(before)) continue;
    if (parseCredential(candidate).ok) found.push({ credential: candidate, index: match.index });
  }
  return found;
}
