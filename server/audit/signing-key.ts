/*
 * The workspace's audit signing key (Ed25519): made at first start, kept in the data folder as
 * PKCS#8 PEM with mode 0600, loaded at every start, never logged or served (only its public half
 * and fingerprint are). Every server of a workspace must sign with the same key, so the public key
 * is kept in the database's meta table and a server whose key file differs refuses to start.
 * Does not protect against someone who can read the data folder: they can sign; officers compare
 * the fingerprint out of band, and the hash chain still shows what changed in the history.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from "node:crypto";
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

/**
 * Loads the data folder's signing key, or makes it when the workspace has none yet. A new key is
 * written beside its final name first and renamed only once the database has kept its public key,
 * so a crash in between leaves a file the next start completes, never a workspace whose key is lost.
 */
export async function loadSigningKey(dataDir: string, db: Kysely<Database>): Promise<AuditSigningKey> {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, SIGNING_KEY_FILE);
  const pending = `${file}.new`;
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
    if (fs.existsSync(pending)) {
      const privateKey = readKeyFile(pending);
      if (publicKeyOf(privateKey) === workspaceKey) {
        fs.renameSync(pending, file);
        syncFolder(dataDir);
        return loaded(privateKey, file);
      }
    }
    throw new Error(
      `This workspace signs its audit bundles with a key (${describe(workspaceKey)}) that is not in ${dataDir}. ` +
        `Copy ${SIGNING_KEY_FILE} from the data folder of the server that created it (mode 0600), then start again.`,
    );
  }

  const { privateKey } = generateKeyPairSync("ed25519");
  writeKeyFile(pending, privateKey);
  const own = publicKeyOf(privateKey);
  const kept = await keepFirstMeta(db, SIGNING_KEY_META, own);
  if (kept !== own) {
    fs.rmSync(pending, { force: true });
    throw new Error(
      `Another server made this workspace's audit signing key (${describe(kept)}) at the same moment. ` +
        `Copy ${SIGNING_KEY_FILE} from its data folder into ${dataDir} (mode 0600), then start again.`,
    );
  }
  fs.renameSync(pending, file);
  syncFolder(dataDir);
  return loaded(privateKey, file);
}
