/*
 * Encrypted backups: a separate vault file (same format) with its own data key, under a backup
 * passphrase, without keychain unlock.
 * Protects against: losing the vault with the disk, and a backup being readable without its own
 * passphrase (Argon2id at the vault's cost, AES-256-GCM, HMAC). Does not protect against: a weak
 * backup passphrase, or a backup copied somewhere the user did not mean to; the secrets pass
 * through memory in clear while the backup is written or read.
 */
import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import { writeFileAtomic } from "./atomic-write";
import { randomKey, wipe } from "./crypto";
import type { FullEntry } from "./entries";
import { ioError, isVaultError, VaultError } from "./errors";
import { buildImage, closeSession, macKeyFor, newHeader, openSession, readEntry, readImage, storeEntry, unwrapWithPassphrase, wrapDataKey, type ImageParts } from "./image";
import { deriveKey, newKdfParams, type KdfCost } from "./kdf";
import { readVaultBytes } from "./persist";

export async function writeBackup(target: string, passphrase: string, cost: KdfCost, entries: readonly FullEntry[], createdAt: string): Promise<void> {
  const kdf = newKdfParams(cost);
  const kek = await deriveKey(passphrase, kdf);
  const dataKey = randomKey();
  const macKey = macKeyFor(dataKey);
  try {
    const { headerBytes } = newHeader(kdf, undefined, createdAt);
    const parts: ImageParts = { headerBytes, passphraseWrap: wrapDataKey(kek, dataKey, headerBytes), keychainWrap: null, index: new Map(), entries: new Map() };
    for (const entry of entries) storeEntry(dataKey, parts, entry);
    const image = buildImage(parts, { dataKey, macKey });
    await mkdir(dirname(target), { recursive: true });
    await writeFileAtomic(target, image.bytes);
  } catch (error) {
    throw ioError(error, `write the backup ${target}`);
  } finally {
    wipe(kek, dataKey, macKey);
  }
}

/** Every entry of the backup at `path`, with its secrets. */
export async function readBackup(path: string, passphrase: string): Promise<FullEntry[]> {
  try {
    const image = readImage(await readVaultBytes(path, "backup"));
    const { dataKey } = await unwrapWithPassphrase(image, passphrase);
    const session = openSession(image, dataKey);
    try {
      return [...session.index.keys()].map((id) => readEntry(session.dataKey, { index: session.index, entries: image.entries }, id));
    } finally {
      closeSession(session);
    }
  } catch (error) {
    if (isVaultError(error, "wrong_passphrase")) throw new VaultError("wrong_passphrase", "The backup passphrase is wrong. Nothing was imported.");
    if (isVaultError(error) && error.code !== "not_found") throw new VaultError(error.code, `The backup cannot be imported. ${error.message.replace("The vault file", "The file")}`, { cause: error });
    throw error;
  }
}
