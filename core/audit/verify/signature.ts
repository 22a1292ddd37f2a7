/**
 * Checks a bundle's Ed25519 signature: over `keyward-audit-bundle/v1\n` followed by the hex SHA-256
 * of the bundle without its signature member (shared/audit-bundle-format.ts). The key is the one the
 * bundle names: this proves the bundle is intact as that key signed it; whether that key is the
 * workspace's is for the officer to compare (the fingerprint) or the caller to pass as expected.
 */
import { createPublicKey, verify } from "node:crypto";
import type { SigningKeyInfo } from "../../../shared/api/schemas";
import { bundleSignedText } from "../../../shared/audit-bundle-format";

export function signatureMatches(unsignedSha256Hex: string, signing: SigningKeyInfo, signature: Buffer): boolean {
  const key = createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: Buffer.from(signing.publicKey, "base64").toString("base64url") }, format: "jwk" });
  return verify(null, Buffer.from(bundleSignedText(unsignedSha256Hex), "ascii"), key, signature);
}
