/**
 * Audit bundles for tests, written from docs/audit-bundle.md alone: events chained with SHA-256 over
 * prevHash + canonical JSON, the bundle as canonical JSON, signed with Ed25519 over the context line
 * and the hex SHA-256 of the bundle without its signature. Also the tampering a test applies.
 */
import { createHash, generateKeyPairSync, sign, type KeyObject } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { ApiKey, AuditBundle, AuditEvent } from "../../../../shared/api/schemas";
import { canonicalJson } from "../../../../shared/canonical-json";
import { makeApiKey } from "../../../support/api-key";

export const ZEROS = "0".repeat(64);
const sha256 = (text: string | Buffer) => createHash("sha256").update(text).digest("hex");

export interface Signer {
  privateKey: KeyObject;
  publicKey: string;
  fingerprint: string;
}

export function newSigner(): Signer {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  const raw = Buffer.from(publicKey.export({ format: "jwk" }).x!, "base64url");
  return { privateKey, publicKey: raw.toString("base64"), fingerprint: sha256(raw) };
}

export type EventDraft = Omit<AuditEvent, "seq" | "prevHash" | "hash">;

/** Seals events into a chain: seq from 1, each prevHash the previous hash. */
export function chain(drafts: EventDraft[]): AuditEvent[] {
  let prevHash = ZEROS;
  return drafts.map((draft, index) => {
    const unsigned = { ...draft, seq: index + 1, prevHash };
    const hash = sha256(prevHash + canonicalJson(unsigned));
    prevHash = hash;
    return { ...unsigned, hash };
  });
}

/** Recomputes one event's hash over its (changed) content, as a forger would. */
export function rehash(event: Omit<AuditEvent, "hash"> & { hash?: string }): AuditEvent {
  const { hash: _old, ...unsigned } = event;
  return { ...unsigned, hash: sha256(unsigned.prevHash + canonicalJson(unsigned)) } as AuditEvent;
}

export type UnsignedBundle = Omit<AuditBundle, "signature">;

export function unsignedBundle(signer: Signer, keys: ApiKey[], events: AuditEvent[], head = events.length > 0 ? { seq: events.at(-1)!.seq, hash: events.at(-1)!.hash } : { seq: 0, hash: ZEROS }): UnsignedBundle {
  return {
    format: "keyward-audit-bundle",
    version: 1,
    workspaceId: "7d3f9a52-1b2c-4d5e-8f90-123456789abc",
    workspaceName: "Acme",
    serverVersion: "0.1.0",
    generatedAt: "2026-06-15T12:00:00.000Z",
    keys,
    events,
    head,
    signing: { algorithm: "ed25519", publicKey: signer.publicKey, fingerprint: signer.fingerprint },
  };
}

export function signatureFor(signer: Signer, unsignedBytesSha256: string): string {
  return sign(null, Buffer.from(`keyward-audit-bundle/v1\n${unsignedBytesSha256}`, "ascii"), signer.privateKey).toString("base64");
}

/** The bundle's canonical bytes, signed. */
export function signedBytes(signer: Signer, bundle: UnsignedBundle): Buffer {
  const signature = signatureFor(signer, sha256(canonicalJson(bundle)));
  return Buffer.from(canonicalJson({ ...bundle, signature }), "utf8");
}

/** Signs any text holding `,"signature":"SIGNATURE-HERE"`: the signature covers exactly these bytes, canonical or not. */
export function signRawText(signer: Signer, text: string): Buffer {
  const unsigned = text.replace(',"signature":"SIGNATURE-HERE"', "");
  return Buffer.from(text.replace("SIGNATURE-HERE", signatureFor(signer, sha256(Buffer.from(unsigned, "utf8")))), "utf8");
}

export function sampleKeys(count: number): ApiKey[] {
  return Array.from({ length: count }, (_, i) =>
    makeApiKey(`key_${String(i).padStart(3, "0")}`, { name: `integration ${i}`, scope: i % 3 === 0 ? "full" : i % 3 === 1 ? "write" : "read", display: `uo_live_Ab${i}Cd…9xYz` }),
  );
}

/** key.created for every key, then refusals and edits: the shapes a server writes. */
export function sampleEvents(keys: ApiKey[], extra: number): AuditEvent[] {
  const drafts: EventDraft[] = [{ at: "2026-01-01T00:00:00.000Z", type: "admin_token.created", actor: "server-cli", data: { tokenId: "atk_1", name: "desktop", display: "uo_adm_Ab12Cd…9xYz" } }];
  for (const key of keys) {
    drafts.push({ at: key.createdAt, type: "key.created", actor: "admin_token:atk_1", keyId: key.id, data: { name: key.name, scope: key.scope, environment: key.environment, display: key.display, expiresAt: null } });
  }
  for (let i = 0; i < extra; i++) {
    const key = keys[i % keys.length]!;
    drafts.push({ at: `2026-02-01T00:${String(i % 60).padStart(2, "0")}:01.000Z`, type: "auth.denied", actor: "system", keyId: key.id, data: { reason: "revoked_key", count: i + 1, minute: "2026-02-01T00:00:00.000Z", clients: ["203.0.113.9"] } });
  }
  return chain(drafts);
}

export function writeTemp(bytes: Buffer, name = "bundle.json"): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "keyward-bundle-"));
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}
