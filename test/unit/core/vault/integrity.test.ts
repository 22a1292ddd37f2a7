import { createHash } from "node:crypto";
import { readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Vault } from "../../../../core/vault";
import { encodeContainer } from "../../../../core/vault/format";
import { hmacSha256 } from "../../../../core/vault/crypto";
import { macKeyFor } from "../../../../core/vault/image";
import { dataKeyForTests } from "../../../../core/vault/vault";
import { bytesOf, errorOf, FAST_KDF, PASSPHRASE, tempDir } from "./helpers";

const sha256 = (data: Uint8Array) => createHash("sha256").update(data).digest();

/** A small vault with two entries, locked; returns its path and bytes. */
async function smallVault() {
  const dir = await tempDir();
  const path = join(dir, "vault.kwv");
  const vault = await Vault.create(path, PASSPHRASE, { kdf: FAST_KDF, idleLockMs: null });
  await vault.add({ id: "k1", kind: "api_key_secret", label: "One", secret: "secret-one" });
  await vault.add({ id: "k2", kind: "admin_token", label: "Two", secret: "secret-two" });
  vault.lock();
  return { dir, path, bytes: await bytesOf(path) };
}

/** Opens and unlocks; returns the error code, or "opened" when it (wrongly) worked. */
async function tryOpen(path: string): Promise<string> {
  try {
    const vault = await Vault.open(path, { idleLockMs: null });
    await vault.unlockWithPassphrase(PASSPHRASE);
    vault.get("k1");
    vault.get("k2");
    return "opened";
  } catch (error) {
    if (error instanceof Error && "code" in error) return String(error.code);
    return `crash: ${String(error)}`;
  }
}

/** Rewrites the trailing SHA-256 (and the prefix check), as an attacker who knows the format would. */
function withFreshChecksums(bytes: Buffer): Buffer {
  const out = Buffer.from(bytes);
  sha256(out.subarray(0, 20)).copy(out, 20, 0, 4);
  sha256(out.subarray(0, out.length - 32)).copy(out, out.length - 32);
  return out;
}

describe("vault file integrity", () => {
  it("detects every single flipped byte as damage, and changes nothing on disk", async () => {
    const { dir, path, bytes } = await smallVault();
    expect(bytes.length).toBeGreaterThan(500);
    const filesBefore = await readdir(dir);
    const codes = new Map<string, number>();
    for (let i = 0; i < bytes.length; i += 1) {
      const flipped = Buffer.from(bytes);
      flipped[i] = flipped[i]! ^ 0xff;
      await writeFile(path, flipped);
      const code = await tryOpen(path);
      codes.set(code, (codes.get(code) ?? 0) + 1);
      if (code !== "corrupt") throw new Error(`byte ${i}: expected corrupt, got ${code}`);
      expect((await bytesOf(path)).equals(flipped)).toBe(true);
    }
    expect(codes).toEqual(new Map([["corrupt", bytes.length]]));
    expect(await readdir(dir)).toEqual(filesBefore);
  });

  it("refuses a deliberately altered file even when the attacker fixes the unkeyed checksum", async () => {
    const { path, bytes } = await smallVault();
    const headerStart = 24;
    const bodyStart = headerStart + bytes.readUInt32BE(12);
    const body = bytes.subarray(bodyStart, bodyStart + bytes.readUInt32BE(16)).toString("latin1");
    const wrapKey = body.indexOf('"passphraseWrap":"');
    const wrapEnd = bodyStart + body.indexOf('"', wrapKey + 18);
    for (let i = 0; i < bytes.length - 32; i += 1) {
      if (i >= 20 && i < 24) continue; // the prefix check itself, which the forger recomputes
      const altered = Buffer.from(bytes);
      altered[i] = altered[i]! ^ 0x01;
      await writeFile(path, withFreshChecksums(altered));
      const code = await tryOpen(path);
      // A forged version or length is believed (then refused as such); the header (KDF parameters)
      // and the wrapped key can only be checked through the passphrase key, so a change there reads
      // as a wrong passphrase; everything else is caught as damage by the MAC or the GCM tags.
      const allowed =
        i >= 8 && i < 12 ? ["unsupported_version"] : i >= 12 && i < 20 ? ["corrupt", "truncated"] : i >= headerStart && i < wrapEnd ? ["corrupt", "wrong_passphrase"] : ["corrupt"];
      if (!allowed.includes(code)) throw new Error(`byte ${i}: got ${code}, expected ${allowed.join(" or ")}`);
    }
  });

  it("says truncated for a file cut at any of several lengths, and changes nothing", async () => {
    const { path, bytes } = await smallVault();
    const lengths = [0, 1, 7, 8, 12, 23, 24, 100, Math.floor(bytes.length / 2), bytes.length - 33, bytes.length - 32, bytes.length - 1];
    for (const length of lengths) {
      const cut = bytes.subarray(0, length);
      await writeFile(path, cut);
      const error = await errorOf(() => Vault.open(path));
      expect(error.code, `length ${length}`).toBe("truncated");
      expect(error.message).toMatch(/cut short/);
      expect((await bytesOf(path)).equals(cut)).toBe(true);
    }
  });

  it("says unsupported_version for a well-formed file of a newer format, and never falls back past it", async () => {
    const { path, bytes } = await smallVault();
    const newer = Buffer.from(bytes);
    newer.writeUInt16BE(2, 8);
    await writeFile(path, withFreshChecksums(newer));
    await writeFile(`${path}.bak`, bytes);
    const error = await errorOf(() => Vault.open(path, { fallbackToBackup: true }));
    expect(error.code).toBe("unsupported_version");
    expect(error.message).toMatch(/newer Keyward \(format 2\)/);
  });

  it("says corrupt for a file that is not a vault at all", async () => {
    const dir = await tempDir();
    const path = join(dir, "notes.txt");
    await writeFile(path, "just some text, long enough to pass the length checks");
    expect((await errorOf(() => Vault.open(path))).code).toBe("corrupt");
  });

  it("binds each sealed entry to its id: swapped entries are refused even with a valid MAC", async () => {
    const { path, bytes } = await smallVault();
    const vault = await Vault.open(path);
    await vault.unlockWithPassphrase(PASSPHRASE);
    const macKey = macKeyFor(dataKeyForTests(vault)!);
    const headerLength = bytes.readUInt32BE(12);
    const header = bytes.subarray(24, 24 + headerLength);
    const body = JSON.parse(bytes.subarray(24 + headerLength, 24 + headerLength + bytes.readUInt32BE(16)).toString("utf8"));
    const [[id1, sealed1], [id2, sealed2]] = body.entries;
    body.entries = [
      [id1, sealed2],
      [id2, sealed1],
    ];
    await writeFile(path, encodeContainer(header, Buffer.from(JSON.stringify(body)), (data) => hmacSha256(macKey, data)));
    const swapped = await Vault.open(path);
    await swapped.unlockWithPassphrase(PASSPHRASE); // the MAC is valid: only the id binding can catch it
    expect((await errorOf(() => swapped.get("k1"))).code).toBe("corrupt");
    expect((await errorOf(() => swapped.get("k2"))).code).toBe("corrupt");
  });
});
