/**
 * The bundle's members other than its events, checked the same way by every verifier: exactly the
 * v1 members, a known format and version, the contract's types (zod), the signing key's
 * fingerprint matching its public key, and a 64-byte signature. Canonical form is the caller's check.
 */
import { createHash } from "node:crypto";
import { z } from "zod";
import { AUDIT_BUNDLE_FORMAT, AUDIT_BUNDLE_VERSION, AuditBundle, type ApiKey } from "../../../shared/api/schemas";
import { BUNDLE_MEMBERS } from "../../../shared/audit-bundle-format";
import type { BundleHeader } from "./result";

export interface CheckedHeader {
  header: BundleHeader;
  keys: ApiKey[];
  signature: Buffer;
}

const Header = AuditBundle.omit({ events: true });

function exactMembers(value: unknown, names: readonly string[]): boolean {
  return typeof value === "object" && value !== null && !Array.isArray(value) && Object.keys(value).sort().join() === [...names].sort().join();
}

function base64Bytes(text: string, length: number): Buffer | null {
  const bytes = Buffer.from(text, "base64");
  return bytes.length === length && bytes.toString("base64") === text ? bytes : null;
}

/** The header of a parsed bundle, or why it is not one. */
export function checkHeader(raw: unknown): CheckedHeader | { error: string } {
  if (!exactMembers(raw, BUNDLE_MEMBERS)) {
    const names = typeof raw === "object" && raw !== null ? Object.keys(raw).sort().join(", ") : typeof raw;
    return { error: `its top-level members are not those of an audit bundle (found: ${names})` };
  }
  const bundle = raw as Record<string, unknown>;
  if (bundle.format !== AUDIT_BUNDLE_FORMAT) return { error: `it is not a Keyward audit bundle (format ${JSON.stringify(bundle.format)})` };
  if (bundle.version !== AUDIT_BUNDLE_VERSION) {
    return { error: `it is audit bundle format version ${JSON.stringify(bundle.version)}, and this Keyward reads version ${AUDIT_BUNDLE_VERSION}: update Keyward` };
  }
  const parsed = Header.safeParse(bundle);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { error: `${issue.path.join(".") || "the bundle"}: ${issue.message}` };
  }
  if (!exactMembers(bundle.head, ["hash", "seq"]) || !/^[0-9a-f]{64}$/.test(parsed.data.head.hash) || parsed.data.head.seq < 0) {
    return { error: "head must be exactly {hash: 64 lowercase hex digits, seq: a whole number}" };
  }
  if (!exactMembers(bundle.signing, ["algorithm", "fingerprint", "publicKey"])) return { error: "signing must be exactly {algorithm, fingerprint, publicKey}" };
  const publicKey = base64Bytes(parsed.data.signing.publicKey, 32);
  if (!publicKey) return { error: "signing.publicKey is not a 32-byte Ed25519 public key in base64" };
  if (createHash("sha256").update(publicKey).digest("hex") !== parsed.data.signing.fingerprint) {
    return { error: "signing.fingerprint is not the SHA-256 of signing.publicKey" };
  }
  const signature = base64Bytes(parsed.data.signature, 64);
  if (!signature) return { error: "signature is not a 64-byte Ed25519 signature in base64" };
  const { workspaceId, workspaceName, serverVersion, generatedAt, head, signing, keys } = parsed.data;
  return { header: { workspaceId, workspaceName, serverVersion, generatedAt, head, signing, keyCount: keys.length }, keys, signature };
}

export const isHeaderError = (checked: CheckedHeader | { error: string }): checked is { error: string } => "error" in checked;

/** For callers that parse events themselves (the reference verifier). */
export const EventShape = z.strictObject({
  actor: z.string(),
  at: z.string(),
  data: z.record(z.string(), z.unknown()),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  keyId: z.string().optional(),
  prevHash: z.string().regex(/^[0-9a-f]{64}$/),
  seq: z.number().int().min(1).max(999_999_999_999_999),
  type: z.string(),
});
export type EventShape = z.infer<typeof EventShape>;
