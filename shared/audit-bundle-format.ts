/**
 * The audit bundle's signing rule (docs/audit-bundle.md), written once for the server that signs
 * and the verifiers that check: Ed25519 over this context line followed by the lowercase hex
 * SHA-256 of the bundle's canonical JSON without its `signature` member. The context names the
 * format and version, so a signature made for anything else never verifies as a bundle's.
 */
export const BUNDLE_SIGNATURE_CONTEXT = "keyward-audit-bundle/v1\n";

/** The exact ASCII text that is signed, for the hex SHA-256 of the unsigned bundle. */
export function bundleSignedText(unsignedSha256Hex: string): string {
  return BUNDLE_SIGNATURE_CONTEXT + unsignedSha256Hex;
}

/** The bundle's members in canonical (RFC 8785) order: events come first, the signature sits between serverVersion and signing. */
export const BUNDLE_MEMBERS = ["events", "format", "generatedAt", "head", "keys", "serverVersion", "signature", "signing", "version", "workspaceId", "workspaceName"] as const;
