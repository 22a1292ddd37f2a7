/*
 * Export of a personal or team vault's entries to one age-encrypted file: readable by Keyward,
 * and by the standard `age` tool as a recovery path (`age -d -i identity.txt export.age`).
 * Protects against: anyone without the recipient's identity or the passphrase reading the export
 * (age: X25519 or scrypt, ChaCha20-Poly1305, authenticated), and a changed export being imported
 * (age's header MAC and payload tags). Does not protect against: a weak passphrase (scrypt only
 * slows guessing), or the decrypted JSON left on disk by someone recovering with `age -d`.
 */
import { mkdir } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { armor, Decrypter, Encrypter } from "age-encryption";
import { z } from "zod";
import { writeFileAtomic } from "../vault/atomic-write";
import type { FullEntry } from "../vault/entries";
import { ioError, TeamVaultError } from "./errors";
import type { MemberCard, MemberIdentity } from "./identity";
import { readFileIfExists } from "./sync";
import type { TeamVault } from "./team-vault";

export const EXPORT_FORMAT = "keyward-export";
export const EXPORT_VERSION = 1;

export type ExportedEntry = FullEntry & { conflictOf?: string };

export interface ExportPayload {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  source: { kind: "personal" | "team"; vaultId?: string; name?: string };
  entries: ExportedEntry[];
}

/**
 * Who can open the export: age recipients (member cards or `age1…` strings), or a passphrase
 * (age's scrypt recipient, which the age format allows only on its own).
 */
export type ExportProtection = { recipients: ReadonlyArray<MemberCard | string> } | { passphrase: string; scryptWorkFactor?: number };

const iso = z.iso.datetime();
const EntrySchema = z.strictObject({
  id: z.string().min(1).max(128),
  kind: z.string().min(1).max(64),
  label: z.string(),
  meta: z.record(z.string(), z.string()).optional(),
  createdAt: iso,
  updatedAt: iso,
  historyCount: z.int().min(0),
  secret: z.string(),
  history: z.array(z.strictObject({ secret: z.string(), replacedAt: iso })),
  conflictOf: z.string().optional(),
});
const PayloadSchema = z.strictObject({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  exportedAt: iso,
  source: z.strictObject({ kind: z.enum(["personal", "team"]), vaultId: z.string().optional(), name: z.string().optional() }),
  entries: z.array(EntrySchema),
});

export function exportPayload(source: ExportPayload["source"], entries: readonly ExportedEntry[], at = new Date()): ExportPayload {
  return { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: at.toISOString(), source, entries: entries.map((e) => ({ ...e, historyCount: e.history.length })) };
}

/** Every live entry of an open team vault (conflict copies keep their `conflictOf`). */
export function teamExportPayload(vault: TeamVault, at = new Date()): ExportPayload {
  return exportPayload({ kind: "team", vaultId: vault.vaultId, name: vault.name }, vault.entries(), at);
}

/** The age file (binary, or ASCII-armored with `armored`) holding the payload as UTF-8 JSON. */
export async function encryptExport(payload: ExportPayload, protection: ExportProtection, options: { armored?: boolean } = {}): Promise<Uint8Array> {
  const encrypter = new Encrypter();
  if ("passphrase" in protection) {
    if (typeof protection.passphrase !== "string" || protection.passphrase.length < 8) throw new TeamVaultError("invalid_input", "An export passphrase needs at least 8 characters.");
    if (protection.scryptWorkFactor !== undefined) encrypter.setScryptWorkFactor(protection.scryptWorkFactor);
    encrypter.setPassphrase(protection.passphrase);
  } else {
    if (protection.recipients.length === 0) throw new TeamVaultError("invalid_input", "An export needs at least one recipient.");
    for (const recipient of protection.recipients) {
      const text = typeof recipient === "string" ? recipient : recipient.recipient;
      try {
        encrypter.addRecipient(text);
      } catch {
        throw new TeamVaultError("invalid_input", `"${text.slice(0, 12)}…" is not an age recipient (age1…).`);
      }
    }
  }
  const plain = Buffer.from(JSON.stringify(payload), "utf8");
  try {
    const sealed = await encrypter.encrypt(plain);
    return options.armored ? Buffer.from(armor.encode(sealed), "utf8") : sealed;
  } finally {
    plain.fill(0);
  }
}

export async function writeExport(path: string, payload: ExportPayload, protection: ExportProtection, options: { armored?: boolean } = {}): Promise<void> {
  const target = resolve(path);
  const bytes = await encryptExport(payload, protection, options);
  try {
    await mkdir(dirname(target), { recursive: true });
    await writeFileAtomic(target, bytes, { mode: 0o600 });
  } catch (error) {
    throw ioError(error, `write the export ${target}`);
  }
}

/** What opens an export: a member identity, an age identity string (`AGE-SECRET-KEY-1…`), or the passphrase. */
export type ExportKey = { identity: MemberIdentity | string } | { passphrase: string };

export async function decryptExport(bytes: Uint8Array, key: ExportKey): Promise<ExportPayload> {
  let sealed = bytes;
  const text = Buffer.from(bytes.subarray(0, 64)).toString("latin1");
  if (text.trimStart().startsWith("-----BEGIN AGE ENCRYPTED FILE-----")) {
    try {
      sealed = armor.decode(Buffer.from(bytes).toString("utf8"));
    } catch {
      throw new TeamVaultError("corrupt", "This export file is damaged (its armor is malformed).");
    }
  } else if (!text.startsWith("age-encryption.org/v1\n")) {
    throw new TeamVaultError("not_an_export", "This file is not a Keyward export (an age-encrypted file).");
  }
  const decrypter = new Decrypter();
  if ("passphrase" in key) decrypter.addPassphrase(key.passphrase);
  else decrypter.addIdentity(typeof key.identity === "string" ? key.identity : key.identity.ageIdentity);
  let plain: Uint8Array;
  try {
    plain = await decrypter.decrypt(sealed);
  } catch {
    const what = "passphrase" in key ? "The passphrase is wrong" : "This export was not made for your identity";
    throw new TeamVaultError("wrong_key", `${what}, or the file was changed. Nothing was imported.`);
  }
  const json = Buffer.from(plain);
  plain.fill(0);
  try {
    const parsed = PayloadSchema.safeParse(JSON.parse(json.toString("utf8")));
    if (!parsed.success) throw new Error("shape");
    return parsed.data as ExportPayload;
  } catch {
    throw new TeamVaultError("not_an_export", "This file decrypts, but it is not a Keyward export this version can read. Nothing was imported.");
  } finally {
    json.fill(0);
  }
}

export async function readExport(path: string, key: ExportKey): Promise<ExportPayload> {
  const bytes = await readFileIfExists(resolve(path));
  if (bytes === null) throw new TeamVaultError("not_found", `There is no export file at ${resolve(path)}.`);
  return decryptExport(bytes, key);
}
