/**
 * Reads and rewrites a team vault file's parts by hand, for tests that act as an attacker or as a
 * removed member with an old copy: the layout is docs/team-vault.md's, coded here independently.
 */
import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from "node:crypto";
import { Decrypter } from "age-encryption";

export interface Parts {
  header: Record<string, unknown> & { members: Array<Record<string, string>>; keyWrap: string; revision: number; head: string };
  body: { index: string; entries: Array<[string, string]>; history: string; ledger: string };
}

export function split(bytes: Buffer): Parts {
  const h = bytes.readUInt32BE(12);
  const b = bytes.readUInt32BE(16);
  return { header: JSON.parse(bytes.subarray(24, 24 + h).toString("utf8")), body: JSON.parse(bytes.subarray(24 + h, 24 + h + b).toString("utf8")) };
}

/** Lays the parts out again; `macKey` null keeps the old MAC bytes (an outsider cannot make a new one). */
export function join(parts: Parts, macKey: Buffer | null, oldBytes: Buffer): Buffer {
  const header = Buffer.from(JSON.stringify(parts.header));
  const body = Buffer.from(JSON.stringify(parts.body));
  const prefix = Buffer.alloc(24);
  oldBytes.copy(prefix, 0, 0, 12);
  prefix.writeUInt32BE(header.length, 12);
  prefix.writeUInt32BE(body.length, 16);
  createHash("sha256").update(prefix.subarray(0, 20)).digest().copy(prefix, 20, 0, 4);
  const authenticated = Buffer.concat([prefix, header, body]);
  const mac = macKey ? createHmac("sha256", macKey).update(authenticated).digest() : oldBytes.subarray(oldBytes.length - 64, oldBytes.length - 32);
  const withMac = Buffer.concat([authenticated, mac]);
  return Buffer.concat([withMac, createHash("sha256").update(withMac).digest()]);
}

/** Recomputes only the trailing checksum (what a careful attacker does after editing bytes). */
export function fixChecksum(bytes: Buffer): Buffer {
  const body = bytes.subarray(0, bytes.length - 32);
  return Buffer.concat([body, createHash("sha256").update(body).digest()]);
}

/** The data key as a member's age identity unwraps it, with the standard age package alone. */
export async function dataKeyWith(bytes: Buffer, ageIdentity: string): Promise<Buffer> {
  const decrypter = new Decrypter();
  decrypter.addIdentity(ageIdentity);
  const payload = Buffer.from(await decrypter.decrypt(Buffer.from(split(bytes).header.keyWrap, "base64")));
  return payload.subarray(21);
}

export const subkey = (dataKey: Buffer, purpose: "seal" | "mac"): Buffer => Buffer.from(hkdfSync("sha256", dataKey, Buffer.alloc(0), `keyward-team/v1/${purpose}`, 32));

/** Opens a sealed part (base64 of IV, ciphertext, tag) with AES-256-GCM; null when the key is wrong. */
export function openPart(sealKey: Buffer, sealed: string, aad: string): Buffer | null {
  const raw = Buffer.from(sealed, "base64");
  const decipher = createDecipheriv("aes-256-gcm", sealKey, raw.subarray(0, 12));
  decipher.setAAD(Buffer.from(aad));
  decipher.setAuthTag(raw.subarray(raw.length - 16));
  try {
    return Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]);
  } catch {
    return null;
  }
}

export function sealPart(sealKey: Buffer, plain: Buffer, aad: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", sealKey, iv);
  cipher.setAAD(Buffer.from(aad));
  return Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]).toString("base64");
}

/** An insider's rewrite: decrypts a sealed JSON part, lets `edit` change it, seals it again. */
export function editPart(parts: Parts, sealKey: Buffer, part: "index" | "history" | "ledger", edit: (value: any) => unknown): void { // eslint-disable-line @typescript-eslint/no-explicit-any -- tests edit any shape
  const aad = `keyward-team/v1/${part}\0${parts.header.vaultId as string}`;
  const value = JSON.parse(openPart(sealKey, parts.body[part], aad)!.toString("utf8"));
  parts.body[part] = sealPart(sealKey, Buffer.from(JSON.stringify(edit(value) ?? value)), aad);
}
