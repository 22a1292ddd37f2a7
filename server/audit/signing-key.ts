/*
 * The workspace's audit signing key (Ed25519): made at first start, kept in the data folder as
 * PKCS#8 PEM with mode 0600, loaded at every start, never logged or served (only its public half
 * and fingerprint are). Every server of a workspace must sign with the same key, so the public key
 * is kept in the database's meta table and a server whose key file differs refuses to start.
 * Does not protect against someone who can read the data folder: they can sign; officers compare
 * the fingerprint out of band, and the hash chain still shows what changed in the history.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, type KeyObject } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Kysely } from "kysely";
import type { SigningKeyInfo } from "../../shared/api/schemas";
import type { Database } from "../db/schema";
import { keepFirstMeta, readMeta } from "./workspace-identity";

export const SIGNING_KEY_FILE = "audit-signing-key.pem";
export const SIGNING_KEY_META = "audit_signing_public_key";

export interface AuditSigningKey {
  privateKey: KeyObject;
  info: SigningKeyInfo;
  file: string;
}

export function signingKeyInfo(publicKeyBase64: string): SigningKeyInfo {
  const fingerprint = createHash("sha256").update(Buffer.from(publicKeyBase64, "base64")).digest("hex");
  return { algorithm: "ed25519", publicKey: publicKeyBase64, fingerprint };
}

function publicKeyOf(privateKey: KeyObject): string {
  const jwk = createPublicKey(privateKey).export({ format: "jwk" });
  return Buffer.from(jwk.x!, "base64url").toString("base64");
}

function describe(publicKeyBase64: string): string {
  return `fingerprint ${signingKeyInfo(publicKeyBase64).fingerprint.slice(0, 16)}…`;
}

function readKeyFile(file: string): KeyObject {
  const stat = fs.statSync(file);
  if (process.platform !== "win32" && (stat.mode & 0o077) !== 0) {
    throw new Error(`The audit signing key ${file} can be read by other users (mode ${(stat.mode & 0o777).toString(8)}). Run: chmod 600 "${file}"`);
  }
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: fs.readFileSync(file, "utf8"), format: "pem" });
  } catch {
    throw new Error(`The audit signing key ${file} is not a readable private key (PKCS#8 PEM). Restore it from a backup of this data folder.`);
  }
  if (key.asymmetricKeyType !== "ed25519") throw new Error(`The audit signing key ${file} is a ${key.asymmetricKeyType} key; Keyward signs with Ed25519.`);
  return key;
}

/** Writes the key with mode 0600 from its creation (never briefly readable by others), and syncs it to disk. */
function writeKeyFile(file: string, key: KeyObject): void {
  fs.rmSync(file, { force: true });
  const fd = fs.openSync(file, "wx", 0o600);
  try {
    fs.writeSync(fd, key.export({ format: "pem", type: "pkcs8" }) as string);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function syncFolder(dir: string): void {
  if (process.platform === "win32") return;
  const fd = fs.openSync(dir, "r");
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

const loaded = (privateKey: KeyObject, file: string): AuditSigningKey => ({ privateKey, info: signingKeyInfo(publicKeyOf(privateKey)), file });

/** How long a server waits for another process of the same data folder to finish making the key. */
const PEER_WAIT_MS = 5_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A key being made is written under a name of its own (several processes of one data folder may
 * start at once), and renamed to the final name once the database kept its public key.
 */
const pendingName = (file: string) => `${file}.new-${process.pid}-${randomBytes(4).toString("hex")}`;
const isPending = (name: string) => name.startsWith(`${SIGNING_KEY_FILE}.new`);

/** A pending key file left by a crash between the database and the rename, if it is the workspace's key. */
function completePending(dataDir: string, file: string, workspaceKey: string): AuditSigningKey | null {
  for (const name of fs.readdirSync(dataDir).filter(isPending)) {
    const pending = path.join(dataDir, name);
    let privateKey: KeyObject;
    try {
      privateKey = readKeyFile(pending);
    } catch {
      continue;
    }
    if (publicKeyOf(privateKey) !== workspaceKey) continue;
    return installKeyFile(dataDir, pending, file, privateKey);
  }
  return null;
}

/**
 * Renames a pending key file to the final name. Another process of the data folder starting just
 * now may have found the same pending file and renamed it first (completePending): then the final
 * file already holds this very key, and that is success, not a failed start.
 */
export function installKeyFile(dataDir: string, pending: string, file: string, privateKey: KeyObject): AuditSigningKey {
  try {
    fs.renameSync(pending, file);
  } catch (error) {
    const renamedByPeer = (error as NodeJS.ErrnoException).code === "ENOENT" && fs.existsSync(file) && publicKeyOf(readKeyFile(file)) === publicKeyOf(privateKey);
    if (!renamedByPeer) throw error;
  }
  syncFolder(dataDir);
  return loaded(privateKey, file);
}

/**
 * Another process of this data folder kept its key in the database and is about to rename its file
 * into place (its pending file is there meanwhile): wait for it, briefly, and load it once it is the
 * workspace's key. With no pending file in the folder, no one here is making it: answer at once.
 */
async function awaitPeerKey(dataDir: string, file: string, workspaceKey: string): Promise<AuditSigningKey | null> {
  const until = Date.now() + PEER_WAIT_MS;
  for (;;) {
    if (fs.existsSync(file)) {
      const privateKey = readKeyFile(file);
      return publicKeyOf(privateKey) === workspaceKey ? loaded(privateKey, file) : null;
    }
    if (Date.now() >= until || !fs.readdirSync(dataDir).some(isPending)) return null;
    await sleep(50);
  }
}

/**
 * Loads the data folder's signing key, or makes it when the workspace has none yet. A new key is
 * written beside its final name first and renamed only once the database has kept its public key,
 * so a crash in between leaves a file the next start completes, never a workspace whose key is lost.
 * Processes of one data folder starting at once all end up with the first one's key.
 */
export async function loadSigningKey(dataDir: string, db: Kysely<Database>): Promise<AuditSigningKey> {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, SIGNING_KEY_FILE);
  const workspaceKey = await readMeta(db, SIGNING_KEY_META);

  if (fs.existsSync(file)) {
    const privateKey = readKeyFile(file);
    const own = publicKeyOf(privateKey);
    const kept = workspaceKey ?? (await keepFirstMeta(db, SIGNING_KEY_META, own));
    if (kept !== own) {
      throw new Error(
        `This server's audit signing key (${file}, ${describe(own)}) is not the workspace's (${describe(kept)}, kept in the database). ` +
          `Every server of a workspace must sign with the same key: copy the key file of the server that created it into this data folder (mode 0600), then start again.`,
      );
    }
    return loaded(privateKey, file);
  }

  if (workspaceKey !== null) {
    const found = completePending(dataDir, file, workspaceKey) ?? (await awaitPeerKey(dataDir, file, workspaceKey));
    if (found) return found;
    throw new Error(
      `This workspace signs its audit bundles with a key (${describe(workspaceKey)}) that is not in ${dataDir}. ` +
        `Copy ${SIGNING_KEY_FILE} from the data folder of the server that created it (mode 0600), then start again.`,
    );
  }

  const { privateKey } = generateKeyPairSync("ed25519");
  const pending = pendingName(file);
  writeKeyFile(pending, privateKey);
  const own = publicKeyOf(privateKey);
  const kept = await keepFirstMeta(db, SIGNING_KEY_META, own);
  if (kept !== own) {
    fs.rmSync(pending, { force: true });
    // Another process made it first; in this data folder, its file appears in a moment.
    const peer = await awaitPeerKey(dataDir, file, kept);
    if (peer) return peer;
    throw new Error(
      `Another server made this workspace's audit signing key (${describe(kept)}) at the same moment. ` +
        `Copy ${SIGNING_KEY_FILE} from its data folder into ${dataDir} (mode 0600), then start again.`,
    );
  }
  return installKeyFile(dataDir, pending, file, privateKey);
}
